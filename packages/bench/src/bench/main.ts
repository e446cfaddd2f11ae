/*
 * `yarn bench [--quick] [--only engine|backend|cli] [--cpu-prof] [--postgres]`
 *
 * Measures Team Insights side by side on this machine (see
 * docs/benchmarks.md) and prints, as its last line:
 *
 *   bench-summary engine_100k_ms=… engine_vs_parse=… refresh_vs_floor=…
 *     tech_insights_speedup=… api_p95_ms=… api_errors=… rss_growth_pct=…
 *     loop_p99_ms=… loop_max_ms=… report_vs_catalog_bytes=… cli_vs_parse=…
 *
 * Results of every run are written to packages/bench/.out/.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Client as PgClient } from 'pg';
import { generateOrganisation } from '../generator';
import { benchBackendConfig } from '../backend/config';
import { load, LoadResult } from './apiLoad';
import { BenchBackend, freePort } from './backendClient';
import {
  memoryAfterGc,
  refreshOnce,
  idleLoopDelay,
  LoopDelay,
  refreshWithLoopDelay,
  RefreshMeasurement,
  streamOnce,
  techInsightsOnce,
  TechInsightsMeasurement,
  VerifyResult,
  waitForCatalog,
} from './backendPhases';
import { CliResult, runCliWorker } from './cli';
import { EngineResult, runEngineWorker } from './engine';
import { round, summarise, Summary } from './stats';

const PACKAGE_DIR = resolvePackagePath('@team-insights/bench');
const OUT_DIR = path.join(PACKAGE_DIR, '.out');
const BACKEND_SIZE = 10_000;
/** Entities of the catalog the CLI scores from plain YAML files. */
const CLI_SIZE = 20_000;
const SEED = 1;

type Phase = 'engine' | 'backend' | 'cli';
const PHASES: Phase[] = ['engine', 'backend', 'cli'];

interface Settings {
  quick: boolean;
  engineSizes: number[];
  engineRuns: number;
  refreshRuns: number;
  techInsightsRuns: number;
  loadSeconds: number;
  loadConnections: number;
  memoryCheckpoints: [number, number];
  cliRuns: number;
  phases: Set<Phase>;
  cpuProfile: boolean;
  /** Connection string when Team/Tech Insights store in PostgreSQL. */
  postgres?: string;
}

function readSettings(argv: string[]): Settings {
  const quick = argv.includes('--quick');
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined;
  if (only !== undefined && !PHASES.includes(only as Phase)) {
    throw new Error(`--only takes engine, backend or cli, got ${only}`);
  }
  for (const [i, arg] of argv.entries()) {
    const known = ['--quick', '--only', '--cpu-prof', '--postgres'];
    if (!known.includes(arg) && argv[i - 1] !== '--only') {
      throw new Error(
        `unknown argument ${arg}; use --quick, --only engine|backend|cli, --cpu-prof, --postgres`,
      );
    }
  }
  let postgres: string | undefined;
  if (argv.includes('--postgres')) {
    postgres =
      process.env.BENCH_POSTGRES_CONNECTION_STRING ??
      process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
    if (!postgres) {
      throw new Error(
        '--postgres needs BENCH_POSTGRES_CONNECTION_STRING or BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING, e.g. postgresql://postgres@127.0.0.1:5432',
      );
    }
  }
  return {
    quick,
    // 300k: one run, to show that a report that large is stored too.
    engineSizes: quick ? [1_000, 10_000] : [1_000, 10_000, 100_000, 300_000],
    engineRuns: 5,
    refreshRuns: quick ? 3 : 5,
    techInsightsRuns: quick ? 1 : 3,
    loadSeconds: quick ? 5 : 20,
    loadConnections: 50,
    memoryCheckpoints: quick ? [5, 12] : [10, 100],
    cliRuns: quick ? 1 : 3,
    phases: new Set(only ? [only as Phase] : PHASES),
    cpuProfile: argv.includes('--cpu-prof'),
    postgres,
  };
}

const startedAt = Date.now();
function log(message: string) {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(0).padStart(4);
  process.stdout.write(`[${seconds}s] ${message}\n`);
}

const ms = (value: number) => `${Math.round(value)} ms`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const range = (s: Summary, unit = 'ms') =>
  `${round(s.median, 1)} ${unit} (min ${round(s.min, 1)}, max ${round(
    s.max,
    1,
  )})`;

async function engineSection(settings: Settings) {
  const results: EngineResult[] = [];
  for (const size of settings.engineSizes) {
    const runs = size > 100_000 ? 1 : settings.engineRuns;
    log(`engine: evaluating ${size} entities (${runs} runs)…`);
    const result = await runEngineWorker({
      packageDir: PACKAGE_DIR,
      size,
      runs,
      cpuProfileDir: settings.cpuProfile
        ? path.join(OUT_DIR, `cpu-engine-${size}`)
        : undefined,
    });
    results.push(result);
    log(
      `engine: ${size} entities: evaluate ${range(
        result.evaluateMs,
      )}; JSON.parse ${range(result.parseMs)} of ${mib(
        result.serialisedBytes,
      )}; peak heap ${mib(result.heap.peakBytes)} (${mib(
        result.heap.peakAboveBaselineBytes,
      )} above the parsed entities); report ${mib(
        result.reportBytes,
      )}, stored as a snapshot (serialised, hashed, compressed to ${mib(
        result.snapshotCompressedBytes,
      )}) in ${ms(result.snapshotMs)}`,
    );
    log(
      `engine: ${size} entities through the evaluation worker: ${ms(
        result.worker.totalMs,
      )} (evaluate ${ms(result.worker.evaluateMs)}, serialise ${ms(
        result.worker.serialiseMs,
      )}); event-loop delay meanwhile p99 ${round(
        result.worker.loopP99Ms,
        1,
      )} ms, max ${round(result.worker.loopMaxMs, 1)} ms (idle: p99 ${round(
        result.worker.idleLoopP99Ms,
        1,
      )} ms, max ${round(result.worker.idleLoopMaxMs, 1)} ms)`,
    );
  }
  const per = results.map(r => ({
    size: r.size,
    usPerEntity: round((r.evaluateMs.median * 1000) / r.size, 1),
  }));
  log(
    `engine: time per entity ${per
      .map(p => `${p.size}: ${p.usPerEntity} µs`)
      .join(', ')}`,
  );
  return results;
}

async function cliSection(settings: Settings): Promise<CliResult> {
  log(
    `cli: scoring ${CLI_SIZE} entities of plain YAML files against parsing them (${settings.cliRuns} runs)…`,
  );
  const result = await runCliWorker({
    packageDir: PACKAGE_DIR,
    size: CLI_SIZE,
    runs: settings.cliRuns,
    dir: path.join(OUT_DIR, `cli-catalog-${CLI_SIZE}-${SEED}`),
    cpuProfileDir: settings.cpuProfile
      ? path.join(OUT_DIR, 'cpu-cli')
      : undefined,
  });
  log(
    `cli: ${result.files} files, ${mib(result.catalogBytes)}: score ${range(
      result.scoreMs,
    )}; YAML parse ${range(result.parseMs)}`,
  );
  return result;
}

/** Hash of the generated catalog: names the cached catalog database. */
function organisationKey(size: number, seed: number): string {
  const { entities } = generateOrganisation({ size, seed });
  const hash = createHash('sha256');
  for (const entity of entities) hash.update(JSON.stringify(entity));
  const catalogVersion =
    require('@backstage/plugin-catalog-backend/package.json').version as string;
  hash.update(catalogVersion);
  return `${size}-${seed}-${hash.digest('hex').slice(0, 12)}`;
}

interface BackendResults {
  catalog: VerifyResult & { waitedMs: number; reused: boolean };
  refresh: RefreshMeasurement[];
  /** The backend's event-loop delay over 3 s of nothing to do. */
  idleLoop: LoopDelay;
  stream: { ms: number; count: number }[];
  techInsights: TechInsightsMeasurement[];
  load: LoadResult[];
  memory: {
    checkpoints: Array<
      { refreshes: number } & Awaited<ReturnType<typeof memoryAfterGc>>
    >;
    refreshMs: number[];
  };
}

async function backendSection(settings: Settings): Promise<BackendResults> {
  const key = organisationKey(BACKEND_SIZE, SEED);
  const catalogDb = path.join(OUT_DIR, 'catalog-db', key, 'catalog.sqlite');
  const reused = fs.existsSync(catalogDb);
  fs.mkdirSync(path.dirname(catalogDb), { recursive: true });
  const port = await freePort();
  const token = randomBytes(24).toString('base64url');
  const configFile = path.join(OUT_DIR, 'bench-backend.yaml');
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const postgres = settings.postgres
    ? {
        connection: postgresConnection(settings.postgres),
        prefix: `team_insights_bench_${runId}_`,
        catalogDatabase: `team_insights_bench_catalog_${key.replace(
          /-/g,
          '_',
        )}`,
      }
    : undefined;
  fs.writeFileSync(
    configFile,
    benchBackendConfig({
      port,
      size: BACKEND_SIZE,
      seed: SEED,
      token,
      catalogDatabaseDir: path.dirname(catalogDb),
      postgres,
    }),
  );
  log(
    `backend: starting on 127.0.0.1:${port} with the ${BACKEND_SIZE}-entity organisation (${
      postgres
        ? `every plugin on PostgreSQL, catalog in ${postgres.catalogDatabase}`
        : `catalog database ${reused ? 'reused' : 'new'}: ${path.relative(
            PACKAGE_DIR,
            catalogDb,
          )}; other plugins in in-memory SQLite`
    })`,
  );
  const backend = BenchBackend.start({
    packageDir: PACKAGE_DIR,
    configFile,
    logFile: path.join(OUT_DIR, 'bench-backend.log'),
    port,
    nodeArgs: settings.cpuProfile
      ? ['--cpu-prof', `--cpu-prof-dir=${path.join(OUT_DIR, 'cpu-backend')}`]
      : [],
  });
  try {
    await backend.waitUntilReady(180_000);
    await backend.signInAsGuest();
    const catalog = await waitForCatalog(
      backend,
      BACKEND_SIZE,
      30 * 60_000,
      m => log(`backend: ${m}`),
    );
    log(
      `backend: catalog ready after ${Math.round(catalog.waitedMs / 1000)} s: ${
        catalog.entities
      } entities, ${catalog.relations} relations (${catalog.missing} missing, ${
        catalog.unexpected
      } unexpected against the generator)`,
    );

    // 2. Refresh against its floor, interleaved, after one warm-up of each.
    log('refresh: warm-up');
    await streamOnce(backend);
    await refreshOnce(backend);
    const refresh: RefreshMeasurement[] = [];
    const stream: { ms: number; count: number }[] = [];
    for (let i = 0; i < settings.refreshRuns; i++) {
      const r = await refreshWithLoopDelay(backend);
      const s = await streamOnce(backend);
      if (r.entities !== BACKEND_SIZE || s.count !== BACKEND_SIZE) {
        throw new Error(
          `refresh read ${r.entities} and the floor ${s.count} entities, expected ${BACKEND_SIZE}`,
        );
      }
      refresh.push(r);
      stream.push(s);
      log(
        `refresh: ${ms(r.ms)}; floor (stream only): ${ms(
          s.ms,
        )}; event-loop delay over the refresh: p99 ${round(
          r.loop!.p99Ms,
          1,
        )} ms, max ${round(r.loop!.maxMs, 1)} ms`,
      );
    }

    const idleLoop = await idleLoopDelay(backend, 3_000);
    log(
      `refresh: event-loop delay of the idle backend (3 s): p99 ${round(
        idleLoop.p99Ms,
        1,
      )} ms, max ${round(idleLoop.maxMs, 1)} ms`,
    );

    // 3. Tech Insights over the same catalog.
    const techInsights: TechInsightsMeasurement[] = [];
    for (let i = 0; i < settings.techInsightsRuns; i++) {
      const t = await techInsightsOnce(backend);
      techInsights.push(t);
      log(
        `tech insights: facts ${ms(t.factsMs)} + checks/run ${ms(
          t.checksMs,
        )} = ${ms(t.totalMs)} (${t.entitiesChecked} entities, ${
          t.checkResults
        } check results, ${t.errors} errors)`,
      );
    }

    // 4. The API under load, with the readiness endpoint as the floor.
    const { body: teamsPage } = await backend.request<{
      items?: Array<{ entityRef: string }>;
    }>('GET', '/api/team-insights/v1/teams?limit=50');
    const generated = generateOrganisation({ size: BACKEND_SIZE, seed: SEED });
    const teamPaths = generated.teamRefs.map(ref => {
      const [kind, rest] = ref.split(':');
      const [namespace, name] = rest.split('/');
      return `/api/team-insights/v1/entities/${kind}/${namespace}/${name}`;
    });
    if (!teamsPage.items?.length) {
      throw new Error('GET /v1/teams returned no teams');
    }
    await backend.request('GET', teamPaths[0]);
    const targets = [
      { name: 'readiness (floor)', paths: ['/.backstage/health/v1/readiness'] },
      {
        name: 'token + permission check (floor)',
        paths: ['/api/bench/v1/authorized'],
      },
      {
        name: 'GET /v1/teams?limit=50',
        paths: ['/api/team-insights/v1/teams?limit=50'],
      },
      { name: 'GET /v1/entities/group/default/<team>', paths: teamPaths },
    ];
    const loadResults: LoadResult[] = [];
    for (const target of targets) {
      // A short warm-up, then the measured run.
      await load({
        name: target.name,
        baseUrl: backend.baseUrl,
        paths: target.paths,
        token: backend.token,
        connections: settings.loadConnections,
        durationS: 2,
      });
      const result = await load({
        name: target.name,
        baseUrl: backend.baseUrl,
        paths: target.paths,
        token: backend.token,
        connections: settings.loadConnections,
        durationS: settings.loadSeconds,
      });
      loadResults.push(result);
      log(
        `load: ${result.name}: ${round(
          result.requestsPerSecond,
          0,
        )} req/s, p50 ${round(result.p50, 1)} ms, p95 ${round(
          result.p95,
          1,
        )} ms, p99 ${round(result.p99, 1)} ms, errors ${result.errors}`,
      );
    }

    // 5. Memory over many refreshes. Earlier refreshes of the full catalog count.
    const refreshMs = refresh.map(r => r.ms);
    let done = settings.refreshRuns + 1;
    const checkpoints: BackendResults['memory']['checkpoints'] = [];
    for (const checkpoint of settings.memoryCheckpoints) {
      while (done < checkpoint) {
        const r = await refreshOnce(backend);
        refreshMs.push(r.ms);
        done++;
        if (done % 10 === 0) log(`memory: ${done} refreshes`);
      }
      const memory = await memoryAfterGc(backend);
      checkpoints.push({ refreshes: done, ...memory });
      log(
        `memory: after ${done} refreshes RSS ${mib(memory.rss)}, heap ${mib(
          memory.heapUsed,
        )} used of ${mib(memory.heapTotal)}, external ${mib(memory.external)}`,
      );
    }

    return {
      catalog: { ...catalog, reused },
      refresh,
      idleLoop,
      stream,
      techInsights,
      load: loadResults,
      memory: { checkpoints, refreshMs },
    };
  } finally {
    await backend.stop();
    if (postgres) {
      await dropDatabases(postgres.connection, postgres.prefix);
    }
  }
}

/** Knex connection settings from a PostgreSQL connection string. */
function postgresConnection(connectionString: string) {
  const url = new URL(connectionString);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
  };
}

/**
 * Drops the databases of this run (all but the catalog's, which the next
 * run reuses); a failure is only logged.
 */
async function dropDatabases(
  connection: ReturnType<typeof postgresConnection>,
  prefix: string,
) {
  const client = new PgClient({ ...connection, database: 'postgres' });
  try {
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } catch (error) {
    log(`could not drop the bench databases: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

function machine() {
  return {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model,
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg(),
  };
}

function format(value: number | undefined, decimals: number): string {
  if (value === undefined || !Number.isFinite(value)) return 'na';
  return decimals === 0 ? String(Math.round(value)) : value.toFixed(decimals);
}

async function main() {
  const settings = readSettings(process.argv.slice(2));
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const info = machine();
  log(
    `bench${settings.quick ? ' --quick' : ''}: ${info.nproc} cores, ${mib(
      info.memoryBytes,
    )}, node ${info.node}, load average ${info.loadAverageAtStart
      .map(l => l.toFixed(2))
      .join(' ')}`,
  );

  let engine: EngineResult[] = [];
  let backend: BackendResults | undefined;
  let cliResult: CliResult | undefined;
  let failure: Error | undefined;
  // Each phase runs even when an earlier one failed; its figures read `na`.
  const phase = async (name: Phase, run: () => Promise<void>) => {
    if (!settings.phases.has(name)) return;
    try {
      await run();
    } catch (error) {
      failure = failure ?? (error as Error);
      log(`FAILED (${name}): ${(error as Error).message}`);
    }
  };
  await phase('engine', async () => {
    engine = await engineSection(settings);
  });
  await phase('backend', async () => {
    backend = await backendSection(settings);
  });
  await phase('cli', async () => {
    cliResult = await cliSection(settings);
  });

  const bySize = new Map(engine.map(r => [r.size, r]));
  // The ratios are taken at 100k (10k in a quick run); 300k only shows
  // that a report that large is stored.
  const largest = [...engine].reverse().find(r => r.size <= 100_000);
  const engine100k =
    bySize.get(100_000)?.evaluateMs.median ??
    (bySize.get(10_000) ? bySize.get(10_000)!.evaluateMs.median * 10 : NaN);
  const engineVsParse = largest
    ? largest.evaluateMs.median / largest.parseMs.median
    : NaN;
  const refreshMedian = backend
    ? summarise(backend.refresh.map(r => r.ms)).median
    : NaN;
  const refreshVsFloor = backend
    ? refreshMedian / summarise(backend.stream.map(s => s.ms)).median
    : NaN;
  const techInsightsSpeedup = backend
    ? summarise(backend.techInsights.map(t => t.totalMs)).median / refreshMedian
    : NaN;
  const apiRuns = backend?.load.filter(l => l.name.includes('/v1/')) ?? [];
  const apiP95 = apiRuns.length ? Math.max(...apiRuns.map(l => l.p95)) : NaN;
  const apiErrors = apiRuns.length
    ? apiRuns.reduce((sum, l) => sum + l.errors, 0)
    : NaN;
  const [first, last] = backend?.memory.checkpoints ?? [];
  const rssGrowth =
    first && last ? ((last.rss - first.rss) / first.rss) * 100 : NaN;
  const loops = (backend?.refresh ?? []).flatMap(r => (r.loop ? [r.loop] : []));
  const loopP99 = loops.length ? Math.max(...loops.map(l => l.p99Ms)) : NaN;
  const loopMax = loops.length ? Math.max(...loops.map(l => l.maxMs)) : NaN;
  const reportVsCatalog = largest
    ? largest.reportBytes / largest.serialisedBytes
    : NaN;
  const cliVsParse = cliResult
    ? cliResult.scoreMs.median / cliResult.parseMs.median
    : NaN;

  const results = {
    startedAt: new Date(startedAt).toISOString(),
    durationS: Math.round((Date.now() - startedAt) / 1000),
    settings: {
      ...settings,
      phases: [...settings.phases],
      postgres: settings.postgres ? 'yes' : 'no',
    },
    machine: { ...info, loadAverageAtEnd: os.loadavg() },
    engine,
    backend,
    cli: cliResult,
    summary: {
      engine_100k_ms: engine100k,
      engine_100k_estimated: !bySize.has(100_000),
      engine_vs_parse: engineVsParse,
      engine_vs_parse_size: largest?.size,
      refresh_vs_floor: refreshVsFloor,
      tech_insights_speedup: techInsightsSpeedup,
      api_p95_ms: apiP95,
      api_errors: apiErrors,
      rss_growth_pct: rssGrowth,
      // worst p99 and worst max over the measured refreshes
      loop_p99_ms: loopP99,
      loop_max_ms: loopMax,
      report_vs_catalog_bytes: reportVsCatalog,
      report_vs_catalog_size: largest?.size,
      cli_vs_parse: cliVsParse,
    },
    failure: (failure as Error | undefined)?.message,
  };
  const file = path.join(
    OUT_DIR,
    `bench-${settings.quick ? 'quick-' : ''}${results.startedAt.replace(
      /[:.]/g,
      '-',
    )}.json`,
  );
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(
    path.join(OUT_DIR, 'bench-latest.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  log(
    `results in ${path.relative(process.cwd(), file)}; took ${
      results.durationS
    } s; load average now ${os
      .loadavg()
      .map(l => l.toFixed(2))
      .join(' ')}`,
  );
  await sleep(10);
  process.stdout.write(
    `bench-summary engine_100k_ms=${format(
      engine100k,
      0,
    )} engine_vs_parse=${format(engineVsParse, 2)} refresh_vs_floor=${format(
      refreshVsFloor,
      2,
    )} tech_insights_speedup=${format(
      techInsightsSpeedup,
      1,
    )} api_p95_ms=${format(apiP95, 0)} api_errors=${format(
      apiErrors,
      0,
    )} rss_growth_pct=${format(rssGrowth, 1)} loop_p99_ms=${format(
      loopP99,
      0,
    )} loop_max_ms=${format(loopMax, 0)} report_vs_catalog_bytes=${format(
      reportVsCatalog,
      2,
    )} cli_vs_parse=${format(cliVsParse, 2)}\n`,
  );
  if (failure !== undefined) process.exitCode = 1;
}

main().catch(error => {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
