import type {
  BackstageCredentials,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  readTeamInsightsConfig,
  teamInsightsScorecardsReadPermission,
  teamInsightsScorecardsRefreshPermission,
} from '@team-insights/plugin-team-insights-common';
import express from 'express';
import request from 'supertest';
import { createRouter } from '../router';
import type { PlannerService } from './PlannerService';
import type { ReportService } from './ReportService';
import { PERMISSION_CACHE_LIMIT, ScorecardQueries } from './ScorecardQueries';
import type { TeamInsightsStore } from './TeamInsightsStore';
import type { VisibilityService } from './visibility';

const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const TTL_MS = 10_000;

/**
 * A permission service that counts its questions: who asked (the user's
 * ref, or the principal type) and for which permission. It allows
 * everything unless `deny` names the caller, and throws while `failure` is
 * set.
 */
function countingPermissions() {
  const asked: string[] = [];
  const state = {
    deny: new Set<string>(),
    failure: undefined as Error | undefined,
  };
  const callerOf = (credentials: BackstageCredentials) => {
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
    };
    return principal.userEntityRef ?? principal.type;
  };
  const service: PermissionsService = {
    async authorize(requests, { credentials }) {
      const caller = callerOf(credentials);
      for (const r of requests) asked.push(`${caller} ${r.permission.name}`);
      if (state.failure) throw state.failure;
      const result = state.deny.has(caller)
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW;
      return requests.map(() => ({ result })) as any;
    },
    async authorizeConditional() {
      throw new Error('not used by these tests');
    },
  };
  return { service, asked, state };
}

function setup(options: { ttlMs?: number } = {}) {
  const permissions = countingPermissions();
  const clock = { time: Date.parse('2025-03-01T09:00:00Z') };
  const queries = new ScorecardQueries({
    permissions: permissions.service,
    auth: mockServices.auth(),
    permissionCacheTtlMs: options.ttlMs ?? TTL_MS,
    // The routes these tests call need neither a report nor visibility.
    reports: {} as ReportService,
    store: {} as TeamInsightsStore,
    visibility: {} as VisibilityService,
    engineConfig: readTeamInsightsConfig(new ConfigReader({})),
    now: () => new Date(clock.time),
  });
  return { queries, clock, ...permissions };
}

/** The REST API over `queries`, with Backstage's error handling. */
async function serve(queries: ScorecardQueries) {
  const app = express();
  app.use(
    await createRouter({
      httpAuth: mockServices.httpAuth(),
      scheduler: {} as SchedulerService,
      reports: {} as ReportService,
      queries,
      planner: {} as PlannerService,
    }),
  );
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  return app;
}

const READ = teamInsightsScorecardsReadPermission.name;
const REFRESH = teamInsightsScorecardsRefreshPermission.name;

describe('ScorecardQueries permission decisions', () => {
  async function readAs(app: express.Express, header: string) {
    return request(app).get('/v1/skill-clusters').set('Authorization', header);
  }

  it('asks once for two reads of one user within the TTL', async () => {
    const { queries, asked } = setup();
    const app = await serve(queries);
    const alice = mockCredentials.user.header(ALICE);

    expect((await readAs(app, alice)).status).toBe(200);
    expect((await readAs(app, alice)).status).toBe(200);
    expect(asked).toEqual([`${ALICE} ${READ}`]);
  });

  it('asks on every request with the TTL at 0', async () => {
    const { queries, asked } = setup({ ttlMs: 0 });
    const app = await serve(queries);
    const alice = mockCredentials.user.header(ALICE);

    expect((await readAs(app, alice)).status).toBe(200);
    expect((await readAs(app, alice)).status).toBe(200);
    expect(asked).toEqual([`${ALICE} ${READ}`, `${ALICE} ${READ}`]);
  });

  it('asks again once the TTL has passed, and follows the new policy', async () => {
    const { queries, asked, clock, state } = setup();
    const app = await serve(queries);
    const alice = mockCredentials.user.header(ALICE);

    expect((await readAs(app, alice)).status).toBe(200);
    state.deny.add(ALICE);
    clock.time += TTL_MS - 1;
    expect((await readAs(app, alice)).status).toBe(200);
    expect(asked).toHaveLength(1);

    clock.time += 1;
    expect((await readAs(app, alice)).status).toBe(403);
    expect(asked).toEqual([`${ALICE} ${READ}`, `${ALICE} ${READ}`]);
  });

  it('answers a denied user 403 every time, asking once', async () => {
    const { queries, asked, state } = setup();
    state.deny.add(ALICE);
    const app = await serve(queries);
    const alice = mockCredentials.user.header(ALICE);

    for (let i = 0; i < 2; i++) {
      const res = await readAs(app, alice);
      expect(res.status).toBe(403);
      expect(res.body.error).toEqual(
        expect.objectContaining({
          name: 'NotAllowedError',
          message: `You are not allowed to read Team Insights scorecards (${READ})`,
        }),
      );
    }
    expect(asked).toEqual([`${ALICE} ${READ}`]);
  });

  it('asks for each user separately, whatever the case of the ref', async () => {
    const { queries, asked, state } = setup();
    state.deny.add(BOB);
    const app = await serve(queries);

    expect((await readAs(app, mockCredentials.user.header(ALICE))).status).toBe(
      200,
    );
    expect((await readAs(app, mockCredentials.user.header(BOB))).status).toBe(
      403,
    );
    expect(
      (await readAs(app, mockCredentials.user.header(ALICE.toUpperCase())))
        .status,
    ).toBe(200);
    expect((await readAs(app, mockCredentials.user.header(BOB))).status).toBe(
      403,
    );
    expect(asked).toEqual([`${ALICE} ${READ}`, `${BOB} ${READ}`]);
  });

  it('asks for a service on every request', async () => {
    const { queries, asked } = setup();
    const app = await serve(queries);
    const service = mockCredentials.service.header();

    expect((await readAs(app, service)).status).toBe(200);
    expect((await readAs(app, service)).status).toBe(200);
    expect(asked).toEqual([`service ${READ}`, `service ${READ}`]);
  });

  it('keeps the decisions on read and refresh apart', async () => {
    const { queries, asked } = setup();
    const alice = mockCredentials.user(ALICE);

    await queries.authorize(alice, teamInsightsScorecardsReadPermission);
    await queries.authorize(alice, teamInsightsScorecardsRefreshPermission);
    await queries.authorize(alice, teamInsightsScorecardsRefreshPermission);
    expect(asked).toEqual([`${ALICE} ${READ}`, `${ALICE} ${REFRESH}`]);
  });

  it('does not keep a failure of the permission service', async () => {
    const { queries, asked, state } = setup();
    const app = await serve(queries);
    const alice = mockCredentials.user.header(ALICE);

    state.failure = new Error('permission backend unavailable');
    expect((await readAs(app, alice)).status).toBe(500);
    state.failure = undefined;
    expect((await readAs(app, alice)).status).toBe(200);
    expect((await readAs(app, alice)).status).toBe(200);
    expect(asked).toEqual([`${ALICE} ${READ}`, `${ALICE} ${READ}`]);
  });

  it('asks once for concurrent first requests of one user', async () => {
    const { queries, asked } = setup();
    const alice = mockCredentials.user(ALICE);

    await Promise.all(
      Array.from({ length: 5 }, () =>
        queries.authorize(alice, teamInsightsScorecardsReadPermission),
      ),
    );
    expect(asked).toEqual([`${ALICE} ${READ}`]);
  });

  describe(`with more than ${PERMISSION_CACHE_LIMIT} decisions`, () => {
    const user = (i: number) => mockCredentials.user(`user:default/u${i}`);
    const read = (queries: ScorecardQueries, i: number) =>
      queries.authorize(user(i), teamInsightsScorecardsReadPermission);

    it('drops the expired decisions first', async () => {
      const { queries, asked, clock } = setup();
      const half = PERMISSION_CACHE_LIMIT / 2;
      for (let i = 0; i < half; i++) await read(queries, i);
      clock.time += TTL_MS;
      for (let i = half; i < PERMISSION_CACHE_LIMIT; i++) {
        await read(queries, i);
      }
      await read(queries, PERMISSION_CACHE_LIMIT);
      expect(asked).toHaveLength(PERMISSION_CACHE_LIMIT + 1);

      // The decisions still fresh were kept.
      await read(queries, half);
      await read(queries, PERMISSION_CACHE_LIMIT - 1);
      expect(asked).toHaveLength(PERMISSION_CACHE_LIMIT + 1);
    });

    it('forgets them all when none has expired', async () => {
      const { queries, asked } = setup();
      for (let i = 0; i < PERMISSION_CACHE_LIMIT; i++) await read(queries, i);
      await read(queries, 0);
      expect(asked).toHaveLength(PERMISSION_CACHE_LIMIT);

      await read(queries, PERMISSION_CACHE_LIMIT);
      await read(queries, 0);
      expect(asked).toHaveLength(PERMISSION_CACHE_LIMIT + 2);
      expect(asked.at(-1)).toBe(`user:default/u0 ${READ}`);
    });
  });
});

describe('ScorecardQueries.reportJson', () => {
  function withReports() {
    const permissions = countingPermissions();
    const report = (evaluatedAt: string) =>
      ({
        version: 1,
        evaluatedAt,
        teams: [],
        orgUnits: [],
        entities: [],
        products: [],
        concerns: [],
        findings: [],
      } as any);
    const served = { report: report('2025-03-01T09:00:00.000Z'), stale: false };
    const restricted = {
      all: false,
      hidden: new Set(['group:default/x']),
      isVisible: (ref: string) => ref !== 'group:default/x',
    };
    const queries = new ScorecardQueries({
      permissions: permissions.service,
      auth: mockServices.auth(),
      reports: { getReport: async () => served } as unknown as ReportService,
      store: {} as TeamInsightsStore,
      visibility: {
        forCaller: async (credentials: BackstageCredentials) =>
          (credentials.principal as any).userEntityRef === BOB
            ? restricted
            : { all: true, hidden: new Set(), isVisible: () => true },
      } as unknown as VisibilityService,
      engineConfig: readTeamInsightsConfig(new ConfigReader({})),
    });
    return { queries, served, report };
  }

  it('serialises the report once per report for callers who see everything', async () => {
    const { queries, served, report } = withReports();
    const alice = mockCredentials.user(ALICE);
    const first = await queries.reportJson(alice);
    expect(await queries.reportJson(alice)).toBe(first);
    expect(JSON.parse(first.body.toString()).stale).toBe(false);

    served.stale = true;
    const stale = await queries.reportJson(alice);
    expect(stale).not.toBe(first);
    expect(JSON.parse(stale.body.toString()).stale).toBe(true);

    served.report = report('2025-03-02T09:00:00.000Z');
    const next = await queries.reportJson(alice);
    expect(JSON.parse(next.body.toString()).evaluatedAt).toBe(
      '2025-03-02T09:00:00.000Z',
    );
    expect(next.etag).not.toBe(first.etag);
  });

  it('never hands a restricted caller the body kept for everyone', async () => {
    const { queries } = withReports();
    const kept = await queries.reportJson(mockCredentials.user(ALICE));
    const own = await queries.reportJson(mockCredentials.user(BOB));
    expect(own).not.toBe(kept);
    expect(own.etag).toBeUndefined();
  });
});
