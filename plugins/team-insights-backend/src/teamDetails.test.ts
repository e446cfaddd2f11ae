import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type {
  TeamDetailsResponse,
  TeamReport,
} from '@team-insights/plugin-team-insights-common';
import request from 'supertest';
import { expectValidResponse } from './__testUtils__/openapi';
import { createOrg, withRelations } from './__testUtils__/org';
import { RESTRICTED_USER, startPlugin } from './__testUtils__/testBackend';

// Each test file starts a whole backend: more than jest's default 5 s on a
// busy machine.
jest.setTimeout(60_000);

const base = '/api/team-insights/v1';
const restricted = mockCredentials.user.header(RESTRICTED_USER);

function component(
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

/**
 * The test organisation, plus: the search team also owns a secret tool,
 * declines the platform's secret product (with a reason) and a mandatory
 * scheduler it does not use; the platform also offers monitoring, which
 * the search team rebuilds.
 */
function organisation(): Entity[] {
  const entities = createOrg();
  const search = entities.find(e => e.metadata.name === 'search')!;
  search.metadata.annotations = {
    ...search.metadata.annotations,
    'team-insights.io/declined-products':
      'component:default/secret-product: not for us; component:default/scheduler',
  };
  return withRelations(
    [
      ...entities,
      component('secret-search-tool', 'search'),
      component('search-alerts', 'search', {
        'team-insights.io/concern': 'monitoring',
      }),
      component('secret-product', 'platform'),
      component('scheduler', 'platform', {
        'team-insights.io/mandatory': 'true',
      }),
      component('metrics', 'platform', {
        'team-insights.io/concern': 'monitoring',
      }),
    ],
    [
      [
        'component:default/secret-search-tool',
        'ownedBy',
        'group:default/search',
      ],
      ['component:default/search-alerts', 'ownedBy', 'group:default/search'],
      ['component:default/secret-product', 'ownedBy', 'group:default/platform'],
      ['component:default/scheduler', 'ownedBy', 'group:default/platform'],
      ['component:default/metrics', 'ownedBy', 'group:default/platform'],
    ],
  );
}

describe('GET /v1/teams/{namespace}/{name}/details', () => {
  let server: Awaited<ReturnType<typeof startPlugin>>['server'];

  beforeAll(async () => {
    ({ server } = await startPlugin({
      entities: organisation(),
      config: { teamInsights: { thresholds: { redundancyMinPeople: 3 } } },
    }));
  });

  async function details(
    path: string,
    authorization = mockCredentials.user.header(),
  ) {
    const res = await request(server)
      .get(`${base}/teams/${path}/details`)
      .set('Authorization', authorization);
    expectValidResponse(res);
    return res;
  }

  it("answers a team's adoption, owned entities and single points of failure in one call", async () => {
    const res = await details('default/search');
    expect(res.status).toBe(200);
    const body = res.body as TeamDetailsResponse;
    expect(body.entityRef).toBe('group:default/search');
    expect(body.adoption.used.map(p => p.entityRef)).toEqual([
      'component:default/feature-store',
    ]);
    expect(body.adoption.declined).toEqual([
      { entityRef: 'component:default/scheduler', title: 'scheduler' },
      {
        entityRef: 'component:default/secret-product',
        title: 'secret-product',
        reason: 'not for us',
      },
    ]);
    expect(body.adoption.rebuilt).toEqual([
      { concern: 'monitoring', products: ['component:default/metrics'] },
    ]);
    expect(body.adoption.mandatoryMissing.map(p => p.entityRef)).toEqual([
      'component:default/scheduler',
    ]);
    expect(body.owned.map(e => e.entityRef).sort()).toEqual([
      'component:default/search-alerts',
      'component:default/search-api',
      'component:default/secret-search-tool',
    ]);
    // alice holds data-scientist and analytics-translator, bob nothing
    // valid: one person is under the configured three
    expect(body.redundancyMinPeople).toBe(3);
    expect(body.singlePointsOfFailure).toEqual([
      'analytics-translator',
      'data-scientist',
    ]);
    // the same clusters the team's redundancy check names
    const scorecards = await request(server)
      .get(`${base}/entities/group/default/search`)
      .set('Authorization', mockCredentials.user.header());
    const redundancy = (
      scorecards.body.team as TeamReport
    ).scorecards.composition.checks.find(
      c => c.id === 'composition.redundancy',
    )!;
    expect(redundancy.status).toBe('warn');
    for (const cluster of body.singlePointsOfFailure) {
      expect(redundancy.message).toContain(cluster);
    }
  });

  it('gives a centralized team its products with their adopters', async () => {
    const res = await details('default/platform');
    expect(res.status).toBe(200);
    const body = res.body as TeamDetailsResponse;
    const store = body.adoption.products.find(
      p => p.entityRef === 'component:default/feature-store',
    )!;
    expect(store.adopters).toEqual([
      'group:default/search',
      'group:default/secret-team',
    ]);
  });

  it('never names an entity the caller cannot see, and recomputes rates over what it sees', async () => {
    const res = await details('default/search', restricted);
    expect(res.status).toBe(200);
    const body = res.body as TeamDetailsResponse;
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(body.owned.map(e => e.entityRef).sort()).toEqual([
      'component:default/search-alerts',
      'component:default/search-api',
    ]);
    expect(body.adoption.declined.map(p => p.entityRef)).toEqual([
      'component:default/scheduler',
    ]);

    const platform = (await details('default/platform', restricted))
      .body as TeamDetailsResponse;
    expect(JSON.stringify(platform)).not.toContain('secret');
    const store = platform.adoption.products.find(
      p => p.entityRef === 'component:default/feature-store',
    )!;
    // search is the only visible feature team, and it adopts the store
    expect(store.adopters).toEqual(['group:default/search']);
    expect(store.adoptionRate).toBe(1);
  });

  it('answers a team the caller cannot see like one that does not exist', async () => {
    const hidden = await details('default/secret-team', restricted);
    const missing = await details('default/no-such-team', restricted);
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body.error.message).toBe(
      missing.body.error.message.replace('no-such-team', 'secret-team'),
    );
    // an organisational unit is not a team
    expect((await details('default/ml')).status).toBe(404);
  });

  it('refuses a query it does not understand', async () => {
    const res = await request(server)
      .get(`${base}/teams/default/search/details?days=3`)
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(400);
  });
});
