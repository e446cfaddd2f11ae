import { checkCredit } from './scoring';
import type {
  CheckResult,
  Level,
  ScorecardId,
  ScorecardResult,
  TeamReport,
} from './types';
import { SCORECARD_IDS } from './types';

/**
 * Checks about annotations that do not parse: worth fixing, but they say
 * little about how the team works, so they come after every other check
 * when ranking what needs attention.
 */
const ANNOTATION_CHECKS = new Set(['composition.annotations-valid']);

/**
 * Lowest score of each level, as `teamInsights.levels` configures them.
 * @public
 */
export interface LevelThresholds {
  gold: number;
  silver: number;
  bronze: number;
}

/**
 * What fixing one check is worth: the points its scorecard gains when the
 * check passes, and the level the scorecard then reaches.
 * @public
 */
export interface CheckGain {
  scorecard: ScorecardId;
  check: CheckResult;
  /** Points of the scorecard's score the check costs now (weight × missing credit, scaled to 100). */
  points: number;
  /** The scorecard's score once the check passes. */
  scoreAfter: number;
  /** The scorecard's level once the check passes (only with thresholds). */
  levelAfter?: Level;
  /** True for a check about annotations that do not parse. */
  annotation: boolean;
}

/** Σ weight and Σ weight·credit over the applicable checks of a scorecard. */
function weights(scorecard: ScorecardResult): {
  total: number;
  earned: number;
} {
  let total = 0;
  let earned = 0;
  for (const check of scorecard.checks) {
    const credit = checkCredit(check);
    if (credit === undefined) continue;
    total += check.weight;
    earned += check.weight * credit;
  }
  return { total, earned };
}

function levelFor(score: number, levels: LevelThresholds): Level {
  if (score >= levels.gold) return 'gold';
  if (score >= levels.silver) return 'silver';
  if (score >= levels.bronze) return 'bronze';
  return 'none';
}

/**
 * Every failing or warning check of a team that is not waived, with what
 * fixing it gains, best gain first; annotation findings come last whatever
 * their cost. Ties keep scorecard order, then check order.
 * @public
 */
export function rankCheckGains(
  team: Pick<TeamReport, 'scorecards'>,
  levels?: LevelThresholds,
): CheckGain[] {
  const gains: Array<CheckGain & { order: number }> = [];
  let order = 0;
  for (const id of SCORECARD_IDS) {
    const scorecard = team.scorecards[id];
    if (!scorecard) continue;
    const { total, earned } = weights(scorecard);
    if (total <= 0) continue;
    const scoreNow = Math.round((100 * earned) / total);
    for (const check of scorecard.checks) {
      order += 1;
      const credit = checkCredit(check);
      if (credit === undefined || credit >= 1) continue;
      const missing = check.weight * (1 - credit);
      if (missing <= 0) continue;
      const scoreAfter = Math.round((100 * (earned + missing)) / total);
      const gain: CheckGain & { order: number } = {
        scorecard: id,
        check,
        points: scoreAfter - scoreNow,
        scoreAfter,
        annotation: ANNOTATION_CHECKS.has(check.id),
        order,
      };
      if (levels) gain.levelAfter = levelFor(scoreAfter, levels);
      gains.push(gain);
    }
  }
  gains.sort(
    (a, b) =>
      Number(a.annotation) - Number(b.annotation) ||
      b.points - a.points ||
      a.order - b.order,
  );
  return gains.map(({ order: _order, ...gain }) => gain);
}

/**
 * The check that costs the team the most points, annotation findings last;
 * undefined when nothing fails or warns.
 * @public
 */
export function worstCheckOf(
  team: Pick<TeamReport, 'scorecards'>,
): CheckGain | undefined {
  return rankCheckGains(team)[0];
}

/**
 * How much a team needs attention, as a number to sort ascending: teams with
 * any scorecard at bronze or below come first, then the lowest score decides.
 * Null when the team has no score at all.
 * @public
 */
export function needKey(team: Pick<TeamReport, 'scorecards'>): number | null {
  let lowest: number | null = null;
  let low = false;
  for (const id of SCORECARD_IDS) {
    const scorecard = team.scorecards[id];
    if (!scorecard || scorecard.score === null) continue;
    if (scorecard.level === 'bronze' || scorecard.level === 'none') low = true;
    lowest =
      lowest === null ? scorecard.score : Math.min(lowest, scorecard.score);
  }
  if (lowest === null) return null;
  return (low ? 0 : 1000) + lowest;
}
