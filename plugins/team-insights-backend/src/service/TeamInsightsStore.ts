import {
  DatabaseService,
  LoggerService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { HistoryStore } from './store/HistoryStore';
import { RefreshLog } from './store/RefreshLog';
import { SnapshotStore } from './store/SnapshotStore';
import { TimelineStore } from './store/TimelineStore';

export { historyRowsOf } from './store/historyRows';
export type { HistoryRow, HistorySubject } from './store/historyRows';
export type { RefreshRecord, StoreState } from './store/RefreshLog';
export { SNAPSHOT_SCHEMA_VERSION } from './store/SnapshotStore';
export type { SavedSnapshot } from './store/SnapshotStore';

const migrationsDir = resolvePackagePath(
  '@team-insights/plugin-team-insights-backend',
  'migrations',
);

/**
 * Storage of the Team Insights backend: report snapshots shared by the
 * replicas, the refresh log, the timeline of the timing rules and the daily
 * history of every scorecard. One store a table, in `store/`; this class
 * runs the migrations and hands each call to its table's store.
 */
export class TeamInsightsStore {
  static async create(options: {
    database: DatabaseService;
    logger?: LoggerService;
  }): Promise<TeamInsightsStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new TeamInsightsStore(client, { logger: options.logger });
  }

  /** Runs the migrations on a client, for tests and tooling. */
  static async migrate(client: Knex): Promise<void> {
    await client.migrate.latest({ directory: migrationsDir });
  }

  readonly #snapshots: SnapshotStore;
  readonly #refreshes: RefreshLog;
  readonly #timeline: TimelineStore;
  readonly #history: HistoryStore;

  constructor(db: Knex, options: { logger?: LoggerService } = {}) {
    this.#snapshots = new SnapshotStore(db, options);
    this.#refreshes = new RefreshLog(db);
    this.#timeline = new TimelineStore(db);
    this.#history = new HistoryStore(db);
  }

  /** See {@link SnapshotStore.saveSnapshot}. */
  saveSnapshot(...args: Parameters<SnapshotStore['saveSnapshot']>) {
    return this.#snapshots.saveSnapshot(...args);
  }

  /** See {@link SnapshotStore.loadSnapshot}. */
  loadSnapshot(...args: Parameters<SnapshotStore['loadSnapshot']>) {
    return this.#snapshots.loadSnapshot(...args);
  }

  /** See {@link SnapshotStore.loadNewestReadableSnapshot}. */
  loadNewestReadableSnapshot() {
    return this.#snapshots.loadNewestReadableSnapshot();
  }

  /** See {@link RefreshLog.recordRefresh}. */
  recordRefresh(...args: Parameters<RefreshLog['recordRefresh']>) {
    return this.#refreshes.recordRefresh(...args);
  }

  /** See {@link RefreshLog.getState}. */
  getState() {
    return this.#refreshes.getState();
  }

  /** See {@link TimelineStore.readTimeline}. */
  readTimeline() {
    return this.#timeline.readTimeline();
  }

  /** See {@link TimelineStore.writeTimeline}. */
  writeTimeline(...args: Parameters<TimelineStore['writeTimeline']>) {
    return this.#timeline.writeTimeline(...args);
  }

  /** See {@link HistoryStore.writeHistory}. */
  writeHistory(...args: Parameters<HistoryStore['writeHistory']>) {
    return this.#history.writeHistory(...args);
  }

  /** See {@link HistoryStore.deleteHistoryBefore}. */
  deleteHistoryBefore(
    ...args: Parameters<HistoryStore['deleteHistoryBefore']>
  ) {
    return this.#history.deleteHistoryBefore(...args);
  }

  /** See {@link HistoryStore.applyRetention}. */
  applyRetention(...args: Parameters<HistoryStore['applyRetention']>) {
    return this.#history.applyRetention(...args);
  }

  /** See {@link HistoryStore.readHistory}. */
  readHistory(...args: Parameters<HistoryStore['readHistory']>) {
    return this.#history.readHistory(...args);
  }

  /** See {@link HistoryStore.readHistoryOf}. */
  readHistoryOf(...args: Parameters<HistoryStore['readHistoryOf']>) {
    return this.#history.readHistoryOf(...args);
  }

  /** See {@link HistoryStore.readTrends}. */
  readTrends(...args: Parameters<HistoryStore['readTrends']>) {
    return this.#history.readTrends(...args);
  }
}
