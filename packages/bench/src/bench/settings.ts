import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

export const PACKAGE_DIR = resolvePackagePath('@team-insights/bench');
/** Where every run writes its results, logs and cached catalogs. */
export const OUT_DIR = path.join(PACKAGE_DIR, '.out');
export const BACKEND_SIZE = 10_000;
/** Entities of the catalog the CLI scores from plain YAML files. */
export const CLI_SIZE = 20_000;
export const SEED = 1;

export type Phase = 'engine' | 'backend' | 'cli';
const PHASES: Phase[] = ['engine', 'backend', 'cli'];

/** What a run measures and how often, from its command-line flags. */
export interface Settings {
  quick: boolean;
  engineSizes: number[];
  engineRuns: number;
  refreshRuns: number;
  techInsightsRuns: number;
  loadSeconds: number;
  loadConnections: number;
  memoryCheckpoints: [number, number];
  cliRuns: number;
  phases: Set<Phase>;
  cpuProfile: boolean;
  /** Connection string when Team/Tech Insights store in PostgreSQL. */
  postgres?: string;
}

export function readSettings(argv: string[]): Settings {
  const quick = argv.includes('--quick');
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined;
  if (only !== undefined && !PHASES.includes(only as Phase)) {
    throw new Error(`--only takes engine, backend or cli, got ${only}`);
  }
  for (const [i, arg] of argv.entries()) {
    const known = ['--quick', '--only', '--cpu-prof', '--postgres'];
    if (!known.includes(arg) && argv[i - 1] !== '--only') {
      throw new Error(
        `unknown argument ${arg}; use --quick, --only engine|backend|cli, --cpu-prof, --postgres`,
      );
    }
  }
  let postgres: string | undefined;
  if (argv.includes('--postgres')) {
    postgres =
      process.env.BENCH_POSTGRES_CONNECTION_STRING ??
      process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
    if (!postgres) {
      throw new Error(
        '--postgres needs BENCH_POSTGRES_CONNECTION_STRING or BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING, e.g. postgresql://postgres@127.0.0.1:5432',
      );
    }
  }
  return {
    quick,
    // 300k: one run, to show that a report that large is stored too.
    engineSizes: quick ? [1_000, 10_000] : [1_000, 10_000, 100_000, 300_000],
    engineRuns: 5,
    refreshRuns: quick ? 3 : 5,
    techInsightsRuns: quick ? 1 : 3,
    loadSeconds: quick ? 5 : 20,
    loadConnections: 50,
    memoryCheckpoints: quick ? [5, 12] : [10, 100],
    cliRuns: quick ? 1 : 3,
    phases: new Set(only ? [only as Phase] : PHASES),
    cpuProfile: argv.includes('--cpu-prof'),
    postgres,
  };
}
