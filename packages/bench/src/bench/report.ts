import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BackendResults } from './backendSection';
import { CliResult } from './cli';
import { EngineResult } from './engine';
import { log, startedAt } from './log';
import { OUT_DIR, Settings } from './settings';
import { BenchSummary } from './summary';

/** The machine a run measures on, with its load average at the start. */
export function machine() {
  return {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model,
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg(),
  };
}

/** Everything a run measured, as written to its JSON file. */
export interface RunResults {
  settings: Settings;
  machine: ReturnType<typeof machine>;
  engine: EngineResult[];
  backend?: BackendResults;
  cli?: CliResult;
  summary: BenchSummary;
  failure?: Error;
}

/**
 * Writes the results of the run to `.out/bench-[quick-]<start>.json` and
 * `.out/bench-latest.json`, and logs where.
 */
export function writeResults(run: RunResults): void {
  const { settings } = run;
  const results = {
    startedAt: new Date(startedAt).toISOString(),
    durationS: Math.round((Date.now() - startedAt) / 1000),
    settings: {
      ...settings,
      phases: [...settings.phases],
      postgres: settings.postgres ? 'yes' : 'no',
    },
    machine: { ...run.machine, loadAverageAtEnd: os.loadavg() },
    engine: run.engine,
    backend: run.backend,
    cli: run.cli,
    summary: run.summary,
    failure: run.failure?.message,
  };
  const file = path.join(
    OUT_DIR,
    `bench-${settings.quick ? 'quick-' : ''}${results.startedAt.replace(
      /[:.]/g,
      '-',
    )}.json`,
  );
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(
    path.join(OUT_DIR, 'bench-latest.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  log(
    `results in ${path.relative(process.cwd(), file)}; took ${
      results.durationS
    } s; load average now ${os
      .loadavg()
      .map(l => l.toFixed(2))
      .join(' ')}`,
  );
}
