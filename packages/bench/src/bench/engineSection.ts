import path from 'node:path';
import { EngineResult, runEngineWorker } from './engine';
import { log, mib, ms, range } from './log';
import { OUT_DIR, PACKAGE_DIR, Settings } from './settings';
import { round } from './stats';

/** The engine phase: evaluates organisations of each size in a worker. */
export async function engineSection(
  settings: Settings,
): Promise<EngineResult[]> {
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
