import type { TeamInsightsConfig } from './config';
import type {
  CheckResult,
  Level,
  RollupScorecard,
  ScorecardResult,
} from './types';

const CREDIT = { pass: 1, warn: 0.5, fail: 0 } as const;

/**
 * The credit of a check for the score: pass 1, warn 0.5, fail 0; a waived
 * check counts as pass. Not-applicable checks have no credit (undefined).
 * @public
 */
export function checkCredit(check: CheckResult): number | undefined {
  if (check.status === 'not-applicable') return undefined;
  if (check.waived) return 1;
  return CREDIT[check.status];
}

/**
 * `round(100 * Σ weight·credit / Σ weight)` over applicable checks; null when
 * no check applies (or all applicable weights are 0).
 * @public
 */
export function scoreChecks(checks: readonly CheckResult[]): number | null {
  let weights = 0;
  let credits = 0;
  for (const check of checks) {
    const credit = checkCredit(check);
    if (credit === undefined) continue;
    weights += check.weight;
    credits += check.weight * credit;
  }
  if (weights <= 0) return null;
  return Math.round((100 * credits) / weights);
}

/**
 * The level of a score: gold ≥ 90, silver ≥ 75, bronze ≥ 50 (config), else
 * none; null for a null score.
 * @public
 */
export function levelOf(
  score: number | null,
  config: TeamInsightsConfig,
): Level | null {
  if (score === null) return null;
  if (score >= config.levels.gold) return 'gold';
  if (score >= config.levels.silver) return 'silver';
  if (score >= config.levels.bronze) return 'bronze';
  return 'none';
}

const CHECK_KEYS: Array<keyof CheckResult> = [
  'id',
  'title',
  'status',
  'weight',
  'message',
  'remediation',
  'waived',
  'entities',
];

/**
 * A copy of a check with its keys in the documented order (stable JSON).
 * The engine creates checks in this order already; only adding a waiver
 * afterwards needs it.
 */
export function orderCheck(check: CheckResult): CheckResult {
  const result = {} as Record<string, unknown>;
  for (const key of CHECK_KEYS) {
    if (check[key] !== undefined) result[key] = check[key];
  }
  return result as unknown as CheckResult;
}

/** A scorecard from its checks (each with its keys in the documented order). */
export function toScorecard(
  checks: CheckResult[],
  config: TeamInsightsConfig,
): ScorecardResult {
  const score = scoreChecks(checks);
  return { score, level: levelOf(score, config), checks };
}

/** Mean of scores, rounded; null when there is none. */
export function meanScore(scores: Array<number | null>): number | null {
  let sum = 0;
  let n = 0;
  for (const s of scores) {
    if (s === null) continue;
    sum += s;
    n += 1;
  }
  return n === 0 ? null : Math.round(sum / n);
}

/** A roll-up of several scorecards (SPEC §4.4). */
export function rollUp(
  scorecards: ScorecardResult[],
  config: TeamInsightsConfig,
): RollupScorecard {
  const byLevel: Record<Level, number> = {
    gold: 0,
    silver: 0,
    bronze: 0,
    none: 0,
  };
  for (const s of scorecards) {
    if (s.level) byLevel[s.level] += 1;
  }
  const score = meanScore(scorecards.map(s => s.score));
  return { score, level: levelOf(score, config), byLevel };
}
