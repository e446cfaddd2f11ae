import type { ParsedWaiver } from '../parsers';
import { orderCheck } from '../scoring';
import { CheckResult } from '../types';

/** Marks the checks an active waiver covers as waived (they count as a pass). */
export function applyWaivers(checks: CheckResult[], waivers: ParsedWaiver[]) {
  if (waivers.length === 0) return;
  for (let i = 0; i < checks.length; i++) {
    const check = checks[i];
    if (check.status === 'not-applicable') continue;
    const waiver = waivers.find(w => w.active && w.checkId === check.id);
    if (waiver) {
      checks[i] = orderCheck({
        ...check,
        waived: { until: waiver.until, reason: waiver.reason },
      });
    }
  }
}
