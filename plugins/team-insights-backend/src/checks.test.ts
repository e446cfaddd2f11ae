import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  BUILT_IN_CHECKS,
  type ChecksResponse,
  type OrgUnitsResponse,
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

function group(name: string, type: string, teamType?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      namespace: 'default',
      annotations: teamType ? { 'team-insights.io/team-type': teamType } : {},
    },
    spec: { type, children: [] },
  };
}

/** The test organisation, plus a secret unit above a public lab team. */
function organisation(): Entity[] {
  return withRelations(
    [
      ...createOrg(),
      group('secret-unit', 'business-unit'),
      group('lab', 'team', 'feature'),
    ],
    [['group:default/lab', 'childOf', 'group:default/secret-unit']],
  );
}

describe('GET /checks and GET /org-units', () => {
  let server: Awaited<ReturnType<typeof startPlugin>>['server'];

  beforeAll(async () => {
    ({ server } = await startPlugin({ entities: organisation() }));
  });

  const get = (path: string, authorization = mockCredentials.user.header()) =>
    request(server).get(`${base}${path}`).set('Authorization', authorization);

  /** How many teams `/teams?...` finds for the caller. */
  const teamCount = async (query: string, authorization?: string) =>
    (await get(`/teams?${query}`, authorization)).body.totalCount as number;

  it('lists every check with the teams per status, as the drill-downs count them', async () => {
    const res = await get('/checks');
    expect(res.status).toBe(200);
    expectValidResponse(res);
    const body = res.body as ChecksResponse;
    expect(body.stale).toBe(false);
    expect(typeof body.evaluatedAt).toBe('string');
    expect(body.checks.map(check => check.id)).toEqual(
      BUILT_IN_CHECKS.map(check => check.id),
    );
    const size = body.checks.find(c => c.id === 'composition.team-size')!;
    expect(size).toMatchObject({
      scorecard: 'composition',
      title: BUILT_IN_CHECKS.find(c => c.id === 'composition.team-size')!.title,
    });
    // every team has a team size: the statuses add up to all four teams
    expect(Object.values(size.teams).reduce((a, b) => a + b, 0)).toBe(4);
    for (const check of body.checks) {
      expect(check.teams.fail).toBe(
        await teamCount(`check=${check.id}&status=fail`),
      );
    }
  });

  it('counts only the teams a restricted caller may see', async () => {
    const all = (await get('/checks')).body as ChecksResponse;
    const res = await get('/checks', restricted);
    expect(res.status).toBe(200);
    expectValidResponse(res);
    expect(res.text).not.toMatch(/secret/);
    const mine = res.body as ChecksResponse;
    const sizeOf = (body: ChecksResponse) =>
      Object.values(
        body.checks.find(c => c.id === 'composition.team-size')!.teams,
      ).reduce((a, b) => a + b, 0);
    expect(sizeOf(all)).toBe(4);
    expect(sizeOf(mine)).toBe(3);
    for (const check of mine.checks) {
      for (const status of ['fail', 'warn', 'waived'] as const) {
        expect(check.teams[status]).toBe(
          await teamCount(`check=${check.id}&status=${status}`, restricted),
        );
      }
    }
  });

  it('names the org units, only those the caller may see', async () => {
    const res = await get('/org-units');
    expect(res.status).toBe(200);
    expectValidResponse(res);
    const body = res.body as OrgUnitsResponse;
    expect(body.stale).toBe(false);
    expect(body.items).toEqual([
      { entityRef: 'group:default/ml', title: 'ml' },
      { entityRef: 'group:default/secret-unit', title: 'secret-unit' },
    ]);

    const mine = await get('/org-units', restricted);
    expect(mine.status).toBe(200);
    expectValidResponse(mine);
    expect((mine.body as OrgUnitsResponse).items).toEqual([
      { entityRef: 'group:default/ml', title: 'ml' },
    ]);
    expect(mine.text).not.toMatch(/secret/);
  });

  it.each([
    ['/checks?verbose=true'],
    ['/checks?status=fail'],
    ['/org-units?q=ml'],
  ])('rejects %s with 400', async path => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(/Invalid query/);
    expectValidResponse(res);
  });
});
