import { Entity } from '@backstage/catalog-model';
import { addDays } from '@team-insights/plugin-team-insights-common';
import { OrganisationDraft, orgLocation, titleCase } from './draft';
import {
  CONCERNS,
  DOMAIN_WORDS,
  EXPERTISE_TEAM_WORDS,
  FEATURE_WORDS,
  SKILL_CLUSTERS,
} from './vocabulary';

export type TeamType = 'feature' | 'centralized' | 'expertise' | 'undeclared';

/** A team while it is generated, with what it has been given so far. */
export interface TeamDraft {
  entity: Entity;
  ref: string;
  type: TeamType;
  tribe: number;
  /** Relative weight for members and owned entities. */
  weight: number;
  /** Cluster of an expertise team. */
  expertise?: string;
  /** Concerns a centralized team offers products for. */
  concerns: string[];
  systems: string[];
  components: Entity[];
  resources: Entity[];
  apis: Entity[];
}

/** The teams of an organisation and how they are grouped. */
export interface Teams {
  teams: TeamDraft[];
  /** Concerns some centralized team offers, sorted; never empty. */
  concernPool: string[];
  /** Teams per tribe, by the tribe's index. */
  teamsByTribe: TeamDraft[][];
  centralTeams: TeamDraft[];
}

/**
 * The n-th concern and the name of a platform team offering it: the
 * well-known concerns first, then the same ones specialised per domain.
 */
function concernAt(n: number): readonly [string, string] {
  const [concern, platform] = CONCERNS[n % CONCERNS.length];
  const round = Math.floor(n / CONCERNS.length);
  if (round === 0) return [concern, platform];
  const domain = DOMAIN_WORDS[(round - 1) % DOMAIN_WORDS.length];
  const cycle = Math.floor((round - 1) / DOMAIN_WORDS.length);
  const qualifier = cycle === 0 ? domain : `${domain}-${cycle + 1}`;
  return [`${concern}-${qualifier}`, `${platform}-${qualifier}`];
}

/** What a team's type decides: its name, concerns, expertise and weight. */
interface TeamShape {
  name: string;
  expertise?: string;
  concerns: string[];
  weight: number;
}

/**
 * Draws the shape of the `i`-th team of a type and sets its team-type
 * annotation. `usedConcerns` collects the concerns of centralized teams;
 * `centralIndex` is how many centralized teams came before.
 */
function drawTeamShape(
  draft: OrganisationDraft,
  type: TeamType,
  i: number,
  centralIndex: number,
  usedConcerns: Set<string>,
  annotations: Record<string, string>,
): TeamShape {
  const { random, mistake } = draft;
  if (type === 'centralized') {
    // The first centralized teams each take one of the well-known concerns;
    // further ones specialise (monitoring for payments, …), about three
    // teams per concern, as in large organisations.
    const c = centralIndex;
    const concerns: string[] = [];
    const [concern, platform] = concernAt(
      c < CONCERNS.length
        ? c
        : CONCERNS.length + Math.floor((c - CONCERNS.length) / 3),
    );
    concerns.push(concern);
    usedConcerns.add(concern);
    if (random.chance(0.3)) {
      const [second] = concernAt(random.int(0, usedConcerns.size - 1));
      if (second !== concern) concerns.push(second);
    }
    const name = `${platform}-${i + 1}`;
    annotations['team-insights.io/team-type'] = random.chance(0.2)
      ? 'platform'
      : 'centralized';
    return { name, concerns, weight: random.int(4, 12) };
  }
  if (type === 'expertise') {
    const [word, cluster] = random.pick(EXPERTISE_TEAM_WORDS);
    const name = `${random.pick(DOMAIN_WORDS)}-${word}-${i + 1}`;
    annotations['team-insights.io/team-type'] = 'expertise';
    return {
      name,
      expertise: cluster,
      concerns: [],
      weight: random.int(4, 10),
    };
  }
  const name = `${random.pick(DOMAIN_WORDS)}-${random.pick(FEATURE_WORDS)}-${
    i + 1
  }`;
  if (type === 'feature') {
    if (random.chance(0.01)) {
      annotations['team-insights.io/team-type'] = 'stream-alinged';
      mistake('team-type-typo');
    } else {
      annotations['team-insights.io/team-type'] = random.chance(0.2)
        ? 'stream-aligned'
        : 'feature';
    }
  }
  // Mostly small teams; some grow past the limits of communication paths.
  const weight = random.weighted<number>([
    [random.int(3, 9), 80],
    [random.int(10, 15), 14],
    [random.int(16, 24), 6],
  ]);
  return { name, concerns: [], weight };
}

/**
 * Draws the annotations every type of team may have: head counts, required
 * skills and waivers, some of them deliberately wrong. Returns whether the
 * team is only people not in the catalog.
 */
function drawTeamAnnotations(
  draft: OrganisationDraft,
  annotations: Record<string, string>,
): { headCountOnly: boolean } {
  const { random, mistake, referenceDate } = draft;
  // Some teams are partly or only people not in the catalog (head counts).
  const headCountOnly = random.chance(0.05);
  if (headCountOnly || random.chance(0.15)) {
    const clusters = random.sample(
      Object.values(SKILL_CLUSTERS),
      random.int(1, 3),
    );
    const parts = clusters.map(c => `${c}=${random.int(1, 3)}`);
    if (random.chance(0.03)) {
      parts.push(random.pick(['data-scientist=0', 'sre=many', 'ux=two']));
      mistake('head-count-invalid');
    }
    annotations['team-insights.io/skills'] = parts.join(', ');
  }
  if (random.chance(0.03)) {
    annotations['team-insights.io/required-skills'] = random
      .sample(Object.values(SKILL_CLUSTERS), random.int(1, 3))
      .join(', ');
  }
  if (random.chance(0.03)) {
    annotations[
      'team-insights.io/waivers'
    ] = `composition.team-size until ${addDays(
      referenceDate,
      random.int(10, 120),
    )}: splitting into two teams this quarter`;
  } else if (random.chance(0.01)) {
    annotations[
      'team-insights.io/waivers'
    ] = `composition.hand-overs until ${addDays(
      referenceDate,
      -random.int(1, 60),
    )}: migration to the shared platform`;
    mistake('waiver-expired');
  } else if (random.chance(0.005)) {
    annotations['team-insights.io/waivers'] =
      'composition.redundancy: we are fine';
    mistake('waiver-invalid');
  }
  return { headCountOnly };
}

/** Adds `teamCount` teams of the three types (and undeclared ones) to the tribes. */
export function addTeams(
  draft: OrganisationDraft,
  teamCount: number,
  tribes: string[],
): Teams {
  const { random, push } = draft;
  const teams: TeamDraft[] = [];
  let centralCount = 0;
  const usedConcerns = new Set<string>();
  for (let i = 0; i < teamCount; i++) {
    // The first teams cover each type, so that small organisations have all.
    const type: TeamType =
      i < 4
        ? (['centralized', 'feature', 'expertise', 'undeclared'] as const)[i]
        : random.weighted<TeamType>([
            ['feature', 70],
            ['centralized', 12],
            ['expertise', 10],
            ['undeclared', 8],
          ]);
    const tribe = random.int(0, tribes.length - 1);
    const annotations: Record<string, string> = {};
    const { name, expertise, concerns, weight } = drawTeamShape(
      draft,
      type,
      i,
      type === 'centralized' ? centralCount++ : centralCount,
      usedConcerns,
      annotations,
    );
    const { headCountOnly } = drawTeamAnnotations(draft, annotations);
    const entity = push(
      'Group',
      name,
      {
        title: titleCase(name.replace(/-\d+$/, '')),
        description: `${titleCase(name.replace(/-\d+$/, ''))} team.`,
        annotations,
      },
      {
        type: 'team',
        parent: tribes[tribe],
        profile: {
          displayName: titleCase(name),
          email: `${name}@example.com`,
        },
        children: [],
      },
      orgLocation(`teams/${name}.yaml`),
    );
    teams.push({
      entity,
      ref: `group:default/${name}`,
      type,
      tribe,
      weight: headCountOnly ? 0 : weight,
      expertise,
      concerns,
      systems: [],
      components: [],
      resources: [],
      apis: [],
    });
  }
  const concernPool = [...usedConcerns].sort();
  if (concernPool.length === 0) concernPool.push(CONCERNS[0][0]);
  const teamsByTribe: TeamDraft[][] = tribes.map(() => []);
  for (const team of teams) teamsByTribe[team.tribe].push(team);
  const centralTeams = teams.filter(t => t.type === 'centralized');
  return { teams, concernPool, teamsByTribe, centralTeams };
}
