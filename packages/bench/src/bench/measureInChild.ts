import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Runs one of the bench's measurement scripts (`src/bench/<script>`) in a
 * fresh Node process, from source, and resolves with the JSON object its
 * last line of output holds. A process that fails, or whose last line is
 * not JSON, rejects with `what` and the last lines of its stderr.
 */
export function measureInChild<T>(options: {
  packageDir: string;
  script: string;
  args: string[];
  nodeOptions?: string[];
  cpuProfileDir?: string;
  what: string;
}): Promise<T> {
  const args = [
    ...(options.nodeOptions ?? []),
    '--max-old-space-size=4096',
    ...(options.cpuProfileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`]
      : []),
    '--require',
    require.resolve('@backstage/cli/config/nodeTransform.cjs'),
    path.join(options.packageDir, 'src/bench', options.script),
    ...options.args,
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
        const tail = stderr.trim().split('\n').slice(-5).join(' | ');
        reject(new Error(`${options.what} failed (exit ${code}): ${tail}`));
        return;
      }
      resolve(JSON.parse(line));
    });
  });
}
