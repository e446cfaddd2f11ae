import { OrganisationDraft, orgLocation, titleCase } from './draft';
import { weightedIndex } from './random';
import { TeamDraft } from './teams';
import {
  CENTRALIZED_SKILLS,
  FEATURE_SKILLS,
  FIRST_NAMES,
  LAST_NAMES,
  SKILL_CLUSTERS,
  SKILL_TYPOS,
} from './vocabulary';

/**
 * Adds `userCount` Users, members of teams in proportion to the teams'
 * weights, with the skills their team's type suggests (a few misspelt).
 */
export function addUsers(
  draft: OrganisationDraft,
  userCount: number,
  teams: TeamDraft[],
): void {
  const { random, push, mistake, dangling } = draft;
  const pickMemberTeam = weightedIndex(
    random,
    teams.map(t => t.weight),
  );
  for (let i = 0; i < userCount; i++) {
    const team = teams[pickMemberTeam()];
    const memberOf = [team.entity.metadata.name];
    if (random.chance(0.05)) {
      const other = teams[pickMemberTeam()];
      if (other !== team) memberOf.push(other.entity.metadata.name);
    }
    if (random.chance(0.003)) {
      memberOf.push('former-team');
      dangling.add('group:default/former-team');
      mistake('member-of-missing-group');
    }
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const name = `${first}-${last}-${i + 1}`;
    const annotations: Record<string, string> = {};
    if (!random.chance(0.1)) {
      let skills: string[];
      if (team.type === 'expertise' && team.expertise) {
        skills = [team.expertise];
      } else if (team.type === 'centralized') {
        skills = [random.weighted(CENTRALIZED_SKILLS)];
      } else {
        skills = [random.weighted(FEATURE_SKILLS)];
      }
      if (random.chance(0.35)) {
        const second = random.weighted(FEATURE_SKILLS);
        if (!skills.includes(second)) skills.push(second);
      }
      if (random.chance(0.05) && skills[0] === SKILL_CLUSTERS.sre) {
        skills[0] = 'sre';
      }
      if (random.chance(0.02)) {
        skills.push(random.pick(SKILL_TYPOS));
        mistake('skill-unknown');
      }
      annotations['team-insights.io/skills'] = skills.join(', ');
    }
    push(
      'User',
      name,
      { annotations },
      {
        profile: {
          displayName: `${titleCase(first)} ${titleCase(last)}`,
          email: `${name}@example.com`,
        },
        memberOf,
      },
      orgLocation('users.yaml'),
    );
  }
}
