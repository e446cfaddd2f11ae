import { setTimeout as sleep } from 'node:timers/promises';
import { BackendEvent, BenchBackend } from './backendClient';
import { TECH_INSIGHTS_CHECKS } from '../backend/config';

const REFRESH_DONE = /^Evaluated (\d+) catalog entities.* in (\d+) ms/;
const REFRESH_FAILED = /^Team Insights refresh .* failed/;

function isRefreshEnd(event: BackendEvent) {
  return (
    event.plugin === 'team-insights' &&
    (REFRESH_DONE.test(event.message) ||
      REFRESH_FAILED.test(event.message) ||
      event.level === 'error')
  );
}

/** Result of /api/bench/v1/verify. */
export interface VerifyResult {
  entities: number;
  expectedEntities: number;
  missingEntities: number;
  relations: number;
  expectedRelations: number;
  missing: number;
  unexpected: number;
  samples: string[];
}

/**
 * Waits until the catalog serves every entity of the organisation with
 * every relation the generator predicted (processing and stitching done),
 * and returns the comparison.
 */
export async function waitForCatalog(
  backend: BenchBackend,
  size: number,
  timeoutMs: number,
  progress: (message: string) => void,
): Promise<VerifyResult & { waitedMs: number }> {
  const started = Date.now();
  let lastCount = -1;
  for (;;) {
    const { body } = await backend.request<{ entities: number }>(
      'GET',
      '/api/bench/v1/status',
    );
    if (body.entities !== lastCount) {
      progress(`catalog holds ${body.entities} of ${size} entities`);
      lastCount = body.entities;
    }
    if (body.entities >= size) {
      const verify = (
        await backend.request<VerifyResult>('POST', '/api/bench/v1/verify')
      ).body;
      if (
        verify.missingEntities === 0 &&
        verify.missing === 0 &&
        verify.unexpected === 0
      ) {
        return { ...verify, waitedMs: Date.now() - started };
      }
      progress(
        `catalog relations: ${verify.relations} of ${verify.expectedRelations} (${verify.missing} missing, ${verify.unexpected} unexpected)`,
      );
      if (Date.now() - started > timeoutMs) {
        return { ...verify, waitedMs: Date.now() - started };
      }
      await sleep(10_000);
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `the catalog ingested only ${
          body.entities
        } of ${size} entities in ${Math.round(timeoutMs / 1000)} s`,
      );
    }
    await sleep(5_000);
  }
}

/** One Team Insights refresh as the backend measured it. */
export interface RefreshMeasurement {
  /** The refresh's own duration: catalog read, evaluation and storing. */
  ms: number;
  entities: number;
  /** From the POST until the end was logged, scheduler delay included. */
  wallMs: number;
  /** The backend's event-loop delay over the refresh, when measured. */
  loop?: LoopDelay;
}

/** Event-loop delay of the backend's main thread over one interval. */
export interface LoopDelay {
  samples: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * A refresh with the backend's event-loop delay measured over it
 * (`perf_hooks.monitorEventLoopDelay`, 10 ms resolution, in the backend).
 */
export async function refreshWithLoopDelay(
  backend: BenchBackend,
): Promise<RefreshMeasurement> {
  await backend.request('POST', '/api/bench/v1/loop/start');
  const refresh = await refreshOnce(backend);
  const { body } = await backend.request<LoopDelay>(
    'POST',
    '/api/bench/v1/loop/stop',
  );
  return { ...refresh, loop: body };
}

/**
 * The floor of {@link refreshWithLoopDelay}: the backend's event-loop delay
 * over an interval in which it has nothing to do. On a busy machine it is
 * not zero, as the thread waits for a core too.
 */
export async function idleLoopDelay(
  backend: BenchBackend,
  ms: number,
): Promise<LoopDelay> {
  await backend.request('POST', '/api/bench/v1/loop/start');
  await sleep(ms);
  const { body } = await backend.request<LoopDelay>(
    'POST',
    '/api/bench/v1/loop/stop',
  );
  return body;
}

async function postUntilAccepted(
  backend: BenchBackend,
  urlPath: string,
  what: string,
) {
  const started = Date.now();
  for (;;) {
    const { status } = await backend.request('POST', urlPath, {
      okStatuses: [409],
    });
    if (status !== 409) return;
    if (Date.now() - started > 120_000) {
      throw new Error(`${what} stayed busy for two minutes`);
    }
    // The previous run is still being released by the scheduler.
    await sleep(100);
  }
}

/**
 * Triggers a Team Insights refresh through its REST API and waits for it.
 * The duration is the one the plugin measures and logs itself (start of the
 * catalog read to the stored report), which leaves out the scheduler's
 * polling delay before the task starts.
 */
export async function refreshOnce(
  backend: BenchBackend,
): Promise<RefreshMeasurement> {
  const since = await backend.lastEventSeq();
  const started = Date.now();
  await postUntilAccepted(
    backend,
    '/api/team-insights/v1/refresh',
    'Team Insights refresh',
  );
  const events = await backend.waitForEvents(
    since,
    es => es.some(isRefreshEnd),
    15 * 60_000,
    'a Team Insights refresh',
  );
  const event = events.find(isRefreshEnd)!;
  const match = REFRESH_DONE.exec(event.message);
  if (!match) {
    throw new Error(`Team Insights refresh failed: ${event.message}`);
  }
  return {
    ms: Number(match[2]),
    entities: Number(match[1]),
    wallMs: Date.now() - started,
  };
}

/** The floor: streaming the same entities with the same fields, in process. */
export async function streamOnce(
  backend: BenchBackend,
): Promise<{ ms: number; count: number }> {
  const { body } = await backend.request<{ ms: number; count: number }>(
    'POST',
    '/api/bench/v1/stream',
  );
  return body;
}

/** One Tech Insights run over the whole catalog. */
export interface TechInsightsMeasurement {
  /** Both fact retrievals, from the first start to the last fact stored. */
  factsMs: number;
  /** POST /checks/run for all entities, as the client sees it. */
  checksMs: number;
  totalMs: number;
  facts: Record<string, number>;
  entitiesChecked: number;
  checkResults: number;
  errors: number;
}

const RETRIEVERS = ['entityMetadataFactRetriever', 'techdocsFactRetriever'];

/**
 * Runs Tech Insights end to end: triggers its entity-metadata and TechDocs
 * fact retrievers (as their schedule would, together), waits until both
 * stored their facts, then runs the four checks for every entity.
 */
export async function techInsightsOnce(
  backend: BenchBackend,
): Promise<TechInsightsMeasurement> {
  const since = await backend.lastEventSeq();
  await Promise.all(
    RETRIEVERS.map(id =>
      postUntilAccepted(
        backend,
        `/api/tech-insights/.backstage/scheduler/v1/tasks/${id}/trigger`,
        `fact retriever ${id}`,
      ),
    ),
  );
  const stored = (event: BackendEvent, id: string) =>
    event.plugin === 'tech-insights' &&
    event.message.startsWith('Stored ') &&
    event.message.includes(`fact retriever ${id} `);
  const events = await backend.waitForEvents(
    since,
    es => RETRIEVERS.every(id => es.some(e => stored(e, id))),
    15 * 60_000,
    'Tech Insights fact retrieval',
  );
  const failures = events.filter(e => /^Failed to/.test(e.message));
  if (failures.length > 0) {
    throw new Error(`Tech Insights: ${failures[0].message}`);
  }
  // Each retriever's interval, start to stored; their union is the time
  // facts took (overlapping intervals count once).
  const intervals = RETRIEVERS.map(id => {
    const start = events.find(
      e =>
        e.plugin === 'tech-insights' &&
        e.message === `Retrieving facts for fact retriever ${id}`,
    );
    const end = events.find(e => stored(e, id))!;
    return [start?.at ?? end.at, end.at] as const;
  }).sort((a, b) => a[0] - b[0]);
  let factsMs = 0;
  let coveredUntil = -Infinity;
  for (const [start, end] of intervals) {
    const from = Math.max(start, coveredUntil);
    if (end > from) factsMs += end - from;
    coveredUntil = Math.max(coveredUntil, end);
  }
  const facts: Record<string, number> = {};
  for (const id of RETRIEVERS) {
    const event = events.find(e => stored(e, id))!;
    facts[id] = Number(/^Stored (\d+) facts/.exec(event.message)?.[1] ?? 0);
  }

  const started = performance.now();
  const { body } = await backend.request<
    Array<{ entity: string; results?: unknown[]; error?: unknown }>
  >('POST', '/api/tech-insights/checks/run', {
    body: { checks: [...TECH_INSIGHTS_CHECKS], entities: [] },
  });
  const checksMs = performance.now() - started;
  let checkResults = 0;
  let errors = 0;
  for (const item of body) {
    checkResults += item.results?.length ?? 0;
    if (item.error) errors++;
  }
  return {
    factsMs,
    checksMs,
    totalMs: factsMs + checksMs,
    facts,
    entitiesChecked: body.length,
    checkResults,
    errors,
  };
}

/** Process memory of the backend after two forced collections. */
export async function memoryAfterGc(backend: BenchBackend): Promise<{
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  rssFromProc?: number;
}> {
  const { body } = await backend.request<{
    memory: NodeJS.MemoryUsage;
  }>('POST', '/api/bench/v1/gc');
  await sleep(200);
  return {
    rss: body.memory.rss,
    heapTotal: body.memory.heapTotal,
    heapUsed: body.memory.heapUsed,
    external: body.memory.external,
    arrayBuffers: body.memory.arrayBuffers,
    rssFromProc: backend.rssFromProc(),
  };
}
