import { spawn } from 'node:child_process';
import path from 'node:path';
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
  const args = [
    '--expose-gc',
    '--max-old-space-size=4096',
    ...(options.cpuProfileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`]
      : []),
    '--require',
    require.resolve('@backstage/cli/config/nodeTransform.cjs'),
    path.join(options.packageDir, 'src/bench/engineWorker.ts'),
    '--size',
    String(options.size),
    '--runs',
    String(options.runs),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.packageDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => {
      stdout += chunk;
    });
    child.stderr.on('data', chunk => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('exit', code => {
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(
          new Error(
            `engine worker for ${
              options.size
            } entities failed (exit ${code}): ${stderr
              .trim()
              .split('\n')
              .slice(-5)
              .join(' | ')}`,
          ),
        );
        return;
      }
      resolve(JSON.parse(line));
    });
  });
}
