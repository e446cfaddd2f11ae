import type { Entity } from '@backstage/catalog-model';
import {
  defaultTeamInsightsConfig,
  evaluate,
  type EvaluateOptions,
  type Report,
} from '@team-insights/plugin-team-insights-common';
import {
  api,
  component,
  group,
  members,
  openApi,
  resource,
  system,
  times,
  withRelations,
} from './catalogBuilders';

/*
 * The catalog of a small machine-learning organisation, the input of the
 * frontend's test report (report.generated.json, written by
 * `yarn fixture:generate`): feature teams (one too large, one missing its
 * analytics translator, one that never declared its type), a centralized
 * platform team with a mandatory product nobody adopts, two
 * expertise-oriented teams, a concern rebuilt next to a product, a concern
 * that is a candidate for a centralized team, an active waiver and
 * annotation findings.
 */

/** "Now" of the fixture: when the report was evaluated. */
export const FIXTURE_NOW = new Date('2026-03-02T06:00:00.000Z');

const organisation: Entity[] = [
  group('ml', 'Machine Learning', { type: 'department' }),
  group('ml-foundations', 'ML Foundations', {
    type: 'department',
    parent: 'ml',
  }),
  group('ml-products', 'ML Products', { type: 'department', parent: 'ml' }),
];

// An expertise-oriented lab of data scientists, building its own
// experiment tracking.
const dataLab: Entity[] = [
  group('data-lab', 'Data Lab', {
    teamType: 'expertise',
    parent: 'ml-foundations',
  }),
  ...members('data-lab', 'lab', [
    'data-scientist, analytics-translator',
    ...times(3, 'data-scientist'),
  ]),
  component('churn-prototype', {
    title: 'Churn Prototype',
    owner: 'data-lab',
    description: 'TODO',
    missing: ['techdocs', 'lifecycle', 'system', 'links', 'tags'],
    insights: {
      concern: 'experiment-tracking',
      waivers:
        'docs.techdocs until 2026-01-31: The prototype is retired after the churn study',
    },
  }),
];

// A feature team that grew too large (waived until it splits) and declined
// the model-serving API.
const fraudDetection: Entity[] = [
  group('fraud-detection', 'Fraud Detection', {
    teamType: 'feature',
    parent: 'ml-products',
    skills: 'analytics-translator=1, back-end-engineer=1, ux-designer=1',
    declinedProducts:
      'api:model-serving-api: needs batch scoring of a whole day',
    waivers:
      'composition.team-size until 2026-09-30: The team splits into two feature teams after the Q2 release',
  }),
  ...members('fraud-detection', 'fraud', [
    'analytics-translator',
    'back-end-engineer',
    ...times(4, 'data-engineer'),
    'data-scientist, data-engineer',
    ...times(4, 'data-scientist'),
    ...times(3, 'site-reliability-engineer'),
  ]),
  component('fraud-data-validation', {
    title: 'Fraud Data Validation',
    owner: 'fraud-detection',
    description:
      'Validates the transaction features before the fraud models score them.',
    system: 'fraud-detection',
    missing: ['techdocs'],
    insights: { concern: 'data-validation' },
  }),
  component('fraud-scoring', {
    title: 'Fraud Scoring',
    owner: 'fraud-detection',
    description: 'Scores every payment for the risk of fraud.',
    system: 'fraud-detection',
    missing: ['links'],
    spec: { dependsOn: ['component:metrics-platform'] },
  }),
];

// The centralized platform team: four products, one of them mandatory,
// undocumented and adopted by nobody.
const mlPlatform: Entity[] = [
  group('ml-platform', 'ML Platform', {
    teamType: 'centralized',
    parent: 'ml-foundations',
  }),
  ...members('ml-platform', 'platform', [
    'data-engineer, site-reliability-engineer',
    'data-engineer',
    'data-engineer',
    'site-reliability-engineer, software-engineer',
    'site-reliability-engineer',
    'software-engineer',
  ]),
  api('model-serving-api', {
    title: 'Model Serving API',
    owner: 'ml-platform',
    description: 'Serves predictions of every deployed model over HTTP.',
    system: 'ml-platform',
    missing: ['tags'],
    insights: { product: 'true', concern: 'model-serving' },
    spec: {
      definition: openApi(
        'Model Serving API',
        '/models/{model}/predict',
        'One prediction of the current version of a model',
      ),
    },
  }),
  component('batch-scheduler', {
    title: 'Batch Scheduler',
    owner: 'ml-platform',
    description: 'Schedules the nightly training and scoring jobs.',
    system: 'ml-platform',
    missing: ['techdocs'],
    insights: {
      product: 'true',
      mandatory: 'true',
      concern: 'batch-scheduling',
    },
  }),
  component('feature-store', {
    title: 'Feature Store',
    owner: 'ml-platform',
    description: 'Stores the features every model trains and scores on.',
    system: 'ml-platform',
    insights: { product: 'true', concern: 'feature-store' },
    spec: { providesApis: ['feature-store-api'] },
  }),
  component('metrics-platform', {
    title: 'Metrics Platform',
    owner: 'ml-platform',
    description: 'Monitors the models in production and alerts their teams.',
    system: 'ml-platform',
    missing: ['links'],
    insights: { product: 'true', concern: 'monitoring' },
    spec: { providesApis: ['metrics-api'] },
  }),
];

// Expertise-oriented operations that runs what others build.
const opsTeam: Entity[] = [
  group('ops-team', 'Ops Team', {
    teamType: 'expertise',
    parent: 'ml-foundations',
    skills: 'site-reliability-engineer=1',
  }),
  ...members('ops-team', 'ops', times(3, 'site-reliability-engineer')),
  resource('ml-k8s-cluster', {
    title: 'ML Kubernetes Cluster',
    owner: 'ops-team',
    description: 'The Kubernetes cluster the models run on.',
    system: 'ml-platform',
    missing: ['techdocs'],
  }),
];

// A team of data scientists that never declared its type.
const pricing: Entity[] = [
  group('pricing', 'Pricing', { parent: 'ml-products' }),
  ...members('pricing', 'pricing', times(3, 'data-scientist')),
  component('pricing-model', {
    title: 'Pricing Model',
    owner: 'pricing',
    description: '',
    missing: ['description', 'techdocs', 'system', 'links', 'tags'],
  }),
];

// A feature team without an analytics translator that rebuilds monitoring
// next to the platform's product and hands work over to two other teams.
const recommendations: Entity[] = [
  group('recommendations', 'Recommendations', {
    teamType: 'feature',
    parent: 'ml-products',
    skills: 'data-scientist=1, site-reliability-engineer=1',
  }),
  ...members('recommendations', 'recs', [
    'data-scientist, data-engineer',
    'data-sceintist',
    'data-engineer, data-scientist, software-engineer',
    undefined,
  ]),
  component('recs-data-validation', {
    title: 'Recommendations Data Validation',
    owner: 'recommendations',
    description:
      'Checks the interaction data before the recommendation models train on it.',
    missing: ['techdocs', 'source', 'tags'],
    insights: { concern: 'data-validation' },
  }),
  component('recs-monitoring', {
    title: 'Recommendations Monitoring',
    owner: 'recommendations',
    description: '',
    missing: ['description', 'techdocs', 'system', 'links', 'tags'],
    insights: {
      concern: 'monitoring',
      waivers:
        'docs.techdocs until 2026-06-30: Docs move to TechDocs together with the monitoring rewrite',
    },
  }),
  component('recs-service', {
    title: 'Recommendations Service',
    owner: 'recommendations',
    description: 'Recommends products to every visitor of the shop.',
    missing: ['techdocs'],
    spec: {
      dependsOn: [
        'component:feature-store',
        'component:churn-prototype',
        'resource:ml-k8s-cluster',
      ],
    },
  }),
  system('recommendations', {
    title: 'Recommendations',
    owner: 'recommendations',
    description: 'Everything that recommends products to visitors.',
    missing: ['techdocs'],
  }),
];

// A feature team that holds every required cluster and adopts every
// product, but builds its own data validation.
const searchRanking: Entity[] = [
  group('search-ranking', 'Search Ranking', {
    teamType: 'feature',
    parent: 'ml-products',
    skills: 'data-engineer=1, site-reliability-engineer=1',
  }),
  ...members('search-ranking', 'search', [
    'analytics-translator',
    'data-engineer',
    'data-scientist',
    'data-scientist',
    'site-reliability-engineer',
  ]),
  api('search-ranking-api', {
    title: 'Search Ranking API',
    owner: 'search-ranking',
    description: 'Ranks the results of a search query.',
    system: 'search',
    missing: ['links', 'tags'],
    spec: {
      definition: openApi(
        'Search Ranking API',
        '/rank',
        'The results of a query, best first',
      ),
    },
  }),
  component('ranking-data-checks', {
    title: 'Ranking Data Checks',
    owner: 'search-ranking',
    description: 'Checks the click data before the ranking models train on it.',
    system: 'search',
    missing: ['techdocs', 'links'],
    insights: { concern: 'data-validation' },
  }),
  component('search-ranking-service', {
    title: 'Search Ranking Service',
    owner: 'search-ranking',
    description: 'Serves the ranking of search results.',
    system: 'search',
    spec: {
      providesApis: ['search-ranking-api'],
      consumesApis: ['model-serving-api'],
      dependsOn: ['component:feature-store', 'component:metrics-platform'],
    },
  }),
];

/** The entities of the fixture organisation, with their relations. */
export const fixtureCatalog: Entity[] = withRelations([
  ...organisation,
  ...dataLab,
  ...fraudDetection,
  ...mlPlatform,
  ...opsTeam,
  ...pricing,
  ...recommendations,
  ...searchRanking,
]);

/** How the fixture is evaluated: the default config at {@link FIXTURE_NOW}. */
export const fixtureEvaluateOptions: EvaluateOptions = {
  config: defaultTeamInsightsConfig,
  now: FIXTURE_NOW,
};

/** The report the engine makes of the fixture catalog. */
export function evaluateFixtureCatalog(): Report {
  return evaluate(fixtureCatalog, fixtureEvaluateOptions);
}
