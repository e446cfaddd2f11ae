import {
  BUILT_IN_CHECKS,
  BuiltInCheckInfo,
  CheckResult,
  ReportMeta,
} from '@team-insights/plugin-team-insights-common';
import { NotFoundError } from '@backstage/errors';
import type { CallerContext } from './context';
import { indexOf, notFound } from './reportIndex';

/** One check explained, and its result for some teams or entities. */
export type CheckExplanation = BuiltInCheckInfo & {
  /** True for a check a backend module added. */
  custom: boolean;
  /** The check's result for each entity asked about (or the caller's teams). */
  results: Array<
    Pick<CheckResult, 'status' | 'message' | 'remediation' | 'waived'> & {
      entityRef: string;
    }
  >;
};

const BUILT_IN_IDS = new Set(BUILT_IN_CHECKS.map(check => check.id));

/**
 * What a check judges, why it matters and its weight, from the engine's
 * catalogue (`checks`); with `entityRefs`, the check's result for each of
 * them that the caller may see, with its remediation. `required` refs that
 * are unknown or invisible answer NotFoundError; `optional` ones are
 * skipped. The report is read only when there are refs to answer for.
 */
export async function explainCheck(
  checks: readonly BuiltInCheckInfo[],
  checkId: string,
  entityRefs: { required?: string[]; optional?: string[] },
  readContext: () => Promise<CallerContext>,
): Promise<CheckExplanation & Partial<ReportMeta>> {
  const id = checkId.trim().toLowerCase();
  const info = checks.find(check => check.id === id);
  if (!info) {
    throw new NotFoundError(
      `There is no check '${checkId}'. The checks are: ${checks
        .map(check => check.id)
        .join(', ')}`,
    );
  }
  const explanation: CheckExplanation & Partial<ReportMeta> = {
    ...info,
    custom: !BUILT_IN_IDS.has(info.id),
    results: [],
  };
  const required = (entityRefs.required ?? []).map(r => r.toLowerCase());
  const optional = (entityRefs.optional ?? []).map(r => r.toLowerCase());
  if (required.length === 0 && optional.length === 0) {
    return explanation;
  }
  const { report, filter, meta } = await readContext();
  Object.assign(explanation, meta);
  const index = indexOf(report);
  const resultFor = (ref: string): CheckResult | undefined => {
    if (!filter.isVisible(ref)) return undefined;
    const team = index.teams.get(ref);
    if (team) {
      return filter
        .teams([team])[0]
        .scorecards[info.scorecard]?.checks.find(c => c.id === info.id);
    }
    const entity = index.entities.get(ref);
    if (entity && info.scorecard === 'documentation') {
      return filter
        .entities([entity])[0]
        .scorecards.documentation.checks.find(c => c.id === info.id);
    }
    return undefined;
  };
  const seen = new Set<string>();
  for (const [ref, mustExist] of [
    ...required.map(r => [r, true] as const),
    ...optional.map(r => [r, false] as const),
  ]) {
    if (seen.has(ref)) continue;
    seen.add(ref);
    const known =
      filter.isVisible(ref) &&
      (index.teams.has(ref) || index.entities.has(ref));
    if (!known) {
      if (mustExist) notFound(ref);
      continue;
    }
    const result = resultFor(ref);
    if (!result) continue;
    explanation.results.push({
      entityRef: ref,
      status: result.status,
      message: result.message,
      ...(result.remediation ? { remediation: result.remediation } : {}),
      ...(result.waived ? { waived: result.waived } : {}),
    });
  }
  return explanation;
}
