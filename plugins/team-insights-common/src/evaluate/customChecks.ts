import { InputError } from '@backstage/errors';
import { BUILT_IN_CHECK_IDS } from '../catalogue';
import { TeamInsightsConfig, weightOf } from '../config';
import type {
  CheckOutcome,
  TeamInsightsCheck,
  TeamInsightsCheckContext,
} from '../customChecks';
import { newFinding } from '../findingCodes';
import { CheckResult, CheckStatus, Finding, SCORECARD_IDS } from '../types';
import { compareStrings, isPrototypeKey, sortedUnique } from '../util';

const STATUSES: readonly CheckStatus[] = [
  'pass',
  'warn',
  'fail',
  'not-applicable',
];

const CHECK_ID =
  /^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_][a-z0-9]+)*)+$/;

/**
 * Problems with custom checks: ids that are not `scorecard.name` slugs, that
 * repeat a built-in or another custom check, unknown scorecards, weights that
 * are not finite numbers ≥ 0, or a missing evaluate function. Empty when all
 * are valid.
 * @public
 */
export function validateCustomChecks(
  checks: readonly TeamInsightsCheck[],
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>(BUILT_IN_CHECK_IDS);
  for (const check of checks) {
    const id = typeof check?.id === 'string' ? check.id : '';
    if (!CHECK_ID.test(id) || id.length > 100 || isPrototypeKey(id)) {
      problems.push(
        `custom check id '${id.slice(
          0,
          100,
        )}' must be lower-case words separated by a dot, e.g. 'composition.on-call-rotation'`,
      );
      continue;
    }
    if (seen.has(id)) {
      problems.push(`custom check id '${id}' is already taken`);
      continue;
    }
    seen.add(id);
    if (!SCORECARD_IDS.includes(check.scorecard)) {
      problems.push(
        `custom check '${id}' has unknown scorecard '${String(
          check.scorecard,
        )}'; use ${SCORECARD_IDS.join(', ')}`,
      );
    }
    if (
      typeof check.weight !== 'number' ||
      !Number.isFinite(check.weight) ||
      check.weight < 0
    ) {
      problems.push(`custom check '${id}' needs a weight ≥ 0`);
    }
    if (typeof check.evaluate !== 'function') {
      problems.push(`custom check '${id}' has no evaluate function`);
    }
    if (typeof check.title !== 'string' || !check.title.trim()) {
      problems.push(`custom check '${id}' needs a title`);
    }
  }
  return problems;
}

/**
 * Like {@link validateCustomChecks}, but throws an InputError listing the
 * problems. For the extension point, at startup.
 * @public
 */
export function assertValidCustomChecks(
  checks: readonly TeamInsightsCheck[],
): void {
  const problems = validateCustomChecks(checks);
  if (problems.length) {
    throw new InputError(
      `Invalid Team Insights checks: ${problems.join('; ')}`,
    );
  }
}

export function usableCustomChecks(
  checks: readonly TeamInsightsCheck[] | undefined,
): TeamInsightsCheck[] {
  const usable: TeamInsightsCheck[] = [];
  const seen = new Set<string>();
  for (const check of checks ?? []) {
    if (validateCustomChecks([check]).length) continue;
    if (seen.has(check.id)) continue;
    seen.add(check.id);
    usable.push(check);
  }
  return usable.sort((a, b) => compareStrings(a.id, b.id));
}

export function runCustomCheck(
  check: TeamInsightsCheck,
  context: TeamInsightsCheckContext,
  subjectRef: string,
  config: TeamInsightsConfig,
  findings: Finding[],
): CheckResult {
  const weight = weightOf(config, check.id, check.weight);
  const notApplicable = (message: string): CheckResult => ({
    id: check.id,
    title: check.title,
    status: 'not-applicable',
    weight,
    message,
  });
  let outcome: CheckOutcome;
  try {
    outcome = check.evaluate(context);
  } catch (error) {
    const reason =
      error instanceof Error ? `${error.name}: ${error.message}` : 'an error';
    findings.push(
      newFinding({
        code: 'check.failed',
        entityRef: subjectRef,
        message: `check '${check.id}' could not be evaluated (${reason.slice(
          0,
          300,
        )}); it is reported as not applicable`,
        params: { checkId: check.id, reason: reason.slice(0, 300) },
      }),
    );
    return notApplicable('The check could not be evaluated.');
  }
  if (
    !outcome ||
    !STATUSES.includes(outcome.status) ||
    typeof outcome.message !== 'string'
  ) {
    findings.push(
      newFinding({
        code: 'check.invalid-result',
        entityRef: subjectRef,
        message: `check '${check.id}' returned no valid status and message; it is reported as not applicable`,
        params: { checkId: check.id },
      }),
    );
    return notApplicable('The check returned no valid result.');
  }
  const result: CheckResult = {
    id: check.id,
    title: check.title,
    status: outcome.status,
    weight,
    message: outcome.message.slice(0, 4000),
  };
  if (typeof outcome.remediation === 'string' && outcome.remediation) {
    result.remediation = outcome.remediation.slice(0, 8000);
  }
  if (Array.isArray(outcome.entities) && outcome.entities.length) {
    result.entities = sortedUnique(
      outcome.entities.filter(e => typeof e === 'string'),
    );
  }
  return result;
}
