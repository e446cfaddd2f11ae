/*
 * Scale-out: two real backend replicas (child processes, see
 * __testUtils__/replicaBackend.ts) on one PostgreSQL database and one Redis,
 * serving the demo organisation. Team Insights' refresh is a global
 * scheduled task: it must run once per period for the cluster, both replicas
 * must serve the same report, a user's visibility worked out on one replica
 * must be reused by the other through Redis, and when the replica running a
 * refresh dies the other must take over the next period without losing any
 * history.
 *
 * The tests run in order and share the two replicas.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import { createClient } from '@redis/client';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  entityRefsUnder,
  freePort,
  HIDDEN_KIND,
  LogLine,
  REDIS_URL,
  Replica,
  replicaConfig,
  unreachable,
  waitFor,
  writeFile,
} from './__testUtils__/replicas';

/** The knex client of the shared database. */
type Knex = Awaited<ReturnType<TestDatabases['init']>>;

const packageDir = path.resolve(__dirname, '..');
const examplesDir = path.resolve(packageDir, '../../examples');

const TASK_ID = 'team-insights-refresh';
const PERIOD_MS = 5_000;
/** Scheduler timeout of a refresh: how long the lock of a dead replica lasts. */
const TIMEOUT_MS = 10_000;
/** The scheduler's janitor frees expired locks once a minute. */
const JANITOR_INTERVAL_MS = 60_000;
const VISIBILITY_TTL_MS = 120_000;

/** A row of `team_insights_refreshes`. */
interface RefreshRow {
  id: number;
  started_at: string;
  finished_at: string;
  status: string;
  trigger: string;
  evaluated_at: string | null;
  entity_count: number | null;
}

/** A row of `team_insights_history`. */
interface HistoryRow {
  entity_ref: string;
  subject: string;
  scorecard: string;
  day: string;
  score: number | null;
  level: string | null;
  failing_checks: string;
  evaluated_at: string;
}

const postgresUrl =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const skipReason = postgresUrl
  ? unreachable([postgresUrl, REDIS_URL])
  : 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set';
const title = 'two backend replicas on one PostgreSQL and Redis';
if (skipReason) {
  // eslint-disable-next-line no-console
  console.warn(
    `Skipping "${title}": it needs PostgreSQL and Redis, and ${skipReason}`,
  );
}
const describeWithServices = skipReason ? describe.skip : describe;

describeWithServices(title, () => {
  // The database is dropped in this block's afterAll, which runs after the
  // inner block's afterAll has stopped the replicas that use it.
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  describe('running Team Insights', () => {
    const replicas: Replica[] = [];
    let tmpDir: string;
    let holdFile: string;
    const token = randomBytes(24).toString('hex');
    const redisNamespace = `ti-replicas-${randomBytes(6).toString('hex')}`;
    const redis = createClient({ url: REDIS_URL });
    let knex: Knex;
    /** When the catalog had every demo entity and a refresh had read them all. */
    let settledAt: number;

    const refreshes = () =>
      knex
        .withSchema('team-insights')
        .from<RefreshRow>('team_insights_refreshes')
        .orderBy('id');
    const history = () =>
      knex
        .withSchema('team-insights')
        .from<HistoryRow>('team_insights_history')
        .orderBy(['day', 'entity_ref', 'scorecard']);
    const refreshTask = () =>
      knex
        .withSchema('team-insights')
        .from('backstage_backend_tasks__tasks')
        .where('id', TASK_ID)
        .first();

    /** Log lines of every replica, for a failure message. */
    const tails = () =>
      replicas
        .map(
          r =>
            `--- replica ${r.name}:\n${r.lines
              .slice(-20)
              .map(l => l.message.slice(0, 300))
              .join('\n')}`,
        )
        .join('\n');

    const isScheduledEvaluation = (line: LogLine) =>
      line.plugin === 'team-insights' &&
      /^Evaluated \d+ catalog entities \(schedule\)/.test(line.message);

    beforeAll(async () => {
      tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ti-replicas-'));
      holdFile = path.join(tmpDir, 'hold-catalog-reads');
      knex = await databases.init('POSTGRES_15');
      const connection = knex.client.config.connection as {
        host: string;
        port: number;
        user: string;
        password?: string;
        database: string;
      };
      await redis.connect();

      for (const name of ['a', 'b']) {
        const port = await freePort();
        const configFile = writeFile(
          tmpDir,
          `app-config.${name}.yaml`,
          replicaConfig({
            port,
            database: {
              host: connection.host,
              port: Number(connection.port),
              user: connection.user,
              password: connection.password,
              database: connection.database,
            },
            redisUrl: REDIS_URL,
            redisNamespace,
            token,
            catalogLocation: path.join(examplesDir, 'all.yaml'),
            holdFile,
            teamInsights: {
              refresh: {
                frequency: { milliseconds: PERIOD_MS },
                timeout: { milliseconds: TIMEOUT_MS },
                syncInterval: { seconds: 1 },
                // The test waits for the catalog itself.
                warmUp: { seconds: 0 },
              },
              visibilityCacheTtl: { milliseconds: VISIBILITY_TTL_MS },
              notifications: { enabled: false },
            },
          }),
        );
        replicas.push(
          Replica.start({
            name,
            port,
            configFile,
            packageDir,
            startOnMessage: name !== 'a',
          }),
        );
      }
      // One after the other, as in a rolling deployment: the catalog's
      // migrations (like every plugin's) take a lock in the database, and a
      // replica that finds it taken on a fresh database exits. b loads its
      // code meanwhile.
      await replicas[0].waitUntilReady(90_000);
      replicas[1].startNow();
      await replicas[1].waitUntilReady(60_000);

      // Both catalogs ingest the demo organisation into the shared database.
      const expected = entityRefsUnder(examplesDir);
      await waitFor(
        'the demo organisation in the catalog',
        async () => {
          const { body } = await replicas[0].get<
            Array<{
              kind: string;
              metadata: { namespace?: string; name: string };
            }>
          >(
            '/api/catalog/entities?fields=kind,metadata.namespace,metadata.name',
            token,
          );
          const refs = new Set(
            (Array.isArray(body) ? body : []).map(e =>
              `${e.kind}:${e.metadata.namespace ?? 'default'}/${
                e.metadata.name
              }`.toLocaleLowerCase('en-US'),
            ),
          );
          return expected.every(ref => refs.has(ref)) ? true : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 500 },
      );
      const ingestedAt = new Date().toISOString();
      await waitFor(
        'a refresh of the whole demo organisation',
        async () => {
          const rows = await refreshes()
            .where('started_at', '>', ingestedAt)
            .andWhere('status', 'succeeded')
            .andWhere('entity_count', '>=', expected.length);
          return rows.length > 0 ? true : undefined;
        },
        { timeoutMs: 30_000 },
      );
      settledAt = Date.now();
    }, 180_000);

    afterAll(async () => {
      if (holdFile) fs.rmSync(holdFile, { force: true });
      await Promise.all(replicas.map(r => r.stop()));
      if (redis.isOpen) {
        const keys: string[] = [];
        for await (const key of redis.scanIterator({
          MATCH: `${redisNamespace}:*`,
        })) {
          keys.push(key);
        }
        if (keys.length > 0) await redis.del(keys);
        await redis.quit();
      }
      if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
    }, 60_000);

    it('runs the refresh once per period for the whole cluster', async () => {
      // Waits for six refreshes after the start-up ones, however long the
      // machine takes: their timing is what is checked.
      const windowStart = new Date(settledAt).toISOString();
      const rows = await waitFor(
        'six refreshes of the cluster',
        async () => {
          const finished = (await refreshes()).filter(
            row => row.started_at >= windowStart && row.finished_at,
          );
          return finished.length >= 6 ? finished : undefined;
        },
        { timeoutMs: 20 * PERIOD_MS, intervalMs: 500 },
      );
      expect(rows.map(row => `${row.trigger} ${row.status}`)).toEqual(
        rows.map(() => 'schedule succeeded'),
      );

      // Both replicas poll the task and each period's run is claimed by one
      // of them: at most one run per period (give or take the polling lag),
      // where a task per replica would run about twice as often.
      const spanMs =
        Date.parse(rows[rows.length - 1].started_at) -
        Date.parse(rows[0].started_at);
      expect(rows.length).toBeGreaterThanOrEqual(4);
      expect(rows.length).toBeLessThanOrEqual(
        Math.floor(spanMs / PERIOD_MS) + 2,
      );
      // and never two at the same time
      for (let i = 1; i < rows.length; i++) {
        expect(rows[i].started_at >= rows[i - 1].finished_at).toBe(true);
      }
    }, 150_000);

    it('serves the same report from both replicas', async () => {
      const [a, b] = replicas;
      const [fromA, fromB] = await waitFor(
        'both replicas serving the same report',
        async () => {
          const answers = await Promise.all([
            a.get('/api/team-insights/v1/report', token),
            b.get('/api/team-insights/v1/report', token),
          ]);
          return answers[0].body.evaluatedAt === answers[1].body.evaluatedAt
            ? answers
            : undefined;
        },
        { timeoutMs: 20_000 },
      );
      expect(fromA.status).toBe(200);
      expect(fromB.status).toBe(200);
      expect(fromB.body).toEqual(fromA.body);
      expect(fromA.body.stale).toBe(false);
      expect(fromA.body.teams.length).toBeGreaterThan(10);

      // It is a report the cluster evaluated and recorded.
      const recorded = (await refreshes()).map(row => row.evaluated_at);
      expect(recorded).toContain(fromA.body.evaluatedAt);
    }, 30_000);

    /**
     * Holds the next refresh at its catalog read (see replicaBackend.ts)
     * and returns the replica running it. While it is held the task stays
     * claimed, so no replica produces a newer report.
     */
    async function holdNextRefresh(): Promise<Replica> {
      const marks = replicas.map(r => r.lines.length);
      fs.writeFileSync(holdFile, '');
      const holder = await waitFor(
        'a replica holding a refresh',
        async () =>
          replicas.find(
            (r, i) =>
              r.running &&
              r
                .linesSince(marks[i])
                .some(line =>
                  line.message.startsWith('Holding a catalog read'),
                ),
          ),
        { timeoutMs: 3 * PERIOD_MS },
      );
      const task = await refreshTask();
      expect(task.current_run_ticket).toBeTruthy();
      return holder;
    }

    it('shares what a user may see through Redis', async () => {
      const [a, b] = replicas;
      // Visibility is cached per user and report: keep the report still
      // while both replicas answer.
      await holdNextRefresh();
      try {
        // Both replicas serve the newest snapshot before the user asks.
        const newest = (await refreshes().where('status', 'succeeded')).pop()!
          .evaluated_at;
        await waitFor(
          'both replicas serving the newest report',
          async () => {
            const answers = await Promise.all(
              replicas.map(r => r.get('/api/team-insights/v1/report', token)),
            );
            return answers.every(answer => answer.body.evaluatedAt === newest)
              ? true
              : undefined;
          },
          { timeoutMs: 20_000 },
        );
        // The demo policy hides Resources from users, so Team Insights asks
        // the catalog, as the user, which entities of the report they see.
        const userToken = await b.signInAsGuest();
        const marks = replicas.map(r => r.lines.length);
        const fromA = await a.get('/api/team-insights/v1/report', userToken);
        expect(fromA.status).toBe(200);
        const all = await a.get('/api/team-insights/v1/report', token);
        expect(all.body.evaluatedAt).toBe(fromA.body.evaluatedAt);
        const refsOf = (report: { entities: Array<{ entityRef: string }> }) =>
          report.entities
            .map(e => e.entityRef)
            .filter(ref => ref.startsWith(`${HIDDEN_KIND.toLowerCase()}:`));
        const resources = refsOf(all.body);
        expect(resources.length).toBeGreaterThan(0);
        expect(refsOf(fromA.body)).toEqual([]);

        // a asked its catalog which refs the user may read ...
        await a.waitForLine(
          line => line.message.includes('/api/catalog/entities/by-refs'),
          { since: marks[0], timeoutMs: 5_000, what: 'a by-refs request' },
        );

        // ... and stored the answer in Redis, for this user and report.
        const prefix = `${redisNamespace}:team-insights:`;
        const keys: string[] = [];
        for await (const key of redis.scanIterator({ MATCH: `${prefix}*` })) {
          keys.push(key);
        }
        // The cache service stores keys base64-encoded.
        const decoded = keys.map(key =>
          Buffer.from(key.slice(prefix.length), 'base64').toString('utf8'),
        );
        // one key per user, holding the report it was computed for
        const expectedKey = 'visibility:v2:user:development/guest';
        expect(decoded).toContain(expectedKey);
        const redisKey = keys[decoded.indexOf(expectedKey)];
        const ttl = await redis.pTTL(redisKey);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(VISIBILITY_TTL_MS);
        const stored = await redis.get(redisKey);
        expect(stored).toContain(fromA.body.evaluatedAt);
        for (const ref of resources) {
          expect(stored).toContain(ref);
        }

        // b answers the same user with the same filtered report without
        // asking its catalog: it read a's answer from Redis.
        const fromB = await b.get('/api/team-insights/v1/report', userToken);
        expect(fromB.status).toBe(200);
        expect(fromB.body).toEqual(fromA.body);
        await b.waitForLine(
          line => line.message.includes('/api/team-insights/v1/report'),
          { since: marks[1], timeoutMs: 5_000, what: 'the report request' },
        );
        expect(
          b
            .linesSince(marks[1])
            .filter(line =>
              line.message.includes('/api/catalog/entities/by-refs'),
            ),
        ).toEqual([]);
      } finally {
        fs.rmSync(holdFile, { force: true });
      }
    }, 60_000);

    it('completes the next refresh on the other replica when the refreshing one is killed, and keeps all history', async () => {
      // The cluster has been running for days: the history of earlier days
      // is there besides today's.
      const written = await history();
      expect(written.length).toBeGreaterThan(0);
      const dayBefore = (day: string, n: number) =>
        new Date(Date.parse(`${day}T00:00:00.000Z`) - n * 86_400_000)
          .toISOString()
          .slice(0, 10);
      for (const n of [1, 2]) {
        await knex
          .withSchema('team-insights')
          .into('team_insights_history')
          .insert(
            written.map(row => ({
              ...row,
              day: dayBefore(row.day, n),
              evaluated_at: `${dayBefore(row.day, n)}T12:00:00.000Z`,
            })),
          );
      }

      // Kill the replica in the middle of its refresh, then let catalog
      // reads through again.
      const x = await holdNextRefresh();
      const y = replicas.find(r => r !== x)!;
      const before = await history();
      const lastRefreshId = (await refreshes()).pop()!.id;
      const yMark = y.lines.length;
      await x.kill('SIGKILL');
      const killedAt = new Date().toISOString();
      fs.rmSync(holdFile);

      // Its lock stays until the refresh's timeout has passed and the
      // scheduler's janitor on the surviving replica frees it; then the
      // survivor claims the overdue task at once.
      const taken = await waitFor(
        'the surviving replica to complete a refresh',
        async () => {
          const rows = await refreshes()
            .where('id', '>', lastRefreshId)
            .andWhere('trigger', 'schedule');
          return rows.find(row => row.status === 'succeeded');
        },
        {
          timeoutMs: TIMEOUT_MS + JANITOR_INTERVAL_MS + 30_000,
          intervalMs: 500,
        },
      ).catch(error => {
        throw new Error(`${error}\n${tails()}`);
      });
      expect(taken.started_at > killedAt).toBe(true);
      // The killed refresh recorded nothing: only y's refreshes follow.
      const after = await refreshes().where('id', '>', lastRefreshId);
      expect(after.map(row => row.status)).not.toContain('failed');
      expect(
        y
          .linesSince(yMark)
          .some(line =>
            line.message.includes(`Task timed out and was lost: ${TASK_ID}`),
          ),
      ).toBe(true);
      expect(y.linesSince(yMark).some(isScheduledEvaluation)).toBe(true);

      // Nothing is lost from history: every row is still there; the rows of
      // the refreshed day carry the new evaluation, earlier days are as they
      // were.
      const newDay = taken.evaluated_at!.slice(0, 10);
      const keyOf = (row: HistoryRow) =>
        `${row.entity_ref}|${row.scorecard}|${row.day}`;
      const now = new Map((await history()).map(row => [keyOf(row), row]));
      expect(before.filter(row => !now.has(keyOf(row)))).toEqual([]);
      const earlier = before.filter(row => row.day !== newDay);
      expect(new Set(earlier.map(row => row.day)).size).toBeGreaterThanOrEqual(
        2,
      );
      expect(earlier.map(row => now.get(keyOf(row)))).toEqual(earlier);
      // The refreshed day's rows are read after the refresh: when the
      // refresh runs just after midnight UTC, that day had no rows before.
      const refreshed = [...now.values()].filter(row => row.day === newDay);
      expect(refreshed.length).toBeGreaterThan(0);
      expect(refreshed.map(row => row.evaluated_at)).toEqual(
        refreshed.map(() => taken.evaluated_at),
      );

      // The survivor serves the new report.
      const served = await waitFor(
        'the survivor serving the new report',
        async () => {
          const res = await y.get('/api/team-insights/v1/report', token);
          return res.body.evaluatedAt >= taken.evaluated_at! ? res : undefined;
        },
        { timeoutMs: 10_000 },
      );
      expect(served.status).toBe(200);
      expect(served.body.stale).toBe(false);
    }, 150_000);
  });
});
