import type { LoggerService } from '@backstage/backend-plugin-api';
import type { TeamInsightsStore } from '../TeamInsightsStore';
import { ReplicaState, syncWithStore } from './replicaState';

/**
 * Brings a replica's state up to date with the snapshots of the others
 * ({@link syncWithStore}): at most once per `intervalMs` unless forced, and
 * one sync at a time, which concurrent callers share.
 */
export class SnapshotSync {
  readonly #store: TeamInsightsStore;
  readonly #state: ReplicaState;
  readonly #logger: LoggerService;
  readonly #intervalMs: number;
  #syncing?: Promise<void>;
  #lastSyncAt = Number.NEGATIVE_INFINITY;

  constructor(options: {
    store: TeamInsightsStore;
    state: ReplicaState;
    logger: LoggerService;
    intervalMs: number;
  }) {
    this.#store = options.store;
    this.#state = options.state;
    this.#logger = options.logger;
    this.#intervalMs = options.intervalMs;
  }

  /** Loads a newer snapshot of another replica, throttled and single flight. */
  async sync(force: boolean): Promise<void> {
    const now = Date.now();
    if (!force && now - this.#lastSyncAt < this.#intervalMs) {
      return;
    }
    if (!this.#syncing) {
      this.#lastSyncAt = now;
      this.#syncing = syncWithStore(
        this.#store,
        this.#state,
        this.#logger,
      ).finally(() => {
        this.#syncing = undefined;
      });
    }
    await this.#syncing;
  }
}
