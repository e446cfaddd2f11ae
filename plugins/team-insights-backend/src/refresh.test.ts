import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { expectValidResponse } from './__testUtils__/openapi';
import { startPlugin } from './__testUtils__/testBackend';

// Starts a whole backend and waits for the real scheduler's poll cycle.
jest.setTimeout(120_000);

const base = '/api/team-insights/v1';

/** Polls `probe` until it returns a value, or fails after `timeoutMs`. */
async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

/** Rejects with `message` unless `promise` settles within `timeoutMs`. */
function within<T>(
  promise: Promise<T>,
  timeoutMs: number,
  message: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/*
 * The other backend tests run the scheduler's test double, which runs a
 * triggered task before `triggerTask` returns. Here the refresh task runs
 * on the real scheduler (database-coordinated, on SQLite in memory), as in
 * production: `POST /refresh` only asks for a run and answers at once; a
 * scheduler worker picks the task up on its next poll.
 */
describe('POST /refresh with the real scheduler on SQLite', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('answers 202 at once, refuses a second request while the refresh runs, and serves the new report afterwards', async () => {
    const knex = await databases.init('SQLITE_3');
    const refreshes = () =>
      knex('team_insights_refreshes')
        .select('status', 'trigger', 'evaluated_at')
        .orderBy('id');
    const { backend, server, catalog } = await startPlugin({
      config: {
        teamInsights: { refresh: { frequency: { hours: 1 } } },
      },
      features: [
        mockServices.database.factory({ knex }),
        schedulerServiceFactory,
      ],
    });
    try {
      // The scheduler runs the first refresh at start-up; the next one is
      // an hour away.
      const firstRun = await waitFor(
        'the first scheduled refresh',
        async () => {
          const rows = await refreshes();
          return rows.length > 0 ? rows : undefined;
        },
      );
      expect(firstRun).toEqual([
        expect.objectContaining({ status: 'succeeded', trigger: 'schedule' }),
      ]);
      // The scheduled task goes on after the refresh is logged (its
      // notifications), and the scheduler refuses to trigger a task that is
      // still running: wait until the scheduler has it idle again.
      await waitFor('the first scheduled task to end', async () => {
        const task = await knex('backstage_backend_tasks__tasks')
          .where('id', 'team-insights-refresh')
          .first('current_run_ticket');
        return task && task.current_run_ticket === null ? true : undefined;
      });
      const first = await request(server).get(`${base}/report`).expect(200);
      const evaluatedAt: string = first.body.evaluatedAt;
      const streamsBefore = catalog.calls.stream;

      // Catalog reads wait until released: the refresh cannot finish, so a
      // 202 now shows the route does not wait for it.
      const release = catalog.hold();
      try {
        const started = await within(
          request(server)
            .post(`${base}/refresh`)
            .then(res => res),
          45_000,
          'POST /refresh did not answer while the refresh could not finish',
        );
        expect(started.status).toBe(202);
        expect(started.body).toEqual({ status: 'started' });
        expectValidResponse(started);

        // The scheduler starts the refresh afterwards ...
        await waitFor('the scheduler to start the refresh', async () =>
          catalog.calls.stream > streamsBefore ? true : undefined,
        );
        // ... and while it runs, a second request is refused.
        const second = await request(server).post(`${base}/refresh`);
        expect(second.status).toBe(409);
        expect(second.body.error.name).toBe('ConflictError');
        expectValidResponse(second);

        // Nothing new is served before the refresh has read the catalog.
        const meanwhile = await request(server).get(`${base}/report`);
        expect(meanwhile.body.evaluatedAt).toBe(evaluatedAt);
      } finally {
        release();
      }

      const newer = await waitFor('the refreshed report', async () => {
        const res = await request(server).get(`${base}/report`);
        return res.status === 200 && res.body.evaluatedAt > evaluatedAt
          ? res
          : undefined;
      });
      expect(newer.body.stale).toBe(false);
      expect(newer.body.teams.length).toBe(first.body.teams.length);
      // one catalog read for the requested refresh, and no other run
      expect(catalog.calls.stream).toBe(streamsBefore + 1);
      expect((await refreshes()).map(r => `${r.trigger} ${r.status}`)).toEqual([
        'schedule succeeded',
        'schedule succeeded',
      ]);
      // The task goes on after the report is served (notifications): let
      // it finish before the backend goes away.
      await waitFor('the refresh task to finish', async () => {
        const task = await knex('backstage_backend_tasks__tasks')
          .where('id', 'team-insights-refresh')
          .first();
        return task && !task.current_run_ticket ? true : undefined;
      });
    } finally {
      await backend.stop();
    }
  });
});
