import type {
  ReportResponse,
  TeamInsightsConfig,
} from '@team-insights/plugin-team-insights-common';
import { filterReport } from '../filterReport';
import type { CallerContext } from './context';
import type { ReportBody, ResponseCache } from './ResponseCache';

/** The whole report, filtered for the caller (`GET /report`). */
export function reportOf(
  { report, stale, view }: CallerContext,
  config: TeamInsightsConfig,
): ReportResponse {
  return { ...filterReport(report, view, config), stale };
}

/**
 * {@link reportOf} serialised, for the REST API. For a caller who may see
 * everything the body is the same for everyone, so it is serialised once
 * per report and staleness (one kept at a time: that of the current
 * report); other callers get their own every time.
 */
export function reportJsonOf(
  context: CallerContext,
  config: TeamInsightsConfig,
  cache: ResponseCache,
): ReportBody {
  if (!context.view.all) {
    return { body: Buffer.from(JSON.stringify(reportOf(context, config))) };
  }
  return cache.reportBody(context.report, context.stale);
}
