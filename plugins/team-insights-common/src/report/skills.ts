import { compareStrings } from '../util';
import type { SkillSupply, TeamSkills } from '../api';
import type { TeamReport } from '../types';

/** A readable title for a cluster id the vocabulary does not name. */
function titleOf(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : id;
}

/**
 * The supply of each skill cluster over `teams`: people holding it, people
 * whose primary cluster it is, teams holding it and teams that require it
 * with nobody holding it. Every cluster of the vocabulary has a row (in
 * vocabulary order before sorting), and so does any cluster a team holds or
 * misses that the vocabulary does not name. Sorted by people, most first,
 * then by id.
 * @public
 */
export function skillSupply(
  teams: readonly TeamReport[],
  vocabulary: ReadonlyArray<{ id: string; title: string }> = [],
): SkillSupply[] {
  const titles = new Map(vocabulary.map(item => [item.id, item.title]));
  const rows = new Map<string, SkillSupply>();
  const row = (id: string) => {
    let existing = rows.get(id);
    if (!existing) {
      existing = {
        id,
        title: titles.get(id) ?? titleOf(id),
        people: 0,
        primary: 0,
        teams: 0,
        missingIn: 0,
      };
      rows.set(id, existing);
    }
    return existing;
  };
  for (const item of vocabulary) row(item.id);
  for (const team of teams) {
    for (const holding of team.skills) {
      const r = row(holding.cluster);
      r.people += holding.people;
      r.primary += holding.primary;
      if (holding.people > 0) r.teams += 1;
    }
    for (const missing of team.missingSkills) row(missing).missingIn += 1;
  }
  return [...rows.values()].sort(
    (a, b) => b.people - a.people || compareStrings(a.id, b.id),
  );
}

/**
 * What the skills view needs of each team: its clusters held, required and
 * missing, and nothing else. Sorted by title.
 * @public
 */
export function teamSkills(teams: readonly TeamReport[]): TeamSkills[] {
  return teams
    .map(team => ({
      entityRef: team.entityRef,
      title: team.title,
      teamType: team.teamType,
      requiredSkills: team.requiredSkills,
      missingSkills: team.missingSkills,
      skills: team.skills,
    }))
    .sort((a, b) => a.title.localeCompare(b.title, 'en'));
}
