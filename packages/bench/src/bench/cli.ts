import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Summary } from './stats';

/** What cliWorker.ts prints. */
export interface CliResult {
  size: number;
  files: number;
  catalogBytes: number;
  outputBytes: number;
  /** Reading and parsing the YAML files. */
  parseMs: Summary;
  /** `team-insights score <folder> --format json`, in process. */
  scoreMs: Summary;
}

/**
 * Measures the CLI on a catalog of `size` entities in plain YAML files, in
 * a fresh process (see cliWorker.ts). The files are written once into
 * `dir` and reused by later runs.
 */
export async function runCliWorker(options: {
  packageDir: string;
  size: number;
  runs: number;
  dir: string;
  cpuProfileDir?: string;
}): Promise<CliResult> {
  const args = [
    '--max-old-space-size=4096',
    ...(options.cpuProfileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`]
      : []),
    '--require',
    require.resolve('@backstage/cli/config/nodeTransform.cjs'),
    path.join(options.packageDir, 'src/bench/cliWorker.ts'),
    '--size',
    String(options.size),
    '--runs',
    String(options.runs),
    '--dir',
    options.dir,
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
            `CLI measurement failed (exit ${code}): ${stderr
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
