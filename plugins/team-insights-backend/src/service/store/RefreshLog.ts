import type { Knex } from 'knex';
import { REFRESHES, SNAPSHOTS } from './tables';

/** Refresh attempts kept in the log. */
const REFRESHES_KEPT = 100;

/** A refresh attempt as recorded in the database. */
export interface RefreshRecord {
  startedAt: string;
  finishedAt: string;
  status: 'succeeded' | 'failed';
  trigger: 'schedule' | 'request' | 'manual';
  evaluatedAt?: string;
  entityCount?: number;
  error?: string;
}

/** Where {@link TeamInsightsStore.saveSnapshot} put a report. */
export interface SavedSnapshot {
  id: number;
  /**
   * False when the newest snapshot had the same content apart from
   * `evaluatedAt`: only its `evaluated_at` moved, no report was written.
   */
  written: boolean;
}

/** What a replica needs to know to decide whether to reload. */
export interface StoreState {
  latestSnapshot?: { id: number; evaluatedAt: string };
  latestRefresh?: RefreshRecord;
}

/**
 * The log of refresh attempts (`team_insights_refreshes`), and the newest
 * snapshot and attempt a replica compares with what it serves.
 */
export class RefreshLog {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  /** Records one refresh attempt and trims the log. */
  async recordRefresh(record: RefreshRecord): Promise<void> {
    await this.#db(REFRESHES).insert({
      started_at: record.startedAt,
      finished_at: record.finishedAt,
      status: record.status,
      trigger: record.trigger,
      evaluated_at: record.evaluatedAt ?? null,
      entity_count: record.entityCount ?? null,
      error: record.error ? record.error.slice(0, 2000) : null,
    });
    const cutoff = await this.#db(REFRESHES)
      .select('id')
      .orderBy('id', 'desc')
      .offset(REFRESHES_KEPT)
      .limit(1)
      .first();
    if (cutoff) {
      await this.#db(REFRESHES).where('id', '<=', cutoff.id).delete();
    }
  }

  /** The newest snapshot and refresh attempt: two indexed one-row reads. */
  async getState(): Promise<StoreState> {
    const [snapshot, refresh] = await Promise.all([
      this.#db(SNAPSHOTS)
        .select('id', 'evaluated_at')
        .orderBy('id', 'desc')
        .first(),
      this.#db(REFRESHES).select('*').orderBy('id', 'desc').first(),
    ]);
    return {
      latestSnapshot: snapshot
        ? { id: Number(snapshot.id), evaluatedAt: snapshot.evaluated_at }
        : undefined,
      latestRefresh: refresh
        ? {
            startedAt: refresh.started_at,
            finishedAt: refresh.finished_at,
            status: refresh.status,
            trigger: refresh.trigger,
            evaluatedAt: refresh.evaluated_at ?? undefined,
            entityCount:
              refresh.entity_count === null
                ? undefined
                : Number(refresh.entity_count),
            error: refresh.error ?? undefined,
          }
        : undefined,
    };
  }
}
