import { registerMswTestHooks, mockApis } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { fixtureReport } from '../testing';
import { TeamInsightsClient } from './TeamInsightsClient';

const server = setupServer();
registerMswTestHooks(server);

const baseUrl = 'http://127.0.0.1:7007/api/team-insights';

function client() {
  return new TeamInsightsClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://127.0.0.1:7007' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
}

describe('TeamInsightsClient', () => {
  it('reads the report from the versioned API of the team-insights backend', async () => {
    server.use(
      http.get(`${baseUrl}/v1/report`, () =>
        HttpResponse.json({ ...fixtureReport, stale: false }),
      ),
    );
    const report = await client().getReport();
    expect(report.teams.map(t => t.title)).toContain('Recommendations');
    expect(report.stale).toBe(false);
  });

  it('sends filters, search, sorting and the cursor of /teams as query parameters', async () => {
    let seen: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/v1/teams`, ({ request }) => {
        seen = new URL(request.url).searchParams;
        return HttpResponse.json({
          items: [],
          totalCount: 0,
          evaluatedAt: fixtureReport.evaluatedAt,
          stale: false,
          levelCounts: {},
        });
      }),
    );
    await client().getTeams({
      type: 'feature',
      orgUnit: 'group:default/ml',
      composition: 'bronze',
      q: 'recs',
      sort: 'composition',
      order: 'desc',
      limit: 20,
      cursor: 'abc',
    });
    expect(Object.fromEntries(seen!.entries())).toEqual({
      type: 'feature',
      orgUnit: 'group:default/ml',
      composition: 'bronze',
      q: 'recs',
      sort: 'composition',
      order: 'desc',
      limit: '20',
      cursor: 'abc',
    });
  });

  it('addresses an entity by kind, namespace and name, and its history with options', async () => {
    const paths: string[] = [];
    server.use(
      http.get(
        `${baseUrl}/v1/entities/:kind/:namespace/:name`,
        ({ request }) => {
          paths.push(new URL(request.url).pathname);
          return HttpResponse.json({ type: 'entity' });
        },
      ),
      http.get(
        `${baseUrl}/v1/entities/:kind/:namespace/:name/history`,
        ({ request }) => {
          const url = new URL(request.url);
          paths.push(`${url.pathname}?${url.searchParams}`);
          return HttpResponse.json({ entityRef: 'x', points: [] });
        },
      ),
    );
    await client().getEntityScorecards('Component:default/recs-monitoring');
    await client().getEntityHistory(
      { kind: 'Group', namespace: 'default', name: 'recommendations' },
      { scorecard: 'composition', days: 90 },
    );
    expect(paths).toEqual([
      '/api/team-insights/v1/entities/component/default/recs-monitoring',
      '/api/team-insights/v1/entities/group/default/recommendations/history?scorecard=composition&days=90',
    ]);
  });

  it("reads a team's details in one request, by namespace and name", async () => {
    const paths: string[] = [];
    server.use(
      http.get(
        `${baseUrl}/v1/teams/:namespace/:name/details`,
        ({ request }) => {
          paths.push(new URL(request.url).pathname);
          return HttpResponse.json({ entityRef: 'group:ml/search-ranking' });
        },
      ),
    );
    await client().getTeamDetails('group:ml/search-ranking');
    await client().getTeamDetails({
      kind: 'Group',
      namespace: 'default',
      name: 'recommendations',
    });
    expect(paths).toEqual([
      '/api/team-insights/v1/teams/ml/search-ranking/details',
      '/api/team-insights/v1/teams/default/recommendations/details',
    ]);
  });

  it('reads the skill and adoption aggregates from their own routes', async () => {
    const meta = { evaluatedAt: fixtureReport.evaluatedAt, stale: false };
    server.use(
      http.get(`${baseUrl}/v1/skills`, () =>
        HttpResponse.json({ ...meta, clusters: [], teams: [] }),
      ),
      http.get(`${baseUrl}/v1/adoption`, () =>
        HttpResponse.json({ ...meta, products: [], featureTeams: [] }),
      ),
    );
    expect(await client().getSkills()).toEqual({
      ...meta,
      clusters: [],
      teams: [],
    });
    expect(await client().getAdoption()).toEqual({
      ...meta,
      products: [],
      featureTeams: [],
    });
  });

  it('reads the check tallies and the org units from their own routes', async () => {
    const meta = { evaluatedAt: fixtureReport.evaluatedAt, stale: true };
    const units = [{ entityRef: 'group:default/ml', title: 'ML' }];
    server.use(
      http.get(`${baseUrl}/v1/checks`, () =>
        HttpResponse.json({ ...meta, checks: [] }),
      ),
      http.get(`${baseUrl}/v1/org-units`, () =>
        HttpResponse.json({ ...meta, items: units }),
      ),
    );
    expect(await client().getChecks()).toEqual({ ...meta, checks: [] });
    expect(await client().getOrgUnits()).toEqual({ ...meta, items: units });
  });

  it('asks /teams for CSV with the drill-down, every page of it, and returns the text', async () => {
    let seen: { params: URLSearchParams; accept: string | null } | undefined;
    server.use(
      http.get(`${baseUrl}/v1/teams`, ({ request }) => {
        seen = {
          params: new URL(request.url).searchParams,
          accept: request.headers.get('accept'),
        };
        return new HttpResponse('Team\r\nSearch\r\n', {
          headers: { 'Content-Type': 'text/csv; charset=utf-8' },
        });
      }),
    );
    const csv = await client().getTeamsCsv({
      check: 'docs.techdocs',
      status: 'fail',
      orgUnit: 'group:default/ml',
      limit: 20,
      cursor: 'abc',
    });
    expect(csv).toBe('Team\r\nSearch\r\n');
    expect(seen!.accept).toBe('text/csv');
    expect(Object.fromEntries(seen!.params.entries())).toEqual({
      check: 'docs.techdocs',
      status: 'fail',
      orgUnit: 'group:default/ml',
    });
  });

  it("asks an initiative for its teams' CSV", async () => {
    let accept: string | null = null;
    server.use(
      http.get(`${baseUrl}/v1/initiatives/ml-feature-teams`, ({ request }) => {
        accept = request.headers.get('accept');
        return new HttpResponse('Team\r\n', {
          headers: { 'Content-Type': 'text/csv' },
        });
      }),
    );
    expect(await client().getInitiativeCsv('ml-feature-teams')).toBe(
      'Team\r\n',
    );
    expect(accept).toBe('text/csv');
  });

  it("reads the caller's teams from /my-teams with the limit", async () => {
    let seen: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/v1/my-teams`, ({ request }) => {
        seen = new URL(request.url).searchParams;
        return HttpResponse.json({
          items: [],
          totalCount: 0,
          since: '2026-02-23',
          evaluatedAt: fixtureReport.evaluatedAt,
          stale: false,
        });
      }),
    );
    const answer = await client().getMyTeams({ limit: 5 });
    expect(Object.fromEntries(seen!.entries())).toEqual({ limit: '5' });
    expect(answer.since).toBe('2026-02-23');
  });

  it('asks for a refresh with POST', async () => {
    server.use(
      http.post(`${baseUrl}/v1/refresh`, () =>
        HttpResponse.json({ status: 'started' }, { status: 202 }),
      ),
    );
    await expect(client().refresh()).resolves.toEqual({ status: 'started' });
  });

  it('throws a ResponseError carrying the status and the backend message', async () => {
    server.use(
      http.get(`${baseUrl}/v1/entities/:kind/:namespace/:name`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'No scorecards for group:default/nobody',
            },
            request: {
              method: 'GET',
              url: '/v1/entities/group/default/nobody',
            },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    const error = await client()
      .getEntityScorecards('group:default/nobody')
      .catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(404);
    expect(error.cause.message).toBe('No scorecards for group:default/nobody');
  });

  it("asks for an org unit's trend and who moved most with their query parameters", async () => {
    const seen: string[] = [];
    const improved = [
      {
        entityRef: 'group:default/search',
        kind: 'team',
        title: 'Search',
        scorecard: 'composition',
        from: 60,
        to: 80,
        delta: 20,
      },
    ];
    server.use(
      http.get(`${baseUrl}/v1/trends`, ({ request }) => {
        seen.push(new URL(request.url).search);
        return HttpResponse.json({ orgUnit: 'group:default/ml', points: [] });
      }),
      http.get(`${baseUrl}/v1/movers`, ({ request }) => {
        seen.push(new URL(request.url).search);
        return HttpResponse.json({ improved, dropped: [] });
      }),
    );
    expect(
      await client().getTrends({ days: 365, orgUnit: 'group:default/ml' }),
    ).toEqual({ orgUnit: 'group:default/ml', points: [] });
    expect(
      await client().getMovers({ days: 7, scorecard: 'composition' }),
    ).toEqual({ improved, dropped: [] });
    expect(seen).toEqual([
      '?days=365&orgUnit=group%3Adefault%2Fml',
      '?days=7&scorecard=composition',
    ]);
  });
});
