import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { defaultTeamInsightsConfig } from '@team-insights/plugin-team-insights-common';
import type { Entity } from '@backstage/catalog-model';
import { createOrg } from '../__testUtils__/org';
import { isEmptyReport, ReportService } from './ReportService';
import { TeamInsightsStore } from './TeamInsightsStore';
import { eachDatabase } from '../__testUtils__/databases';

jest.setTimeout(60_000);

/** A catalog whose reads can be held or made to fail, and whose entities change. */
function controllableCatalog() {
  const state = {
    reads: 0,
    failure: undefined as Error | undefined,
    gate: undefined as Promise<void> | undefined,
    entities: createOrg() as Entity[],
  };
  const catalog = catalogServiceMock.mock({
    streamEntities(request, options) {
      state.reads += 1;
      const store = catalogServiceMock({ entities: state.entities });
      return (async function* stream() {
        if (state.gate) await state.gate;
        if (state.failure) throw state.failure;
        yield* store.streamEntities(request, options);
      })();
    },
  });
  return { catalog, state };
}

describe('ReportService', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function setup(
    options: {
      timeoutMs?: number;
      clock?: () => Date;
      requestTimeoutMs?: number;
      random?: () => number;
    } = {},
  ) {
    const knex = await databases.init('SQLITE_3');
    await TeamInsightsStore.migrate(knex);
    const store = new TeamInsightsStore(knex);
    const logger = mockServices.logger.mock();
    const { catalog, state } = controllableCatalog();
    const create = () =>
      new ReportService({
        catalog,
        auth: mockServices.auth(),
        logger,
        store,
        config: defaultTeamInsightsConfig,
        retentionDays: 400,
        syncIntervalMs: 0,
        timeoutMs: options.timeoutMs ?? 30_000,
        warmUpMs: 5 * 60_000,
        requestTimeoutMs: options.requestTimeoutMs,
        random: options.random,
        now: options.clock,
      });
    return { create, state, logger, knex };
  }

  it('lets concurrent requests wait for one evaluation', async () => {
    const { create, state } = await setup();
    const reports = create();
    let release!: () => void;
    state.gate = new Promise(resolve => {
      release = resolve;
    });
    const waiting = Promise.all([1, 2, 3, 4, 5].map(() => reports.getReport()));
    release();
    const served = await waiting;
    expect(state.reads).toBe(1);
    expect(new Set(served.map(s => s.report.evaluatedAt)).size).toBe(1);
    expect(served.every(s => !s.stale)).toBe(true);
  });

  it('keeps the last good report, marked stale, when a refresh times out', async () => {
    const { create, state, logger } = await setup();
    const reports = create();
    const good = await reports.getReport();

    state.gate = new Promise(() => {}); // the catalog stops answering
    await expect(
      reports.refresh({
        trigger: 'schedule',
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow();
    const served = await reports.getReport();
    expect(served.report.evaluatedAt).toBe(good.report.evaluatedAt);
    expect(served.stale).toBe(true);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        `serving the report evaluated at ${good.report.evaluatedAt} as stale: the evaluation was aborted`,
      ),
    );
  });

  it('serves a report another replica stored, and its failures as staleness', async () => {
    let now = new Date('2026-11-27T08:00:00.000Z');
    const clock = () => now;
    const { create, state } = await setup({ clock });
    const a = create();
    const b = create();

    await a.refresh({ trigger: 'schedule' });
    expect(state.reads).toBe(1);
    const fromB = await b.getReport();
    expect(fromB.report.evaluatedAt).toBe('2026-11-27T08:00:00.000Z');
    expect(state.reads).toBe(1); // b loaded the snapshot instead of evaluating

    now = new Date('2026-11-27T08:10:00.000Z');
    await a.refresh({ trigger: 'schedule' });
    expect((await b.getReport()).report.evaluatedAt).toBe(
      '2026-11-27T08:10:00.000Z',
    );

    now = new Date('2026-11-27T08:20:00.000Z');
    state.failure = new Error('catalog is down');
    await expect(a.refresh({ trigger: 'schedule' })).rejects.toThrow(
      'catalog is down',
    );
    const staleOnB = await b.getReport();
    expect(staleOnB.report.evaluatedAt).toBe('2026-11-27T08:10:00.000Z');
    expect(staleOnB.stale).toBe(true);

    now = new Date('2026-11-27T08:30:00.000Z');
    state.failure = undefined;
    await a.refresh({ trigger: 'schedule' });
    const freshOnB = await b.getReport();
    expect(freshOnB.report.evaluatedAt).toBe('2026-11-27T08:30:00.000Z');
    expect(freshOnB.stale).toBe(false);
  });

  it('throws ServiceUnavailableError when there has never been a report', async () => {
    const { create, state } = await setup();
    state.failure = new Error('connect ECONNREFUSED 10.0.0.7:7007');
    const reports = create();
    const error = await reports.getReport().catch(e => e);
    expect(error.name).toBe('ServiceUnavailableError');
    // internal details stay in the log, not in what users see
    expect(error.message).not.toContain('10.0.0.7');
  });

  describe('while there is no report', () => {
    const start = new Date('2026-11-27T08:00:00.000Z').getTime();

    it('reads the catalog once for 20 requests while it is down, and backs off exponentially, with jitter, up to 5 minutes', async () => {
      let now = new Date(start);
      let random = 1;
      const { create, state, logger, knex } = await setup({
        clock: () => now,
        random: () => random,
      });
      state.failure = new Error('catalog is down');
      const reports = create();

      const errors = [];
      for (let i = 0; i < 20; i++) {
        errors.push(await reports.getReport().catch(e => e));
      }
      expect(state.reads).toBe(1);
      expect(errors.every(e => e.name === 'ServiceUnavailableError')).toBe(
        true,
      );
      expect(errors.map(e => e.retryAfterSeconds)).toEqual(Array(20).fill(5));
      const failedRows = await knex('team_insights_refreshes').where({
        status: 'failed',
      });
      expect(failedRows).toHaveLength(1);
      expect(logger.warn).toHaveBeenCalledTimes(1);

      // each failure in a row doubles the wait, up to 5 minutes
      const waits: number[] = [];
      for (let i = 0; i < 9; i++) {
        const { retryAfterSeconds } = await reports.getReport().catch(e => e);
        waits.push(retryAfterSeconds);
        now = new Date(now.getTime() + retryAfterSeconds * 1000 - 1);
        await reports.getReport().catch(() => {}); // 1 ms too early
        expect(state.reads).toBe(i + 1);
        now = new Date(now.getTime() + 1);
        await reports.getReport().catch(() => {});
        expect(state.reads).toBe(i + 2);
      }
      expect(waits).toEqual([5, 10, 20, 40, 80, 160, 300, 300, 300]);

      // jitter: the wait is between half and all of the bound
      random = 0;
      now = new Date(now.getTime() + 300_000);
      const early = await reports.getReport().catch(e => e);
      expect(early.retryAfterSeconds).toBe(150);

      // once the catalog is back, a success ends the back-off
      state.failure = undefined;
      now = new Date(now.getTime() + 150_000);
      const served = await reports.getReport();
      expect(served.stale).toBe(false);
      state.failure = new Error('down again');
      await expect(reports.refresh({ trigger: 'schedule' })).rejects.toThrow();
      expect((await reports.getReport()).stale).toBe(true);
    });

    it('lets 20 concurrent requests share one evaluation, and answers 503 with Retry-After when it fails', async () => {
      const { create, state } = await setup();
      state.failure = new Error('catalog is down');
      let release!: () => void;
      state.gate = new Promise(resolve => {
        release = resolve;
      });
      const reports = create();
      const answers = Promise.all(
        Array.from({ length: 20 }, () => reports.getReport().catch(e => e)),
      );
      release();
      const errors = await answers;
      expect(state.reads).toBe(1);
      expect(errors.every(e => e.retryAfterSeconds >= 1)).toBe(true);
    });

    it('waits for the first evaluation at most the request timeout, and serves it once it is done', async () => {
      const { create, state } = await setup({ requestTimeoutMs: 50 });
      let release!: () => void;
      state.gate = new Promise(resolve => {
        release = resolve;
      });
      const reports = create();
      const error = await reports.getReport().catch(e => e);
      expect(error.name).toBe('ServiceUnavailableError');
      expect(error.message).toContain('evaluating the catalog');
      expect(error.retryAfterSeconds).toBe(5);
      expect(reports.isRefreshing()).toBe(true);

      // a second request joins the running evaluation, not a new one
      await reports.getReport().catch(() => {});
      expect(state.reads).toBe(1);
      release();
      await reports.refresh({ trigger: 'request' });
      expect((await reports.getReport()).report.teams.length).toBe(3);
      expect(state.reads).toBe(1);
    });

    it('never starts an evaluation for a request that may not (an anonymous one)', async () => {
      const { create, state } = await setup();
      const reports = create();
      for (let i = 0; i < 5; i++) {
        const error = await reports
          .getReport({ evaluate: false })
          .catch(e => e);
        expect(error.name).toBe('ServiceUnavailableError');
        expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      }
      expect(state.reads).toBe(0);
      // it is served the report once there is one
      await reports.getReport();
      const served = await reports.getReport({ evaluate: false });
      expect(served.report.teams.length).toBe(3);
      expect(state.reads).toBe(1);
    });
  });

  describe.each(
    eachDatabase(databases, 'report service replicas sharing one database'),
  )('with replicas on %p', databaseId => {
    /** Replicas with a store each on one database, and a shared clock. */
    async function setupReplicas() {
      const knex = await databases.init(databaseId);
      await TeamInsightsStore.migrate(knex);
      const { catalog, state } = controllableCatalog();
      const clock = { now: new Date('2026-11-27T08:00:00.000Z') };
      const replica = () =>
        new ReportService({
          catalog,
          auth: mockServices.auth(),
          logger: mockServices.logger.mock(),
          store: new TeamInsightsStore(knex),
          config: defaultTeamInsightsConfig,
          retentionDays: 400,
          syncIntervalMs: 0,
          timeoutMs: 30_000,
          now: () => clock.now,
        });
      const snapshots = async () =>
        Number(
          (await knex('team_insights_snapshots').count({ count: '*' }))[0]
            .count,
        );
      return { replica, state, clock, snapshots };
    }

    it('stores no new snapshot for an unchanged report, and every replica serves its new evaluatedAt', async () => {
      const { replica, state, clock, snapshots } = await setupReplicas();
      const a = replica();
      const b = replica();

      const first = await a.refresh({ trigger: 'schedule' });
      expect((await b.getReport()).report).toEqual(first);
      expect(await snapshots()).toBe(1);

      // the catalog did not change: the snapshot stays, its time moves
      clock.now = new Date('2026-11-27T08:10:00.000Z');
      await a.refresh({ trigger: 'schedule' });
      expect(await snapshots()).toBe(1);
      const onB = await b.getReport();
      expect(onB.report.evaluatedAt).toBe('2026-11-27T08:10:00.000Z');
      expect(onB.stale).toBe(false);
      expect(onB.report).toEqual({
        ...first,
        evaluatedAt: '2026-11-27T08:10:00.000Z',
      });
      // a replica starting now serves the new time too
      const c = replica();
      expect((await c.getReport()).report.evaluatedAt).toBe(
        '2026-11-27T08:10:00.000Z',
      );
      expect(state.reads).toBe(2);

      // and the other way round: b evaluates the same again, a follows
      clock.now = new Date('2026-11-27T08:20:00.000Z');
      await b.refresh({ trigger: 'schedule' });
      expect(await snapshots()).toBe(1);
      expect((await a.getReport()).report.evaluatedAt).toBe(
        '2026-11-27T08:20:00.000Z',
      );
    });

    it('stores a new snapshot for a changed report, which every replica serves', async () => {
      const { replica, state, clock, snapshots } = await setupReplicas();
      const a = replica();
      const b = replica();
      await a.refresh({ trigger: 'schedule' });
      await b.getReport();

      // bob fixes the typo in his skills
      const bob = state.entities.find(e => e.metadata.name === 'bob')!;
      bob.metadata.annotations!['team-insights.io/skills'] = 'data-engineer';
      clock.now = new Date('2026-11-27T08:10:00.000Z');
      const changed = await a.refresh({ trigger: 'schedule' });
      expect(await snapshots()).toBe(2);
      const onB = await b.getReport();
      expect(onB.report).toEqual(changed);
      const search = onB.report.teams.find(
        t => t.entityRef === 'group:default/search',
      )!;
      expect(
        search.scorecards.composition.checks.find(
          c => c.id === 'composition.annotations-valid',
        )?.status,
      ).toBe('pass');
    });
  });

  describe('while the catalog is still ingesting after start-up', () => {
    const start = new Date('2026-11-27T08:00:00.000Z').getTime();
    const at = (seconds: number) => new Date(start + seconds * 1000);

    it('treats a report of an empty catalog as none: a request evaluates again, at most every 15 seconds, and waits for it', async () => {
      let now = at(0);
      const { create, state } = await setup({ clock: () => now });
      state.entities = [];
      const reports = create();

      const first = await reports.getReport();
      expect(isEmptyReport(first.report)).toBe(true);
      expect(state.reads).toBe(1);

      // the catalog has ingested the organisation meanwhile
      state.entities = createOrg();
      now = at(5);
      const tooSoon = await reports.getReport();
      expect(isEmptyReport(tooSoon.report)).toBe(true);
      expect(state.reads).toBe(1);

      now = at(15);
      const later = await reports.getReport();
      expect(state.reads).toBe(2);
      expect(later.report.teams.map(t => t.entityRef)).toEqual([
        'group:default/platform',
        'group:default/search',
        'group:default/secret-team',
      ]);
    });

    it('re-evaluates in the background while the catalog keeps growing, and stops once it has settled', async () => {
      let now = at(0);
      const { create, state } = await setup({ clock: () => now });
      const org = createOrg();
      // only the groups have been ingested so far
      state.entities = org.filter(e => e.kind === 'Group');
      const reports = create();

      const partial = await reports.getReport();
      expect(partial.report.entities).toEqual([]);
      expect(reports.isSettled()).toBe(false);

      state.entities = org;
      now = at(10);
      await reports.getReport();
      expect(state.reads).toBe(1); // not twice within 15 seconds

      now = at(15);
      const meanwhile = await reports.getReport();
      // served at once; the new evaluation runs in the background
      expect(meanwhile.report.evaluatedAt).toBe(partial.report.evaluatedAt);
      expect(state.reads).toBe(2);
      await reports.refresh({ trigger: 'request' }); // joins the running one
      const fuller = await reports.getReport();
      expect(fuller.report.entities.length).toBe(4);
      expect(reports.isSettled()).toBe(false); // it grew once more

      now = at(30);
      await reports.getReport();
      expect(state.reads).toBe(3);
      await reports.refresh({ trigger: 'request' });
      // the same number of entities as before: the catalog has settled
      expect(reports.isSettled()).toBe(true);

      now = at(60);
      await reports.getReport();
      expect(state.reads).toBe(3);
    });

    it('stops re-evaluating when the warm-up is over', async () => {
      let now = at(0);
      const { create, state } = await setup({ clock: () => now });
      const org = createOrg();
      state.entities = org.filter(e => e.kind === 'Group');
      const reports = create();
      await reports.getReport();
      expect(reports.isSettled()).toBe(false);

      state.entities = org;
      now = at(5 * 60);
      const served = await reports.getReport();
      expect(served.report.entities).toEqual([]);
      expect(state.reads).toBe(1);
      expect(reports.isSettled()).toBe(true);
    });
  });
});
