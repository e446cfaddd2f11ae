import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { defaultTeamInsightsConfig } from '@team-insights/plugin-team-insights-common';
import { createOrg } from '../__testUtils__/org';
import { ReportService } from './ReportService';
import { TeamInsightsStore } from './TeamInsightsStore';

jest.setTimeout(60_000);

/** A catalog whose reads can be held or made to fail. */
function controllableCatalog() {
  const store = catalogServiceMock({ entities: createOrg() });
  const state = {
    reads: 0,
    failure: undefined as Error | undefined,
    gate: undefined as Promise<void> | undefined,
  };
  const catalog = catalogServiceMock.mock({
    streamEntities(request, options) {
      state.reads += 1;
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
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setup(
    options: { timeoutMs?: number; clock?: () => Date } = {},
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
    const { create, state, logger } = await setup({ timeoutMs: 100 });
    const reports = create();
    const good = await reports.getReport();

    state.gate = new Promise(() => {}); // the catalog stops answering
    await expect(reports.refresh({ trigger: 'schedule' })).rejects.toThrow();
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
});
