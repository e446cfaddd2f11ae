import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generateOrganisation } from '../generator';
import { benchBackendConfig } from '../backend/config';
import { LoadResult } from './apiLoad';
import { BenchBackend, freePort } from './backendClient';
import {
  measureIdleLoop,
  measureLoad,
  measureMemory,
  measureRefresh,
  measureTechInsights,
  MemoryCheckpoint,
} from './backendMeasurements';
import {
  LoopDelay,
  RefreshMeasurement,
  TechInsightsMeasurement,
  VerifyResult,
  waitForCatalog,
} from './backendPhases';
import { log } from './log';
import { dropDatabases, postgresConnection } from './postgres';
import { BACKEND_SIZE, OUT_DIR, PACKAGE_DIR, SEED, Settings } from './settings';

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

/** What the backend phase measured. */
export interface BackendResults {
  catalog: VerifyResult & { waitedMs: number; reused: boolean };
  refresh: RefreshMeasurement[];
  /** The backend's event-loop delay over 3 s of nothing to do. */
  idleLoop: LoopDelay;
  stream: { ms: number; count: number }[];
  techInsights: TechInsightsMeasurement[];
  load: LoadResult[];
  memory: {
    checkpoints: MemoryCheckpoint[];
    refreshMs: number[];
  };
}

/**
 * The backend phase: starts a real backend with the organisation (its
 * catalog database cached between runs), waits for the catalog, then
 * measures refreshes, Tech Insights, the API under load and memory.
 */
export async function backendSection(
  settings: Settings,
): Promise<BackendResults> {
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

    const { refresh, stream } = await measureRefresh(backend, settings);
    const idleLoop = await measureIdleLoop(backend);
    const techInsights = await measureTechInsights(backend, settings);
    const loadResults = await measureLoad(backend, settings);
    const memory = await measureMemory(backend, settings, refresh);
    return {
      catalog: { ...catalog, reused },
      refresh,
      idleLoop,
      stream,
      techInsights,
      load: loadResults,
      memory,
    };
  } finally {
    await backend.stop();
    if (postgres) {
      await dropDatabases(postgres.connection, postgres.prefix);
    }
  }
}
