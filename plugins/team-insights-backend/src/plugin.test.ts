import { mockCredentials } from '@backstage/backend-test-utils';
import type {
  ReportResponse,
  TeamInsightsCheck,
} from '@team-insights/plugin-team-insights-common';
import request from 'supertest';
import {
  documentedOperations,
  expectValidResponse,
} from './__testUtils__/openapi';
import { createOrg } from './__testUtils__/org';
import {
  checksModule,
  DENIED_USER,
  RESTRICTED_USER,
  startPlugin,
} from './__testUtils__/testBackend';

// Each test starts a whole backend: more than jest's default 5 s on a busy
// machine.
jest.setTimeout(60_000);

const base = '/api/team-insights/v1';
const restricted = mockCredentials.user.header(RESTRICTED_USER);

/** Every ref that appears anywhere in a JSON body. */
function refsIn(body: unknown): string[] {
  return JSON.stringify(body).match(/[a-z]+:default\/[a-z0-9-]+/g) ?? [];
}

describe('team-insights backend', () => {
  describe('access', () => {
    let server: Awaited<ReturnType<typeof startPlugin>>['server'];

    beforeAll(async () => {
      ({ server } = await startPlugin());
    });

    it.each([
      ['get', '/report'],
      ['get', '/teams'],
      ['get', '/entities/group/default/search'],
      ['get', '/entities/group/default/search/history'],
      ['get', '/trends'],
      ['get', '/movers'],
      ['get', '/products'],
      ['get', '/concerns'],
      ['get', '/skill-clusters'],
      ['get', '/skills'],
      ['get', '/adoption'],
      ['get', '/checks'],
      ['get', '/org-units'],
      ['get', '/my-teams'],
      ['post', '/refresh'],
    ])('%s %s needs credentials', async (method, path) => {
      const res = await (request(server) as any)
        [method](`${base}${path}`)
        .set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
      expectValidResponse(res);
    });

    it.each([
      ['get', '/report'],
      ['get', '/teams'],
      ['get', '/entities/group/default/search'],
      ['get', '/entities/group/default/search/history'],
      ['get', '/trends'],
      ['get', '/movers'],
      ['get', '/products'],
      ['get', '/concerns'],
      ['get', '/skill-clusters'],
      ['get', '/skills'],
      ['get', '/adoption'],
      ['get', '/checks'],
      ['get', '/org-units'],
      ['get', '/my-teams'],
      ['post', '/refresh'],
    ])('%s %s is forbidden when the policy denies', async (method, path) => {
      const res = await (request(server) as any)
        [method](`${base}${path}`)
        .set('Authorization', mockCredentials.user.header(DENIED_USER));
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');
      expectValidResponse(res);
    });

    it('answers service callers too', async () => {
      const res = await request(server)
        .get(`${base}/teams`)
        .set('Authorization', mockCredentials.service.header());
      expect(res.status).toBe(200);
      expect(res.body.totalCount).toBe(3);
    });

    it.each([
      ['/teams?limit=0'],
      ['/teams?limit=501'],
      ['/teams?limit=ten'],
      ['/teams?sort=colour'],
      ['/teams?composition=platinum'],
      ['/teams?type=a&type=b'],
      ['/teams?unknown=1'],
      ['/teams?cursor=not-a-cursor'],
      ['/teams?status=fail'],
      ['/teams?check=composition.no-such-check'],
      ['/teams?check=composition.team-size&status=failing'],
      ['/entities/group/default/search/history?days=0'],
      ['/entities/group/default/search/history?scorecard=speed'],
      ['/trends?days=100000'],
      ['/movers?days=14'],
      ['/movers?scorecard=speed'],
      ['/report?verbose=true'],
      ['/my-teams?limit=0'],
      ['/my-teams?team=search'],
    ])('rejects bad input: %s', async path => {
      const res = await request(server).get(`${base}${path}`);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.stack).toBeUndefined();
      expectValidResponse(res);
    });

    it('rejects a body on POST /refresh', async () => {
      const res = await request(server)
        .post(`${base}/refresh`)
        .send({ everything: true });
      expect(res.status).toBe(400);
    });

    it('answers 404 for an entity without scorecards', async () => {
      for (const path of [
        '/entities/group/default/nobody',
        '/entities/user/default/alice',
        '/entities/group/default/nobody/history',
      ]) {
        const res = await request(server).get(`${base}${path}`);
        expect(res.status).toBe(404);
        expect(res.body.error.name).toBe('NotFoundError');
        expectValidResponse(res);
      }
    });
  });

  describe('what a caller may see', () => {
    let server: Awaited<ReturnType<typeof startPlugin>>['server'];
    let catalog: Awaited<ReturnType<typeof startPlugin>>['catalog'];
    /** When the backend, and so its first evaluation, started. */
    let startedAt: string;

    beforeAll(async () => {
      startedAt = new Date().toISOString();
      ({ server, catalog } = await startPlugin());
    });

    it('gives an unrestricted caller the whole organisation', async () => {
      const res = await request(server).get(`${base}/report`);
      expect(res.status).toBe(200);
      expectValidResponse(res);
      const body = res.body as ReportResponse;
      expect(body.stale).toBe(false);
      expect(body.teams.map(t => t.entityRef)).toEqual([
        'group:default/platform',
        'group:default/search',
        'group:default/secret-team',
      ]);
      expect(body.products[0].adopters).toEqual([
        'group:default/search',
        'group:default/secret-team',
      ]);
    });

    it('never shows a restricted caller an entity it cannot read', async () => {
      const lookups = catalog.calls.byRefs;
      const report = await request(server)
        .get(`${base}/report`)
        .set('Authorization', restricted);
      expect(report.status).toBe(200);
      expectValidResponse(report);
      // the catalog was asked, as the caller, which refs it may read
      expect(catalog.calls.byRefs).toBeGreaterThan(lookups);
      const body = report.body as ReportResponse;
      expect(refsIn(body).filter(ref => ref.includes('secret'))).toEqual([]);
      expect(body.teams.map(t => t.entityRef)).toEqual([
        'group:default/platform',
        'group:default/search',
      ]);
      // the product's adopters no longer reveal the hidden team ...
      expect(body.products[0].adopters).toEqual(['group:default/search']);
      // ... while the numbers, which name nobody, stay as evaluated
      expect(body.products[0].adoptionRate).toBe(1);
      // a concern only hidden teams build disappears
      expect(body.concerns.map(c => c.concern)).toEqual(['feature-store']);
      expect(body.orgUnits[0].teamRefs).toEqual([
        'group:default/platform',
        'group:default/search',
      ]);

      const teams = await request(server)
        .get(`${base}/teams`)
        .set('Authorization', restricted);
      expectValidResponse(teams);
      expect(teams.body.totalCount).toBe(2);
      expect(refsIn(teams.body).filter(ref => ref.includes('secret'))).toEqual(
        [],
      );

      for (const path of [
        '/entities/group/default/secret-team',
        '/entities/component/default/secret-svc',
        '/entities/group/default/secret-team/history',
      ]) {
        const res = await request(server)
          .get(`${base}${path}`)
          .set('Authorization', restricted);
        expect(res.status).toBe(404);
        // the same answer as for an entity that does not exist
        expect(res.body.error.message).toContain('No Team Insights scorecards');
      }

      const product = await request(server)
        .get(`${base}/entities/component/default/feature-store`)
        .set('Authorization', restricted);
      expect(product.status).toBe(200);
      expectValidResponse(product);
      expect(product.body.product.adopters).toEqual(['group:default/search']);

      const products = await request(server)
        .get(`${base}/products`)
        .set('Authorization', restricted);
      expectValidResponse(products);
      expect(products.body.featureTeams).toEqual(['group:default/search']);
      expect(
        refsIn(products.body).filter(ref => ref.includes('secret')),
      ).toEqual([]);

      const unit = await request(server)
        .get(`${base}/entities/group/default/ml`)
        .set('Authorization', restricted);
      expectValidResponse(unit);
      expect(unit.body.teams.map((t: any) => t.entityRef)).toEqual([
        'group:default/platform',
        'group:default/search',
      ]);
      expect(refsIn(unit.body).filter(ref => ref.includes('secret'))).toEqual(
        [],
      );
    });

    it('answers skill supply and product adoption over the teams the caller may see', async () => {
      const all = await request(server).get(`${base}/skills`);
      expect(all.status).toBe(200);
      expectValidResponse(all);
      const scientists = (body: any) =>
        body.clusters.find((c: any) => c.id === 'data-scientist');
      // alice in search, and two declared in secret-team
      expect(scientists(all.body)).toMatchObject({ people: 3, teams: 2 });
      expect(all.body.teams.map((t: any) => t.entityRef)).toContain(
        'group:default/secret-team',
      );

      const mine = await request(server)
        .get(`${base}/skills`)
        .set('Authorization', restricted);
      expectValidResponse(mine);
      expect(scientists(mine.body)).toMatchObject({ people: 1, teams: 1 });
      expect(refsIn(mine.body).filter(ref => ref.includes('secret'))).toEqual(
        [],
      );

      const adoption = await request(server)
        .get(`${base}/adoption`)
        .set('Authorization', restricted);
      expect(adoption.status).toBe(200);
      expectValidResponse(adoption);
      expect(adoption.body.featureTeams).toEqual([
        { entityRef: 'group:default/search', title: 'search' },
      ]);
      expect(adoption.body.products).toEqual([
        expect.objectContaining({
          entityRef: 'component:default/feature-store',
          owner: 'group:default/platform',
          adopters: ['group:default/search'],
          declinedBy: [],
          adoptionRate: 1,
        }),
      ]);
      expect(
        refsIn(adoption.body).filter(ref => ref.includes('secret')),
      ).toEqual([]);

      const bad = await request(server).get(`${base}/adoption?team=x`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('Invalid query');
    });

    it('serialises the report once for everyone who may see all of it', async () => {
      const first = await request(server).get(`${base}/report`).expect(200);
      const second = await request(server).get(`${base}/report`).expect(200);
      expect(second.text).toBe(first.text);
      expect(first.headers.etag).toMatch(/^"[\w-]{27}"$/);
      expect(second.headers.etag).toBe(first.headers.etag);
      // a browser that holds it gets a 304 and no body
      await request(server)
        .get(`${base}/report`)
        .set('If-None-Match', first.headers.etag)
        .expect(304);
      // a restricted caller never gets the body kept for everyone else
      const mine = await request(server)
        .get(`${base}/report`)
        .set('Authorization', restricted)
        .expect(200);
      expect(mine.headers.etag).not.toBe(first.headers.etag);
      expect(mine.text).not.toMatch(/secret/);
    });

    it('asks the catalog once per user and report, and not at all for callers who may read everything', async () => {
      const before = catalog.calls.byRefs;
      await request(server).get(`${base}/teams`).expect(200);
      await request(server).get(`${base}/products`).expect(200);
      expect(catalog.calls.byRefs).toBe(before);

      await request(server)
        .get(`${base}/teams`)
        .set('Authorization', restricted)
        .expect(200);
      const afterFirst = catalog.calls.byRefs;
      await request(server)
        .get(`${base}/concerns`)
        .set('Authorization', restricted)
        .expect(200);
      await request(server)
        .get(`${base}/entities/group/default/search`)
        .set('Authorization', restricted)
        .expect(200);
      // the decision is cached (per user and report) for a short while
      expect(catalog.calls.byRefs).toBe(afterFirst);
    });

    it('serves a team with its scorecards and the findings of its people', async () => {
      const res = await request(server).get(
        `${base}/entities/group/default/search`,
      );
      expect(res.status).toBe(200);
      expectValidResponse(res);
      expect(res.body.type).toBe('team');
      expect(res.body.team.entityRef).toBe('group:default/search');
      expect(res.body.findings).toEqual([
        expect.objectContaining({
          entityRef: 'user:default/bob',
          annotation: 'team-insights.io/skills',
        }),
      ]);
      // refs in the URL are case-insensitive, like the catalog's
      const upper = await request(server).get(
        `${base}/entities/Group/default/Search`,
      );
      expect(upper.body.team.entityRef).toBe('group:default/search');
    });

    it('records one history point per scorecard and day, and trends', async () => {
      const history = await request(server).get(
        `${base}/entities/group/default/search/history?days=7`,
      );
      expect(history.status).toBe(200);
      expectValidResponse(history);
      // "Today" is the day of the evaluation, which ran when the backend
      // started: a clock read now may already be past midnight.
      const { evaluatedAt } = (await request(server).get(`${base}/report`))
        .body as ReportResponse;
      expect(evaluatedAt >= startedAt).toBe(true);
      expect(evaluatedAt <= new Date().toISOString()).toBe(true);
      const today = evaluatedAt.slice(0, 10);
      expect(history.body.points.map((p: any) => [p.day, p.scorecard])).toEqual(
        [
          [today, 'adoption'],
          [today, 'composition'],
          [today, 'documentation'],
        ],
      );
      const composition = history.body.points.find(
        (p: any) => p.scorecard === 'composition',
      );
      expect(composition.failingChecks).toContain('composition.skill-coverage');

      const trends = await request(server).get(`${base}/trends`);
      expectValidResponse(trends);
      const docs = trends.body.points.find(
        (p: any) => p.scorecard === 'documentation',
      );
      expect(docs).toEqual(expect.objectContaining({ day: today, count: 4 }));
      const restrictedTrends = await request(server)
        .get(`${base}/trends?scorecard=documentation`)
        .set('Authorization', restricted);
      // the two hidden components are left out of the mean
      expect(restrictedTrends.body.points).toEqual([
        expect.objectContaining({ day: today, count: 2 }),
      ]);
    });
  });

  describe('GET /teams', () => {
    let server: Awaited<ReturnType<typeof startPlugin>>['server'];

    beforeAll(async () => {
      ({ server } = await startPlugin());
    });

    it('filters by type, level, organisational unit and text', async () => {
      const byType = await request(server).get(
        `${base}/teams?type=centralized`,
      );
      expectValidResponse(byType);
      expect(byType.body.items.map((t: any) => t.entityRef)).toEqual([
        'group:default/platform',
      ]);

      const byLevel = await request(server).get(`${base}/teams?adoption=gold`);
      expect(byLevel.body.items.map((t: any) => t.entityRef)).toEqual([
        'group:default/search',
        'group:default/secret-team',
      ]);
      expect(byLevel.body.levelCounts.adoption.gold).toBe(2);

      const byUnit = await request(server).get(
        `${base}/teams?orgUnit=group:default/ml`,
      );
      expect(byUnit.body.totalCount).toBe(3);
      const otherUnit = await request(server).get(
        `${base}/teams?orgUnit=group:default/elsewhere`,
      );
      expect(otherUnit.body.totalCount).toBe(0);

      const byText = await request(server).get(`${base}/teams?q=SEARCH`);
      expect(byText.body.items.map((t: any) => t.entityRef)).toEqual([
        'group:default/search',
      ]);
    });

    it('summarises each team with its worst check', async () => {
      const res = await request(server).get(`${base}/teams?q=platform`);
      const [platform] = res.body.items;
      // 67 with adoption.not-too-early passing: two feature teams use its product
      expect(platform.scores.adoption).toEqual({ score: 67, level: 'bronze' });
      // Team size fails in the smaller composition scorecard, so it costs
      // more points than adoption's failing check.
      expect(platform.worstCheck).toEqual(
        expect.objectContaining({
          status: 'fail',
          scorecard: 'composition',
          id: 'composition.team-size',
        }),
      );
    });

    it('sorts and pages with a cursor through every team exactly once', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const res = await request(server)
          .get(`${base}/teams`)
          .query({
            sort: 'size',
            order: 'desc',
            limit: 1,
            ...(cursor ? { cursor } : {}),
          });
        expect(res.status).toBe(200);
        expectValidResponse(res);
        expect(res.body.totalCount).toBe(3);
        seen.push(
          ...res.body.items.map((t: any) => `${t.entityRef}=${t.size}`),
        );
        cursor = res.body.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(seen).toEqual([
        'group:default/secret-team=3',
        'group:default/search=2',
        'group:default/platform=0',
      ]);
    });

    it('keeps each sort order apart when it reuses a sort', async () => {
      const order = async (query: string) =>
        (await request(server).get(`${base}/teams?${query}`)).body.items.map(
          (t: any) => t.entityRef,
        );
      const ascending = await order('sort=size&order=asc');
      const descending = await order('sort=size&order=desc');
      expect(ascending).toEqual([
        'group:default/platform',
        'group:default/search',
        'group:default/secret-team',
      ]);
      expect(descending).toEqual([...ascending].reverse());
      expect(await order('sort=size&order=asc')).toEqual(ascending);
      expect(await order('sort=title&order=desc')).toEqual([
        'group:default/secret-team',
        'group:default/search',
        'group:default/platform',
      ]);
    });

    it('never gives a restricted caller the page kept for everyone else', async () => {
      const everyone = await request(server).get(`${base}/teams?sort=size`);
      expect(everyone.body.totalCount).toBe(3);
      const hidden = await request(server)
        .get(`${base}/teams?sort=size`)
        .set('Authorization', restricted);
      expectValidResponse(hidden);
      expect(hidden.body.totalCount).toBe(2);
      expect(refsIn(hidden.body).filter(ref => ref.includes('secret'))).toEqual(
        [],
      );
      const again = await request(server).get(`${base}/teams?sort=size`);
      expect(again.text).toBe(everyone.text);
    });

    it('refuses a cursor from a different query', async () => {
      const first = await request(server).get(`${base}/teams?limit=1`);
      const res = await request(server)
        .get(`${base}/teams`)
        .query({ limit: 1, sort: 'size', cursor: first.body.nextCursor });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('different query');
    });
  });

  describe('refresh', () => {
    it('starts a refresh (202) and refuses a second one while it runs (409)', async () => {
      const { server, catalog } = await startPlugin();
      const before = await request(server).get(`${base}/report`);

      const release = catalog.hold();
      const first = request(server)
        .post(`${base}/refresh`)
        .then(res => res);
      // wait until the refresh is reading the catalog
      while (catalog.calls.stream < 2) {
        await new Promise(resolve => setImmediate(resolve));
      }
      const second = await request(server).post(`${base}/refresh`);
      expect(second.status).toBe(409);
      expect(second.body.error.name).toBe('ConflictError');
      expectValidResponse(second);

      release();
      const done = await first;
      expect(done.status).toBe(202);
      expectValidResponse(done);
      const after = await request(server).get(`${base}/report`);
      expect(after.body.evaluatedAt > before.body.evaluatedAt).toBe(true);
    });

    it('lists the teams of a new report, not a page kept from the previous one', async () => {
      const { server, catalog } = await startPlugin();
      const before = await request(server).get(`${base}/teams`);
      expect(before.body.totalCount).toBe(3);
      catalog.setEntities([
        ...createOrg(),
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: {
            name: 'new-team',
            annotations: { 'team-insights.io/team-type': 'feature' },
          },
          spec: { type: 'team', children: [] },
        },
      ]);
      await request(server).post(`${base}/refresh`).expect(202);
      // Polls for the new report with a generous deadline.
      let after = await request(server).get(`${base}/teams`);
      const deadline = Date.now() + 30_000;
      while (after.body.totalCount === 3 && Date.now() < deadline) {
        await new Promise(resolve => setTimeout(resolve, 50));
        after = await request(server).get(`${base}/teams`);
      }
      expectValidResponse(after);
      expect(after.body.totalCount).toBe(4);
      expect(after.body.evaluatedAt > before.body.evaluatedAt).toBe(true);
      expect(after.body.items.map((t: any) => t.entityRef)).toContain(
        'group:default/new-team',
      );
    });

    it('keeps serving the last good report, marked stale, when a refresh fails', async () => {
      const { server, catalog } = await startPlugin();
      const good = await request(server).get(`${base}/report`);
      expect(good.body.stale).toBe(false);

      catalog.failWith(new Error('catalog is down'));
      await request(server).post(`${base}/refresh`).expect(202);

      const stale = await request(server).get(`${base}/report`);
      expect(stale.status).toBe(200);
      expect(stale.body.stale).toBe(true);
      expect(stale.body.evaluatedAt).toBe(good.body.evaluatedAt);
      const teams = await request(server).get(`${base}/teams`);
      expect(teams.body.stale).toBe(true);

      catalog.failWith(undefined);
      await request(server).post(`${base}/refresh`).expect(202);
      const fresh = await request(server).get(`${base}/report`);
      expect(fresh.body.stale).toBe(false);
      expect(fresh.body.evaluatedAt > good.body.evaluatedAt).toBe(true);
    });

    it('answers 503 without a stack trace when there has never been a report', async () => {
      const { server, catalog } = await startPlugin({
        config: { teamInsights: { refresh: { initialDelay: { hours: 1 } } } },
      });
      catalog.failWith(new Error('catalog is down'));
      const res = await request(server).get(`${base}/report`);
      expect(res.status).toBe(503);
      expect(res.body.error.name).toBe('ServiceUnavailableError');
      expect(res.body.error.message).toContain('no report yet');
      expect(res.body.error.stack).toBeUndefined();
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expectValidResponse(res);

      // (requests back off after the failure: see ReportService.test.ts)
      catalog.failWith(undefined);

      // a refresh (scheduled, or asked for) is not held back, and ends it
      await request(server).post(`${base}/refresh`).expect(202);
      let later = await request(server).get(`${base}/report`);
      for (let i = 0; later.status !== 200 && i < 600; i++) {
        await new Promise(resolve => setTimeout(resolve, 50));
        later = await request(server).get(`${base}/report`);
      }
      expect(later.status).toBe(200);
    });

    it('never starts an evaluation for an anonymous badge request', async () => {
      const { server, catalog } = await startPlugin({
        config: {
          teamInsights: {
            refresh: { initialDelay: { hours: 1 } },
            badges: { public: true },
          },
        },
      });
      const res = await request(server)
        .get(`${base}/badges/group/default/search/adoption.svg`)
        .set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(catalog.calls.stream).toBe(0);

      // a signed-in reader's request evaluates; the badge is served after
      await request(server).get(`${base}/report`).expect(200);
      const badge = await request(server)
        .get(`${base}/badges/group/default/search/adoption.svg`)
        .set('Authorization', mockCredentials.none.header());
      expect(badge.status).toBe(200);
      expect(catalog.calls.stream).toBe(1);
    });
  });

  describe('custom checks', () => {
    it('runs checks added through the extension point like built-in ones', async () => {
      const onCall: TeamInsightsCheck = {
        id: 'composition.on-call',
        scorecard: 'composition',
        title: 'Someone is on call',
        description: 'The team has an on-call rotation.',
        weight: 1,
        evaluate: context =>
          context.subject === 'team'
            ? {
                status: context.team.size >= 3 ? 'pass' : 'fail',
                message: `${context.team.size} people share the pager.`,
              }
            : { status: 'not-applicable', message: '' },
      };
      const { server } = await startPlugin({
        features: [checksModule([onCall])],
      });
      const res = await request(server).get(
        `${base}/entities/group/default/search`,
      );
      expect(res.body.team.scorecards.composition.checks).toContainEqual(
        expect.objectContaining({
          id: 'composition.on-call',
          status: 'fail',
          message: '2 people share the pager.',
        }),
      );
    });
  });

  describe('the planner', () => {
    it('serves the engine configuration, naming the custom checks a draft is scored without', async () => {
      const onCall: TeamInsightsCheck = {
        id: 'composition.on-call',
        scorecard: 'composition',
        title: 'Someone is on call',
        description: 'The team has an on-call rotation.',
        weight: 1,
        evaluate: () => ({ status: 'not-applicable', message: '' }),
      };
      const { server } = await startPlugin({
        features: [checksModule([onCall])],
        config: { teamInsights: { thresholds: { teamSize: { maxPass: 8 } } } },
      });
      const res = await request(server).get(`${base}/planner/config`);
      expect(res.status).toBe(200);
      expect(res.body.config.thresholds.teamSize.maxPass).toBe(8);
      expect(res.body.config.skillClusters.map((c: any) => c.id)).toContain(
        'analytics-translator',
      );
      expect(res.body.notPreviewed).toEqual([
        {
          id: 'composition.on-call',
          title: 'Someone is on call',
          scorecard: 'composition',
        },
      ]);
    });

    it('suggests staffing over what the caller may read, and nothing about what is hidden', async () => {
      const { server } = await startPlugin();
      const all = await request(server).get(`${base}/staffing`);
      expect(all.status).toBe(200);
      expectValidResponse(all);
      // the hidden team has gaps too: the caller who may read it sees them
      expect(refsIn(all.body)).toContain('group:default/secret-team');
      const search = await request(server).get(`${base}/staffing?team=search`);
      expect(search.body.teams).toEqual(['group:default/search']);
      expect(search.body.suggestions.length).toBeGreaterThan(0);
      for (const suggestion of search.body.suggestions) {
        expect(suggestion.team).toBe('group:default/search');
      }

      const hidden = await request(server)
        .get(`${base}/staffing`)
        .set('Authorization', restricted);
      expect(hidden.status).toBe(200);
      expect(refsIn(hidden.body).filter(ref => ref.includes('secret'))).toEqual(
        [],
      );
      const probe = await request(server)
        .get(`${base}/staffing?team=secret-team`)
        .set('Authorization', restricted);
      expect(probe.status).toBe(404);
      const missing = await request(server)
        .get(`${base}/staffing?team=no-such-team`)
        .set('Authorization', restricted);
      expect(missing.status).toBe(404);
      expect(probe.body.error.message).toBe(
        missing.body.error.message.replace('no-such-team', 'secret-team'),
      );
    });

    it('refuses a query it does not understand', async () => {
      const { server } = await startPlugin();
      const res = await request(server).get(
        `${base}/staffing?team=a&orgUnit=b`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('give team or orgUnit');
    });
  });

  describe('the OpenAPI document', () => {
    it('describes every route, and every route answers as described', async () => {
      const { server } = await startPlugin({
        config: {
          teamInsights: {
            initiatives: [
              {
                id: 'ml-feature-teams',
                title: 'ML feature teams',
                teams: { orgUnit: 'group:default/ml', teamTypes: ['feature'] },
                target: { scorecard: 'composition', level: 'silver' },
                start: '2026-01-01',
                deadline: '2099-12-31',
              },
            ],
          },
        },
      });
      const exercised = new Set<string>();
      for (const [method, path] of [
        ['get', '/report'],
        ['get', '/teams?limit=2'],
        ['get', '/teams/default/search/details'],
        ['get', '/entities/group/default/search'],
        ['get', '/entities/group/default/ml'],
        ['get', '/entities/component/default/feature-store'],
        ['get', '/entities/group/default/search/history'],
        ['get', '/trends'],
        ['get', '/movers?days=7'],
        ['get', '/products'],
        ['get', '/concerns'],
        ['get', '/skill-clusters'],
        ['get', '/skills'],
        ['get', '/adoption'],
        ['get', '/checks'],
        ['get', '/org-units'],
        ['get', '/my-teams'],
        ['get', '/planner/config'],
        ['get', '/staffing'],
        ['get', '/badges/group/default/search/composition.svg'],
        ['post', '/refresh'],
        ['get', '/initiatives'],
        ['get', '/initiatives/ml-feature-teams'],
      ]) {
        const res = await (request(server) as any)[method](`${base}${path}`);
        expect(res.status).toBeLessThan(300);
        exercised.add(expectValidResponse(res));
      }
      expect([...exercised].sort()).toEqual(documentedOperations().sort());
    });
  });
});
