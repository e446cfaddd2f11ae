import { measureInChild } from './measureInChild';
import type { Summary } from './stats';

/** What engineWorker.ts prints for one organisation size. */
export interface EngineResult {
  size: number;
  seed: number;
  runs: number;
  generateMs: number;
  serialisedBytes: number;
  fullSerialisedBytes: number;
  reportBytes: number;
  /** Serialising, hashing and compressing the report as a snapshot. */
  snapshotMs: number;
  snapshotCompressedBytes: number;
  counts: Record<string, number>;
  /**
   * One evaluation the backend's way, in its evaluation worker, with this
   * thread's event-loop delay meanwhile.
   */
  worker: {
    totalMs: number;
    evaluateMs: number;
    serialiseMs: number;
    loopP99Ms: number;
    loopMaxMs: number;
    /** The same thread idle for 2 s just before: the machine's floor. */
    idleLoopP99Ms: number;
    idleLoopMaxMs: number;
  };
  parseMs: Summary;
  evaluateMs: Summary;
  heap: {
    entitiesBytes: number;
    baselineBytes: number;
    peakBytes: number;
    peakAboveBaselineBytes: number;
    gcCount: number;
  };
}

/**
 * Measures the engine on an organisation of `size` entities in a fresh
 * process (see engineWorker.ts). With `cpuProfileDir`, V8 writes a CPU
 * profile of the whole worker there.
 */
export async function runEngineWorker(options: {
  packageDir: string;
  size: number;
  runs: number;
  cpuProfileDir?: string;
}): Promise<EngineResult> {
  return measureInChild<EngineResult>({
    packageDir: options.packageDir,
    script: 'engineWorker.ts',
    args: ['--size', String(options.size), '--runs', String(options.runs)],
    nodeOptions: ['--expose-gc'],
    cpuProfileDir: options.cpuProfileDir,
    what: `engine worker for ${options.size} entities`,
  });
}
