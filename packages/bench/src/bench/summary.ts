import { BackendResults } from './backendSection';
import { CliResult } from './cli';
import { EngineResult } from './engine';
import { summarise } from './stats';

/** The headline figures of a run; NaN where a phase did not run or failed. */
export interface BenchSummary {
  engine_100k_ms: number;
  engine_100k_estimated: boolean;
  engine_vs_parse: number;
  engine_vs_parse_size?: number;
  refresh_vs_floor: number;
  tech_insights_speedup: number;
  api_p95_ms: number;
  api_errors: number;
  rss_growth_pct: number;
  /** Worst p99 over the measured refreshes. */
  loop_p99_ms: number;
  /** Worst max over the measured refreshes. */
  loop_max_ms: number;
  report_vs_catalog_bytes: number;
  report_vs_catalog_size?: number;
  cli_vs_parse: number;
}

/** The headline figures from what each phase measured. */
export function summariseRun(
  engine: EngineResult[],
  backend: BackendResults | undefined,
  cliResult: CliResult | undefined,
): BenchSummary {
  const bySize = new Map(engine.map(r => [r.size, r]));
  // The ratios are taken at 100k (10k in a quick run); 300k only shows
  // that a report that large is stored.
  const largest = [...engine].reverse().find(r => r.size <= 100_000);
  const engine100k =
    bySize.get(100_000)?.evaluateMs.median ??
    (bySize.get(10_000) ? bySize.get(10_000)!.evaluateMs.median * 10 : NaN);
  const engineVsParse = largest
    ? largest.evaluateMs.median / largest.parseMs.median
    : NaN;
  const refreshMedian = backend
    ? summarise(backend.refresh.map(r => r.ms)).median
    : NaN;
  const refreshVsFloor = backend
    ? refreshMedian / summarise(backend.stream.map(s => s.ms)).median
    : NaN;
  const techInsightsSpeedup = backend
    ? summarise(backend.techInsights.map(t => t.totalMs)).median / refreshMedian
    : NaN;
  const apiRuns = backend?.load.filter(l => l.name.includes('/v1/')) ?? [];
  const apiP95 = apiRuns.length ? Math.max(...apiRuns.map(l => l.p95)) : NaN;
  const apiErrors = apiRuns.length
    ? apiRuns.reduce((sum, l) => sum + l.errors, 0)
    : NaN;
  const [first, last] = backend?.memory.checkpoints ?? [];
  const rssGrowth =
    first && last ? ((last.rss - first.rss) / first.rss) * 100 : NaN;
  const loops = (backend?.refresh ?? []).flatMap(r => (r.loop ? [r.loop] : []));
  const loopP99 = loops.length ? Math.max(...loops.map(l => l.p99Ms)) : NaN;
  const loopMax = loops.length ? Math.max(...loops.map(l => l.maxMs)) : NaN;
  const reportVsCatalog = largest
    ? largest.reportBytes / largest.serialisedBytes
    : NaN;
  const cliVsParse = cliResult
    ? cliResult.scoreMs.median / cliResult.parseMs.median
    : NaN;
  return {
    engine_100k_ms: engine100k,
    engine_100k_estimated: !bySize.has(100_000),
    engine_vs_parse: engineVsParse,
    engine_vs_parse_size: largest?.size,
    refresh_vs_floor: refreshVsFloor,
    tech_insights_speedup: techInsightsSpeedup,
    api_p95_ms: apiP95,
    api_errors: apiErrors,
    rss_growth_pct: rssGrowth,
    loop_p99_ms: loopP99,
    loop_max_ms: loopMax,
    report_vs_catalog_bytes: reportVsCatalog,
    report_vs_catalog_size: largest?.size,
    cli_vs_parse: cliVsParse,
  };
}

function format(value: number | undefined, decimals: number): string {
  if (value === undefined || !Number.isFinite(value)) return 'na';
  return decimals === 0 ? String(Math.round(value)) : value.toFixed(decimals);
}

/** The `bench-summary …` line a run ends with; `na` for a missing figure. */
export function summaryLine(summary: BenchSummary): string {
  return `bench-summary engine_100k_ms=${format(
    summary.engine_100k_ms,
    0,
  )} engine_vs_parse=${format(
    summary.engine_vs_parse,
    2,
  )} refresh_vs_floor=${format(
    summary.refresh_vs_floor,
    2,
  )} tech_insights_speedup=${format(
    summary.tech_insights_speedup,
    1,
  )} api_p95_ms=${format(summary.api_p95_ms, 0)} api_errors=${format(
    summary.api_errors,
    0,
  )} rss_growth_pct=${format(summary.rss_growth_pct, 1)} loop_p99_ms=${format(
    summary.loop_p99_ms,
    0,
  )} loop_max_ms=${format(
    summary.loop_max_ms,
    0,
  )} report_vs_catalog_bytes=${format(
    summary.report_vs_catalog_bytes,
    2,
  )} cli_vs_parse=${format(summary.cli_vs_parse, 2)}\n`;
}
