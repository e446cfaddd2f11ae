import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import createKnex, { Knex } from 'knex';
import request from 'supertest';
import { startPlugin, testCatalog } from './__testUtils__/testBackend';

jest.setTimeout(90_000);

const base = '/api/team-insights/v1';

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

/*
 * Two replicas on one PostgreSQL database, with the real (database
 * coordinated) scheduler: the refresh task is global, so it runs once per
 * period for the whole cluster, and the replica that did not run it serves
 * the same report from the shared snapshot.
 */
describe('replicas', () => {
  // A shared database is what coordinates replicas; an in-memory SQLite
  // database cannot be shared between two backends.
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
  const databaseIds = databases.eachSupportedId();

  if (databaseIds.length === 0) {
    // jest refuses `it.each` over an empty table: say what is not tested
    // instead, so a machine without PostgreSQL still passes the suite.
    it.skip('run the scheduled refresh once per period: not tested, BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set', () => {});
    return;
  }

  it.each(databaseIds)(
    'run the scheduled refresh once per period and serve the same report, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // Each replica has its own connection pool to the one database, so that
      // the test can tell their scheduler polls apart.
      const knexB = createKnex(knex.client.config);
      const polls = [0, 0];
      const isTaskPoll = (sql: string) =>
        /^select\b/i.test(sql) &&
        sql.includes('backstage_backend_tasks__tasks') &&
        sql.includes('ready');
      knex.on('query', (q: { sql: string }) => {
        if (isTaskPoll(q.sql)) polls[0] += 1;
      });
      knexB.on('query', (q: { sql: string }) => {
        if (isTaskPoll(q.sql)) polls[1] += 1;
      });
      const catalog = testCatalog();
      const replica = (db: Knex) =>
        startPlugin({
          catalog,
          config: {
            teamInsights: {
              refresh: {
                frequency: { hours: 1 },
                syncInterval: { milliseconds: 0 },
              },
            },
          },
          features: [
            mockServices.database.factory({ knex: db }),
            schedulerServiceFactory,
          ],
        });
      const a = await replica(knex);
      const b = await replica(knexB);

      // one of them runs the first refresh of the period
      await waitFor('the first snapshot', async () => {
        const [{ count }] = await knex('team_insights_snapshots').count({
          count: '*',
        });
        return Number(count) > 0 ? true : undefined;
      });
      const fromA = await request(a.server).get(`${base}/report`).expect(200);
      const fromB = await request(b.server).get(`${base}/report`).expect(200);
      expect(fromB.body.evaluatedAt).toBe(fromA.body.evaluatedAt);
      expect(fromB.body).toEqual(fromA.body);
      expect(catalog.control.calls.stream).toBe(1);

      // both schedulers keep polling the task; within the hour neither runs
      // it again: wait until each has looked at the task twice since
      // (whatever the time that takes), then count the refreshes
      const seen = [...polls];
      await waitFor(
        'both replicas polling the refresh task twice',
        async () =>
          polls[0] >= seen[0] + 2 && polls[1] >= seen[1] + 2 ? true : undefined,
        60_000,
      );
      expect(catalog.control.calls.stream).toBe(1);
      const refreshes = await knex('team_insights_refreshes').select(
        'status',
        'trigger',
      );
      expect(refreshes).toEqual([{ status: 'succeeded', trigger: 'schedule' }]);

      // a manual refresh asked of one replica runs once, on whichever
      // replica claims it, and both serve its result
      await request(b.server).post(`${base}/refresh`).expect(202);
      const newer = await waitFor('the second report', async () => {
        const res = await request(a.server).get(`${base}/report`);
        return res.body.evaluatedAt > fromA.body.evaluatedAt
          ? res.body.evaluatedAt
          : undefined;
      });
      const bAfter = await request(b.server).get(`${base}/report`).expect(200);
      expect(bAfter.body.evaluatedAt).toBe(newer);
      expect(catalog.control.calls.stream).toBe(2);

      // The task goes on after the report is served (notifications): let
      // it finish before the backends and their connections go away.
      await waitFor('the refresh task to finish', async () => {
        const task = await knex('backstage_backend_tasks__tasks')
          .where('id', 'team-insights-refresh')
          .first();
        return task && !task.current_run_ticket ? true : undefined;
      });
      await a.backend.stop();
      await b.backend.stop();
      await knexB.destroy();
    },
  );
});
