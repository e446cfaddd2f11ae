import type { Entity } from '@backstage/catalog-model';
import { evaluate } from '../evaluate';
import {
  api,
  checkOf,
  component,
  group,
  NOW,
  teamOf,
  withRelations,
} from '../testing/entities';

function adoption(entities: Entity[], name: string) {
  const report = evaluate(withRelations(entities), { now: NOW });
  return teamOf(report, name).scorecards.adoption;
}

const platform = group('platform', { teamType: 'centralized' });

describe('adoption.exposes-products', () => {
  it('a centralized team that only takes over tasks fails: people do not scale, products do', () => {
    const scorecard = adoption(
      [
        platform,
        component('ticket-intake', { owner: 'platform', product: 'false' }),
      ],
      'platform',
    );
    const check = checkOf(scorecard, 'adoption.exposes-products');
    expect(check.status).toBe('fail');
    expect(check.message).toContain('bottleneck');
    expect(check.remediation).toContain("team-insights.io/product: 'true'");
  });

  it("a centralized team's Components are products by default", () => {
    const scorecard = adoption(
      [platform, component('scheduler', { owner: 'platform' })],
      'platform',
    );
    const check = checkOf(scorecard, 'adoption.exposes-products');
    expect(check.status).toBe('pass');
    expect(check.entities).toEqual(['component:default/scheduler']);
  });

  it('with no product, reach, self-service and no-communication are not applicable', () => {
    const scorecard = adoption([platform], 'platform');
    expect(
      [
        'adoption.reach',
        'adoption.self-service',
        'adoption.no-communication',
      ].map(id => checkOf(scorecard, id).status),
    ).toEqual(['not-applicable', 'not-applicable', 'not-applicable']);
  });
});

describe('adoption.opt-in', () => {
  it('a centralized team whose product is mandatory fails opt-in', () => {
    const check = checkOf(
      adoption(
        [
          platform,
          component('feature-store', { owner: 'platform', mandatory: 'true' }),
          component('scheduler', { owner: 'platform' }),
        ],
        'platform',
      ),
      'adoption.opt-in',
    );
    expect(check.status).toBe('fail');
    expect(check.message).toContain(
      '1 of 2 products is mandatory: component:default/feature-store',
    );
    expect(check.entities).toEqual(['component:default/feature-store']);
    expect(check.remediation).toContain("team-insights.io/mandatory: 'false'");
  });

  it('products teams may choose pass opt-in', () => {
    const check = checkOf(
      adoption(
        [
          platform,
          component('scheduler', { owner: 'platform', mandatory: 'FALSE' }),
        ],
        'platform',
      ),
      'adoption.opt-in',
    );
    expect(check.status).toBe('pass');
  });
});

describe('adoption.reach', () => {
  const reach = (adopted: number, products = 2) => {
    const entities: Entity[] = [
      platform,
      group('feature', { teamType: 'feature' }),
    ];
    for (let i = 1; i <= products; i++) {
      entities.push(component(`product-${i}`, { owner: 'platform' }));
    }
    entities.push(
      component('app', {
        owner: 'feature',
        dependsOn: Array.from(
          { length: adopted },
          (_, i) => `component:product-${i + 1}`,
        ),
      }),
    );
    return checkOf(adoption(entities, 'platform'), 'adoption.reach');
  };

  it('a product nobody adopts is not yet solving a shared problem: half adopted warns, naming it', () => {
    const check = reach(1);
    expect(check.status).toBe('warn');
    expect(check.message).toContain(
      '1 of 2 products has at least one adopting team (50 %)',
    );
    expect(check.entities).toEqual(['component:default/product-2']);
  });

  it('every product adopted passes; less than half fails', () => {
    expect(reach(2).status).toBe('pass');
    expect(reach(1, 3).status).toBe('fail');
  });

  it('a team adopts a product by consuming an API the product provides', () => {
    const report = evaluate(
      withRelations([
        platform,
        group('feature', { teamType: 'feature' }),
        component('monitoring', {
          owner: 'platform',
          providesApis: ['metrics-api'],
        }),
        api('metrics-api', { owner: 'platform' }),
        component('app', { owner: 'feature', consumesApis: ['metrics-api'] }),
      ]),
      { now: NOW },
    );
    const product = report.products.find(
      p => p.entityRef === 'component:default/monitoring',
    )!;
    expect(product.adopters).toEqual(['group:default/feature']);
    expect(product.adoptionRate).toBe(1);
  });
});

describe('adoption.self-service', () => {
  it('a product with thin documentation is not self-service', () => {
    const check = checkOf(
      adoption(
        [
          platform,
          component('good', {
            owner: 'platform',
            documented: true,
            providesApis: ['good-api'],
          }),
          api('good-api', { owner: 'platform', documented: true }),
          component('thin', { owner: 'platform' }),
        ],
        'platform',
      ),
      'adoption.self-service',
    );
    expect(check.status).toBe('fail');
    expect(check.entities).toEqual(['component:default/thin']);
    expect(check.message).toMatch(/component:default\/thin \d+/);
  });

  it('fully documented products pass', () => {
    const check = checkOf(
      adoption(
        [
          platform,
          component('good', {
            owner: 'platform',
            documented: true,
            providesApis: ['good-api'],
          }),
          api('good-api', { owner: 'platform', documented: true }),
        ],
        'platform',
      ),
      'adoption.self-service',
    );
    expect(check.status).toBe('pass');
  });
});

describe('adoption.no-communication', () => {
  it('a product without TechDocs can only be learned by asking: it is listed', () => {
    const check = checkOf(
      adoption(
        [
          platform,
          component('documented', { owner: 'platform', documented: true }),
          component('ask-us', { owner: 'platform' }),
        ],
        'platform',
      ),
      'adoption.no-communication',
    );
    expect(check.status).toBe('fail');
    expect(check.message).toContain(
      'can only be learned by asking: component:default/ask-us',
    );
    expect(check.remediation).toContain('backstage.io/techdocs-ref: dir:.');
  });
});

describe('adoption.reuse', () => {
  const world = (
    featureAnnotations: { declinedProducts?: string } = {},
    adopts = false,
  ) => [
    group('observability', { teamType: 'centralized' }),
    component('model-monitoring', {
      owner: 'observability',
      concern: 'monitoring',
    }),
    group('recs', { teamType: 'stream-aligned', ...featureAnnotations }),
    component('recs-dashboards', { owner: 'recs', concern: 'monitoring' }),
    component('recs-svc', {
      owner: 'recs',
      dependsOn: adopts ? ['component:model-monitoring'] : [],
    }),
  ];

  it('a feature team rebuilding a concern a product covers warns, naming both — never fails: adoption is opt-in', () => {
    const check = checkOf(adoption(world(), 'recs'), 'adoption.reuse');
    expect(check.status).toBe('warn');
    expect(check.message).toContain('component:default/recs-dashboards');
    expect(check.message).toContain('component:default/model-monitoring');
    expect(check.remediation).toContain(
      "team-insights.io/declined-products: 'component:default/model-monitoring: <your-reason>' # placeholder: why it does not fit (a sentence, no , or ;)",
    );
  });

  it('declining the product is a legitimate "no" and passes', () => {
    const check = checkOf(
      adoption(world({ declinedProducts: 'model-monitoring' }), 'recs'),
      'adoption.reuse',
    );
    expect(check.status).toBe('pass');
  });

  it('adopting the product passes', () => {
    expect(
      checkOf(adoption(world({}, true), 'recs'), 'adoption.reuse').status,
    ).toBe('pass');
  });

  it('a centralized team gets the four principles and the timing rule, a feature team only reuse', () => {
    const report = evaluate(withRelations(world()), { now: NOW });
    expect(
      teamOf(report, 'recs').scorecards.adoption.checks.map(c => c.id),
    ).toEqual(['adoption.reuse']);
    expect(
      teamOf(report, 'observability').scorecards.adoption.checks.map(c => c.id),
    ).toEqual([
      'adoption.exposes-products',
      'adoption.opt-in',
      'adoption.reach',
      'adoption.self-service',
      'adoption.no-communication',
      'adoption.not-too-early',
    ]);
  });
});

describe("remediation snippets name the team's own entities", () => {
  it('reuse: the entity that rebuilds the concern uses the product, after what it already uses, and the decline keeps earlier ones', () => {
    const check = checkOf(
      adoption(
        [
          group('observability', { teamType: 'centralized' }),
          component('model-monitoring', {
            owner: 'observability',
            concern: 'monitoring',
          }),
          group('recs', {
            teamType: 'feature',
            parent: 'marketplace',
            declinedProducts: 'component:default/feature-store',
          }),
          component('recs-dashboards', {
            owner: 'recs',
            concern: 'monitoring',
            dependsOn: ['resource:default/recs-db'],
          }),
        ],
        'recs',
      ),
      'adoption.reuse',
    );
    expect(check.remediation).toContain(
      'e.g. component:default/recs-dashboards using component:default/model-monitoring:',
    );
    expect(check.remediation).toContain(
      '  name: recs-dashboards\nspec:\n  type: service\n  owner: recs\n  dependsOn:\n    - resource:default/recs-db\n    - component:default/model-monitoring\n',
    );
    expect(check.remediation).toContain(
      "  name: recs\n  annotations:\n    team-insights.io/team-type: feature\n    team-insights.io/declined-products: 'component:default/feature-store, component:default/model-monitoring: <your-reason>' # placeholder: why it does not fit (a sentence, no , or ;)\nspec:\n  type: team\n  parent: marketplace\n",
    );
  });

  it('an unadopted API is used through consumesApis', () => {
    const check = checkOf(
      adoption(
        [platform, api('scoring-api', { owner: 'platform', documented: true })],
        'platform',
      ),
      'adoption.reach',
    );
    expect(check.remediation).toContain(
      '  name: <your-component> # placeholder: an entity of the team that uses the product\nspec:\n  consumesApis:\n    - api:default/scoring-api\n',
    );
  });

  it('a mandatory product is shown as its own file, set to opt-in', () => {
    const check = checkOf(
      adoption(
        [
          platform,
          component('feature-store', { owner: 'platform', mandatory: 'true' }),
        ],
        'platform',
      ),
      'adoption.opt-in',
    );
    expect(check.remediation).toContain(
      "  name: feature-store\n  annotations:\n    team-insights.io/mandatory: 'false'\nspec:\n  type: service\n  owner: platform\n",
    );
  });
});
