import type { SkillCluster, TeamInsightsConfig } from './types';

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
    extractWhenEvidentDays: 90,
    prematureCentralizationDays: 90,
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

/** A deep copy of a configuration, e.g. of the frozen defaults. */
export function cloneConfig(config: TeamInsightsConfig): TeamInsightsConfig {
  return JSON.parse(JSON.stringify(config));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
