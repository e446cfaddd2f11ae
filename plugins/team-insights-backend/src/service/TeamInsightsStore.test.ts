import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { gzipSync } from 'node:zlib';
import type { Entity } from '@backstage/catalog-model';
import type { Knex } from 'knex';
import { evaluate, Report } from '@team-insights/plugin-team-insights-common';
import { createOrg } from '../__testUtils__/org';
import {
  HistoryRow,
  historyRowsOf,
  TeamInsightsStore,
} from './TeamInsightsStore';
import { eachDatabase } from '../__testUtils__/databases';

jest.setTimeout(60_000);

function reportAt(iso: string, entities: Entity[] = createOrg()): Report {
  return evaluate(entities, { now: new Date(iso) });
}

/** The organisation after bob fixed the typo in his skills. */
function fixedOrg(): Entity[] {
  const entities = createOrg();
  const bob = entities.find(e => e.metadata.name === 'bob')!;
  bob.metadata.annotations!['team-insights.io/skills'] = 'data-engineer';
  return entities;
}

/** The rows of `later` whose subject, score, level or failing checks differ from `earlier`'s. */
function changedRows(earlier: Report, later: Report): HistoryRow[] {
  const key = (row: HistoryRow) => `${row.entity_ref} ${row.scorecard}`;
  const value = (row: HistoryRow) =>
    JSON.stringify([row.subject, row.score, row.level, row.failing_checks]);
  const before = new Map(historyRowsOf(earlier).map(r => [key(r), value(r)]));
  return historyRowsOf(later).filter(r => before.get(key(r)) !== value(r));
}

describe('TeamInsightsStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await TeamInsightsStore.migrate(knex);
    return { knex, store: new TeamInsightsStore(knex) };
  }

  describe.each(
    eachDatabase(
      databases,
      'the Team Insights store (history, snapshots, refresh records)',
    ),
  )('on %p', databaseId => {
    /** Every history row, in a stable order, with numbers as numbers. */
    async function historyTable(knex: Knex): Promise<HistoryRow[]> {
      const rows = await knex<HistoryRow>('team_insights_history')
        .select()
        .orderBy(['day', 'entity_ref', 'scorecard']);
      return rows.map(row => ({
        ...row,
        score: row.score === null ? null : Number(row.score),
      }));
    }

    const sorted = (rows: HistoryRow[]) =>
      [...rows].sort((a, b) =>
        `${a.day} ${a.entity_ref} ${a.scorecard}` <
        `${b.day} ${b.entity_ref} ${b.scorecard}`
          ? -1
          : 1,
      );

    it('updates the rows of the day when a refresh runs again that day, never appends', async () => {
      const { knex, store } = await createStore(databaseId);
      const morning = reportAt('2026-11-27T09:00:00.000Z');
      const rows = await store.writeHistory(morning, { chunkSize: 4 });
      expect(rows).toBe(historyRowsOf(morning).length);
      const [{ count: before }] = await knex('team_insights_history').count({
        count: '*',
      });
      expect(Number(before)).toBe(rows);

      const afternoon = reportAt('2026-11-27T15:00:00.000Z', fixedOrg());
      await store.writeHistory(afternoon, { chunkSize: 4 });
      const [{ count: after }] = await knex('team_insights_history').count({
        count: '*',
      });
      expect(Number(after)).toBe(rows);

      const [point] = await store.readHistory('group:default/search', {
        sinceDay: '2026-11-27',
        scorecard: 'composition',
      });
      const search = afternoon.teams.find(
        t => t.entityRef === 'group:default/search',
      )!;
      expect(point).toEqual({
        day: '2026-11-27',
        scorecard: 'composition',
        score: search.scorecards.composition.score,
        level: search.scorecards.composition.level,
        failingChecks: search.scorecards.composition.checks
          .filter(c => c.status === 'fail')
          .map(c => c.id),
      });
      // the typo was fixed in the afternoon: the day now says so
      expect(point.failingChecks).not.toContain(
        'composition.annotations-valid',
      );
    });

    it('writes only the rows that changed since its last write of the day, and every row carries the latest evaluation', async () => {
      const { knex, store } = await createStore(databaseId);
      const morning = reportAt('2026-11-27T09:00:00.000Z');
      expect(await store.writeHistory(morning, { chunkSize: 4 })).toBe(
        historyRowsOf(morning).length,
      );

      // bob fixed his skills: the search team's composition changes, and
      // with it the means of the units above it; nothing else does
      const afternoon = reportAt('2026-11-27T15:00:00.000Z', fixedOrg());
      const changed = changedRows(morning, afternoon);
      expect(changed.map(r => `${r.entity_ref} ${r.scorecard}`)).toContain(
        'group:default/search composition',
      );
      expect(changed.length).toBeLessThan(historyRowsOf(afternoon).length / 2);
      expect(await store.writeHistory(afternoon, { chunkSize: 4 })).toBe(
        changed.length,
      );
      // the search team has its new value, every other row is intact, and
      // all carry the afternoon's evaluation
      expect(await historyTable(knex)).toEqual(
        sorted(historyRowsOf(afternoon)),
      );

      // nothing changed since: no row is written, the time still moves
      const evening = reportAt('2026-11-27T20:00:00.000Z', fixedOrg());
      expect(await store.writeHistory(evening)).toBe(0);
      expect(await historyTable(knex)).toEqual(sorted(historyRowsOf(evening)));

      // a new day starts with every row
      const nextDay = reportAt('2026-11-28T09:00:00.000Z', fixedOrg());
      expect(await store.writeHistory(nextDay)).toBe(
        historyRowsOf(nextDay).length,
      );
      expect(await historyTable(knex)).toEqual(
        sorted([...historyRowsOf(evening), ...historyRowsOf(nextDay)]),
      );
    });

    it('writes the rows again on the retry of a write that was rolled back', async () => {
      const { knex, store } = await createStore(databaseId);
      const morning = reportAt('2026-11-27T09:00:00.000Z');
      await store.writeHistory(morning);

      // the afternoon's write is aborted inside its transaction, after it
      // has begun changing rows
      const afternoon = reportAt('2026-11-27T15:00:00.000Z', fixedOrg());
      const controller = new AbortController();
      const abortOnHistoryWrite = (query: { sql: string }) => {
        if (/^(update|insert into) .team_insights_history/i.test(query.sql)) {
          controller.abort(new Error('shutting down'));
        }
      };
      knex.on('query', abortOnHistoryWrite);
      await expect(
        store.writeHistory(afternoon, {
          signal: controller.signal,
          chunkSize: 1,
        }),
      ).rejects.toThrow('shutting down');
      knex.off('query', abortOnHistoryWrite);
      expect(await historyTable(knex)).toEqual(sorted(historyRowsOf(morning)));

      // the retry knows the afternoon's values are not there yet
      const retry = reportAt('2026-11-27T15:05:00.000Z', fixedOrg());
      const changed = changedRows(morning, retry);
      expect(changed.length).toBeGreaterThan(1);
      expect(await store.writeHistory(retry)).toBe(changed.length);
      expect(await historyTable(knex)).toEqual(sorted(historyRowsOf(retry)));
    });

    it('writes every row when another replica wrote the day since', async () => {
      const { knex, store: a } = await createStore(databaseId);
      const b = new TeamInsightsStore(knex);
      const morning = reportAt('2026-11-27T09:00:00.000Z');
      await a.writeHistory(morning);
      // the other replica's refresh finds bob's fix
      await b.writeHistory(reportAt('2026-11-27T12:00:00.000Z', fixedOrg()));
      // bob undoes it: the day is as a last wrote it, but not the table
      const afternoon = reportAt('2026-11-27T15:00:00.000Z');
      expect(await a.writeHistory(afternoon)).toBe(
        historyRowsOf(afternoon).length,
      );
      expect(await historyTable(knex)).toEqual(
        sorted(historyRowsOf(afternoon)),
      );
    });

    it('writes the history of a catalog larger than one statement can hold', async () => {
      const { knex, store } = await createStore(databaseId);
      // 1,200 documented entities give 1,200 rows: more than SQLite takes in
      // one multi-row insert (500 compound terms).
      const components: Entity[] = Array.from({ length: 1200 }, (_, i) => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: `service-${i}`, namespace: 'default' },
        spec: { type: 'service', lifecycle: 'production' },
      }));
      const report = reportAt('2026-11-27T09:00:00.000Z', components);
      const rows = await store.writeHistory(report);
      expect(rows).toBeGreaterThan(1000);
      const [{ count }] = await knex('team_insights_history').count({
        count: '*',
      });
      expect(Number(count)).toBe(rows);
    });

    it('keeps one point per day and scorecard, oldest first, and deletes days past the retention', async () => {
      const { store } = await createStore(databaseId);
      for (const iso of [
        '2026-11-10T08:00:00.000Z',
        '2026-11-25T08:00:00.000Z',
        '2026-11-26T08:00:00.000Z',
        '2026-11-27T08:00:00.000Z',
      ]) {
        await store.writeHistory(reportAt(iso));
      }
      const all = await store.readHistory('group:default/ml', {
        sinceDay: '2026-01-01',
      });
      expect(all.map(p => `${p.day} ${p.scorecard}`)).toEqual([
        '2026-11-10 adoption',
        '2026-11-10 composition',
        '2026-11-10 documentation',
        '2026-11-25 adoption',
        '2026-11-25 composition',
        '2026-11-25 documentation',
        '2026-11-26 adoption',
        '2026-11-26 composition',
        '2026-11-26 documentation',
        '2026-11-27 adoption',
        '2026-11-27 composition',
        '2026-11-27 documentation',
      ]);

      const now = new Date('2026-11-27T12:00:00.000Z');
      // keep two days: today and yesterday
      const deleted = await store.applyRetention(2, now);
      expect(deleted).toBe(
        2 * historyRowsOf(reportAt('2026-11-27T08:00:00.000Z')).length,
      );
      const kept = await store.readHistory('group:default/ml', {
        sinceDay: '2026-01-01',
        scorecard: 'composition',
      });
      expect(kept.map(p => p.day)).toEqual(['2026-11-26', '2026-11-27']);
    });

    it('computes the mean score per scorecard and day, leaving out hidden entities', async () => {
      const { store } = await createStore(databaseId);
      const report = reportAt('2026-11-27T08:00:00.000Z');
      await store.writeHistory(report);

      const mean = (scores: Array<number | null>) => {
        const present = scores.filter((s): s is number => s !== null);
        return (
          Math.round(
            (10 * present.reduce((a, b) => a + b, 0)) / present.length,
          ) / 10
        );
      };
      const points = await store.readTrends({ sinceDay: '2026-11-01' });
      expect(points).toEqual([
        {
          day: '2026-11-27',
          scorecard: 'adoption',
          score: mean(report.teams.map(t => t.scorecards.adoption.score)),
          count: report.teams.filter(t => t.scorecards.adoption.score !== null)
            .length,
        },
        {
          day: '2026-11-27',
          scorecard: 'composition',
          score: mean(report.teams.map(t => t.scorecards.composition.score)),
          count: 3,
        },
        {
          day: '2026-11-27',
          scorecard: 'documentation',
          score: mean(
            report.entities.map(e => e.scorecards.documentation.score),
          ),
          count: 4,
        },
      ]);

      const hidden = [
        'component:default/secret-svc',
        'component:default/secret-monitor',
      ];
      const restricted = await store.readTrends({
        sinceDay: '2026-11-01',
        scorecard: 'documentation',
        onlyRefs: report.entities
          .map(e => e.entityRef)
          .filter(ref => !hidden.includes(ref)),
        chunkSize: 1,
      });
      expect(restricted).toEqual([
        {
          day: '2026-11-27',
          scorecard: 'documentation',
          score: mean(
            report.entities
              .filter(e => !hidden.includes(e.entityRef))
              .map(e => e.scorecards.documentation.score),
          ),
          count: 2,
        },
      ]);
    });

    it('shares the newest report through snapshots and keeps only the last two', async () => {
      const { knex, store } = await createStore(databaseId);
      expect(await store.getState()).toEqual({});
      // three different reports: each is stored
      const reports = [
        reportAt('2026-11-27T08:00:00.000Z', createOrg().slice(1)),
        reportAt('2026-11-27T08:10:00.000Z'),
        reportAt('2026-11-27T08:20:00.000Z', fixedOrg()),
      ];
      let lastId = 0;
      for (const report of reports) {
        lastId = (await store.saveSnapshot(report)).id;
      }
      const state = await store.getState();
      expect(state.latestSnapshot).toEqual({
        id: lastId,
        evaluatedAt: '2026-11-27T08:20:00.000Z',
      });
      expect(await store.loadSnapshot(lastId)).toEqual(reports[2]);
      const [{ count }] = await knex('team_insights_snapshots').count({
        count: '*',
      });
      expect(Number(count)).toBe(2);
    });

    it('moves the newest snapshot to a later evaluation of the same report instead of storing it again', async () => {
      const { knex, store } = await createStore(databaseId);
      const snapshotCount = async () =>
        Number(
          (await knex('team_insights_snapshots').count({ count: '*' }))[0]
            .count,
        );
      const first = await store.saveSnapshot(
        reportAt('2026-11-27T08:00:00.000Z'),
      );
      expect(first.written).toBe(true);

      const again = reportAt('2026-11-27T08:10:00.000Z');
      expect(await store.saveSnapshot(again)).toEqual({
        id: first.id,
        written: false,
      });
      expect(await snapshotCount()).toBe(1);
      expect((await store.getState()).latestSnapshot).toEqual({
        id: first.id,
        evaluatedAt: '2026-11-27T08:10:00.000Z',
      });
      // a replica loading it gets the later time with the same content
      expect(await store.loadSnapshot(first.id)).toEqual(again);

      const changed = reportAt('2026-11-27T08:20:00.000Z', fixedOrg());
      const second = await store.saveSnapshot(changed);
      expect(second.written).toBe(true);
      expect(second.id).toBeGreaterThan(first.id);
      expect(await snapshotCount()).toBe(2);
      expect(await store.loadSnapshot(second.id)).toEqual(changed);

      // the first report once more is a change too: it is not the newest
      const back = reportAt('2026-11-27T08:30:00.000Z');
      const third = await store.saveSnapshot(back);
      expect(third.written).toBe(true);
      expect(await store.loadSnapshot(third.id)).toEqual(back);
    });

    it('stores a report whose text looks like its evaluatedAt unchanged', async () => {
      const { store } = await createStore(databaseId);
      const entities = createOrg();
      const search = entities.find(e => e.metadata.name === 'search')!;
      search.metadata.description =
        '"evaluatedAt":"(evaluatedAt)" {"evaluatedAt":"(evaluatedAt)"}';
      search.metadata.title = '(evaluatedAt)';
      const report = reportAt('2026-11-27T08:00:00.000Z', entities);
      const { id } = await store.saveSnapshot(report);
      expect(await store.loadSnapshot(id)).toEqual(report);
    });

    it('serves no snapshot of another version or a damaged one, and says so once per snapshot', async () => {
      const knex = await databases.init(databaseId);
      await TeamInsightsStore.migrate(knex);
      const logger = mockServices.logger.mock();
      const store = new TeamInsightsStore(knex, { logger });
      const good = reportAt('2026-11-27T08:00:00.000Z');
      const { id: goodId } = await store.saveSnapshot(good);
      expect(
        await knex('team_insights_snapshots')
          .where('id', goodId)
          .first('schema_version'),
      ).toEqual({ schema_version: 1 });

      const insert = async (row: Record<string, unknown>) => {
        const [inserted] = await knex('team_insights_snapshots')
          .insert({ evaluated_at: '2026-11-27T08:10:00.000Z', ...row })
          .returning('id');
        return Number(typeof inserted === 'object' ? inserted.id : inserted);
      };
      const json = (value: unknown) => gzipSync(JSON.stringify(value));
      const bad = {
        'not gzip': await insert({ report: Buffer.from('not gzip at all') }),
        'truncated gzip': await insert({
          report: json(good).subarray(0, 100),
        }),
        'not JSON': await insert({ report: gzipSync('{"version": 1, ') }),
        'a newer report version': await insert({
          report: json({ ...good, version: 2 }),
        }),
        'a newer schema_version': await insert({
          report: json(good),
          schema_version: 2,
        }),
        'not a report': await insert({ report: json([1, 2, 3]) }),
        'teams not a list': await insert({
          report: json({ ...good, teams: { a: 1 } }),
        }),
      };
      for (const id of Object.values(bad)) {
        expect(await store.loadSnapshot(id)).toBeUndefined();
        expect(await store.loadSnapshot(id)).toBeUndefined(); // asked again
      }
      // one warning per snapshot, however often it is asked for
      expect(logger.warn).toHaveBeenCalledTimes(Object.keys(bad).length);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          `snapshot ${bad['a newer report version']}: it holds a report of version 2, this release reads version 1`,
        ),
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          `snapshot ${bad['a newer schema_version']}: its schema_version is 2`,
        ),
      );
      expect(await store.loadSnapshot(goodId)).toEqual(good);

      // the next report is stored anew, not merged into a rejected one
      const next = await store.saveSnapshot(
        reportAt('2026-11-27T08:20:00.000Z'),
      );
      expect(next.written).toBe(true);
      expect(await store.loadSnapshot(next.id)).toEqual(
        reportAt('2026-11-27T08:20:00.000Z'),
      );
    });

    it('records refresh attempts, newest first in the state, and trims the log', async () => {
      const { knex, store } = await createStore(databaseId);
      for (let i = 0; i < 103; i++) {
        await store.recordRefresh({
          startedAt: `2026-11-27T08:00:00.${String(i).padStart(3, '0')}Z`,
          finishedAt: `2026-11-27T08:00:01.${String(i).padStart(3, '0')}Z`,
          status: 'succeeded',
          trigger: 'schedule',
          evaluatedAt: '2026-11-27T08:00:00.000Z',
          entityCount: i,
        });
      }
      await store.recordRefresh({
        startedAt: '2026-11-27T09:00:00.000Z',
        finishedAt: '2026-11-27T09:00:05.000Z',
        status: 'failed',
        trigger: 'manual',
        error: 'catalog is down',
      });
      expect((await store.getState()).latestRefresh).toEqual({
        startedAt: '2026-11-27T09:00:00.000Z',
        finishedAt: '2026-11-27T09:00:05.000Z',
        status: 'failed',
        trigger: 'manual',
        error: 'catalog is down',
      });
      const [{ count }] = await knex('team_insights_refreshes').count({
        count: '*',
      });
      expect(Number(count)).toBe(100);
    });
  });
});
