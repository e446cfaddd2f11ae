import { createHash } from 'node:crypto';
import { HostResult } from './results';

/**
 * A fingerprint for each result that stays the same from run to run while
 * the problem stays: a hash of the rule, the entity, the file and what
 * tells problems of one rule apart (the quoted item of the message), never
 * of line numbers, message wording or time. Results that would still share
 * one get their rank among them appended, in the order of the report.
 */
export function fingerprints(results: readonly HostResult[]): string[] {
  const seen = new Map<string, number>();
  return results.map(result => {
    const key = JSON.stringify([
      result.ruleId,
      result.entityRef?.toLowerCase() ?? '',
      result.location?.path ?? '',
      result.discriminator ?? '',
    ]);
    const rank = seen.get(key) ?? 0;
    seen.set(key, rank + 1);
    return createHash('sha256')
      .update(rank ? `${key}#${rank}` : key)
      .digest('hex')
      .slice(0, 32);
  });
}
