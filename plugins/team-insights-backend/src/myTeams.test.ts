import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { MyTeamsResponse } from '@team-insights/plugin-team-insights-common';
import request from 'supertest';
import { expectValidResponse } from './__testUtils__/openapi';
import { RESTRICTED_USER, startPlugin } from './__testUtils__/testBackend';

// Each test starts a whole backend: more than jest's default 5 s on a busy
// machine.
jest.setTimeout(60_000);

const base = '/api/team-insights/v1';

/** The groups each test user belongs to: their ownership claims. */
const MEMBERSHIP: Record<string, string[]> = {
  'user:default/alice': ['group:default/search'],
  'user:default/mona': ['group:default/ml'],
  [RESTRICTED_USER]: ['group:default/ml'],
};

const userInfo = mockServices.userInfo.mock({
  async getUserInfo(credentials) {
    const user = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    return {
      userEntityRef: user,
      ownershipEntityRefs: [user, ...(MEMBERSHIP[user] ?? [])],
    };
  },
});

describe('GET /v1/my-teams', () => {
  let server: Awaited<ReturnType<typeof startPlugin>>['server'];

  beforeAll(async () => {
    ({ server } = await startPlugin({ features: [userInfo.factory] }));
  });

  async function myTeamsOf(header: string): Promise<MyTeamsResponse> {
    const res = await request(server)
      .get(`${base}/my-teams`)
      .set('Authorization', header);
    expect(res.status).toBe(200);
    expectValidResponse(res);
    return res.body;
  }

  it("answers a member with their team's levels", async () => {
    const body = await myTeamsOf(
      mockCredentials.user.header('user:default/alice'),
    );
    expect(body.items.map(t => [t.entityRef, t.relation])).toEqual([
      ['group:default/search', 'member'],
    ]);
    const search = body.items[0];
    expect(search.title).toBe('search');
    expect(search.scores.composition.level).not.toBeNull();
    // the backend started today: there is nothing a week old to compare with
    expect(search.scores.composition.delta).toBeNull();
    expect(body.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('answers a member of an org unit with the teams under it', async () => {
    const body = await myTeamsOf(
      mockCredentials.user.header('user:default/mona'),
    );
    expect(body.totalCount).toBe(3);
    expect(body.items.map(t => t.entityRef)).toEqual([
      'group:default/platform',
      'group:default/search',
      'group:default/secret-team',
    ]);
    expect(body.items.every(t => t.via === 'group:default/ml')).toBe(true);
  });

  it('never names a team the caller may not see', async () => {
    const body = await myTeamsOf(mockCredentials.user.header(RESTRICTED_USER));
    expect(body.items.map(t => t.entityRef)).toEqual([
      'group:default/platform',
      'group:default/search',
    ]);
    expect(body.totalCount).toBe(2);
    expect(JSON.stringify(body)).not.toContain('secret');
  });

  it('answers a caller without teams, and a service, with none', async () => {
    expect(
      (await myTeamsOf(mockCredentials.user.header('user:default/nobody')))
        .items,
    ).toEqual([]);
    expect((await myTeamsOf(mockCredentials.service.header())).items).toEqual(
      [],
    );
  });

  it('answers at most limit teams', async () => {
    const res = await request(server)
      .get(`${base}/my-teams?limit=1`)
      .set('Authorization', mockCredentials.user.header('user:default/mona'));
    expect(res.body.items.map((t: { title: string }) => t.title)).toEqual([
      'platform',
    ]);
    expect(res.body.totalCount).toBe(3);
  });
});
