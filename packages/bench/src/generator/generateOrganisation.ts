import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { mulberry32, Random } from './random';
import { attachCatalogRelations } from './relations';
import {
  COMPONENT_NOUNS,
  CONCERNS,
  DIVISION_WORDS,
  DOMAIN_WORDS,
  EXPERTISE_TEAM_WORDS,
  FEATURE_WORDS,
  FIRST_NAMES,
  LAST_NAMES,
  PLACEHOLDER_DESCRIPTIONS,
  RESOURCE_TYPES,
  SKILL_TYPOS,
  TAGS,
  UNCOVERED_CONCERNS,
} from './vocabulary';

/** Options of {@link generateOrganisation}. @public */
export interface GenerateOrganisationOptions {
  /** Total number of entities, at least 100. */
  size: number;
  /** Seed of the PRNG; the same seed gives byte-identical output. Default 1. */
  seed?: number;
  /**
   * The day waivers are dated from, `YYYY-MM-DD`: active waivers end after
   * it, expired ones before it. Default `2026-06-01`.
   */
  referenceDate?: string;
}

/** What a synthetic organisation is made of. @public */
export interface OrganisationStats {
  /** Entities per kind. */
  byKind: Record<string, number>;
  /** Teams per declared team type; `undeclared` have no (valid) team type. */
  teamsByType: Record<
    'feature' | 'centralized' | 'expertise' | 'undeclared',
    number
  >;
  /** Groups that are not teams: the organisation, divisions and tribes. */
  orgUnits: number;
  /** Relations attached to entities, both directions counted. */
  relations: number;
  /** Deliberate mistakes, by kind, so that findings can be checked. */
  mistakes: Record<string, number>;
}

/** A generated organisation, as the catalog would serve it. @public */
export interface SyntheticOrganisation {
  size: number;
  seed: number;
  referenceDate: string;
  /**
   * Every entity with `relations` as the catalog stitches them, plus the
   * fields the catalog adds (`metadata.uid`, `metadata.etag`, the
   * `backstage.io/managed-by-location` annotations).
   */
  entities: Entity[];
  /** Refs of Groups with `spec.type: team`, sorted. */
  teamRefs: string[];
  /**
   * Relation targets that deliberately do not exist (an owner that left, a
   * dependency on a deleted component), sorted.
   */
  danglingRefs: string[];
  stats: OrganisationStats;
}

const SKILL_CLUSTERS = {
  ds: 'data-scientist',
  de: 'data-engineer',
  sre: 'site-reliability-engineer',
  at: 'analytics-translator',
  se: 'software-engineer',
  fe: 'front-end-engineer',
  be: 'back-end-engineer',
  ux: 'ux-designer',
  po: 'product-owner',
} as const;

const FEATURE_SKILLS: ReadonlyArray<readonly [string, number]> = [
  [SKILL_CLUSTERS.ds, 3],
  [SKILL_CLUSTERS.de, 3],
  [SKILL_CLUSTERS.sre, 1.5],
  [SKILL_CLUSTERS.at, 1],
  [SKILL_CLUSTERS.se, 2],
  [SKILL_CLUSTERS.be, 2],
  [SKILL_CLUSTERS.fe, 1],
  [SKILL_CLUSTERS.ux, 0.5],
  [SKILL_CLUSTERS.po, 0.7],
];

const CENTRALIZED_SKILLS: ReadonlyArray<readonly [string, number]> = [
  [SKILL_CLUSTERS.sre, 3],
  [SKILL_CLUSTERS.de, 2],
  [SKILL_CLUSTERS.be, 2],
  [SKILL_CLUSTERS.se, 2],
  [SKILL_CLUSTERS.ds, 0.5],
  [SKILL_CLUSTERS.po, 0.5],
];

/** Metadata as the generator drafts it; undefined fields are dropped later. */
interface MetadataDraft {
  title?: string;
  description?: string;
  tags?: string[];
  links?: { url: string; title?: string }[];
  annotations?: Record<string, string>;
}

type TeamType = 'feature' | 'centralized' | 'expertise' | 'undeclared';

interface TeamDraft {
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

/** Draws indexes with probability proportional to a weight, in O(log n). */
function weightedIndex(random: Random, weights: number[]): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const weight of weights) {
    total += weight;
    cumulative.push(total);
  }
  return () => {
    const roll = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > roll) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
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

function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

function uuid(random: Random): string {
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += random.int(0, 15).toString(16);
    return s;
  };
  const variant = (8 + random.int(0, 3)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

function titleCase(name: string): string {
  return name
    .split('-')
    .map(w => (w ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/**
 * Generates a synthetic organisation of exactly `size` entities from a
 * seed: organisational units, teams of the three types with members and
 * head counts, Components, APIs, Resources and Systems with ownership,
 * dependencies, API consumption, platform products, concerns, waivers and
 * a few annotation mistakes. The entities carry `relations` exactly as the
 * catalog would stitch them.
 *
 * @remarks
 *
 * The split per kind follows large real catalogs: about a third Users, a
 * twentieth teams, the rest mostly Components, APIs and Resources.
 * Everything is drawn from a mulberry32 PRNG: the same options give the
 * same entities, byte for byte.
 *
 * @public
 */
export function generateOrganisation(
  options: GenerateOrganisationOptions,
): SyntheticOrganisation {
  const size = options.size;
  if (!Number.isInteger(size) || size < 100 || size > 1_000_000) {
    throw new RangeError(
      `size must be an integer from 100 to 1000000, got ${size}`,
    );
  }
  const seed = options.seed ?? 1;
  const referenceDate = options.referenceDate ?? '2026-06-01';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) {
    throw new RangeError(
      `referenceDate must be YYYY-MM-DD, got ${referenceDate}`,
    );
  }
  const random = mulberry32(seed);
  const mistakes: Record<string, number> = {};
  const mistake = (kind: string) => {
    mistakes[kind] = (mistakes[kind] ?? 0) + 1;
  };
  const dangling = new Set<string>();

  // How many of each kind. Components take what is left, so the total is exact.
  const teamCount = Math.max(4, Math.round(size * 0.05));
  const divisionCount = Math.max(
    2,
    Math.min(40, Math.round(Math.sqrt(teamCount) / 2)),
  );
  const tribeCount = Math.max(divisionCount, Math.round(teamCount / 8));
  const orgUnitCount = 1 + divisionCount + tribeCount;
  const systemCount = Math.max(2, Math.round(size * 0.02));
  const userCount = Math.round(size * 0.33);
  const apiCount = Math.max(2, Math.round(size * 0.09));
  const resourceCount = Math.max(2, Math.round(size * 0.11));
  const componentCount =
    size -
    orgUnitCount -
    teamCount -
    systemCount -
    userCount -
    apiCount -
    resourceCount;

  const entities: Entity[] = [];
  const gitUrl = (repo: string, file = 'catalog-info.yaml') =>
    `https://git.example.com/${repo}/blob/main/${file}`;
  const push = (
    kind: string,
    name: string,
    metadata: MetadataDraft,
    spec: Record<string, unknown>,
    location: string,
  ): Entity => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: {
        namespace: 'default',
        name,
        ...metadata,
        annotations: {
          'backstage.io/managed-by-location': location,
          'backstage.io/managed-by-origin-location': location,
          ...metadata.annotations,
        },
        uid: uuid(random),
        etag: uuid(random).replace(/-/g, ''),
      } as Entity['metadata'],
      spec: spec as Entity['spec'],
    };
    entities.push(entity);
    return entity;
  };
  const orgLocation = (file: string) => `url:${gitUrl('org/people', file)}`;

  // --- Organisational units: the organisation, divisions, tribes ----------
  push(
    'Group',
    'org',
    { title: 'Northwind Marketplace', description: 'The whole organisation.' },
    {
      type: 'organization',
      profile: { displayName: 'Northwind Marketplace' },
      children: [],
    },
    orgLocation('org.yaml'),
  );
  const divisions: string[] = [];
  for (let i = 0; i < divisionCount; i++) {
    const name = `${DIVISION_WORDS[i % DIVISION_WORDS.length]}-division-${
      i + 1
    }`;
    divisions.push(name);
    push(
      'Group',
      name,
      { title: titleCase(name) },
      {
        type: 'division',
        parent: 'org',
        profile: { displayName: titleCase(name) },
        children: [],
      },
      orgLocation('org.yaml'),
    );
  }
  const tribes: string[] = [];
  for (let i = 0; i < tribeCount; i++) {
    const name = `${random.pick(DOMAIN_WORDS)}-tribe-${i + 1}`;
    tribes.push(name);
    push(
      'Group',
      name,
      { title: titleCase(name) },
      {
        type: 'tribe',
        parent: divisions[i % divisionCount],
        profile: { displayName: titleCase(name) },
        children: [],
      },
      orgLocation(`tribes/${name}.yaml`),
    );
  }

  // --- Teams ----------------------------------------------------------------
  const teams: TeamDraft[] = [];
  let centralCount = 0;
  const usedConcerns = new Set<string>();
  const centralByConcern = new Map<string, TeamDraft[]>();
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
    const tribe = random.int(0, tribeCount - 1);
    const annotations: Record<string, string> = {};
    let name: string;
    let expertise: string | undefined;
    const concerns: string[] = [];
    let weight: number;
    if (type === 'centralized') {
      // The first centralized teams each take one of the well-known concerns;
      // further ones specialise (monitoring for payments, …), about three
      // teams per concern, as in large organisations.
      const c = centralCount++;
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
      name = `${platform}-${i + 1}`;
      annotations['team-insights.io/team-type'] = random.chance(0.2)
        ? 'platform'
        : 'centralized';
      weight = random.int(4, 12);
    } else if (type === 'expertise') {
      const [word, cluster] = random.pick(EXPERTISE_TEAM_WORDS);
      expertise = cluster;
      name = `${random.pick(DOMAIN_WORDS)}-${word}-${i + 1}`;
      annotations['team-insights.io/team-type'] = 'expertise';
      weight = random.int(4, 10);
    } else {
      name = `${random.pick(DOMAIN_WORDS)}-${random.pick(FEATURE_WORDS)}-${
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
      weight = random.weighted<number>([
        [random.int(3, 9), 80],
        [random.int(10, 15), 14],
        [random.int(16, 24), 6],
      ]);
    }
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
    if (headCountOnly) weight = 0;
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
    const team: TeamDraft = {
      entity,
      ref: `group:default/${name}`,
      type,
      tribe,
      weight,
      expertise,
      concerns,
      systems: [],
      components: [],
      resources: [],
      apis: [],
    };
    teams.push(team);
    for (const concern of concerns) {
      const list = centralByConcern.get(concern) ?? [];
      list.push(team);
      centralByConcern.set(concern, list);
    }
  }
  const concernPool = [...usedConcerns].sort();
  if (concernPool.length === 0) concernPool.push(CONCERNS[0][0]);
  const teamsByTribe: TeamDraft[][] = tribes.map(() => []);
  for (const team of teams) teamsByTribe[team.tribe].push(team);
  const centralTeams = teams.filter(t => t.type === 'centralized');

  // --- Users ------------------------------------------------------------
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

  // --- Systems ------------------------------------------------------------
  for (let i = 0; i < systemCount; i++) {
    const team = teams[i < teams.length ? i : random.int(0, teams.length - 1)];
    const name = `${team.entity.metadata.name.replace(/-\d+$/, '')}-system-${
      i + 1
    }`;
    team.systems.push(name);
    push(
      'System',
      name,
      {
        title: titleCase(name.replace(/-\d+$/, '')),
        description: random.chance(0.7)
          ? `Everything ${titleCase(
              team.entity.metadata.name.replace(/-\d+$/, ''),
            )} runs to serve its users.`
          : undefined,
        tags: random.chance(0.5) ? [random.pick(TAGS)] : undefined,
        annotations: random.chance(0.4)
          ? { 'backstage.io/techdocs-ref': 'dir:.' }
          : {},
      },
      { owner: team.entity.metadata.name },
      `url:${gitUrl(`${team.entity.metadata.name}/${name}`)}`,
    );
  }

  // Owned entities go to teams in proportion to their size (head-count-only
  // teams own a little too), centralized teams a bit more.
  const pickOwnerTeam = weightedIndex(
    random,
    teams.map(
      t => (Math.max(t.weight, 2) + 2) * (t.type === 'centralized' ? 1.5 : 1),
    ),
  );
  const systemOf = (team: TeamDraft) =>
    team.systems.length > 0 && random.chance(0.85)
      ? random.pick(team.systems)
      : undefined;
  const description = (what: string) => {
    const roll = random.next();
    if (roll < 0.68) return what;
    if (roll < 0.8) return random.pick(PLACEHOLDER_DESCRIPTIONS);
    return undefined;
  };
  const docsAnnotations = (repo: string) => {
    const annotations: Record<string, string> = {};
    if (random.chance(0.55)) annotations['backstage.io/techdocs-ref'] = 'dir:.';
    if (random.chance(0.5)) {
      annotations[
        'backstage.io/source-location'
      ] = `url:https://git.example.com/${repo}/tree/main/`;
    }
    return annotations;
  };
  const location = (repo: string) =>
    random.chance(0.15)
      ? `file:/srv/catalog/${repo.replace(/\//g, '-')}.yaml`
      : `url:${gitUrl(repo)}`;
  const links = (repo: string) =>
    random.chance(0.4)
      ? [
          {
            url: `https://dashboards.example.com/${repo}`,
            title: 'Dashboard',
          },
        ]
      : undefined;
  const tags = () =>
    random.chance(0.75)
      ? random.sample(TAGS, random.int(1, 3)).sort()
      : undefined;
  const productAnnotations = (
    team: TeamDraft,
    annotations: Record<string, string>,
  ) => {
    if (team.type === 'centralized') {
      if (random.chance(0.7)) {
        annotations['team-insights.io/concern'] = random.pick(team.concerns);
      }
      if (random.chance(0.08))
        annotations['team-insights.io/mandatory'] = 'true';
      if (random.chance(0.1)) annotations['team-insights.io/product'] = 'false';
    } else if (random.chance(0.08)) {
      // A feature team building a cross-cutting concern itself.
      // Mostly concerns a platform covers, sometimes one nobody offers yet.
      annotations['team-insights.io/concern'] = random.chance(0.85)
        ? random.pick(concernPool)
        : random.pick(UNCOVERED_CONCERNS);
    }
    if (random.chance(0.004)) {
      annotations['team-insights.io/product'] = 'yes';
      mistake('boolean-invalid');
    }
  };

  // --- APIs -------------------------------------------------------------------
  for (let i = 0; i < apiCount; i++) {
    const team = teams[pickOwnerTeam()];
    const name = `${random.pick(DOMAIN_WORDS)}-${random.pick([
      'api',
      'events',
      'grpc',
    ])}-${i + 1}`;
    const repo = `${team.entity.metadata.name}/${name}`;
    const annotations = docsAnnotations(repo);
    if (team.type === 'centralized') productAnnotations(team, annotations);
    const long = random.chance(0.8);
    const api = push(
      'API',
      name,
      {
        title: random.chance(0.3) ? titleCase(name) : undefined,
        description: description(
          `The ${titleCase(
            name,
          )} contract, versioned and backwards compatible.`,
        ),
        tags: tags(),
        links: links(repo),
        annotations,
      },
      {
        type: 'openapi',
        lifecycle: random.pick(['production', 'production', 'experimental']),
        owner: team.entity.metadata.name,
        system: systemOf(team),
        definition: long
          ? `openapi: 3.0.0\ninfo:\n  title: ${name}\n  version: 1.0.0\npaths:\n  /items:\n    get:\n      summary: List the items of ${name}\n      responses:\n        '200':\n          description: the items\n`
          : 'openapi: 3.0.0',
      },
      location(repo),
    );
    team.apis.push(api);
  }

  // --- Resources ------------------------------------------------------------
  for (let i = 0; i < resourceCount; i++) {
    const team = teams[pickOwnerTeam()];
    const [type, suffix] = random.pick(RESOURCE_TYPES);
    const name = `${random.pick(DOMAIN_WORDS)}-${suffix}-${i + 1}`;
    const repo = `${team.entity.metadata.name}/${name}`;
    const annotations = docsAnnotations(repo);
    if (team.type === 'centralized') productAnnotations(team, annotations);
    const resource = push(
      'Resource',
      name,
      {
        description: description(
          `${titleCase(type)} holding the ${name.replace(/-\d+$/, '')} data.`,
        ),
        tags: tags(),
        links: links(repo),
        annotations,
      },
      {
        type,
        owner: team.entity.metadata.name,
        system: systemOf(team),
      },
      location(repo),
    );
    team.resources.push(resource);
  }

  // --- Components -------------------------------------------------------------
  const allComponents: Entity[] = [];
  for (let i = 0; i < componentCount; i++) {
    const team = teams[pickOwnerTeam()];
    const name = `${random.pick(DOMAIN_WORDS)}-${random.pick(
      COMPONENT_NOUNS,
    )}-${i + 1}`;
    const repo = `${team.entity.metadata.name}/${name}`;
    const annotations = docsAnnotations(repo);
    productAnnotations(team, annotations);
    if (random.chance(0.01)) {
      annotations['team-insights.io/waivers'] = `docs.techdocs until ${addDays(
        referenceDate,
        random.int(5, 90),
      )}: docs move to the new portal next sprint`;
    } else if (random.chance(0.002)) {
      annotations[
        'team-insights.io/waivers'
      ] = `docs.everything until ${addDays(referenceDate, 30)}: unknown check`;
      mistake('waiver-unknown-check');
    }
    let owner = team.entity.metadata.name;
    if (random.chance(0.005)) {
      owner = 'dissolved-team';
      dangling.add('group:default/dissolved-team');
      mistake('owner-missing');
    }
    const component = push(
      'Component',
      name,
      {
        title: random.chance(0.3) ? titleCase(name) : undefined,
        description: description(
          `${titleCase(name.replace(/-\d+$/, ''))}: serves ${random.pick(
            DOMAIN_WORDS,
          )} to the marketplace.`,
        ),
        tags: tags(),
        links: links(repo),
        annotations,
      },
      {
        type: random.weighted([
          ['service', 60],
          ['website', 15],
          ['library', 15],
          ['pipeline', 10],
        ]),
        lifecycle: random.weighted([
          ['production', 70],
          ['experimental', 20],
          ['deprecated', 10],
        ]),
        owner,
        system: systemOf(team),
      },
      location(repo),
    );
    team.components.push(component);
    allComponents.push(component);
  }
  // A few entities owned by a person rather than a team.
  const users = entities.filter(e => e.kind === 'User');
  for (const component of allComponents) {
    if (random.chance(0.01)) {
      (component.spec as Record<string, unknown>).owner = `user:default/${
        random.pick(users).metadata.name
      }`;
      mistake('owner-is-user');
    }
  }

  // --- Links between entities ---------------------------------------------------
  // Each API is provided by a component of its owner team, when it has one.
  for (const team of teams) {
    for (const api of team.apis) {
      if (team.components.length === 0) continue;
      const provider = random.pick(team.components);
      const spec = provider.spec as Record<string, unknown>;
      const provides = (spec.providesApis as string[] | undefined) ?? [];
      provides.push(api.metadata.name);
      spec.providesApis = provides;
    }
  }
  const allApis = teams.flatMap(t => t.apis);
  const centralApis = centralTeams.flatMap(t => t.apis);
  const centralProducts = centralTeams.flatMap(t => [
    ...t.components,
    ...t.resources,
  ]);
  const ref = (entity: Entity) =>
    stringifyEntityRef({
      kind: entity.kind,
      namespace: 'default',
      name: entity.metadata.name,
    });
  for (const team of teams) {
    const neighbours = teamsByTribe[team.tribe];
    for (const component of team.components) {
      const spec = component.spec as Record<string, unknown>;
      const dependsOn = new Set<string>();
      const consumes = new Set<string>();
      const dependencies = random.int(0, 3);
      for (let d = 0; d < dependencies; d++) {
        const roll = random.next();
        let target: Entity | undefined;
        if (roll < 0.4 && team.resources.length > 0) {
          target = random.pick(team.resources);
        } else if (roll < 0.65) {
          const other = random.pick(neighbours);
          if (other.components.length > 0)
            target = random.pick(other.components);
        } else if (roll < 0.85 && centralProducts.length > 0) {
          target = random.pick(centralProducts);
        } else if (roll < 0.995) {
          target = random.pick(allComponents);
        } else {
          dependsOn.add('component:default/decommissioned-service');
          dangling.add('component:default/decommissioned-service');
          mistake('depends-on-missing');
        }
        if (target && target !== component) dependsOn.add(ref(target));
      }
      const apis = random.int(0, 2);
      for (let a = 0; a < apis; a++) {
        const pool =
          random.chance(0.5) && centralApis.length > 0 ? centralApis : allApis;
        const api = random.pick(pool);
        if (api.spec?.owner !== spec.owner) consumes.add(api.metadata.name);
      }
      if (dependsOn.size > 0) spec.dependsOn = [...dependsOn];
      if (consumes.size > 0) spec.consumesApis = [...consumes];
    }
  }

  // Some feature teams consciously decline a platform product (opt-in).
  const productRefs = centralTeams.flatMap(t => t.components.map(ref));
  if (productRefs.length > 0) {
    for (const team of teams) {
      if (team.type !== 'feature' || !random.chance(0.05)) continue;
      const declined = random.sample(productRefs, random.int(1, 2));
      if (random.chance(0.1)) {
        declined.push('component:default/retired-platform-tool');
        mistake('declined-product-missing');
      }
      team.entity.metadata.annotations!['team-insights.io/declined-products'] =
        declined.join(', ');
    }
  }

  // Drop undefined fields, as a YAML or JSON round trip through the catalog would.
  for (const entity of entities) {
    const metadata = entity.metadata as Record<string, unknown>;
    for (const key of Object.keys(metadata)) {
      if (metadata[key] === undefined) delete metadata[key];
    }
    const spec = entity.spec as Record<string, unknown>;
    for (const key of Object.keys(spec)) {
      if (spec[key] === undefined) delete spec[key];
    }
  }

  const relations = attachCatalogRelations(entities);

  const byKind: Record<string, number> = {};
  for (const entity of entities) {
    byKind[entity.kind] = (byKind[entity.kind] ?? 0) + 1;
  }
  const teamsByType = {
    feature: 0,
    centralized: 0,
    expertise: 0,
    undeclared: 0,
  };
  for (const team of teams) {
    const declared =
      team.entity.metadata.annotations?.['team-insights.io/team-type'];
    teamsByType[declared === 'stream-alinged' ? 'undeclared' : team.type]++;
  }

  return {
    size,
    seed,
    referenceDate,
    entities,
    teamRefs: teams.map(t => t.ref).sort(),
    danglingRefs: [...dangling].sort(),
    stats: {
      byKind,
      teamsByType,
      orgUnits: orgUnitCount,
      relations,
      mistakes,
    },
  };
}
