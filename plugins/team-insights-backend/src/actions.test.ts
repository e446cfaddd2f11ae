import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  DENIED_USER,
  RESTRICTED_USER,
  startPlugin,
} from './__testUtils__/testBackend';

// Each test starts a whole backend: more than jest's default 5 s on a busy
// machine.
jest.setTimeout(60_000);

const actionsBase = '/api/team-insights/.backstage/actions/v1/actions';
const restricted = mockCredentials.user.header(RESTRICTED_USER);

type Server = Awaited<ReturnType<typeof startPlugin>>['server'];

/** Invokes an action through the actions registry, as the MCP backend does. */
function invoke(
  server: Server,
  name: string,
  input: object,
  authorization = mockCredentials.user.header(),
) {
  return request(server)
    .post(`${actionsBase}/team-insights:${name}/invoke`)
    .set('Authorization', authorization)
    .send(input);
}

/** Every ref that appears anywhere in a JSON body. */
function refsIn(body: unknown): string[] {
  return JSON.stringify(body).match(/[a-z]+:default\/[a-z0-9-]+/g) ?? [];
}

describe('actions', () => {
  let server: Server;

  beforeAll(async () => {
    ({ server } = await startPlugin({
      features: [
        // the restricted user belongs to both feature teams
        mockServices.userInfo.mock({
          async getUserInfo(credentials) {
            const user = (credentials.principal as { userEntityRef: string })
              .userEntityRef;
            return {
              userEntityRef: user,
              ownershipEntityRefs: [
                user,
                'group:default/search',
                'group:default/secret-team',
              ],
            };
          },
        }).factory,
      ],
    }));
  });

  it('registers six read-only actions with input and output schemas', async () => {
    const res = await request(server)
      .get(actionsBase)
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    const actions = res.body.actions as any[];
    expect(actions.map(a => a.id).sort()).toEqual([
      'team-insights:explain-check',
      'team-insights:get-adoption',
      'team-insights:get-initiative-progress',
      'team-insights:get-team-scorecards',
      'team-insights:list-teams',
      'team-insights:suggest-staffing',
    ]);
    for (const action of actions) {
      expect(action.attributes).toEqual({
        readOnly: true,
        idempotent: true,
        destructive: false,
      });
      expect(action.schema.input.type).toBe('object');
      expect(action.schema.output.type).toBe('object');
      expect(action.description.length).toBeGreaterThan(100);
    }
    // a caller the policy denies does not even see them
    const denied = await request(server)
      .get(actionsBase)
      .set('Authorization', mockCredentials.user.header(DENIED_USER));
    expect(denied.body.actions).toEqual([]);
  });

  describe('get-team-scorecards', () => {
    it('answers a team with its scorecards, checks and remediations', async () => {
      const res = await invoke(server, 'get-team-scorecards', {
        entityRef: 'search',
      });
      expect(res.status).toBe(200);
      const { output } = res.body;
      expect(output.type).toBe('team');
      expect(output.team.entityRef).toBe('group:default/search');
      const coverage = output.team.scorecards.composition.checks.find(
        (c: any) => c.id === 'composition.skill-coverage',
      );
      expect(coverage.status).toBe('fail');
      expect(coverage.remediation).toContain('```yaml');
      // findings keep their code and params through the action's schema
      expect(output.findings).toContainEqual(
        expect.objectContaining({
          code: 'skills.unknown-cluster',
          entityRef: 'user:default/bob',
          params: { value: 'data-sceintist', suggestion: 'data-scientist' },
        }),
      );
      // the same as the REST API answers
      const rest = await request(server)
        .get('/api/team-insights/v1/entities/group/default/search')
        .set('Authorization', mockCredentials.user.header());
      expect(output).toEqual(rest.body);
    });

    it('hides what the caller cannot see, exactly as an unknown entity', async () => {
      const hidden = await invoke(
        server,
        'get-team-scorecards',
        { entityRef: 'group:default/secret-team' },
        restricted,
      );
      const unknown = await invoke(
        server,
        'get-team-scorecards',
        { entityRef: 'group:default/nobody' },
        restricted,
      );
      expect(hidden.status).toBe(404);
      expect(unknown.status).toBe(404);
      expect(hidden.body.error.name).toBe(unknown.body.error.name);

      const unit = await invoke(
        server,
        'get-team-scorecards',
        { entityRef: 'group:default/ml' },
        restricted,
      );
      expect(unit.status).toBe(200);
      expect(refsIn(unit.body).filter(r => r.includes('secret'))).toEqual([]);
    });

    it('refuses a caller the policy denies, and bad input', async () => {
      const denied = await invoke(
        server,
        'get-team-scorecards',
        { entityRef: 'search' },
        mockCredentials.user.header(DENIED_USER),
      );
      expect(denied.status).toBe(404); // the action is not visible to them
      const bad = await invoke(server, 'get-team-scorecards', {
        entityRef: 'group:',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.name).toBe('InputError');
      const anonymous = await invoke(
        server,
        'get-team-scorecards',
        { entityRef: 'search' },
        mockCredentials.none.header(),
      );
      expect(anonymous.status).toBe(401);
    });
  });

  describe('list-teams', () => {
    it('filters like GET /teams and respects visibility', async () => {
      const all = await invoke(server, 'list-teams', { adoption: 'gold' });
      expect(all.status).toBe(200);
      expect(all.body.output.items.map((t: any) => t.entityRef)).toEqual([
        'group:default/search',
        'group:default/secret-team',
      ]);
      const rest = await request(server)
        .get('/api/team-insights/v1/teams?adoption=gold')
        .set('Authorization', mockCredentials.user.header());
      expect(all.body.output).toEqual(rest.body);

      const limited = await invoke(
        server,
        'list-teams',
        { orgUnit: 'ml', sort: 'size', order: 'desc' },
        restricted,
      );
      expect(limited.body.output.items.map((t: any) => t.entityRef)).toEqual([
        'group:default/search',
        'group:default/platform',
      ]);
      expect(limited.body.output.totalCount).toBe(2);

      const paged = await invoke(server, 'list-teams', { limit: 1 });
      expect(paged.body.output.items).toHaveLength(1);
      const next = await invoke(server, 'list-teams', {
        limit: 1,
        cursor: paged.body.output.nextCursor,
      });
      expect(next.body.output.items[0].entityRef).not.toBe(
        paged.body.output.items[0].entityRef,
      );

      const bad = await invoke(server, 'list-teams', { limit: 0 });
      expect(bad.status).toBe(400);
    });
  });

  describe('explain-check', () => {
    it('explains a check from the engine catalogue, with the fix for a team', async () => {
      const res = await invoke(server, 'explain-check', {
        checkId: 'composition.skill-coverage',
        entityRef: 'group:default/search',
      });
      expect(res.status).toBe(200);
      const { output } = res.body;
      expect(output).toEqual(
        expect.objectContaining({
          id: 'composition.skill-coverage',
          scorecard: 'composition',
          title: 'Skill coverage',
          weight: 3,
          custom: false,
        }),
      );
      expect(output.rationale).toContain('analytics translator');
      expect(output.howToWaive).toContain(
        "team-insights.io/waivers: 'composition.skill-coverage until ",
      );
      expect(output.results).toEqual([
        expect.objectContaining({
          entityRef: 'group:default/search',
          status: 'fail',
          remediation: expect.stringContaining('```yaml'),
        }),
      ]);
    });

    it("answers for the caller's own teams that they may see", async () => {
      const res = await invoke(
        server,
        'explain-check',
        { checkId: 'composition.team-size' },
        restricted,
      );
      expect(res.status).toBe(200);
      expect(res.body.output.results.map((r: any) => r.entityRef)).toEqual([
        'group:default/search',
      ]);
    });

    it('says which checks exist when the id is unknown, and hides invisible entities', async () => {
      const unknown = await invoke(server, 'explain-check', {
        checkId: 'composition.vibes',
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toContain(
        'composition.skill-coverage',
      );
      const hidden = await invoke(
        server,
        'explain-check',
        {
          checkId: 'composition.team-size',
          entityRef: 'group:default/secret-team',
        },
        restricted,
      );
      expect(hidden.status).toBe(404);
    });
  });

  describe('suggest-staffing', () => {
    it('answers what to hire next for a team, and names nobody the caller cannot see', async () => {
      const res = await invoke(server, 'suggest-staffing', { team: 'search' });
      expect(res.status).toBe(200);
      const output = res.body.output;
      expect(output.method).toBe('greedy');
      expect(output.teams).toEqual(['group:default/search']);
      expect(output.suggestions.length).toBeGreaterThan(0);
      expect(output.suggestions[0].text).toMatch(/^(Hire|Move) /);
      const limited = await invoke(server, 'suggest-staffing', {}, restricted);
      expect(limited.status).toBe(200);
      expect(refsIn(limited.body).filter(r => r.includes('secret'))).toEqual(
        [],
      );
    });
  });

  describe('get-adoption', () => {
    it('answers for a product, without the adopters the caller cannot see', async () => {
      const all = await invoke(server, 'get-adoption', {
        entityRef: 'component:default/feature-store',
      });
      expect(all.status).toBe(200);
      expect(all.body.output).toEqual(
        expect.objectContaining({
          type: 'product',
          entityRef: 'component:default/feature-store',
          products: [
            expect.objectContaining({
              adopters: ['group:default/search', 'group:default/secret-team'],
              adoptionRate: 1,
            }),
          ],
        }),
      );
      const limited = await invoke(
        server,
        'get-adoption',
        { entityRef: 'component:default/feature-store' },
        restricted,
      );
      expect(limited.body.output.products[0].adopters).toEqual([
        'group:default/search',
      ]);
      expect(refsIn(limited.body).filter(r => r.includes('secret'))).toEqual(
        [],
      );
    });

    it('answers for a centralized team with its products and adoption scorecard, and for a feature team with what it adopts', async () => {
      const platform = await invoke(server, 'get-adoption', {
        entityRef: 'group:default/platform',
      });
      expect(platform.status).toBe(200);
      expect(platform.body.output.teamType).toBe('centralized');
      expect(
        platform.body.output.products.map((p: any) => p.entityRef),
      ).toEqual(['component:default/feature-store']);
      expect(
        platform.body.output.scorecard.checks.map((c: any) => c.id),
      ).toContain('adoption.reach');

      const search = await invoke(server, 'get-adoption', {
        entityRef: 'group:default/search',
      });
      expect(search.body.output.adopts).toEqual([
        'component:default/feature-store',
      ]);
      expect(search.body.output.products).toEqual([]);
    });

    it('refuses what is neither a product nor a team, and what the caller cannot see', async () => {
      const user = await invoke(server, 'get-adoption', {
        entityRef: 'user:default/alice',
      });
      expect(user.status).toBe(404);
      const noKind = await invoke(server, 'get-adoption', {
        entityRef: 'feature-store',
      });
      expect(noKind.status).toBe(400);
      const hidden = await invoke(
        server,
        'get-adoption',
        { entityRef: 'group:default/secret-team' },
        restricted,
      );
      expect(hidden.status).toBe(404);
    });
  });
});
