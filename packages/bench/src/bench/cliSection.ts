import path from 'node:path';
import { CliResult, runCliWorker } from './cli';
import { log, mib, range } from './log';
import { CLI_SIZE, OUT_DIR, PACKAGE_DIR, SEED, Settings } from './settings';

/** The CLI phase: scores plain YAML files against parsing them. */
export async function cliSection(settings: Settings): Promise<CliResult> {
  log(
    `cli: scoring ${CLI_SIZE} entities of plain YAML files against parsing them (${settings.cliRuns} runs)…`,
  );
  const result = await runCliWorker({
    packageDir: PACKAGE_DIR,
    size: CLI_SIZE,
    runs: settings.cliRuns,
    dir: path.join(OUT_DIR, `cli-catalog-${CLI_SIZE}-${SEED}`),
    cpuProfileDir: settings.cpuProfile
      ? path.join(OUT_DIR, 'cpu-cli')
      : undefined,
  });
  log(
    `cli: ${result.files} files, ${mib(result.catalogBytes)}: score ${range(
      result.scoreMs,
    )}; YAML parse ${range(result.parseMs)}`,
  );
  return result;
}
