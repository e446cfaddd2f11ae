import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { defaultTeamInsightsConfig } from '@team-insights/plugin-team-insights-common';
import type { Knex } from 'knex';
import { gzipSync } from 'node:zlib';
import { createOrg } from '../__testUtils__/org';
import { ReportService } from './ReportService';
import { TeamInsightsStore } from './TeamInsightsStore';

jest.setTimeout(120_000);

/** Entities per catalog page: the test organisation takes three pages. */
const PAGE_SIZE = 4;

/**
 * A catalog read page by page that can fail or stop answering after its
 * first page, as a catalog that goes down or slows down mid-refresh.
 */
function pagedCatalog() {
  const state = {
    reads: 0,
    entities: createOrg() as Entity[],
    fault: undefined as undefined | 'fail' | 'hang',
    release: () => {},
  };
  const catalog = catalogServiceMock.mock({
    streamEntities() {
      state.reads += 1;
      const entities = state.entities;
      const fault = state.fault;
      return (async function* stream() {
        for (let i = 0; i < entities.length; i += PAGE_SIZE) {
          if (i > 0 && fault === 'fail') {
            throw new Error('connect ECONNREFUSED catalog:7007');
          }
          if (i > 0 && fault === 'hang') {
            await new Promise<void>(resolve => {
              state.release = resolve;
            });
          }
          yield entities.slice(i, i + PAGE_SIZE);
        }
      })();
    },
  });
  return { catalog, state };
}

/** Makes every query of a knex client fail, as a database that is down. */
function databaseSwitch(knex: Knex) {
  const client = knex.client as { acquireConnection: () => Promise<unknown> };
  const acquire = client.acquireConnection;
  return {
    down() {
      client.acquireConnection = () =>
        Promise.reject(new Error('connect ECONNREFUSED 10.0.0.9:5432'));
    },
    up() {
      client.acquireConnection = acquire;
    },
  };
}

describe('faults', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function setup(options: { timeoutMs?: number } = {}) {
      const knex = await databases.init(databaseId);
      await TeamInsightsStore.migrate(knex);
      const { catalog, state } = pagedCatalog();
      const clock = { now: new Date('2026-11-27T08:00:00.000Z') };
      const replica = () => {
        const logger = mockServices.logger.mock();
        const service = new ReportService({
          catalog,
          auth: mockServices.auth(),
          logger,
          store: new TeamInsightsStore(knex, { logger }),
          config: defaultTeamInsightsConfig,
          retentionDays: 400,
          syncIntervalMs: 0,
          timeoutMs: options.timeoutMs ?? 30_000,
          pageSize: PAGE_SIZE,
          now: () => clock.now,
        });
        return { service, logger };
      };
      /** Every row the backend keeps, for comparing before and after. */
      const tables = async () => ({
        history: await knex('team_insights_history')
          .select()
          .orderBy(['day', 'entity_ref', 'scorecard']),
        snapshots: await knex('team_insights_snapshots')
          .select('id', 'evaluated_at', 'content_hash')
          .orderBy('id'),
        refreshes: await knex('team_insights_refreshes')
          .select('status', 'trigger', 'evaluated_at')
          .orderBy('id'),
      });
      return { knex, state, clock, replica, tables };
    }

    it('catalog down mid-refresh: serves the last good report, stale, and loses nothing', async () => {
      const { state, clock, replica, tables } = await setup();
      const { service } = replica();
      const good = await service.refresh({ trigger: 'schedule' });
      const before = await tables();
      expect(before.history.length).toBeGreaterThan(0);

      clock.now = new Date('2026-11-27T08:10:00.000Z');
      state.fault = 'fail';
      await expect(service.refresh({ trigger: 'schedule' })).rejects.toThrow(
        'ECONNREFUSED',
      );
      const served = await Promise.all(
        Array.from({ length: 20 }, () => service.getReport()),
      );
      expect(served.every(s => s.report === served[0].report)).toBe(true);
      expect(served[0].report).toEqual(good);
      expect(served[0].stale).toBe(true);

      const after = await tables();
      expect(after.history).toEqual(before.history);
      expect(after.snapshots).toEqual(before.snapshots);
      expect(after.refreshes.map(r => r.status)).toEqual([
        'succeeded',
        'failed',
      ]);
      expect(state.reads).toBe(2); // the 20 requests read nothing

      // back up: the next refresh stores the new evaluation
      state.fault = undefined;
      clock.now = new Date('2026-11-27T08:20:00.000Z');
      await service.refresh({ trigger: 'schedule' });
      const fresh = await service.getReport();
      expect(fresh.stale).toBe(false);
      expect(fresh.report.evaluatedAt).toBe('2026-11-27T08:20:00.000Z');
      const recovered = await tables();
      expect(recovered.history.length).toBe(before.history.length);
      expect(
        recovered.history.every(
          row => row.evaluated_at === '2026-11-27T08:20:00.000Z',
        ),
      ).toBe(true);
    });

    it('catalog slow mid-refresh: requests are answered meanwhile, the refresh times out, nothing is lost', async () => {
      const { state, clock, replica, tables } = await setup({
        timeoutMs: 200,
      });
      const { service } = replica();
      // the first refresh may take its time (it starts the evaluation worker)
      const good = await service.refresh({
        trigger: 'schedule',
        signal: AbortSignal.timeout(60_000),
      });
      const before = await tables();

      clock.now = new Date('2026-11-27T08:10:00.000Z');
      state.fault = 'hang';
      const slow = service.refresh({ trigger: 'schedule' });
      slow.catch(() => {});
      // while the catalog hangs mid-read, requests get the report at once
      const meanwhile = await Promise.all(
        Array.from({ length: 20 }, () => service.getReport()),
      );
      expect(service.isRefreshing()).toBe(true);
      expect(meanwhile.every(s => s.report === meanwhile[0].report)).toBe(true);
      expect(meanwhile[0].report).toEqual(good);
      expect(meanwhile[0].stale).toBe(false);

      await expect(slow).rejects.toThrow();
      const served = await service.getReport();
      expect(served.report).toEqual(good);
      expect(served.stale).toBe(true);
      const after = await tables();
      expect(after.history).toEqual(before.history);
      expect(after.snapshots).toEqual(before.snapshots);
      expect(after.refreshes.map(r => r.status)).toEqual([
        'succeeded',
        'failed',
      ]);
      state.release(); // the abandoned read ends
    });

    it('database down: serves the newest evaluation from memory, warns once, and stores it when the database is back', async () => {
      const { knex, state, clock, replica, tables } = await setup();
      const db = databaseSwitch(knex);
      const { service, logger } = replica();
      await service.refresh({ trigger: 'schedule' });
      const before = await tables();

      db.down();
      clock.now = new Date('2026-11-27T08:10:00.000Z');
      const bob = state.entities.find(e => e.metadata.name === 'bob')!;
      bob.metadata.annotations!['team-insights.io/skills'] = 'data-engineer';
      await expect(service.refresh({ trigger: 'schedule' })).rejects.toThrow(
        'ECONNREFUSED',
      );
      const served = await Promise.all(
        Array.from({ length: 20 }, () => service.getReport()),
      );
      expect(served[0].report.evaluatedAt).toBe('2026-11-27T08:10:00.000Z');
      expect(served[0].stale).toBe(false);
      const warnings = logger.warn.mock.calls.filter(([message]) =>
        String(message).includes('Could not look for a newer'),
      );
      expect(warnings).toHaveLength(1);

      db.up();
      expect(await tables()).toEqual(before); // the outage wrote nothing
      clock.now = new Date('2026-11-27T08:20:00.000Z');
      const stored = await service.refresh({ trigger: 'schedule' });
      await service.getReport();
      expect(logger.info).toHaveBeenCalledWith(
        'Team Insights reads the database again for newer reports',
      );
      const after = await tables();
      expect(after.history.length).toBe(before.history.length);
      expect(
        after.history.every(
          row => row.evaluated_at === '2026-11-27T08:20:00.000Z',
        ),
      ).toBe(true);
      // the change made during the outage is in the history
      const search = after.history.find(
        row =>
          row.entity_ref === 'group:default/search' &&
          row.scorecard === 'composition',
      );
      const searchBefore = before.history.find(
        row =>
          row.entity_ref === 'group:default/search' &&
          row.scorecard === 'composition',
      );
      expect(search.failing_checks).not.toEqual(searchBefore.failing_checks);
      // and another replica serves it
      const other = replica().service;
      expect((await other.getReport()).report).toEqual(stored);
    });

    it('corrupt snapshot: every replica keeps serving the last good report and says so once', async () => {
      const { knex, state, clock, replica, tables } = await setup();
      const a = replica();
      const good = await a.service.refresh({ trigger: 'schedule' });
      const b = replica();
      expect((await b.service.getReport()).report).toEqual(good);

      // something else writes the newest snapshot: damaged, then foreign
      for (const report of [
        Buffer.from('this is not gzip'),
        gzipSync(JSON.stringify({ ...good, version: 2 })),
      ]) {
        await knex('team_insights_snapshots').insert({
          evaluated_at: '2026-11-27T08:30:00.000Z',
          report,
        });
        const served = await Promise.all(
          Array.from({ length: 5 }, () => b.service.getReport()),
        );
        expect(
          served.every(s => s.report.evaluatedAt === good.evaluatedAt),
        ).toBe(true);
        expect(served[0].report).toEqual(good);
      }
      const skipped = (logger: typeof b.logger) =>
        logger.warn.mock.calls.filter(([message]) =>
          String(message).includes('skips stored report snapshot'),
        );
      expect(skipped(b.logger)).toHaveLength(2);

      // a replica starting now, with the catalog down, serves the last good one
      state.fault = 'fail';
      const c = replica();
      const fromC = await c.service.getReport();
      expect(fromC.report).toEqual(good);
      expect(state.reads).toBe(1);
      // one warning for each snapshot it could not serve
      expect(skipped(c.logger)).toHaveLength(2);
      await c.service.getReport();
      expect(skipped(c.logger)).toHaveLength(2);

      // the next good evaluation is stored and served everywhere
      state.fault = undefined;
      clock.now = new Date('2026-11-27T08:40:00.000Z');
      await a.service.refresh({ trigger: 'schedule' });
      for (const r of [b, c]) {
        expect((await r.service.getReport()).report.evaluatedAt).toBe(
          '2026-11-27T08:40:00.000Z',
        );
      }
      const { snapshots } = await tables();
      expect(snapshots[snapshots.length - 1].evaluated_at).toBe(
        '2026-11-27T08:40:00.000Z',
      );
    });
  });
});
