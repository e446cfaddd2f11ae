import { backOffLimits, backOffMs } from './backOff';

/** Shortest time between two re-evaluations a request asks for. */
const DEFAULT_RETRY_INTERVAL_MS = 15_000;

/**
 * When a request may start an evaluation on this replica: not twice within
 * `retryIntervalMs`, and not while backing off after failed refreshes (a
 * wait that doubles with each failure in a row, from `backoff.initialMs`
 * up to `backoff.maxMs`, between half and all of it at random). Also
 * whether the catalog has settled: for `warmUpMs` after start-up, while
 * each evaluation finds more entities than the one before, it has not.
 */
export class RefreshPacing {
  readonly #warmUpMs: number;
  readonly #retryIntervalMs: number;
  readonly #backoff: { initialMs: number; maxMs: number };
  readonly #random: () => number;
  readonly #now: () => Date;
  readonly #startedAt: number;

  /** When this replica last started an evaluation (clock ms). */
  #lastEvaluationAt?: number;
  /** Entities this replica's last successful evaluation read. */
  #lastEntityCount?: number;
  /** True while this replica's evaluations keep finding more entities. */
  #growing = false;
  /** Failed refreshes on this replica since the last one that succeeded. */
  #failuresInARow = 0;
  /** Clock ms before which requests start no evaluation, after failures. */
  #backOffUntil?: number;

  constructor(options: {
    warmUpMs?: number;
    retryIntervalMs?: number;
    backoff?: { initialMs?: number; maxMs?: number };
    random?: () => number;
    now: () => Date;
  }) {
    this.#warmUpMs = options.warmUpMs ?? 0;
    this.#retryIntervalMs =
      options.retryIntervalMs ?? DEFAULT_RETRY_INTERVAL_MS;
    this.#backoff = backOffLimits(options.backoff);
    this.#random = options.random ?? Math.random;
    this.#now = options.now;
    this.#startedAt = this.#now().getTime();
  }

  /**
   * Whether the catalog has settled as far as this replica can tell: its
   * last evaluation found no more entities than the one before, or the
   * warm-up after start-up is over.
   */
  isSettled(): boolean {
    return !this.#growing || !this.#inWarmUp();
  }

  #inWarmUp(): boolean {
    return this.#now().getTime() - this.#startedAt < this.#warmUpMs;
  }

  /** Whether a request may start another evaluation now. */
  mayRetry(): boolean {
    return (
      this.backOffRemainingMs() === 0 &&
      (this.#lastEvaluationAt === undefined ||
        this.#now().getTime() - this.#lastEvaluationAt >= this.#retryIntervalMs)
    );
  }

  /** Milliseconds before a request may start an evaluation after failures. */
  backOffRemainingMs(): number {
    if (this.#backOffUntil === undefined) {
      return 0;
    }
    return Math.max(0, this.#backOffUntil - this.#now().getTime());
  }

  /** An evaluation started at `at`. */
  started(at: Date): void {
    this.#lastEvaluationAt = at.getTime();
  }

  /** An evaluation that read `entityCount` entities succeeded. */
  succeeded(entityCount: number): void {
    this.#failuresInARow = 0;
    this.#backOffUntil = undefined;
    this.#growing = entityCount > (this.#lastEntityCount ?? 0);
    this.#lastEntityCount = entityCount;
  }

  /** An evaluation failed: back off longer. */
  failed(): void {
    this.#failuresInARow += 1;
    this.#backOffUntil =
      this.#now().getTime() +
      backOffMs(this.#failuresInARow, {
        ...this.#backoff,
        random: this.#random(),
      });
  }
}
