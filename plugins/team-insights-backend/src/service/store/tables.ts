import type { Knex } from 'knex';

/** The tables of the Team Insights backend (see `migrations/`). */
export const SNAPSHOTS = 'team_insights_snapshots';
export const REFRESHES = 'team_insights_refreshes';
export const HISTORY = 'team_insights_history';
export const TIMELINE = 'team_insights_timeline';

/** SQLite's limit on the terms of a compound SELECT is 500. */
export const SQLITE_MAX_ROWS = 400;

export function isSqlite(db: Knex): boolean {
  const client = db.client.config.client;
  return typeof client === 'string' && client.includes('sqlite');
}
