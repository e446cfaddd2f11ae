import type { TeamInsightsConfig } from '../../config';
import type { CheckResult, CheckStatus } from '../../types';
import { listNames, percent, plural } from '../../util';
import { grade } from '../helpers';

/**
 * A team's documentation check: the pass rate of one check across the
 * entities it owns, and the entities that fail it.
 */
export function teamDocumentationCheck(
  template: { id: string; title: string; weight: number },
  owned: readonly string[],
  /** The check of the entity `owned[index]`. */
  checkOf: (ref: string, index: number) => CheckResult | undefined,
  config: TeamInsightsConfig,
): CheckResult {
  let applicable = 0;
  let passing = 0;
  const failing: string[] = [];
  // the remediation of the first failing entity, as an example
  let remediation: string | undefined;
  for (let index = 0; index < owned.length; index++) {
    const ref = owned[index];
    const check = checkOf(ref, index);
    if (!check || check.status === 'not-applicable') continue;
    applicable += 1;
    if (check.status === 'pass' || check.waived) {
      passing += 1;
    } else {
      if (!failing.length && check.remediation) {
        remediation = `The fix for ${ref}:\n\n${check.remediation}`;
      }
      failing.push(ref);
    }
  }
  if (applicable === 0) {
    return {
      id: template.id,
      title: template.title,
      status: 'not-applicable',
      weight: template.weight,
      message: 'Applies to none of the entities the team owns.',
    };
  }
  const rate = passing / applicable;
  const t = config.thresholds.documentationPassRate;
  const status: CheckStatus = grade(rate, t.pass, t.warn);
  const result: CheckResult = {
    id: template.id,
    title: template.title,
    status,
    weight: template.weight,
    message: `${passing} of ${plural(
      applicable,
      'owned entity passes',
      'owned entities pass',
    )} (${percent(rate)})${
      failing.length ? `; failing: ${listNames(failing, 10)}` : ''
    }.`,
  };
  if (status !== 'pass') {
    result.remediation = `Fix it on each failing entity; their documentation scorecards say what is missing.${
      remediation ? `\n\n${remediation}` : ''
    }`;
  }
  if (failing.length) result.entities = failing;
  return result;
}
