import type {
  CheckResult,
  Level,
  ScorecardId,
  ScorecardResult,
} from '@team-insights/plugin-team-insights-common';

/** The scorecards in the order they are shown. */
export const SCORECARDS: readonly ScorecardId[] = [
  'composition',
  'adoption',
  'documentation',
];

/** A check with the scorecard it belongs to. */
export interface ScorecardCheck {
  scorecard: ScorecardId;
  check: CheckResult;
}

/** Failing and warning checks that count (waived ones count as passed). */
export function problemChecks(
  scorecards: Partial<Record<ScorecardId, ScorecardResult>>,
): ScorecardCheck[] {
  const out: ScorecardCheck[] = [];
  for (const scorecard of SCORECARDS) {
    for (const check of scorecards[scorecard]?.checks ?? []) {
      if (
        !check.waived &&
        (check.status === 'fail' || check.status === 'warn')
      ) {
        out.push({ scorecard, check });
      }
    }
  }
  return out;
}

/**
 * The failing (else warning) check with the highest weight; on a tie the
 * first in scorecard and check order.
 */
export function worstCheck(
  scorecards: Partial<Record<ScorecardId, ScorecardResult>>,
): ScorecardCheck | undefined {
  let worst: ScorecardCheck | undefined;
  const rank = (c: CheckResult) => (c.status === 'fail' ? 1 : 0);
  for (const candidate of problemChecks(scorecards)) {
    if (
      !worst ||
      rank(candidate.check) > rank(worst.check) ||
      (rank(candidate.check) === rank(worst.check) &&
        candidate.check.weight > worst.check.weight)
    ) {
      worst = candidate;
    }
  }
  return worst;
}

/** `gold 92`, or `–` when nothing applies. */
export function levelText(
  card: { score: number | null; level: Level | null } | undefined,
): string {
  if (!card || card.level === null || card.score === null) {
    return '–';
  }
  return `${card.level} ${card.score}`;
}
