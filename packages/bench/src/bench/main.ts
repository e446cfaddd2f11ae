/*
 * `yarn bench [--quick] [--only engine|backend|cli] [--cpu-prof] [--postgres]`
 *
 * Measures Team Insights side by side on this machine (see
 * docs/benchmarks.md) and prints, as its last line:
 *
 *   bench-summary engine_100k_ms=… engine_vs_parse=… refresh_vs_floor=…
 *     tech_insights_speedup=… api_p95_ms=… api_errors=… rss_growth_pct=…
 *     loop_p99_ms=… loop_max_ms=… report_vs_catalog_bytes=… cli_vs_parse=…
 *
 * Results of every run are written to packages/bench/.out/.
 */
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { BackendResults, backendSection } from './backendSection';
import { CliResult } from './cli';
import { cliSection } from './cliSection';
import { EngineResult } from './engine';
import { engineSection } from './engineSection';
import { log, mib } from './log';
import { machine, writeResults } from './report';
import { OUT_DIR, Phase, readSettings } from './settings';
import { summariseRun, summaryLine } from './summary';

async function main() {
  const settings = readSettings(process.argv.slice(2));
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const info = machine();
  log(
    `bench${settings.quick ? ' --quick' : ''}: ${info.nproc} cores, ${mib(
      info.memoryBytes,
    )}, node ${info.node}, load average ${info.loadAverageAtStart
      .map(l => l.toFixed(2))
      .join(' ')}`,
  );

  let engine: EngineResult[] = [];
  let backend: BackendResults | undefined;
  let cliResult: CliResult | undefined;
  let failure: Error | undefined;
  // Each phase runs even when an earlier one failed; its figures read `na`.
  const phase = async (name: Phase, run: () => Promise<void>) => {
    if (!settings.phases.has(name)) return;
    try {
      await run();
    } catch (error) {
      failure = failure ?? (error as Error);
      log(`FAILED (${name}): ${(error as Error).message}`);
    }
  };
  await phase('engine', async () => {
    engine = await engineSection(settings);
  });
  await phase('backend', async () => {
    backend = await backendSection(settings);
  });
  await phase('cli', async () => {
    cliResult = await cliSection(settings);
  });

  const summary = summariseRun(engine, backend, cliResult);
  writeResults({
    settings,
    machine: info,
    engine,
    backend,
    cli: cliResult,
    summary,
    failure,
  });
  await sleep(10);
  process.stdout.write(summaryLine(summary));
  if (failure !== undefined) process.exitCode = 1;
}

main().catch(error => {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
