import type { TeamInsightsConfig } from '../../config';
import type { CheckResult } from '../../types';
import { builtIn } from '../helpers';

/**
 * A check that passes when something is present and fails, with
 * `remediation`, when it is not. The remediation is only written for a
 * failing check.
 */
export function presence(
  config: TeamInsightsConfig,
  id: string,
  present: boolean,
  found: string,
  missing: string,
  remediation: () => string,
): CheckResult {
  return present
    ? builtIn(config, id, 'pass', found)
    : builtIn(config, id, 'fail', missing, remediation());
}
