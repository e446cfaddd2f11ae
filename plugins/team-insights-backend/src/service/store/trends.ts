import type {
  ScorecardId,
  TrendPoint,
} from '@team-insights/plugin-team-insights-common';
import type { Knex } from 'knex';
import { HISTORY } from './tables';

/**
 * The organisation's mean score per scorecard and day since `sinceDay`:
 * composition and adoption over teams, documentation over documented
 * entities. With `onlyRefs` (the entities a caller may see) only their
 * rows count, read in chunks of `chunkSize` refs: the cost follows what is
 * visible, never what is hidden.
 */
export async function readTrends(
  db: Knex,
  options: {
    sinceDay: string;
    scorecard?: ScorecardId;
    onlyRefs?: Iterable<string>;
    chunkSize?: number;
  },
): Promise<TrendPoint[]> {
  type AggregateRow = {
    day: string;
    scorecard: ScorecardId;
    total: string | number | null;
    scored: string | number | null;
  };
  const aggregate = async (refs?: string[]): Promise<AggregateRow[]> => {
    const query = db(HISTORY)
      .select('day', 'scorecard')
      .sum({ total: 'score' })
      .count({ scored: 'score' })
      .where('day', '>=', options.sinceDay)
      .andWhere(inner =>
        inner
          .where(q =>
            q
              .where('subject', 'team')
              .whereIn('scorecard', ['composition', 'adoption']),
          )
          .orWhere(q =>
            q.where('subject', 'entity').where('scorecard', 'documentation'),
          ),
      )
      .groupBy('day', 'scorecard');
    if (options.scorecard) {
      query.andWhere('scorecard', options.scorecard);
    }
    if (refs) {
      query.whereIn('entity_ref', refs);
    }
    return (await query) as unknown as AggregateRow[];
  };

  const sums = new Map<
    string,
    { day: string; scorecard: ScorecardId; total: number; count: number }
  >();
  const add = (rows: AggregateRow[]) => {
    for (const row of rows) {
      const key = `${row.day}|${row.scorecard}`;
      const sum = sums.get(key) ?? {
        day: row.day,
        scorecard: row.scorecard,
        total: 0,
        count: 0,
      };
      sum.total += Number(row.total ?? 0);
      sum.count += Number(row.scored ?? 0);
      sums.set(key, sum);
    }
  };
  if (options.onlyRefs === undefined) {
    add(await aggregate());
  } else {
    // The chunks are disjoint, so their sums add up.
    const refs = [...new Set(options.onlyRefs)];
    const chunkSize = options.chunkSize ?? 5000;
    for (let i = 0; i < refs.length; i += chunkSize) {
      add(await aggregate(refs.slice(i, i + chunkSize)));
    }
  }

  return [...sums.values()]
    .map(sum => ({
      day: sum.day,
      scorecard: sum.scorecard,
      score:
        sum.count > 0 ? Math.round((10 * sum.total) / sum.count) / 10 : null,
      count: sum.count,
    }))
    .sort((a, b) =>
      a.day === b.day
        ? compare(a.scorecard, b.scorecard)
        : compare(a.day, b.day),
    );
}

function compare(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
