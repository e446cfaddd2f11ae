import type { Knex } from 'knex';
import { setImmediate as nextTurn } from 'node:timers/promises';

const STATE = 'team_insights_nudge_state';
const SENT = 'team_insights_nudges_sent';

/** Longest ref or detail the tables hold. */
const MAX_LENGTH = 255;

/** The kinds of notification Team Insights sends. */
export type NudgeKind =
  | 'level-drop'
  | 'waiver-expiring'
  | 'waiver-expired'
  | 'last-adopter-lost'
  | 'concern-evident'
  | 'initiative-started'
  | 'initiative-deadline'
  | 'initiative-reached'
  | 'initiatives-digest';

/** What a notification watches: a subject's value for a topic. */
export interface NudgeStateRow {
  subjectRef: string;
  /** `level:<scorecard>` or `adopters`. */
  topic: string;
  value: string | null;
}

/** A notification that was sent. */
export interface SentNudge {
  kind: NudgeKind;
  subjectRef: string;
  /**
   * A scorecard, `<check-id> until <YYYY-MM-DD>`, an initiative id, an ISO
   * week (`2026-W49`, the digest), or empty.
   */
  detail: string;
  recipientRef: string;
  sentAt: string;
}

/** The key of a state row or a sent notification, for lookups. */
export function stateKey(subjectRef: string, topic: string): string {
  return `${subjectRef}\u0000${topic}`;
}

/** The key of a sent notification, for lookups. */
export function sentKey(
  kind: NudgeKind,
  subjectRef: string,
  detail: string,
): string {
  return `${kind}\u0000${subjectRef}\u0000${detail}`;
}

function fits(...values: string[]) {
  return values.every(value => value.length <= MAX_LENGTH);
}

/**
 * What the notifications remember between refreshes, in the plugin's
 * database. Only the refresh task (one replica at a time) writes it.
 */
export class NudgeStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  /** Every state row, by `stateKey`. The table holds a few rows per team. */
  async readState(): Promise<Map<string, string | null>> {
    const rows = await this.#db(STATE).select('subject_ref', 'topic', 'value');
    return new Map(
      rows.map(row => [stateKey(row.subject_ref, row.topic), row.value]),
    );
  }

  /**
   * Replaces the state: upserts `rows` and deletes the rows of `removed`
   * (subjects that left the catalog), in one transaction.
   */
  async writeState(
    rows: NudgeStateRow[],
    removed: Array<{ subjectRef: string; topic: string }>,
    now: Date,
    chunkSize = 500,
  ): Promise<void> {
    const updatedAt = now.toISOString();
    const records = rows
      .filter(row => fits(row.subjectRef, row.topic))
      .map(row => ({
        subject_ref: row.subjectRef,
        topic: row.topic,
        value: row.value,
        updated_at: updatedAt,
      }));
    await this.#db.transaction(async tx => {
      for (let i = 0; i < records.length; i += chunkSize) {
        // SQLite's driver is synchronous: a turn between statements.
        if (i > 0) await nextTurn();
        await tx(STATE)
          .insert(records.slice(i, i + chunkSize))
          .onConflict(['subject_ref', 'topic'])
          .merge(['value', 'updated_at']);
      }
      for (const row of removed) {
        await tx(STATE)
          .where({ subject_ref: row.subjectRef, topic: row.topic })
          .delete();
      }
    });
  }

  /** When each notification was last sent, by `sentKey`. */
  async readSent(): Promise<Map<string, string>> {
    const rows = await this.#db(SENT).select(
      'kind',
      'subject_ref',
      'detail',
      'sent_at',
    );
    return new Map(
      rows.map(row => [
        sentKey(row.kind, row.subject_ref, row.detail),
        row.sent_at,
      ]),
    );
  }

  /** Records a notification as sent (again). */
  async recordSent(nudge: SentNudge): Promise<void> {
    if (!fits(nudge.subjectRef, nudge.detail, nudge.recipientRef)) {
      return;
    }
    await this.#db(SENT)
      .insert({
        kind: nudge.kind,
        subject_ref: nudge.subjectRef,
        detail: nudge.detail,
        recipient_ref: nudge.recipientRef,
        sent_at: nudge.sentAt,
      })
      .onConflict(['kind', 'subject_ref', 'detail'])
      .merge(['recipient_ref', 'sent_at']);
  }

  /** Forgets notifications sent before `before`; returns how many. */
  async forgetSentBefore(before: Date): Promise<number> {
    return await this.#db(SENT)
      .where('sent_at', '<', before.toISOString())
      .delete();
  }
}
