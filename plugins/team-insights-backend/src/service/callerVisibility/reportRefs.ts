import type { Report } from '@team-insights/plugin-team-insights-common';
import { refVisitor } from '../../schema/entityRefs';
import { ReportResponse } from '../../schema/models';

/** Finds every field the report's model marks as an entity ref. */
const visitReportRefs = refVisitor(ReportResponse);

const refsCache = new WeakMap<Report, string[]>();

/**
 * Every entity ref the report names anywhere, in lower case and sorted:
 * the set whose visibility is checked for a caller. Where refs are is read
 * off the report's model, so a new field typed as an entity ref there is
 * checked without an edit here.
 */
export function collectEntityRefs(report: Report): string[] {
  const cached = refsCache.get(report);
  if (cached) {
    return cached;
  }
  const refs = new Set<string>();
  visitReportRefs(report, ref => {
    if (ref) refs.add(ref.toLowerCase());
  });
  const sorted = [...refs].sort();
  refsCache.set(report, sorted);
  return sorted;
}
