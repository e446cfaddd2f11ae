import type { ReportMeta } from '@team-insights/plugin-team-insights-common';
import type { createReportFilter } from '../filterReport';
import type { ServedReport } from '../ReportService';
import type { CallerVisibility } from '../visibility';

/** What of the report one caller may see: the filter every view goes through. */
export type CallerFilter = ReturnType<typeof createReportFilter>;

/**
 * The report as one caller may see it, after the read permission: what each
 * query of this folder starts from.
 */
export interface CallerContext extends ServedReport {
  view: CallerVisibility;
  filter: CallerFilter;
  meta: ReportMeta;
}
