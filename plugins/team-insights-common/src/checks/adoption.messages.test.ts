import type { Entity } from '@backstage/catalog-model';
import { evaluate } from '../evaluate';
import type { CheckResult } from '../types';
import {
  component,
  group,
  NOW,
  teamOf,
  withRelations,
} from '../testing/entities';

// What the adoption checks tell a team, word for word: the message names the
// products and teams in question, and the remediation carries the YAML to
// copy. A check that says nothing, the wrong count or the wrong snippet fails
// here.

const view = ({ id, status, message, remediation, entities }: CheckResult) => ({
  id,
  status,
  message,
  remediation,
  entities,
});

const adoption = (entities: Entity[]) =>
  teamOf(
    evaluate(withRelations(entities), { now: NOW }),
    'team',
  ).scorecards.adoption.checks.map(view);

describe('what the adoption checks say', () => {
  it('a centralized team that owns no product', () => {
    expect(
      adoption([
        group('team', { teamType: 'centralized' }),
        component('own', { owner: 'team', product: 'false' }),
      ]),
    ).toEqual([
      {
        id: 'adoption.exposes-products',
        status: 'fail',
        message:
          'Owns no product (1 owned entity): a centralized team that takes over tasks from feature teams becomes a bottleneck. People don’t scale, but products do.',
        remediation:
          "Expose what the team does as a product that feature teams use themselves: a Component, API or Resource owned by this team is a product by default, or mark it explicitly:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: own\n  annotations:\n    team-insights.io/product: 'true'\nspec:\n  type: service\n  owner: team\n```",
      },
      {
        id: 'adoption.opt-in',
        status: 'pass',
        message: 'No product is mandatory.',
      },
      {
        id: 'adoption.reach',
        status: 'not-applicable',
        message: 'The team exposes no product yet.',
      },
      {
        id: 'adoption.self-service',
        status: 'not-applicable',
        message: 'The team exposes no product yet.',
      },
      {
        id: 'adoption.no-communication',
        status: 'not-applicable',
        message: 'The team exposes no product yet.',
      },
      {
        id: 'adoption.not-too-early',
        status: 'not-applicable',
        message:
          'No history of the organisation is known yet, so when the team became centralized cannot be judged.',
      },
    ]);
  });

  it('one adopted, documented product', () => {
    expect(
      adoption([
        group('team', { teamType: 'centralized' }),
        component('store', { owner: 'team', documented: true }),
        group('a', { teamType: 'feature' }),
        component('a-svc', { owner: 'a', dependsOn: ['component:store'] }),
      ]),
    ).toEqual([
      {
        id: 'adoption.exposes-products',
        status: 'pass',
        message: 'Exposes 1 product: component:default/store.',
        entities: ['component:default/store'],
      },
      {
        id: 'adoption.opt-in',
        status: 'pass',
        message: 'None of the 1 product is mandatory: teams opt in.',
      },
      {
        id: 'adoption.reach',
        status: 'pass',
        message:
          '1 of 1 product has at least one adopting team (100 %): component:default/store (1 team).',
      },
      {
        id: 'adoption.self-service',
        status: 'pass',
        message:
          'Documentation scores of the products: component:default/store 86.',
      },
      {
        id: 'adoption.no-communication',
        status: 'pass',
        message: 'All 1 product has TechDocs.',
      },
      {
        id: 'adoption.not-too-early',
        status: 'not-applicable',
        message:
          'No history of the organisation is known yet, so when the team became centralized cannot be judged.',
      },
    ]);
  });

  it('two mandatory products, one bare and unadopted', () => {
    expect(
      adoption([
        group('team', { teamType: 'centralized' }),
        component('store', {
          owner: 'team',
          documented: true,
          mandatory: 'true',
        }),
        component('queue', { owner: 'team', mandatory: 'true' }),
        group('a', { teamType: 'feature' }),
        component('a-svc', { owner: 'a', dependsOn: ['component:store'] }),
      ]),
    ).toEqual([
      {
        id: 'adoption.exposes-products',
        status: 'pass',
        message:
          'Exposes 2 products: component:default/queue and component:default/store.',
        entities: ['component:default/queue', 'component:default/store'],
      },
      {
        id: 'adoption.opt-in',
        status: 'fail',
        message:
          '2 of 2 products are mandatory: component:default/queue and component:default/store. Imposed products reduce the incentive to make them good, and teams that need something slightly different are stuck waiting.',
        remediation:
          "Make the products opt-in — teams choose to use them, and may decline them with `team-insights.io/declined-products`, e.g. component:default/queue:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: queue\n  annotations:\n    team-insights.io/mandatory: 'false'\nspec:\n  type: service\n  owner: team\n```",
        entities: ['component:default/queue', 'component:default/store'],
      },
      {
        id: 'adoption.reach',
        status: 'warn',
        message:
          '1 of 2 products has at least one adopting team (50 %): component:default/queue (0 teams) and component:default/store (1 team).',
        remediation:
          'Find out why teams do not use component:default/queue: ask the teams that rebuild the same concern, and improve the product rather than imposing it. Teams that do use a product record it in their own catalog-info.yaml, which makes them adopters:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: <your-component> # placeholder: an entity of the team that uses the product\nspec:\n  dependsOn:\n    - component:default/queue\n```',
        entities: ['component:default/queue'],
      },
      {
        id: 'adoption.self-service',
        status: 'fail',
        message:
          'Documentation scores of the products: component:default/queue 14 and component:default/store 86; 1 is below 75: component:default/queue.',
        remediation:
          "Make every product fully self-service: rich documentation, and tools or APIs to automate everything that previously required communication. Each product's documentation scorecard lists what is missing.",
        entities: ['component:default/queue'],
      },
      {
        id: 'adoption.no-communication',
        status: 'fail',
        message:
          '1 of 2 products has no TechDocs and can only be learned by asking: component:default/queue.',
        remediation:
          "Publish documentation with the product (a docs/ folder and mkdocs.yml next to its code), so teams never need to talk to you to understand or use it:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: queue\n  annotations:\n    team-insights.io/mandatory: 'true'\n    backstage.io/techdocs-ref: dir:.\nspec:\n  type: service\n  owner: team\n```",
        entities: ['component:default/queue'],
      },
      {
        id: 'adoption.not-too-early',
        status: 'not-applicable',
        message:
          'No history of the organisation is known yet, so when the team became centralized cannot be judged.',
      },
    ]);
  });

  it('three products, one adopted, one documented through techdocs-entity', () => {
    expect(
      adoption([
        group('team', { teamType: 'centralized' }),
        component('store', { owner: 'team', documented: true }),
        component('queue', {
          owner: 'team',
          documented: true,
          annotations: {
            'backstage.io/techdocs-ref': '',
            'backstage.io/techdocs-entity': 'component:default/store',
          },
        }),
        component('bus', { owner: 'team', documented: true }),
        group('a', { teamType: 'feature' }),
        component('a-svc', { owner: 'a', dependsOn: ['component:store'] }),
      ]),
    ).toEqual([
      {
        id: 'adoption.exposes-products',
        status: 'pass',
        message:
          'Exposes 3 products: component:default/bus, component:default/queue and component:default/store.',
        entities: [
          'component:default/bus',
          'component:default/queue',
          'component:default/store',
        ],
      },
      {
        id: 'adoption.opt-in',
        status: 'pass',
        message: 'None of the 3 products is mandatory: teams opt in.',
      },
      {
        id: 'adoption.reach',
        status: 'fail',
        message:
          '1 of 3 products has at least one adopting team (33 %): component:default/bus (0 teams), component:default/queue (0 teams) and component:default/store (1 team).',
        remediation:
          'Find out why teams do not use component:default/bus and component:default/queue: ask the teams that rebuild the same concern, and improve the product rather than imposing it. Teams that do use a product record it in their own catalog-info.yaml, which makes them adopters:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: <your-component> # placeholder: an entity of the team that uses the product\nspec:\n  dependsOn:\n    - component:default/bus\n```',
        entities: ['component:default/bus', 'component:default/queue'],
      },
      {
        id: 'adoption.self-service',
        status: 'pass',
        message:
          'Documentation scores of the products: component:default/bus 86, component:default/queue 86 and component:default/store 86.',
      },
      {
        id: 'adoption.no-communication',
        status: 'pass',
        message: 'All 3 products have TechDocs.',
      },
      {
        id: 'adoption.not-too-early',
        status: 'not-applicable',
        message:
          'No history of the organisation is known yet, so when the team became centralized cannot be judged.',
      },
    ]);
  });

  it('a feature team rebuilding two covered concerns', () => {
    expect(
      adoption([
        group('platform', { teamType: 'centralized' }),
        component('metrics', { owner: 'platform', concern: 'monitoring' }),
        component('sched', { owner: 'platform', concern: 'batch-scheduling' }),
        group('team', { teamType: 'feature' }),
        component('own-metrics', { owner: 'team', concern: 'monitoring' }),
        component('own-sched', { owner: 'team', concern: 'batch-scheduling' }),
        component('own-sched2', { owner: 'team', concern: 'batch-scheduling' }),
      ]),
    ).toEqual([
      {
        id: 'adoption.reuse',
        status: 'warn',
        message:
          'Rebuilds 2 cross-cutting concerns that a platform product covers, neither adopted nor declined — batch-scheduling: builds component:default/own-sched and component:default/own-sched2 while component:default/sched of group:default/platform covers it; monitoring: builds component:default/own-metrics while component:default/metrics of group:default/platform covers it.',
        remediation:
          "Try the product: using it (a `dependsOn` or `consumesApis` of one of your entities) makes the team an adopter, e.g. component:default/own-sched using component:default/sched:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: own-sched\nspec:\n  type: service\n  owner: team\n  dependsOn:\n    - component:default/sched\n```\n\nAdoption is opt-in: if it does not fit, decline it consciously and tell its team why:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\n  annotations:\n    team-insights.io/team-type: feature\n    team-insights.io/declined-products: 'component:default/metrics: <your-reason>, component:default/sched: <your-reason>' # placeholder: why it does not fit (a sentence, no , or ;)\nspec:\n  type: team\n```",
        entities: ['component:default/metrics', 'component:default/sched'],
      },
    ]);
  });

  it('a feature team that declined the product it rebuilds', () => {
    expect(
      adoption([
        group('platform', { teamType: 'centralized' }),
        component('metrics', { owner: 'platform', concern: 'monitoring' }),
        group('team', { teamType: 'feature', declinedProducts: 'metrics' }),
        component('own-metrics', { owner: 'team', concern: 'monitoring' }),
        component('own-labels', { owner: 'team', concern: 'labeling' }),
      ]),
    ).toEqual([
      {
        id: 'adoption.reuse',
        status: 'pass',
        message:
          "Builds 2 concerns itself (labeling and monitoring); no other team's product covers them that the team has not adopted or declined.",
      },
    ]);
  });

  it('a feature team that builds no concern', () => {
    expect(adoption([group('team', { teamType: 'feature' })])).toEqual([
      {
        id: 'adoption.reuse',
        status: 'pass',
        message: 'The team builds no cross-cutting concern itself.',
      },
    ]);
  });
});
