import type { Finding } from '../types';
import { compareStrings } from '../util';

/** Sorts findings by entity ref, annotation, severity and message. @public */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      compareStrings(a.entityRef, b.entityRef) ||
      compareStrings(a.annotation ?? '', b.annotation ?? '') ||
      compareStrings(rankOf(a), rankOf(b)) ||
      compareStrings(a.message, b.message),
  );
}

/** Errors before warnings. */
function rankOf(finding: Finding): string {
  return finding.severity === 'error' ? '0' : '1';
}
