/**
 * Words the synthetic organisation is made of: an online marketplace that
 * does machine learning, as in the article Team Insights is built on.
 */

export const DIVISION_WORDS = [
  'marketplace',
  'payments',
  'logistics',
  'growth',
  'discovery',
  'trust',
  'merchant',
  'customer',
  'mobile',
  'advertising',
  'data',
  'infrastructure',
] as const;

export const DOMAIN_WORDS = [
  'search',
  'recommendations',
  'pricing',
  'checkout',
  'catalog',
  'fraud',
  'delivery',
  'forecasting',
  'reviews',
  'onboarding',
  'loyalty',
  'inventory',
  'ads',
  'support',
  'identity',
  'messaging',
  'returns',
  'seller',
  'ranking',
  'personalisation',
] as const;

export const FEATURE_WORDS = [
  'ranking',
  'relevance',
  'experience',
  'insights',
  'quality',
  'automation',
  'optimisation',
  'signals',
  'journeys',
  'matching',
] as const;

export const EXPERTISE_TEAM_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['data-lab', 'data-scientist'],
  ['ops', 'site-reliability-engineer'],
  ['data-engineering', 'data-engineer'],
  ['analytics', 'analytics-translator'],
  ['frontend-guild', 'front-end-engineer'],
];

/**
 * Cross-cutting concerns (SPEC §4.4), each with the name a centralized team
 * offering it would carry.
 */
export const CONCERNS: ReadonlyArray<readonly [string, string]> = [
  ['monitoring', 'observability'],
  ['batch-scheduling', 'workflow-platform'],
  ['feature-store', 'ml-platform'],
  ['model-serving', 'serving-platform'],
  ['experimentation', 'experimentation-platform'],
  ['data-catalog', 'data-platform'],
  ['ci-cd', 'delivery-platform'],
  ['logging', 'logging-platform'],
  ['secrets', 'security-platform'],
  ['labelling', 'labelling-platform'],
  ['feature-flags', 'release-platform'],
  ['search-indexing', 'search-platform'],
];

/** Concerns teams build that no platform team offers (yet). */
export const UNCOVERED_CONCERNS = [
  'data-quality',
  'access-control',
  'notifications',
] as const;

export const COMPONENT_NOUNS = [
  'service',
  'api-gateway',
  'worker',
  'pipeline',
  'model',
  'ui',
  'job',
  'consumer',
  'scorer',
  'indexer',
  'trainer',
  'dashboard',
] as const;

export const RESOURCE_TYPES: ReadonlyArray<readonly [string, string]> = [
  ['database', 'db'],
  ['s3-bucket', 'bucket'],
  ['kafka-topic', 'topic'],
  ['cache', 'cache'],
  ['warehouse-table', 'table'],
];

export const TAGS = [
  'python',
  'java',
  'go',
  'typescript',
  'ml',
  'batch',
  'grpc',
  'kafka',
  'spark',
  'streaming',
  'pii',
  'tier-1',
] as const;

export const FIRST_NAMES = [
  'alex',
  'sam',
  'robin',
  'kim',
  'noa',
  'jo',
  'lee',
  'max',
  'ari',
  'mika',
  'sasha',
  'eli',
  'remy',
  'kai',
  'nico',
  'jules',
  'rene',
  'toni',
  'yuki',
  'dani',
] as const;

export const LAST_NAMES = [
  'birch',
  'maple',
  'stone',
  'rivers',
  'field',
  'brook',
  'hill',
  'lake',
  'moss',
  'reed',
  'ash',
  'vale',
  'frost',
  'marsh',
  'glen',
  'heath',
  'cove',
  'dune',
  'fern',
  'wells',
] as const;

/** Placeholder descriptions the documentation scorecard rejects. */
export const PLACEHOLDER_DESCRIPTIONS = ['TODO', 'tbd', 'n/a', '-'] as const;

/** Misspelt or unknown skill clusters, as people really type them. */
export const SKILL_TYPOS = [
  'data-sceintist',
  'data-enginer',
  'devops',
  'ml-engineer',
  'site-reliability',
] as const;

/** The skill clusters members of the synthetic organisation have. */
export const SKILL_CLUSTERS = {
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

/** Skills of feature-team members, weighted. */
export const FEATURE_SKILLS: ReadonlyArray<readonly [string, number]> = [
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

/** Skills of centralized-team members, weighted. */
export const CENTRALIZED_SKILLS: ReadonlyArray<readonly [string, number]> = [
  [SKILL_CLUSTERS.sre, 3],
  [SKILL_CLUSTERS.de, 2],
  [SKILL_CLUSTERS.be, 2],
  [SKILL_CLUSTERS.se, 2],
  [SKILL_CLUSTERS.ds, 0.5],
  [SKILL_CLUSTERS.po, 0.5],
];
