/*
 * One engine measurement in a process of its own, so that its heap holds
 * nothing else: generates the organisation, gives the engine the entities
 * the backend would give it (only TEAM_INSIGHTS_ENTITY_FIELDS, freshly
 * parsed from JSON), and prints one JSON line with the timings.
 *
 *   node --expose-gc -r @backstage/cli/config/nodeTransform.cjs \
 *     src/bench/engineWorker.ts --size 10000 [--runs 5] [--seed 1]
 */
import type { Entity } from '@backstage/catalog-model';
import {
  defaultTeamInsightsConfig,
  evaluate,
  Report,
  TEAM_INSIGHTS_ENTITY_FIELDS,
} from '@team-insights/plugin-team-insights-common';
import v8 from 'node:v8';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
// The backend's evaluation worker and snapshot serialisation are internal to
// it; the bench measures exactly that code, so it reaches into its source.
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { EvaluationWorker } from '@team-insights/plugin-team-insights-backend/src/service/evaluation/evaluateInWorker';
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { serialiseReport } from '@team-insights/plugin-team-insights-backend/src/service/evaluation/reportContent';
import { generateOrganisation } from '../generator';
import { summarise } from './stats';

/** The entity with only the given dotted fields, as the catalog's `fields` filter returns it. */
export function projectFields(entity: Entity, fields: string[]): Entity {
  const result: Record<string, unknown> = {};
  for (const field of fields) {
    const path = field.split('.');
    let source: unknown = entity;
    for (const key of path) {
      source =
        source && typeof source === 'object'
          ? (source as Record<string, unknown>)[key]
          : undefined;
    }
    if (source === undefined) continue;
    let target = result;
    for (const key of path.slice(0, -1)) {
      target[key] = (target[key] as Record<string, unknown>) ?? {};
      target = target[key] as Record<string, unknown>;
    }
    target[path[path.length - 1]] = source;
  }
  return result as unknown as Entity;
}

function gc() {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) {
    throw new Error('run the engine worker with --expose-gc');
  }
  collect();
  collect();
}

async function main(argv: string[]) {
  const arg = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const size = arg('size', 10_000);
  const runs = arg('runs', 5);
  const seed = arg('seed', 1);
  const now = new Date('2026-06-01T12:00:00.000Z');

  // Timing is done inline, without helper closures or destructuring: a
  // transpiled destructuring keeps its temporary alive in the function
  // scope, which would hold a whole report and spoil the heap figures.
  let started = performance.now();
  const organisation = generateOrganisation({ size, seed });
  // Entity by entity: at a few hundred thousand entities the catalog's
  // JSON is longer than V8's longest string.
  let fullSerialisedBytes = 2 + Math.max(0, organisation.entities.length - 1);
  for (const entity of organisation.entities) {
    fullSerialisedBytes += Buffer.byteLength(JSON.stringify(entity));
  }
  let serialised = JSON.stringify(
    organisation.entities.map(e =>
      projectFields(e, TEAM_INSIGHTS_ENTITY_FIELDS),
    ),
  );
  const generateMs = performance.now() - started;
  organisation.entities.length = 0;
  gc();

  // JSON.parse of the same entities: one warm-up, then `runs` timed.
  let parsed: unknown[] = JSON.parse(serialised);
  const parseMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    parsed = [];
    gc();
    started = performance.now();
    parsed = JSON.parse(serialised);
    parseMs.push(performance.now() - started);
    if (parsed.length !== size) throw new Error('parsed the wrong entities');
  }
  parsed = [];

  const entities: Entity[] = JSON.parse(serialised);
  const serialisedBytes = Buffer.byteLength(serialised);
  // The backend holds the entities, not their JSON: drop it before the
  // heap is measured.
  serialised = '';
  gc();
  const heapBeforeEvaluate = process.memoryUsage().heapUsed;

  // The engine: one warm-up, then `runs` timed, each after a full collection.
  let report: Report | undefined = evaluate(entities, { now });
  const evaluateMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    report = undefined;
    gc();
    started = performance.now();
    report = evaluate(entities, { now });
    evaluateMs.push(performance.now() - started);
  }
  if (!report) throw new Error('no report');
  // Storing the report as the backend does: serialised, hashed and
  // compressed piece by piece.
  started = performance.now();
  const content = await serialiseReport(report);
  const snapshotMs = performance.now() - started;
  const reportBytes = content.bytes;
  const snapshotCompressedBytes = content.compressed.length;
  const counts = {
    teams: report.teams.length,
    orgUnits: report.orgUnits.length,
    entities: report.entities.length,
    products: report.products.length,
    concerns: report.concerns.length,
    findings: report.findings.length,
  };

  // Peak heap of one evaluation: the largest heap seen by any collection
  // during it (V8's GC profiler reports the heap before each one), or the
  // heap at its end, whichever is larger. Includes the input entities.
  report = undefined;
  gc();
  const heapBaseline = process.memoryUsage().heapUsed;
  const profiler = new v8.GCProfiler();
  profiler.start();
  report = evaluate(entities, { now });
  const heapAfter = process.memoryUsage().heapUsed;
  const profile = profiler.stop();
  let peakHeap = heapAfter;
  for (const event of profile?.statistics ?? []) {
    peakHeap = Math.max(
      peakHeap,
      event.beforeGC.heapStatistics.usedHeapSize,
      event.afterGC.heapStatistics.usedHeapSize,
    );
  }

  // The backend's way: pages of 500 handed to the evaluation worker as they
  // arrive (one event-loop turn each, as a catalog response would be), the
  // report back in pieces. Measures what this thread's event loop waits.
  report = undefined;
  gc();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  // The floor: the same thread's event loop with nothing to do, which on a
  // busy machine is not zero (the thread waits for a core too).
  loop.enable();
  await new Promise(resolve => setTimeout(resolve, 2_000));
  loop.disable();
  const idle = { p99Ms: loop.percentile(99) / 1e6, maxMs: loop.max / 1e6 };
  loop.reset();
  const evaluationWorker = new EvaluationWorker();
  loop.enable();
  started = performance.now();
  const inWorker = await evaluationWorker.evaluate({
    pages: (async function* pages() {
      for (let i = 0; i < entities.length; i += 500) {
        await nextTurn();
        yield entities.slice(i, i + 500);
      }
    })(),
    config: defaultTeamInsightsConfig,
    now: () => now,
    signal: new AbortController().signal,
  });
  const workerTotalMs = performance.now() - started;
  loop.disable();
  await evaluationWorker.close();
  if (inWorker.entityCount !== size) {
    throw new Error('the evaluation worker read the wrong entities');
  }
  const worker = {
    totalMs: workerTotalMs,
    evaluateMs: inWorker.evaluateMs,
    serialiseMs: inWorker.serialiseMs,
    loopP99Ms: loop.percentile(99) / 1e6,
    loopMaxMs: loop.max / 1e6,
    idleLoopP99Ms: idle.p99Ms,
    idleLoopMaxMs: idle.maxMs,
  };

  process.stdout.write(
    `${JSON.stringify({
      worker,
      size,
      seed,
      runs,
      generateMs,
      serialisedBytes,
      fullSerialisedBytes,
      reportBytes,
      snapshotMs,
      snapshotCompressedBytes,
      counts,
      parseMs: summarise(parseMs),
      evaluateMs: summarise(evaluateMs),
      heap: {
        entitiesBytes: heapBeforeEvaluate,
        baselineBytes: heapBaseline,
        peakBytes: peakHeap,
        peakAboveBaselineBytes: peakHeap - heapBaseline,
        gcCount: profile?.statistics.length ?? 0,
      },
    })}\n`,
  );
}

main(process.argv.slice(2)).catch(error => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
