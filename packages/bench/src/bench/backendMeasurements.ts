import { generateOrganisation } from '../generator';
import { load, LoadResult } from './apiLoad';
import { BenchBackend } from './backendClient';
import {
  idleLoopDelay,
  LoopDelay,
  memoryAfterGc,
  refreshOnce,
  refreshWithLoopDelay,
  RefreshMeasurement,
  streamOnce,
  techInsightsOnce,
  TechInsightsMeasurement,
} from './backendPhases';
import { log, mib, ms } from './log';
import { BACKEND_SIZE, SEED, Settings } from './settings';
import { round } from './stats';

/** Memory of the backend after a number of refreshes. */
export type MemoryCheckpoint = { refreshes: number } & Awaited<
  ReturnType<typeof memoryAfterGc>
>;

/**
 * Refreshes against their floor (streaming the catalog only), interleaved,
 * after one warm-up of each.
 */
export async function measureRefresh(
  backend: BenchBackend,
  settings: Settings,
): Promise<{
  refresh: RefreshMeasurement[];
  stream: { ms: number; count: number }[];
}> {
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
  return { refresh, stream };
}

/** The backend's event-loop delay over 3 s of nothing to do. */
export async function measureIdleLoop(
  backend: BenchBackend,
): Promise<LoopDelay> {
  const idleLoop = await idleLoopDelay(backend, 3_000);
  log(
    `refresh: event-loop delay of the idle backend (3 s): p99 ${round(
      idleLoop.p99Ms,
      1,
    )} ms, max ${round(idleLoop.maxMs, 1)} ms`,
  );
  return idleLoop;
}

/** Tech Insights over the same catalog. */
export async function measureTechInsights(
  backend: BenchBackend,
  settings: Settings,
): Promise<TechInsightsMeasurement[]> {
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
  return techInsights;
}

/** The API under load, with the readiness endpoint as the floor. */
export async function measureLoad(
  backend: BenchBackend,
  settings: Settings,
): Promise<LoadResult[]> {
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
  return loadResults;
}

/**
 * Memory over many refreshes, at each of the settings' checkpoints. The
 * measured refreshes and their warm-up count towards the checkpoints.
 */
export async function measureMemory(
  backend: BenchBackend,
  settings: Settings,
  refresh: RefreshMeasurement[],
): Promise<{ checkpoints: MemoryCheckpoint[]; refreshMs: number[] }> {
  const refreshMs = refresh.map(r => r.ms);
  let done = settings.refreshRuns + 1;
  const checkpoints: MemoryCheckpoint[] = [];
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
  return { checkpoints, refreshMs };
}
