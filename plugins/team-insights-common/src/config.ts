import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { TEAM_TYPES, TeamType } from './types';
import { compareStrings, isPrototypeKey, isSlug, quote } from './util';

/**
 * A named cluster of skills, e.g. `data-scientist` (SPEC §2).
 * @public
 */
export interface SkillCluster {
  /** Lower-case slug, e.g. `site-reliability-engineer`. */
  id: string;
  title: string;
  description?: string;
  /** Other ids that mean this cluster, e.g. `sre`. */
  aliases?: string[];
}

/**
 * Thresholds of the built-in checks. Every rule of SPEC §4 that has a number
 * in it reads it from here.
 * @public
 */
export interface TeamInsightsThresholds {
  /** `composition.team-size`: sizes from `minPass` to `maxPass` pass. */
  teamSize: {
    /** Smallest size that passes; 1 to minPass-1 warn, 0 fails. Default 3. */
    minPass: number;
    /** Largest size that passes. Default 9. */
    maxPass: number;
    /** Largest size that warns; above fails. Default 15. */
    maxWarn: number;
  };
  /** `composition.redundancy`: people needed per covered cluster. Default 2. */
  redundancyMinPeople: number;
  /** `composition.cross-functional` for feature teams. */
  crossFunctional: {
    /** Largest share of one primary cluster. Default 0.75. */
    maxPrimaryShare: number;
    /** People with a declared primary needed to judge. Default 3. */
    minPeople: number;
  };
  /** `composition.hand-overs`: teams depended on. */
  handOvers: {
    /** Default 1. */
    maxPass: number;
    /** Default 3. */
    maxWarn: number;
  };
  /** `composition.skills-declared`: share of members declaring skills. */
  skillsDeclared: {
    /** Default 0.8. */
    pass: number;
    /** Default 0.5. */
    warn: number;
  };
  /** `adoption.reach`: share of products with an adopter. */
  reach: {
    /** Default 1. */
    pass: number;
    /** Default 0.5. */
    warn: number;
  };
  /** `adoption.self-service`: documentation score of every product. */
  selfService: {
    /** Default 75. */
    pass: number;
    /** Default 50. */
    warn: number;
  };
  /** A team's documentation checks: pass rate across owned entities. */
  documentationPassRate: {
    /** Default 1. */
    pass: number;
    /** Default 0.5. */
    warn: number;
  };
  /** `docs.description`: shortest useful description. Default 20. */
  descriptionMinLength: number;
  /** `docs.api-definition`: shortest useful definition. Default 100. */
  apiDefinitionMinLength: number;
}

/**
 * Lowest score of each level (SPEC §4). Below `bronze` the level is `none`.
 * @public
 */
export interface TeamInsightsLevels {
  gold: number;
  silver: number;
  bronze: number;
}

/**
 * The engine's configuration, read from the `teamInsights` section of the app
 * config with {@link readTeamInsightsConfig}.
 * @public
 */
export interface TeamInsightsConfig {
  /** The vocabulary of skill clusters. */
  skillClusters: SkillCluster[];
  /** Required clusters per team type. */
  teamTypes: Record<TeamType, { requiredSkills: string[] }>;
  thresholds: TeamInsightsThresholds;
  /** Weight per check id; checks not listed keep their default weight. */
  weights: Record<string, number>;
  levels: TeamInsightsLevels;
  /** Teams rebuilding an uncovered concern before it is a centralize-candidate. Default 3. */
  centralizeCandidateTeams: number;
  /** Longest waiver accepted, in days. Default 365. */
  maxWaiverDays: number;
}

/**
 * The default skill clusters: the four of the article plus the disciplines of
 * a typical feature team.
 * @public
 */
export const DEFAULT_SKILL_CLUSTERS: readonly SkillCluster[] = [
  {
    id: 'data-scientist',
    title: 'Data scientist',
    description:
      'Develops machine learning models: creates something that can accurately infer unseen variables.',
  },
  {
    id: 'data-engineer',
    title: 'Data engineer',
    description:
      'Builds the software and infrastructure that integrate the model with the existing IT landscape, balancing the quality attributes that matter.',
  },
  {
    id: 'site-reliability-engineer',
    title: 'Site reliability engineer',
    description:
      'Monitors and improves the technical reliability of the operational model; builds and automates the infrastructure that hosts it.',
    aliases: ['sre'],
  },
  {
    id: 'analytics-translator',
    title: 'Analytics translator',
    description:
      'Bridges operational domain expertise and technical expertise, with an overview of the entire value stream. Without one, chances are the team solves the wrong problem.',
  },
  {
    id: 'software-engineer',
    title: 'Software engineer',
    description: 'Builds and maintains software across the stack.',
  },
  {
    id: 'front-end-engineer',
    title: 'Front-end engineer',
    description: 'Builds the user interface.',
  },
  {
    id: 'back-end-engineer',
    title: 'Back-end engineer',
    description: 'Builds services, APIs and storage.',
  },
  {
    id: 'ux-designer',
    title: 'UX designer',
    description: 'Designs the user experience.',
  },
  {
    id: 'product-owner',
    title: 'Product owner',
    description:
      'Owns the backlog and the value the team delivers; sometimes the analytics translator takes this role.',
  },
];

/**
 * The configuration the spec describes, used when `teamInsights` is absent.
 * @public
 */
export const defaultTeamInsightsConfig: TeamInsightsConfig = deepFreeze({
  skillClusters: DEFAULT_SKILL_CLUSTERS.map(c => ({
    ...c,
    aliases: c.aliases ? [...c.aliases] : undefined,
  })),
  teamTypes: {
    feature: {
      requiredSkills: [
        'data-scientist',
        'data-engineer',
        'site-reliability-engineer',
        'analytics-translator',
      ],
    },
    centralized: { requiredSkills: [] },
    expertise: { requiredSkills: [] },
  },
  thresholds: {
    teamSize: { minPass: 3, maxPass: 9, maxWarn: 15 },
    redundancyMinPeople: 2,
    crossFunctional: { maxPrimaryShare: 0.75, minPeople: 3 },
    handOvers: { maxPass: 1, maxWarn: 3 },
    skillsDeclared: { pass: 0.8, warn: 0.5 },
    reach: { pass: 1, warn: 0.5 },
    selfService: { pass: 75, warn: 50 },
    documentationPassRate: { pass: 1, warn: 0.5 },
    descriptionMinLength: 20,
    apiDefinitionMinLength: 100,
  },
  weights: {},
  levels: { gold: 90, silver: 75, bronze: 50 },
  centralizeCandidateTeams: 3,
  maxWaiverDays: 365,
});

const lookups = new WeakMap<SkillCluster[], Map<string, string>>();

/** Resolves an id or alias to a cluster id, case-insensitively. */
export function clusterLookup(config: TeamInsightsConfig): Map<string, string> {
  const cached = lookups.get(config.skillClusters);
  if (cached) return cached;
  const lookup = new Map<string, string>();
  for (const cluster of config.skillClusters) {
    lookup.set(cluster.id, cluster.id);
  }
  for (const cluster of config.skillClusters) {
    for (const alias of cluster.aliases ?? []) {
      if (!lookup.has(alias)) lookup.set(alias, cluster.id);
    }
  }
  lookups.set(config.skillClusters, lookup);
  return lookup;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

class ConfigProblems {
  readonly problems: string[] = [];
  add(key: string, problem: string) {
    this.problems.push(`teamInsights.${key}: ${problem}`);
  }
}

function safeRead<T>(
  problems: ConfigProblems,
  key: string,
  read: () => T,
): T | undefined {
  try {
    return read();
  } catch (error) {
    const message =
      error instanceof Error ? error.message : 'invalid configuration value';
    problems.add(key, message);
    return undefined;
  }
}

function readShare(
  problems: ConfigProblems,
  config: Config,
  key: string,
  fallback: number,
  range: [number, number],
): number {
  const value = safeRead(problems, key, () => config.getOptionalNumber(key));
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < range[0] || value > range[1]) {
    problems.add(key, `must be a number from ${range[0]} to ${range[1]}`);
    return fallback;
  }
  return value;
}

function readInteger(
  problems: ConfigProblems,
  config: Config,
  key: string,
  fallback: number,
  range: [number, number],
): number {
  const value = readShare(problems, config, key, fallback, range);
  if (!Number.isInteger(value)) {
    problems.add(key, 'must be a whole number');
    return fallback;
  }
  return value;
}

function readClusters(
  problems: ConfigProblems,
  config: Config,
): SkillCluster[] {
  const replace =
    safeRead(problems, 'replaceDefaultSkillClusters', () =>
      config.getOptionalBoolean('replaceDefaultSkillClusters'),
    ) ?? false;
  const configured =
    safeRead(problems, 'skillClusters', () =>
      config.getOptionalConfigArray('skillClusters'),
    ) ?? [];
  const result: SkillCluster[] = replace
    ? []
    : DEFAULT_SKILL_CLUSTERS.map(c => ({
        ...c,
        aliases: c.aliases ? [...c.aliases] : undefined,
      }));
  configured.forEach((entry, index) => {
    const key = `skillClusters[${index}]`;
    const rawId = safeRead(problems, `${key}.id`, () => entry.getString('id'));
    if (rawId === undefined) return;
    const id = rawId.trim().toLowerCase();
    if (!isSlug(id) || isPrototypeKey(id)) {
      problems.add(
        `${key}.id`,
        `${quote(
          rawId,
        )} is not a valid id; use lower-case letters, digits and dashes, e.g. 'ml-engineer'`,
      );
      return;
    }
    const title =
      safeRead(problems, `${key}.title`, () =>
        entry.getOptionalString('title'),
      ) ?? id;
    const description = safeRead(problems, `${key}.description`, () =>
      entry.getOptionalString('description'),
    );
    const rawAliases =
      safeRead(problems, `${key}.aliases`, () =>
        entry.getOptionalStringArray('aliases'),
      ) ?? [];
    const aliases: string[] = [];
    for (const rawAlias of rawAliases) {
      const alias = rawAlias.trim().toLowerCase();
      if (!isSlug(alias) || isPrototypeKey(alias)) {
        problems.add(
          `${key}.aliases`,
          `${quote(
            rawAlias,
          )} is not a valid alias; use lower-case letters, digits and dashes`,
        );
      } else if (!aliases.includes(alias)) {
        aliases.push(alias);
      }
    }
    const cluster: SkillCluster = {
      id,
      title,
      ...(description !== undefined ? { description } : {}),
      ...(aliases.length ? { aliases } : {}),
    };
    const existing = result.findIndex(c => c.id === id);
    if (existing >= 0) {
      // the same id again: the configured cluster replaces the default one,
      // keeping its aliases unless new ones are given
      result[existing] = {
        ...cluster,
        aliases: aliases.length ? aliases : result[existing].aliases,
      };
    } else {
      result.push(cluster);
    }
  });
  if (result.length === 0) {
    problems.add(
      'skillClusters',
      'no skill clusters left; list at least one cluster or set replaceDefaultSkillClusters to false',
    );
    return defaultTeamInsightsConfig.skillClusters;
  }
  // ids and aliases must each mean exactly one cluster
  const owners = new Map<string, string>();
  for (const cluster of result) owners.set(cluster.id, cluster.id);
  for (const cluster of result) {
    for (const alias of cluster.aliases ?? []) {
      const owner = owners.get(alias);
      if (owner !== undefined && owner !== cluster.id) {
        problems.add(
          'skillClusters',
          `alias '${alias}' of '${cluster.id}' is already the id or an alias of '${owner}'`,
        );
      } else {
        owners.set(alias, cluster.id);
      }
    }
  }
  return result;
}

/**
 * Reads and validates the `teamInsights` section of the root config. Absent
 * keys take the spec's defaults (see {@link defaultTeamInsightsConfig}).
 *
 * @param config - the root config (the one holding `teamInsights`); when
 *   absent, the defaults are returned.
 * @throws InputError listing every invalid key, with what is expected.
 * @public
 */
export function readTeamInsightsConfig(config?: Config): TeamInsightsConfig {
  if (!config) return cloneConfig(defaultTeamInsightsConfig);
  const problems = new ConfigProblems();
  const section = safeRead(problems, '', () =>
    config.getOptionalConfig('teamInsights'),
  );
  if (!section) {
    if (problems.problems.length) throwProblems(problems);
    return cloneConfig(defaultTeamInsightsConfig);
  }
  const d = defaultTeamInsightsConfig;
  const skillClusters = readClusters(problems, section);
  const lookup = clusterLookup({ ...d, skillClusters });

  const teamTypes = {} as TeamInsightsConfig['teamTypes'];
  const typesSection = safeRead(problems, 'teamTypes', () =>
    section.getOptionalConfig('teamTypes'),
  );
  for (const key of typesSection?.keys() ?? []) {
    if (!(TEAM_TYPES as readonly string[]).includes(key)) {
      problems.add(
        `teamTypes.${key}`,
        `unknown team type; use one of ${TEAM_TYPES.join(', ')}`,
      );
    }
  }
  for (const type of TEAM_TYPES) {
    const raw = typesSection
      ? safeRead(problems, `teamTypes.${type}.requiredSkills`, () =>
          typesSection.getOptionalStringArray(`${type}.requiredSkills`),
        )
      : undefined;
    if (raw === undefined) {
      teamTypes[type] = {
        requiredSkills: d.teamTypes[type].requiredSkills.filter(id =>
          lookup.has(id),
        ),
      };
      continue;
    }
    const requiredSkills: string[] = [];
    for (const item of raw) {
      const id = lookup.get(item.trim().toLowerCase());
      if (id === undefined) {
        problems.add(
          `teamTypes.${type}.requiredSkills`,
          `unknown skill cluster ${quote(
            item,
          )}; known clusters are ${skillClusters.map(c => c.id).join(', ')}`,
        );
      } else if (!requiredSkills.includes(id)) {
        requiredSkills.push(id);
      }
    }
    teamTypes[type] = { requiredSkills };
  }

  const t = d.thresholds;
  const th = (key: string) => `thresholds.${key}`;
  const thresholds: TeamInsightsThresholds = {
    teamSize: {
      minPass: readInteger(
        problems,
        section,
        th('teamSize.minPass'),
        t.teamSize.minPass,
        [1, 1000],
      ),
      maxPass: readInteger(
        problems,
        section,
        th('teamSize.maxPass'),
        t.teamSize.maxPass,
        [1, 100000],
      ),
      maxWarn: readInteger(
        problems,
        section,
        th('teamSize.maxWarn'),
        t.teamSize.maxWarn,
        [1, 100000],
      ),
    },
    redundancyMinPeople: readInteger(
      problems,
      section,
      th('redundancyMinPeople'),
      t.redundancyMinPeople,
      [1, 1000],
    ),
    crossFunctional: {
      maxPrimaryShare: readShare(
        problems,
        section,
        th('crossFunctional.maxPrimaryShare'),
        t.crossFunctional.maxPrimaryShare,
        [0, 1],
      ),
      minPeople: readInteger(
        problems,
        section,
        th('crossFunctional.minPeople'),
        t.crossFunctional.minPeople,
        [1, 1000],
      ),
    },
    handOvers: {
      maxPass: readInteger(
        problems,
        section,
        th('handOvers.maxPass'),
        t.handOvers.maxPass,
        [0, 100000],
      ),
      maxWarn: readInteger(
        problems,
        section,
        th('handOvers.maxWarn'),
        t.handOvers.maxWarn,
        [0, 100000],
      ),
    },
    skillsDeclared: {
      pass: readShare(
        problems,
        section,
        th('skillsDeclared.pass'),
        t.skillsDeclared.pass,
        [0, 1],
      ),
      warn: readShare(
        problems,
        section,
        th('skillsDeclared.warn'),
        t.skillsDeclared.warn,
        [0, 1],
      ),
    },
    reach: {
      pass: readShare(
        problems,
        section,
        th('reach.pass'),
        t.reach.pass,
        [0, 1],
      ),
      warn: readShare(
        problems,
        section,
        th('reach.warn'),
        t.reach.warn,
        [0, 1],
      ),
    },
    selfService: {
      pass: readShare(
        problems,
        section,
        th('selfService.pass'),
        t.selfService.pass,
        [0, 100],
      ),
      warn: readShare(
        problems,
        section,
        th('selfService.warn'),
        t.selfService.warn,
        [0, 100],
      ),
    },
    documentationPassRate: {
      pass: readShare(
        problems,
        section,
        th('documentationPassRate.pass'),
        t.documentationPassRate.pass,
        [0, 1],
      ),
      warn: readShare(
        problems,
        section,
        th('documentationPassRate.warn'),
        t.documentationPassRate.warn,
        [0, 1],
      ),
    },
    descriptionMinLength: readInteger(
      problems,
      section,
      th('descriptionMinLength'),
      t.descriptionMinLength,
      [0, 4096],
    ),
    apiDefinitionMinLength: readInteger(
      problems,
      section,
      th('apiDefinitionMinLength'),
      t.apiDefinitionMinLength,
      [0, 10000000],
    ),
  };
  const pairs: Array<[string, number, number]> = [
    [
      'teamSize.minPass ≤ teamSize.maxPass',
      thresholds.teamSize.minPass,
      thresholds.teamSize.maxPass,
    ],
    [
      'teamSize.maxPass ≤ teamSize.maxWarn',
      thresholds.teamSize.maxPass,
      thresholds.teamSize.maxWarn,
    ],
    [
      'handOvers.maxPass ≤ handOvers.maxWarn',
      thresholds.handOvers.maxPass,
      thresholds.handOvers.maxWarn,
    ],
    [
      'skillsDeclared.warn ≤ skillsDeclared.pass',
      thresholds.skillsDeclared.warn,
      thresholds.skillsDeclared.pass,
    ],
    ['reach.warn ≤ reach.pass', thresholds.reach.warn, thresholds.reach.pass],
    [
      'selfService.warn ≤ selfService.pass',
      thresholds.selfService.warn,
      thresholds.selfService.pass,
    ],
    [
      'documentationPassRate.warn ≤ documentationPassRate.pass',
      thresholds.documentationPassRate.warn,
      thresholds.documentationPassRate.pass,
    ],
  ];
  for (const [rule, low, high] of pairs) {
    if (low > high) problems.add('thresholds', `expected ${rule}`);
  }

  const weights: Record<string, number> = {};
  // check ids contain dots, which config keys treat as nesting: read the raw
  // object, accepting both `composition.team-size: 2` and nested objects
  const rawWeights = safeRead(problems, 'weights', () =>
    section.getOptional('weights'),
  );
  if (rawWeights !== undefined) {
    if (
      rawWeights === null ||
      typeof rawWeights !== 'object' ||
      Array.isArray(rawWeights)
    ) {
      problems.add(
        'weights',
        "must be an object of check ids to numbers, e.g. weights: { 'composition.team-size': 2 }",
      );
    } else {
      for (const key of Object.keys(rawWeights).sort(compareStrings)) {
        if (isPrototypeKey(key)) {
          problems.add(`weights.${key}`, 'not a check id');
          continue;
        }
        collectWeights(
          problems,
          (rawWeights as Record<string, unknown>)[key],
          key,
          weights,
        );
      }
    }
  }

  const levels: TeamInsightsLevels = {
    gold: readShare(problems, section, 'levels.gold', d.levels.gold, [0, 100]),
    silver: readShare(
      problems,
      section,
      'levels.silver',
      d.levels.silver,
      [0, 100],
    ),
    bronze: readShare(
      problems,
      section,
      'levels.bronze',
      d.levels.bronze,
      [0, 100],
    ),
  };
  if (!(levels.gold >= levels.silver && levels.silver >= levels.bronze)) {
    problems.add('levels', 'expected gold ≥ silver ≥ bronze');
  }

  const result: TeamInsightsConfig = {
    skillClusters,
    teamTypes,
    thresholds,
    weights,
    levels,
    centralizeCandidateTeams: readInteger(
      problems,
      section,
      'centralizeCandidateTeams',
      d.centralizeCandidateTeams,
      [1, 100000],
    ),
    maxWaiverDays: readInteger(
      problems,
      section,
      'maxWaiverDays',
      d.maxWaiverDays,
      [1, 36500],
    ),
  };
  if (problems.problems.length) throwProblems(problems);
  return result;
}

function collectWeights(
  problems: ConfigProblems,
  value: unknown,
  path: string,
  out: Record<string, number>,
) {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0 || value > 1000) {
      problems.add(`weights.${path}`, 'must be a number from 0 to 1000');
    } else {
      out[path] = value;
    }
    return;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const key of Object.keys(value).sort(compareStrings)) {
      if (isPrototypeKey(key)) {
        problems.add(`weights.${path}.${key}`, 'not a check id');
        continue;
      }
      collectWeights(
        problems,
        (value as Record<string, unknown>)[key],
        `${path}.${key}`,
        out,
      );
    }
    return;
  }
  problems.add(
    `weights.${path}`,
    "must be a number, e.g. weights: { 'composition.team-size': 2 }",
  );
}

function throwProblems(problems: ConfigProblems): never {
  throw new InputError(
    `Invalid Team Insights configuration: ${problems.problems.join('; ')}`,
  );
}

function cloneConfig(config: TeamInsightsConfig): TeamInsightsConfig {
  return JSON.parse(JSON.stringify(config));
}

/** The weight of a check: configured, else its default. */
export function weightOf(
  config: TeamInsightsConfig,
  checkId: string,
  defaultWeight: number,
): number {
  return Object.prototype.hasOwnProperty.call(config.weights, checkId)
    ? config.weights[checkId]
    : defaultWeight;
}
