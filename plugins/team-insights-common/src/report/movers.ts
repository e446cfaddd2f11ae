import type { HistoryPoint } from '../api';
import { addDays } from '../days';
import type { ScorecardId } from '../types';

/** The periods a "who moved most" ranking is asked for, in days. @public */
export const MOVER_PERIODS = [7, 30, 90, 365] as const;

/** One of {@link MOVER_PERIODS}. @public */
export type MoverPeriod = (typeof MOVER_PERIODS)[number];

/** The stored history of one team or org unit, as ranked by {@link rankMovers}. @public */
export interface MoverSeries {
  entityRef: string;
  kind: 'team' | 'orgUnit';
  title: string;
  points: Array<Pick<HistoryPoint, 'day' | 'scorecard' | 'score'>>;
}

/** One team or org unit whose score moved over the period. @public */
export interface Mover {
  entityRef: string;
  kind: 'team' | 'orgUnit';
  title: string;
  scorecard: ScorecardId;
  /** The score at the start of the period. */
  from: number;
  /** The latest score. */
  to: number;
  /** `to - from`: positive for an improvement. */
  delta: number;
}

/** `GET /movers` @public */
export interface MoversResponse {
  /** Biggest improvements first. */
  improved: Mover[];
  /** Biggest drops first. */
  dropped: Mover[];
}

/** Options of {@link rankMovers}. @public */
export interface RankMoversOptions {
  /** The period, in days, ending on `today`. */
  days: number;
  /** `YYYY-MM-DD` (UTC): the last day of the period. */
  today: string;
  /** Only this scorecard (all when absent). */
  scorecard?: ScorecardId;
  /** At most this many in each list (10 by default). */
  limit?: number;
}

function byDeltaThenTitle(sign: 1 | -1) {
  return (a: Mover, b: Mover) =>
    sign * (b.delta - a.delta) ||
    a.title.localeCompare(b.title) ||
    a.entityRef.localeCompare(b.entityRef) ||
    a.scorecard.localeCompare(b.scorecard);
}

/**
 * Who moved most: for each series and scorecard, the score at the start of
 * the period (the last score on or before its first day, else the first
 * score inside it) against the latest score up to `today`. Unscored days are
 * skipped; a series with fewer than two scores in reach does not move.
 *
 * @public
 */
export function rankMovers(
  series: MoverSeries[],
  options: RankMoversOptions,
): MoversResponse {
  const start = addDays(options.today, -options.days);
  const limit = options.limit ?? 10;
  const movers: Mover[] = [];
  for (const one of series) {
    const byCard = new Map<
      ScorecardId,
      Array<{ day: string; score: number }>
    >();
    for (const point of one.points) {
      if (point.score === null || point.day > options.today) continue;
      if (options.scorecard && point.scorecard !== options.scorecard) continue;
      const list = byCard.get(point.scorecard) ?? [];
      list.push({ day: point.day, score: point.score });
      byCard.set(point.scorecard, list);
    }
    for (const [scorecard, list] of byCard) {
      list.sort((a, b) => a.day.localeCompare(b.day));
      const before = list.filter(p => p.day <= start);
      const first = before.length ? before[before.length - 1] : list[0];
      const last = list[list.length - 1];
      if (first === last || last.day <= start) continue;
      const delta = last.score - first.score;
      if (delta === 0) continue;
      movers.push({
        entityRef: one.entityRef,
        kind: one.kind,
        title: one.title,
        scorecard,
        from: first.score,
        to: last.score,
        delta,
      });
    }
  }
  return {
    improved: movers
      .filter(m => m.delta > 0)
      .sort(byDeltaThenTitle(1))
      .slice(0, limit),
    dropped: movers
      .filter(m => m.delta < 0)
      .sort(byDeltaThenTitle(-1))
      .slice(0, limit),
  };
}
