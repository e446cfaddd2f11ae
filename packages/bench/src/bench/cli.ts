import { measureInChild } from './measureInChild';
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
  return measureInChild<CliResult>({
    packageDir: options.packageDir,
    script: 'cliWorker.ts',
    args: [
      '--size',
      String(options.size),
      '--runs',
      String(options.runs),
      '--dir',
      options.dir,
    ],
    cpuProfileDir: options.cpuProfileDir,
    what: 'CLI measurement',
  });
}
