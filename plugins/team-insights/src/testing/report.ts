import type {
  CheckResult,
  CheckStatus,
  EntityReport,
  Level,
  Report,
  ScorecardResult,
  SkillHolding,
  TeamReport,
  TeamType,
} from '@team-insights/plugin-team-insights-common';

/*
 * A realistic report of a small machine-learning organisation, as the backend
 * serves it: feature teams (one too large, one missing its analytics
 * translator, one that never declared its type), a centralized platform team
 * with a mandatory product nobody adopts, two expertise-oriented teams, a
 * concern rebuilt next to a product, a concern that is a candidate for a
 * centralized team, an active waiver and annotation findings.
 *
 * Scores and levels are written out as the engine computes them
 * (round(100 · Σ weight·credit / Σ weight), gold ≥ 90, silver ≥ 75,
 * bronze ≥ 50); the frontend never computes them.
 */

const yaml = (snippet: string) => `\`\`\`yaml\n${snippet}\n\`\`\``;

function check(
  id: string,
  title: string,
  status: CheckStatus,
  weight: number,
  message: string,
  extra: Partial<CheckResult> = {},
): CheckResult {
  return { id, title, status, weight, message, ...extra };
}

function scorecard(
  score: number | null,
  level: Level | null,
  checks: CheckResult[],
): ScorecardResult {
  return { score, level, checks };
}

// ---------------------------------------------------------------------------
// Documentation checks of single entities

const DOC_TITLES: Record<string, [string, number]> = {
  'docs.description': ['Description', 2],
  'docs.owner': ['Owner', 2],
  'docs.techdocs': ['TechDocs', 3],
  'docs.source': ['Source location', 1],
  'docs.lifecycle': ['Lifecycle', 1],
  'docs.system': ['System', 1],
  'docs.links': ['Links', 1],
  'docs.tags': ['Tags', 1],
  'docs.api-definition': ['API definition', 3],
  'docs.provides-api': ['Provides an API', 2],
};

const DOC_PASS: Record<string, string> = {
  'docs.description': 'The description says what the entity is for.',
  'docs.owner': 'spec.owner resolves to a Group.',
  'docs.techdocs': 'backstage.io/techdocs-ref is set.',
  'docs.source': 'The source location is known.',
  'docs.lifecycle': 'spec.lifecycle is set.',
  'docs.system': 'spec.system is set.',
  'docs.links': 'Has at least one link.',
  'docs.tags': 'Has at least one tag.',
  'docs.api-definition': 'The API definition has 4,812 characters.',
  'docs.provides-api': 'Provides at least one API.',
};

const DOC_FAIL: Record<string, [string, string]> = {
  'docs.description': [
    "metadata.description is missing or a placeholder ('TODO').",
    `Say in a sentence or two what this is for and who uses it:\n\n${yaml(
      'metadata:\n  description: Detects drift in the input features of the recommendation models and alerts the team.',
    )}`,
  ],
  'docs.techdocs': [
    'No TechDocs: neither backstage.io/techdocs-ref nor backstage.io/techdocs-entity is set.',
    `Write the docs next to the code (a docs/ folder and an mkdocs.yml) and point TechDocs at them, so nobody has to ask:\n\n${yaml(
      'metadata:\n  annotations:\n    backstage.io/techdocs-ref: dir:.',
    )}`,
  ],
  'docs.source': [
    'No source location: neither backstage.io/source-location nor a url: managed-by-location.',
    `Point at the repository that holds the code:\n\n${yaml(
      'metadata:\n  annotations:\n    backstage.io/source-location: url:https://git.example.com/ml/recs-data-validation/',
    )}`,
  ],
  'docs.lifecycle': [
    'spec.lifecycle is not set.',
    `Say how mature it is:\n\n${yaml('spec:\n  lifecycle: experimental')}`,
  ],
  'docs.system': [
    'spec.system is not set.',
    `Name the system it is part of:\n\n${yaml(
      'spec:\n  system: recommendations',
    )}`,
  ],
  'docs.links': [
    'No metadata.links.',
    `Link the dashboards and runbooks people look for:\n\n${yaml(
      'metadata:\n  links:\n    - url: https://dashboards.example.com/d/ml\n      title: Dashboard',
    )}`,
  ],
  'docs.tags': [
    'No tags.',
    `Tag it so people can find it:\n\n${yaml(
      'metadata:\n  tags:\n    - machine-learning',
    )}`,
  ],
  'docs.provides-api': [
    'A product without an API: teams cannot automate what they would otherwise have to ask for.',
    `Expose an API so that using the product requires no communication:\n\n${yaml(
      'spec:\n  providesApis:\n    - batch-scheduler-api',
    )}`,
  ],
};

function docChecks(
  kind: 'component' | 'product' | 'api' | 'resource' | 'system',
  failing: Record<string, CheckStatus> = {},
  extra: Record<string, Partial<CheckResult>> = {},
): CheckResult[] {
  const ids = Object.keys(DOC_TITLES).filter(id => {
    if (id === 'docs.lifecycle')
      return kind !== 'resource' && kind !== 'system';
    if (id === 'docs.system') return kind !== 'system';
    if (id === 'docs.api-definition') return kind === 'api';
    if (id === 'docs.provides-api') return kind === 'product';
    return true;
  });
  return ids.map(id => {
    const [title, weight] = DOC_TITLES[id];
    const status = failing[id] ?? 'pass';
    if (status === 'pass') {
      return check(id, title, 'pass', weight, DOC_PASS[id], extra[id]);
    }
    const [message, remediation] = DOC_FAIL[id];
    return check(id, title, status, weight, message, {
      remediation,
      ...extra[id],
    });
  });
}

function entity(
  entityRef: string,
  title: string,
  owner: string,
  product: boolean,
  documentation: ScorecardResult,
): EntityReport {
  const kind = entityRef.slice(0, entityRef.indexOf(':'));
  return {
    entityRef,
    kind: kind.charAt(0).toLocaleUpperCase('en-US') + kind.slice(1),
    title,
    owner,
    product,
    scorecards: { documentation },
  };
}

const group = (name: string) => `group:default/${name}`;

/** The documented entities of the fixture, sorted by ref. */
export const fixtureEntities: EntityReport[] = [
  entity(
    'api:default/model-serving-api',
    'Model Serving API',
    group('ml-platform'),
    true,
    scorecard(93, 'gold', docChecks('api', { 'docs.tags': 'fail' })),
  ),
  entity(
    'api:default/search-ranking-api',
    'Search Ranking API',
    group('search-ranking'),
    false,
    scorecard(
      87,
      'silver',
      docChecks('api', { 'docs.links': 'fail', 'docs.tags': 'fail' }),
    ),
  ),
  entity(
    'component:default/batch-scheduler',
    'Batch Scheduler',
    group('ml-platform'),
    true,
    scorecard(
      64,
      'bronze',
      docChecks('product', {
        'docs.techdocs': 'fail',
        'docs.provides-api': 'fail',
      }),
    ),
  ),
  entity(
    'component:default/churn-prototype',
    'Churn Prototype',
    group('data-lab'),
    false,
    scorecard(
      25,
      'none',
      docChecks('component', {
        'docs.description': 'fail',
        'docs.techdocs': 'fail',
        'docs.lifecycle': 'fail',
        'docs.system': 'fail',
        'docs.links': 'fail',
        'docs.tags': 'fail',
      }),
    ),
  ),
  entity(
    'component:default/feature-store',
    'Feature Store',
    group('ml-platform'),
    true,
    scorecard(100, 'gold', docChecks('product')),
  ),
  entity(
    'component:default/fraud-data-validation',
    'Fraud Data Validation',
    group('fraud-detection'),
    false,
    scorecard(
      75,
      'silver',
      docChecks('component', { 'docs.techdocs': 'fail' }),
    ),
  ),
  entity(
    'component:default/fraud-scoring',
    'Fraud Scoring',
    group('fraud-detection'),
    false,
    scorecard(92, 'gold', docChecks('component', { 'docs.links': 'fail' })),
  ),
  entity(
    'component:default/metrics-platform',
    'Metrics Platform',
    group('ml-platform'),
    true,
    scorecard(93, 'gold', docChecks('product', { 'docs.links': 'fail' })),
  ),
  entity(
    'component:default/pricing-model',
    'Pricing Model',
    group('pricing'),
    false,
    scorecard(
      33,
      'none',
      docChecks('component', {
        'docs.description': 'fail',
        'docs.techdocs': 'fail',
        'docs.system': 'fail',
        'docs.links': 'fail',
        'docs.tags': 'fail',
      }),
    ),
  ),
  entity(
    'component:default/ranking-data-checks',
    'Ranking Data Checks',
    group('search-ranking'),
    false,
    scorecard(
      67,
      'bronze',
      docChecks('component', { 'docs.techdocs': 'fail', 'docs.links': 'fail' }),
    ),
  ),
  entity(
    'component:default/recs-data-validation',
    'Recommendations Data Validation',
    group('recommendations'),
    false,
    scorecard(
      58,
      'bronze',
      docChecks('component', {
        'docs.techdocs': 'fail',
        'docs.source': 'fail',
        'docs.tags': 'fail',
      }),
    ),
  ),
  entity(
    'component:default/recs-monitoring',
    'Recommendations Monitoring',
    group('recommendations'),
    false,
    scorecard(
      58,
      'bronze',
      docChecks(
        'component',
        {
          'docs.description': 'fail',
          'docs.techdocs': 'fail',
          'docs.system': 'fail',
          'docs.links': 'fail',
          'docs.tags': 'fail',
        },
        {
          'docs.techdocs': {
            waived: {
              until: '2026-06-30',
              reason:
                'Docs move to TechDocs together with the monitoring rewrite',
            },
          },
        },
      ),
    ),
  ),
  entity(
    'component:default/recs-service',
    'Recommendations Service',
    group('recommendations'),
    false,
    scorecard(
      75,
      'silver',
      docChecks('component', { 'docs.techdocs': 'fail' }),
    ),
  ),
  entity(
    'component:default/search-ranking-service',
    'Search Ranking Service',
    group('search-ranking'),
    false,
    scorecard(100, 'gold', docChecks('component')),
  ),
  entity(
    'resource:default/ml-k8s-cluster',
    'ML Kubernetes Cluster',
    group('ops-team'),
    false,
    scorecard(73, 'bronze', docChecks('resource', { 'docs.techdocs': 'fail' })),
  ),
  entity(
    'system:default/recommendations',
    'Recommendations',
    group('recommendations'),
    false,
    scorecard(70, 'bronze', docChecks('system', { 'docs.techdocs': 'fail' })),
  ),
];

// ---------------------------------------------------------------------------
// Teams

const FEATURE_REQUIRED = [
  'analytics-translator',
  'data-engineer',
  'data-scientist',
  'site-reliability-engineer',
];

function skills(...items: Array<[string, number, number]>): SkillHolding[] {
  return items.map(([cluster, people, primary]) => ({
    cluster,
    people,
    primary,
  }));
}

function team(
  name: string,
  title: string,
  teamType: TeamType,
  options: {
    teamTypeDeclared?: boolean;
    members: number;
    headCount: number;
    parent: string;
    skills: SkillHolding[];
    missingSkills?: string[];
    owned: string[];
    composition: ScorecardResult;
    adoption: ScorecardResult;
    documentation: ScorecardResult;
  },
): TeamReport {
  const size = options.members + options.headCount;
  return {
    entityRef: group(name),
    title,
    teamType,
    teamTypeDeclared: options.teamTypeDeclared ?? true,
    size,
    members: options.members,
    headCount: options.headCount,
    communicationPaths: (size * (size - 1)) / 2,
    parent: options.parent,
    orgUnits: [options.parent, group('ml')],
    requiredSkills: teamType === 'feature' ? FEATURE_REQUIRED : [],
    missingSkills: options.missingSkills ?? [],
    skills: options.skills,
    owned: options.owned,
    scorecards: {
      composition: options.composition,
      adoption: options.adoption,
      documentation: options.documentation,
    },
  };
}

const SKILLS_YAML = yaml(
  'apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: recs-engineer-4\n  annotations:\n    # primary cluster first\n    team-insights.io/skills: data-engineer, site-reliability-engineer',
);

const passing = {
  handOvers: check(
    'composition.hand-overs',
    'Hand-overs',
    'pass',
    2,
    'Depends on non-product entities of no other team.',
  ),
  skillsDeclared: (n: number) =>
    check(
      'composition.skills-declared',
      'Skills declared',
      'pass',
      1,
      `${n} of ${n} members declare their skill clusters (100 %).`,
    ),
  annotationsValid: check(
    'composition.annotations-valid',
    'Annotations valid',
    'pass',
    1,
    'No errors in the annotations of the team or its members.',
  ),
  ownsComponent: (n: number) =>
    check(
      'composition.end-to-end-ownership',
      'End-to-end ownership',
      'pass',
      1,
      `Owns ${n} Component${n === 1 ? '' : 's'}.`,
    ),
  reuse: (message: string) =>
    scorecard(100, 'gold', [
      check('adoption.reuse', 'Reuse of platform products', 'pass', 2, message),
    ]),
};

function teamDocs(
  score: number,
  level: Level,
  total: number,
  failing: Record<string, string[]>,
  applicable: string[] = [
    'docs.description',
    'docs.owner',
    'docs.techdocs',
    'docs.source',
    'docs.lifecycle',
    'docs.system',
    'docs.links',
    'docs.tags',
  ],
): ScorecardResult {
  return scorecard(
    score,
    level,
    applicable.map(id => {
      const [title, weight] = DOC_TITLES[id];
      const failed = failing[id] ?? [];
      const passed = total - failed.length;
      const rate = passed / total;
      let status: CheckStatus = 'fail';
      if (rate === 1) status = 'pass';
      else if (rate >= 0.5) status = 'warn';
      const percent = Math.round(rate * 100);
      return check(
        id,
        title,
        status,
        weight,
        `${passed} of ${total} owned entities pass (${percent} %).`,
        failed.length
          ? { entities: failed, remediation: DOC_FAIL[id]?.[1] }
          : {},
      );
    }),
  );
}

/** The teams of the fixture, sorted by ref. */
export const fixtureTeams: TeamReport[] = [
  team('data-lab', 'Data Lab', 'expertise', {
    members: 4,
    headCount: 0,
    parent: group('ml-foundations'),
    skills: skills(['analytics-translator', 1, 0], ['data-scientist', 4, 4]),
    owned: ['component:default/churn-prototype'],
    composition: scorecard(78, 'silver', [
      check(
        'composition.skill-coverage',
        'Skill coverage',
        'not-applicable',
        3,
        'Expertise teams require no skill clusters.',
      ),
      check(
        'composition.team-size',
        'Team size',
        'pass',
        2,
        '4 people: 6 communication paths.',
      ),
      check(
        'composition.redundancy',
        'Redundancy',
        'not-applicable',
        1,
        'No required cluster to hold twice.',
      ),
      check(
        'composition.cross-functional',
        'Cross-functional',
        'fail',
        2,
        'An expertise-oriented team of data scientists: work reaches production through hand-overs to other teams, with split ownership, loss of knowledge at every hand-over and a longer lead time.',
        {
          remediation: `Start with feature teams: move these people into teams that are end-to-end responsible for a feature and hold every skill cluster it needs. When the team itself becomes one, declare it:\n\n${yaml(
            'metadata:\n  annotations:\n    team-insights.io/team-type: feature',
          )}`,
        },
      ),
      passing.handOvers,
      passing.ownsComponent(1),
      passing.skillsDeclared(4),
      passing.annotationsValid,
    ]),
    adoption: passing.reuse(
      'Builds experiment-tracking itself; no other team offers it as a product.',
    ),
    documentation: teamDocs(25, 'none', 1, {
      'docs.description': ['component:default/churn-prototype'],
      'docs.techdocs': ['component:default/churn-prototype'],
      'docs.lifecycle': ['component:default/churn-prototype'],
      'docs.system': ['component:default/churn-prototype'],
      'docs.links': ['component:default/churn-prototype'],
      'docs.tags': ['component:default/churn-prototype'],
    }),
  }),
  team('fraud-detection', 'Fraud Detection', 'feature', {
    members: 14,
    headCount: 3,
    parent: group('ml-products'),
    skills: skills(
      ['analytics-translator', 2, 2],
      ['back-end-engineer', 2, 2],
      ['data-engineer', 5, 4],
      ['data-scientist', 5, 5],
      ['site-reliability-engineer', 3, 3],
      ['ux-designer', 1, 1],
    ),
    owned: [
      'component:default/fraud-data-validation',
      'component:default/fraud-scoring',
    ],
    composition: scorecard(100, 'gold', [
      check(
        'composition.skill-coverage',
        'Skill coverage',
        'pass',
        3,
        'All 4 required skill clusters are held: analytics-translator, data-engineer, data-scientist, site-reliability-engineer.',
      ),
      check(
        'composition.team-size',
        'Team size',
        'fail',
        2,
        '17 people: 136 communication paths. Every person added brings more communication overhead than the one before; above 15 people it dominates.',
        {
          waived: {
            until: '2026-09-30',
            reason:
              'The team splits into two feature teams after the Q2 release',
          },
          remediation: `Split the team along features into teams of at most 9, each end-to-end responsible and holding every required skill cluster:\n\n${yaml(
            'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: fraud-detection-payments\n  annotations:\n    team-insights.io/team-type: feature\nspec:\n  type: team\n  parent: ml-products\n  children: []',
          )}`,
        },
      ),
      check(
        'composition.redundancy',
        'Redundancy',
        'pass',
        1,
        'Every covered required cluster is held by at least 2 people.',
      ),
      check(
        'composition.cross-functional',
        'Cross-functional',
        'pass',
        2,
        'The largest primary cluster, data-scientist, holds 5 of 17 people (29 %).',
      ),
      passing.handOvers,
      passing.ownsComponent(2),
      passing.skillsDeclared(14),
      passing.annotationsValid,
    ]),
    adoption: passing.reuse(
      'Builds data-validation itself; no other team offers it as a product. Declined api:default/model-serving-api.',
    ),
    documentation: teamDocs(84, 'silver', 2, {
      'docs.techdocs': ['component:default/fraud-data-validation'],
      'docs.links': ['component:default/fraud-scoring'],
    }),
  }),
  team('ml-platform', 'ML Platform', 'centralized', {
    members: 6,
    headCount: 0,
    parent: group('ml-foundations'),
    skills: skills(
      ['data-engineer', 3, 3],
      ['site-reliability-engineer', 3, 2],
      ['software-engineer', 2, 1],
    ),
    owned: [
      'api:default/model-serving-api',
      'component:default/batch-scheduler',
      'component:default/feature-store',
      'component:default/metrics-platform',
    ],
    composition: scorecard(100, 'gold', [
      check(
        'composition.skill-coverage',
        'Skill coverage',
        'not-applicable',
        3,
        'Centralized teams require no skill clusters.',
      ),
      check(
        'composition.team-size',
        'Team size',
        'pass',
        2,
        '6 people: 15 communication paths.',
      ),
      check(
        'composition.redundancy',
        'Redundancy',
        'not-applicable',
        1,
        'No required cluster to hold twice.',
      ),
      check(
        'composition.cross-functional',
        'Cross-functional',
        'not-applicable',
        2,
        'Centralized teams are judged by their products instead.',
      ),
      passing.handOvers,
      check(
        'composition.end-to-end-ownership',
        'End-to-end ownership',
        'not-applicable',
        1,
        'Centralized teams own products rather than features.',
      ),
      passing.skillsDeclared(6),
      passing.annotationsValid,
    ]),
    adoption: scorecard(46, 'none', [
      check(
        'adoption.exposes-products',
        'Exposes products',
        'pass',
        3,
        'Owns 4 products: api:default/model-serving-api, component:default/batch-scheduler, component:default/feature-store, component:default/metrics-platform.',
      ),
      check(
        'adoption.opt-in',
        'Opt-in',
        'fail',
        2,
        'component:default/batch-scheduler is mandatory: teams cannot choose not to use it, which takes away the incentive to make it a good product.',
        {
          entities: ['component:default/batch-scheduler'],
          remediation: `Give teams the freedom to choose: make the product opt-in and let it win on its merits.\n\n${yaml(
            "metadata:\n  annotations:\n    team-insights.io/mandatory: 'false'",
          )}`,
        },
      ),
      check(
        'adoption.reach',
        'Reach',
        'warn',
        3,
        '3 of 4 products have at least one adopter (75 %). Nobody adopts component:default/batch-scheduler.',
        {
          entities: ['component:default/batch-scheduler'],
          remediation:
            'Find out why teams do not use it: it may not fit what feature teams need, or they may not know it exists. A product nobody adopts is a candidate to improve or to retire.',
        },
      ),
      check(
        'adoption.self-service',
        'Self-service',
        'warn',
        3,
        'component:default/batch-scheduler scores 64 on documentation, below 75: teams cannot serve themselves from it.',
        {
          entities: ['component:default/batch-scheduler'],
          remediation: `Provide rich documentation and an API to automate everything that used to require a request to the team:\n\n${yaml(
            'metadata:\n  annotations:\n    backstage.io/techdocs-ref: dir:.\nspec:\n  providesApis:\n    - batch-scheduler-api',
          )}`,
        },
      ),
      check(
        'adoption.no-communication',
        'Requires no communication',
        'fail',
        2,
        '1 of 4 products has no TechDocs and can only be learned by asking: component:default/batch-scheduler.',
        {
          entities: ['component:default/batch-scheduler'],
          remediation: `If teams have to talk to you to understand or use the product, the other principles are not fully applied yet. Publish its docs in TechDocs:\n\n${yaml(
            'metadata:\n  annotations:\n    backstage.io/techdocs-ref: dir:.',
          )}`,
        },
      ),
    ]),
    documentation: teamDocs(
      88,
      'silver',
      4,
      {
        'docs.techdocs': ['component:default/batch-scheduler'],
        'docs.links': ['component:default/metrics-platform'],
        'docs.tags': ['api:default/model-serving-api'],
        'docs.provides-api': ['component:default/batch-scheduler'],
      },
      [
        'docs.description',
        'docs.owner',
        'docs.techdocs',
        'docs.source',
        'docs.lifecycle',
        'docs.system',
        'docs.links',
        'docs.tags',
        'docs.provides-api',
      ],
    ),
  }),
  team('ops-team', 'Ops Team', 'expertise', {
    members: 3,
    headCount: 1,
    parent: group('ml-foundations'),
    skills: skills(['site-reliability-engineer', 4, 4]),
    owned: ['resource:default/ml-k8s-cluster'],
    composition: scorecard(67, 'bronze', [
      check(
        'composition.skill-coverage',
        'Skill coverage',
        'not-applicable',
        3,
        'Expertise teams require no skill clusters.',
      ),
      check(
        'composition.team-size',
        'Team size',
        'pass',
        2,
        '4 people: 6 communication paths.',
      ),
      check(
        'composition.redundancy',
        'Redundancy',
        'not-applicable',
        1,
        'No required cluster to hold twice.',
      ),
      check(
        'composition.cross-functional',
        'Cross-functional',
        'fail',
        2,
        'An expertise-oriented team of site reliability engineers that deploys and maintains what others build: split ownership, hand-overs and tight coupling between teams.',
        {
          remediation: `Move operations into the feature teams, each with its own site reliability engineer. Extract what every team repeats into a centralized team that exposes it as a self-service product:\n\n${yaml(
            'metadata:\n  annotations:\n    team-insights.io/team-type: centralized',
          )}`,
        },
      ),
      passing.handOvers,
      check(
        'composition.end-to-end-ownership',
        'End-to-end ownership',
        'fail',
        1,
        'Owns no Component: the team is responsible for no feature end to end.',
        {
          remediation:
            'Give the team a feature it owns end to end, or merge its people into feature teams.',
        },
      ),
      passing.skillsDeclared(3),
      passing.annotationsValid,
    ]),
    adoption: passing.reuse('Builds no cross-cutting concern itself.'),
    documentation: teamDocs(
      73,
      'bronze',
      1,
      {
        'docs.techdocs': ['resource:default/ml-k8s-cluster'],
      },
      [
        'docs.description',
        'docs.owner',
        'docs.techdocs',
        'docs.source',
        'docs.system',
        'docs.links',
        'docs.tags',
      ],
    ),
  }),
  team('pricing', 'Pricing', 'feature', {
    teamTypeDeclared: false,
    members: 3,
    headCount: 0,
    parent: group('ml-products'),
    skills: skills(['data-scientist', 3, 3]),
    missingSkills: [
      'analytics-translator',
      'data-engineer',
      'site-reliability-engineer',
    ],
    owned: ['component:default/pricing-model'],
    composition: scorecard(62, 'bronze', [
      check(
        'composition.skill-coverage',
        'Skill coverage',
        'fail',
        3,
        'Missing 3 of 4 required skill clusters: analytics-translator, data-engineer, site-reliability-engineer. Without an analytics translator, chances are the team solves the wrong problem.',
        {
          remediation: `Add the missing skills to the team. People who are not modelled as Users can be declared on the team as head counts:\n\n${yaml(
            'metadata:\n  annotations:\n    team-insights.io/skills: analytics-translator=1, data-engineer=1, site-reliability-engineer=1',
          )}`,
        },
      ),
      check(
        'composition.team-size',
        'Team size',
        'pass',
        2,
        '3 people: 3 communication paths.',
      ),
      check(
        'composition.redundancy',
        'Redundancy',
        'pass',
        1,
        'Every covered required cluster is held by at least 2 people.',
      ),
      check(
        'composition.cross-functional',
        'Cross-functional',
        'fail',
        2,
        'data-scientist is the primary cluster of 3 of 3 people (100 %), more than 75 %: the team works like a data lab.',
        {
          remediation:
            'Make the team cross-functional: bring in a data engineer, a site reliability engineer and an analytics translator so it can take its models to production itself.',
        },
      ),
      passing.handOvers,
      passing.ownsComponent(1),
      passing.skillsDeclared(3),
      passing.annotationsValid,
    ]),
    adoption: passing.reuse('Builds no cross-cutting concern itself.'),
    documentation: teamDocs(33, 'none', 1, {
      'docs.description': ['component:default/pricing-model'],
      'docs.techdocs': ['component:default/pricing-model'],
      'docs.system': ['component:default/pricing-model'],
      'docs.links': ['component:default/pricing-model'],
      'docs.tags': ['component:default/pricing-model'],
    }),
  }),
  team('recommendations', 'Recommendations', 'feature', {
    members: 4,
    headCount: 2,
    parent: group('ml-products'),
    skills: skills(
      ['data-engineer', 2, 2],
      ['data-scientist', 3, 2],
      ['site-reliability-engineer', 1, 1],
      ['software-engineer', 1, 1],
    ),
    missingSkills: ['analytics-translator'],
    owned: [
      'component:default/recs-data-validation',
      'component:default/recs-monitoring',
      'component:default/recs-service',
      'system:default/recommendations',
    ],
    composition: scorecard(54, 'bronze', [
      check(
        'composition.skill-coverage',
        'Skill coverage',
        'fail',
        3,
        'Missing required skill cluster: analytics-translator. Without an analytics translator, chances are the team solves the wrong problem.',
        {
          remediation: `Add an analytics translator: someone who bridges the domain and the technical experts and keeps an overview of the whole value stream. If that person is not modelled as a User, declare them on the team:\n\n${yaml(
            'metadata:\n  annotations:\n    team-insights.io/skills: analytics-translator=1',
          )}`,
        },
      ),
      check(
        'composition.team-size',
        'Team size',
        'pass',
        2,
        '6 people: 15 communication paths.',
      ),
      check(
        'composition.redundancy',
        'Redundancy',
        'warn',
        1,
        'site-reliability-engineer is held by 1 person only: a single point of failure.',
        {
          remediation:
            'Let a second person pick up site reliability engineering, or add one to the team.',
        },
      ),
      check(
        'composition.cross-functional',
        'Cross-functional',
        'pass',
        2,
        'The largest primary clusters, data-engineer and data-scientist, hold 2 of 6 people each (33 %).',
      ),
      check(
        'composition.hand-overs',
        'Hand-overs',
        'warn',
        2,
        'Depends on non-product entities of 2 other teams: group:default/data-lab, group:default/ops-team. Each hand-over loses knowledge and adds lead time.',
        {
          entities: [group('data-lab'), group('ops-team')],
          remediation: `Take what the team depends on into its own ownership, or ask its owners to offer it as a self-service product:\n\n${yaml(
            "metadata:\n  annotations:\n    team-insights.io/product: 'true'",
          )}`,
        },
      ),
      passing.ownsComponent(3),
      check(
        'composition.skills-declared',
        'Skills declared',
        'warn',
        1,
        '3 of 4 members declare their skill clusters (75 %).',
        {
          entities: ['user:default/recs-engineer-4'],
          remediation: `Ask each member to declare their skill clusters on their User entity, primary first:\n\n${SKILLS_YAML}`,
        },
      ),
      check(
        'composition.annotations-valid',
        'Annotations valid',
        'fail',
        1,
        "1 error in the annotations of the team's members: user:default/recs-engineer-2.",
        {
          entities: ['user:default/recs-engineer-2'],
          remediation: `Fix the skill cluster id:\n\n${yaml(
            'metadata:\n  annotations:\n    team-insights.io/skills: data-scientist',
          )}`,
        },
      ),
    ]),
    adoption: scorecard(50, 'bronze', [
      check(
        'adoption.reuse',
        'Reuse of platform products',
        'warn',
        2,
        'Builds monitoring itself (component:default/recs-monitoring) while component:default/metrics-platform of group:default/ml-platform offers it as a product; the team neither adopts nor declined it.',
        {
          entities: [
            'component:default/metrics-platform',
            'component:default/recs-monitoring',
          ],
          remediation: `Try the product. If the team chooses not to use it, record that choice: opt-in means a "no" is legitimate.\n\n${yaml(
            'metadata:\n  annotations:\n    team-insights.io/declined-products: component:default/metrics-platform',
          )}`,
        },
      ),
    ]),
    documentation: teamDocs(65, 'bronze', 4, {
      'docs.description': ['component:default/recs-monitoring'],
      'docs.techdocs': [
        'component:default/recs-data-validation',
        'component:default/recs-service',
        'system:default/recommendations',
      ],
      'docs.source': ['component:default/recs-data-validation'],
      'docs.system': ['component:default/recs-monitoring'],
      'docs.links': ['component:default/recs-monitoring'],
      'docs.tags': [
        'component:default/recs-data-validation',
        'component:default/recs-monitoring',
      ],
    }),
  }),
  team('search-ranking', 'Search Ranking', 'feature', {
    members: 5,
    headCount: 2,
    parent: group('ml-products'),
    skills: skills(
      ['analytics-translator', 1, 1],
      ['data-engineer', 2, 2],
      ['data-scientist', 2, 2],
      ['site-reliability-engineer', 2, 2],
    ),
    owned: [
      'api:default/search-ranking-api',
      'component:default/ranking-data-checks',
      'component:default/search-ranking-service',
    ],
    composition: scorecard(96, 'gold', [
      check(
        'composition.skill-coverage',
        'Skill coverage',
        'pass',
        3,
        'All 4 required skill clusters are held: analytics-translator, data-engineer, data-scientist, site-reliability-engineer.',
      ),
      check(
        'composition.team-size',
        'Team size',
        'pass',
        2,
        '7 people: 21 communication paths.',
      ),
      check(
        'composition.redundancy',
        'Redundancy',
        'warn',
        1,
        'analytics-translator is held by 1 person only: a single point of failure.',
        {
          remediation:
            'Let a second person grow into the analytics translator role, for example the product owner.',
        },
      ),
      check(
        'composition.cross-functional',
        'Cross-functional',
        'pass',
        2,
        'The largest primary clusters hold 2 of 7 people each (29 %).',
      ),
      passing.handOvers,
      passing.ownsComponent(2),
      passing.skillsDeclared(5),
      passing.annotationsValid,
    ]),
    adoption: passing.reuse(
      'Adopts every product that covers a concern it has; builds data-validation itself, which no team offers as a product.',
    ),
    documentation: teamDocs(
      85,
      'silver',
      3,
      {
        'docs.techdocs': ['component:default/ranking-data-checks'],
        'docs.links': [
          'api:default/search-ranking-api',
          'component:default/ranking-data-checks',
        ],
        'docs.tags': ['api:default/search-ranking-api'],
      },
      [
        'docs.description',
        'docs.owner',
        'docs.techdocs',
        'docs.source',
        'docs.lifecycle',
        'docs.system',
        'docs.links',
        'docs.tags',
        'docs.api-definition',
      ],
    ),
  }),
];

// ---------------------------------------------------------------------------
// The report

/** The whole fixture report, as `GET /report` serves it (without `stale`). */
export const fixtureReport: Report = {
  version: 1,
  evaluatedAt: '2026-03-02T06:00:00.000Z',
  teams: fixtureTeams,
  orgUnits: [
    {
      entityRef: group('ml'),
      title: 'Machine Learning',
      teams: 7,
      teamRefs: fixtureTeams.map(t => t.entityRef),
      scorecards: {
        composition: {
          score: 80,
          level: 'silver',
          byLevel: { gold: 3, silver: 1, bronze: 3, none: 0 },
        },
        adoption: {
          score: 85,
          level: 'silver',
          byLevel: { gold: 5, silver: 0, bronze: 1, none: 1 },
        },
        documentation: {
          score: 65,
          level: 'bronze',
          byLevel: { gold: 0, silver: 3, bronze: 2, none: 2 },
        },
      },
    },
    {
      entityRef: group('ml-foundations'),
      title: 'ML Foundations',
      parent: group('ml'),
      teams: 3,
      teamRefs: [group('data-lab'), group('ml-platform'), group('ops-team')],
      scorecards: {
        composition: {
          score: 82,
          level: 'silver',
          byLevel: { gold: 1, silver: 1, bronze: 1, none: 0 },
        },
        adoption: {
          score: 82,
          level: 'silver',
          byLevel: { gold: 2, silver: 0, bronze: 0, none: 1 },
        },
        documentation: {
          score: 62,
          level: 'bronze',
          byLevel: { gold: 0, silver: 1, bronze: 1, none: 1 },
        },
      },
    },
    {
      entityRef: group('ml-products'),
      title: 'ML Products',
      parent: group('ml'),
      teams: 4,
      teamRefs: [
        group('fraud-detection'),
        group('pricing'),
        group('recommendations'),
        group('search-ranking'),
      ],
      scorecards: {
        composition: {
          score: 78,
          level: 'silver',
          byLevel: { gold: 2, silver: 0, bronze: 2, none: 0 },
        },
        adoption: {
          score: 88,
          level: 'silver',
          byLevel: { gold: 3, silver: 0, bronze: 1, none: 0 },
        },
        documentation: {
          score: 67,
          level: 'bronze',
          byLevel: { gold: 0, silver: 2, bronze: 1, none: 1 },
        },
      },
    },
  ],
  entities: fixtureEntities,
  products: [
    {
      entityRef: 'api:default/model-serving-api',
      owner: group('ml-platform'),
      mandatory: false,
      concern: 'model-serving',
      adopters: [group('search-ranking')],
      declinedBy: [group('fraud-detection')],
      declineReasons: [
        {
          teamRef: group('fraud-detection'),
          reason: 'needs batch scoring of a whole day',
        },
      ],
      adoptionRate: 0.25,
      documentationScore: 93,
    },
    {
      entityRef: 'component:default/batch-scheduler',
      owner: group('ml-platform'),
      mandatory: true,
      concern: 'batch-scheduling',
      adopters: [],
      declinedBy: [],
      adoptionRate: 0,
      documentationScore: 64,
    },
    {
      entityRef: 'component:default/feature-store',
      owner: group('ml-platform'),
      mandatory: false,
      concern: 'feature-store',
      adopters: [group('recommendations'), group('search-ranking')],
      declinedBy: [],
      adoptionRate: 0.5,
      documentationScore: 100,
    },
    {
      entityRef: 'component:default/metrics-platform',
      owner: group('ml-platform'),
      mandatory: false,
      concern: 'monitoring',
      adopters: [group('fraud-detection'), group('search-ranking')],
      declinedBy: [],
      adoptionRate: 0.5,
      documentationScore: 93,
    },
  ],
  concerns: [
    {
      concern: 'batch-scheduling',
      builtBy: [],
      products: ['component:default/batch-scheduler'],
      verdict: 'covered',
    },
    {
      concern: 'data-validation',
      builtBy: [
        group('fraud-detection'),
        group('recommendations'),
        group('search-ranking'),
      ],
      products: [],
      verdict: 'centralize-candidate',
    },
    {
      concern: 'experiment-tracking',
      builtBy: [group('data-lab')],
      products: [],
      verdict: 'local',
    },
    {
      concern: 'feature-store',
      builtBy: [],
      products: ['component:default/feature-store'],
      verdict: 'covered',
    },
    {
      concern: 'model-serving',
      builtBy: [],
      products: ['api:default/model-serving-api'],
      verdict: 'covered',
    },
    {
      concern: 'monitoring',
      builtBy: [group('recommendations')],
      products: ['component:default/metrics-platform'],
      verdict: 'rebuilt',
    },
  ],
  findings: [
    {
      severity: 'warning',
      code: 'waiver.expired',
      entityRef: 'component:default/churn-prototype',
      annotation: 'team-insights.io/waivers',
      message:
        'The waiver of docs.techdocs expired on 2026-01-31: the check counts as usual again.',
      params: { checkId: 'docs.techdocs', until: '2026-01-31' },
    },
    {
      severity: 'warning',
      code: 'team-type.missing',
      entityRef: group('pricing'),
      annotation: 'team-insights.io/team-type',
      message:
        "Group 'pricing' is a team without team-insights.io/team-type: evaluated as a feature team. Declare feature, centralized or expertise.",
    },
    {
      severity: 'error',
      code: 'skills.unknown-cluster',
      entityRef: 'user:default/recs-engineer-2',
      annotation: 'team-insights.io/skills',
      message:
        "unknown skill cluster 'data-sceintist' (did you mean 'data-scientist'?)",
      params: { value: 'data-sceintist', suggestion: 'data-scientist' },
    },
  ],
};
