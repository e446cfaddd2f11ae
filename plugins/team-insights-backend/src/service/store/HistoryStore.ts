import {
  addDays,
  HistoryPoint,
  Report,
  ScorecardId,
  TrendPoint,
  utcDay,
} from '@team-insights/plugin-team-insights-common';
import type { Knex } from 'knex';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  HistoryRow,
  historyKey,
  historyKeyRef,
  historyRowsOf,
  HistorySubject,
  historyValue,
} from './historyRows';
import { HISTORY, isSqlite, SQLITE_MAX_ROWS } from './tables';
import { readTrends } from './trends';

/** History rows compared in one event-loop turn. */
const ROWS_PER_TURN = 2000;

/**
 * Moves `evaluated_at` of the day's rows that carry `from` to `to`, as one
 * `UPDATE … WHERE day = ? AND evaluated_at = ?` would, and returns how many
 * rows moved: first in slices of `refs`, one event-loop turn apart (SQLite's
 * driver is synchronous, and one statement over a large catalog's rows holds
 * the thread), then once more without the refs for any other row. A row
 * moves once: afterwards it no longer carries `from`.
 */
async function moveEvaluatedAt(
  tx: Knex.Transaction,
  options: {
    day: string;
    from: string;
    to: string;
    refs: string[];
    chunkSize: number;
  },
): Promise<number> {
  const { day, from, to, refs, chunkSize } = options;
  let moved = 0;
  for (let i = 0; i < refs.length; i += chunkSize) {
    moved += await tx(HISTORY)
      .where({ day, evaluated_at: from })
      .whereIn('entity_ref', refs.slice(i, i + chunkSize))
      .update({ evaluated_at: to });
    await nextTurn();
  }
  moved += await tx(HISTORY)
    .where({ day, evaluated_at: from })
    .update({ evaluated_at: to });
  return moved;
}

/**
 * The daily history of every scorecard (`team_insights_history`): one row
 * per entity, scorecard and day.
 */
export class HistoryStore {
  readonly #db: Knex;

  /**
   * The history rows this instance last wrote or confirmed, of one day: what
   * each says, by entity and scorecard, and the `evaluated_at` they carry.
   * Set only once the transaction has committed.
   */
  #lastHistory?: {
    day: string;
    evaluatedAt: string;
    values: Map<string, string>;
  };

  constructor(db: Knex) {
    this.#db = db;
  }

  /**
   * Writes the day's history rows of a report in one transaction, in chunks;
   * returns how many rows it wrote. A second refresh on the same day updates
   * the rows, never appends.
   *
   * @remarks
   *
   * Every row of the report carries the report's `evaluatedAt` afterwards:
   * `evaluated_at` of a history row is the latest evaluation that found its
   * value. To get there cheaply, a later refresh of the same day moves
   * `evaluated_at` of the rows this instance last wrote in one `UPDATE`, and
   * writes only the rows whose subject, score, level or failing checks
   * changed. It writes all rows instead when that `UPDATE` does not find
   * exactly the rows it last wrote (another replica wrote the day since, or
   * rows were deleted), on a new day, on a new instance, and when an entity
   * it wrote that day has left the report (its row keeps the evaluation that
   * last found it).
   */
  async writeHistory(
    report: Report,
    options: {
      signal?: AbortSignal;
      chunkSize?: number;
      /** {@link historyRowsOf} the report, when already built elsewhere. */
      rows?: HistoryRow[];
    } = {},
  ): Promise<number> {
    const rows = options.rows ?? historyRowsOf(report);
    const day = utcDay(new Date(report.evaluatedAt));
    const last = this.#lastHistory?.day === day ? this.#lastHistory : undefined;
    const values = new Map<string, string>();
    const differing: HistoryRow[] = [];
    for (let i = 0; i < rows.length; i++) {
      // A large catalog's rows in slices, one event-loop turn apart.
      if (i > 0 && i % ROWS_PER_TURN === 0) await nextTurn();
      const key = historyKey(rows[i]);
      const value = historyValue(rows[i]);
      values.set(key, value);
      if (last && last.values.get(key) !== value) differing.push(rows[i]);
    }
    const changed =
      last && [...last.values.keys()].every(key => values.has(key))
        ? differing
        : undefined;

    // knex inserts several rows into SQLite as one compound SELECT, which
    // SQLite limits to 500 terms; PostgreSQL takes 1000 rows (8000 bind
    // parameters, well below its 65535) per statement.
    const chunkSize =
      options.chunkSize ?? (isSqlite(this.#db) ? SQLITE_MAX_ROWS : 1000);
    let written = 0;
    await this.#db.transaction(async tx => {
      let toWrite = rows;
      if (last && changed) {
        options.signal?.throwIfAborted();
        // Rows still carrying our last evaluatedAt still say what we wrote:
        // anyone else writing one gives it their own evaluatedAt. The
        // UPDATE locks them until the commit.
        const confirmed = await moveEvaluatedAt(tx, {
          day,
          from: last.evaluatedAt,
          to: report.evaluatedAt,
          refs: [...new Set(Array.from(last.values.keys(), historyKeyRef))],
          chunkSize,
        });
        if (confirmed === last.values.size) {
          toWrite = changed;
        }
      }
      for (let i = 0; i < toWrite.length; i += chunkSize) {
        options.signal?.throwIfAborted();
        // SQLite's driver is synchronous: a turn of the event loop between
        // statements lets other requests in.
        if (i > 0) await nextTurn();
        await tx(HISTORY)
          .insert(toWrite.slice(i, i + chunkSize))
          .onConflict(['entity_ref', 'scorecard', 'day'])
          .merge([
            'subject',
            'score',
            'level',
            'failing_checks',
            'evaluated_at',
          ]);
      }
      written = toWrite.length;
    });
    this.#lastHistory = { day, evaluatedAt: report.evaluatedAt, values };
    return written;
  }

  /** Deletes the history of days before `day`; returns the rows deleted. */
  async deleteHistoryBefore(day: string): Promise<number> {
    return await this.#db(HISTORY).where('day', '<', day).delete();
  }

  /**
   * Keeps the last `retentionDays` days of history (today, UTC, included)
   * and deletes the rest; returns the rows deleted.
   */
  async applyRetention(retentionDays: number, now: Date): Promise<number> {
    return this.deleteHistoryBefore(addDays(utcDay(now), -(retentionDays - 1)));
  }

  /** The history of one entity since `sinceDay`, by day then scorecard. */
  async readHistory(
    entityRef: string,
    options: { sinceDay: string; scorecard?: ScorecardId },
  ): Promise<HistoryPoint[]> {
    const query = this.#db<HistoryRow>(HISTORY)
      .where('entity_ref', entityRef)
      .andWhere('day', '>=', options.sinceDay)
      .orderBy([
        { column: 'day', order: 'asc' },
        { column: 'scorecard', order: 'asc' },
      ]);
    if (options.scorecard) {
      query.andWhere('scorecard', options.scorecard);
    }
    const rows = await query.select();
    return rows.map(row => ({
      day: row.day,
      scorecard: row.scorecard,
      score: row.score === null ? null : Number(row.score),
      level: row.level,
      failingChecks: JSON.parse(row.failing_checks),
    }));
  }

  /**
   * The history of several teams on one scorecard since `sinceDay`, for
   * the burn-up of an initiative; `refs` are asked in chunks. `subjects`
   * (teams only by default) also admits org units, for who moved most.
   */
  async readHistoryOf(
    refs: string[],
    options: {
      sinceDay: string;
      scorecard?: ScorecardId;
      chunkSize?: number;
      subjects?: HistorySubject[];
    },
  ): Promise<
    Array<HistoryPoint & { entityRef: string; scorecard: ScorecardId }>
  > {
    const chunkSize = options.chunkSize ?? 500;
    const points: Array<
      HistoryPoint & { entityRef: string; scorecard: ScorecardId }
    > = [];
    for (let i = 0; i < refs.length; i += chunkSize) {
      const query = this.#db<HistoryRow>(HISTORY)
        .whereIn('entity_ref', refs.slice(i, i + chunkSize))
        .whereIn('subject', options.subjects ?? ['team'])
        .andWhere('day', '>=', options.sinceDay);
      if (options.scorecard) {
        query.andWhere('scorecard', options.scorecard);
      }
      for (const row of await query.select()) {
        points.push({
          entityRef: row.entity_ref,
          day: row.day,
          scorecard: row.scorecard,
          score: row.score === null ? null : Number(row.score),
          level: row.level,
          failingChecks: JSON.parse(row.failing_checks),
        });
      }
    }
    return points;
  }

  /** See {@link readTrends}. */
  async readTrends(
    options: Parameters<typeof readTrends>[1],
  ): Promise<TrendPoint[]> {
    return readTrends(this.#db, options);
  }
}
