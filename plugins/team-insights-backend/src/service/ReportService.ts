import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  Report,
  TeamInsightsCheck,
  TeamInsightsConfig,
} from '@team-insights/plugin-team-insights-common';
import { EvaluationWorker } from './evaluation';
import { CatalogEvaluation, evaluateCatalog } from './reports/evaluateCatalog';
import type { ReportServiceOptions } from './reports/options';
import { RefreshPacing } from './reports/RefreshPacing';
import type { ReplicaState } from './reports/replicaState';
import { SnapshotSync } from './reports/SnapshotSync';
import {
  recordFailure,
  RefreshTrigger,
  storeEvaluation,
} from './reports/storeEvaluation';
import { RetryLaterError, withTimeout } from './retryLater';
import { TeamInsightsStore } from './TeamInsightsStore';

export type { RefreshTrigger } from './reports/storeEvaluation';

/** The report a replica serves, and whether it is stale. */
export interface ServedReport {
  report: Report;
  /** True when the latest refresh attempt failed after this report. */
  stale: boolean;
}

/** Default longest wait of a request for the first evaluation. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Retry-After while the first evaluation is still running. */
const EVALUATING_RETRY_AFTER_MS = 5_000;

/** Whether a report has nothing to show: the catalog was empty, or still loading. */
export function isEmptyReport(report: Report): boolean {
  return (
    report.teams.length === 0 &&
    report.orgUnits.length === 0 &&
    report.entities.length === 0
  );
}

/**
 * Keeps the current report: evaluates the catalog with the engine, stores
 * the result for the other replicas and the history, and serves the newest
 * report any replica produced.
 *
 * @remarks
 *
 * - Single flight: concurrent refreshes on one replica share one evaluation.
 * - A failed refresh keeps the last good report, marked stale.
 * - Replicas: each evaluation is stored as a snapshot; a replica looks for a
 *   newer snapshot at most every `syncIntervalMs` (one indexed row read) and
 *   loads it, so the scheduled task that ran on one replica feeds all. An
 *   evaluation that finds the same report only moves the snapshot's
 *   `evaluatedAt`; a replica serving that snapshot takes the new time
 *   without loading it again.
 * - Start-up: the catalog may still be ingesting when the backend starts. A
 *   report with nothing in it counts as no report: a request evaluates
 *   again (at most every `retryIntervalMs`) and waits for the result. For
 *   `warmUpMs` after start-up, while this replica's evaluations keep finding
 *   more entities than the one before, a request re-evaluates in the
 *   background (at most every `retryIntervalMs`). The catalog has settled
 *   once an evaluation finds no more entities than the previous one, or
 *   when the warm-up is over.
 * - No report yet: a request waits for the first evaluation at most
 *   `requestTimeoutMs`, then gets a 503 with `Retry-After` while the
 *   evaluation runs on. After a failed refresh, requests start no other one
 *   for a while that doubles with each failure in a row (from
 *   `backoff.initialMs` up to `backoff.maxMs`, each wait between half and
 *   all of that, at random, so that replicas spread out) and get a 503 with
 *   `Retry-After` meanwhile; the scheduled refresh runs as planned, and one
 *   that succeeds ends the back-off. A request that may not start an
 *   evaluation (an anonymous one, such as a public badge) only ever serves
 *   what there is.
 */
export class ReportService {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #store: TeamInsightsStore;
  readonly #config: TeamInsightsConfig;
  readonly #customChecks: TeamInsightsCheck[];
  readonly #retentionDays: number;
  readonly #timeoutMs: number;
  readonly #pageSize: number;
  readonly #requestTimeoutMs: number;
  readonly #now: () => Date;
  readonly #worker = new EvaluationWorker();

  /** What this replica serves, and what it knows of the last refreshes. */
  readonly #state: ReplicaState = { ownReport: false, syncFailing: false };
  readonly #pacing: RefreshPacing;
  readonly #snapshots: SnapshotSync;
  #refreshing?: Promise<Report>;

  constructor(options: ReportServiceOptions) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#store = options.store;
    this.#config = options.config;
    this.#customChecks = options.customChecks ?? [];
    this.#retentionDays = options.retentionDays;
    this.#timeoutMs = options.timeoutMs;
    this.#pageSize = options.pageSize ?? 500;
    this.#requestTimeoutMs =
      options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.#now = options.now ?? (() => new Date());
    this.#pacing = new RefreshPacing({ ...options, now: this.#now });
    this.#snapshots = new SnapshotSync({
      store: options.store,
      state: this.#state,
      logger: options.logger,
      intervalMs: options.syncIntervalMs,
    });
  }

  /**
   * Whether the catalog has settled as far as this replica can tell: its
   * last evaluation found no more entities than the one before, or the
   * warm-up after start-up is over. Notifications wait for this, so that a
   * catalog that is still ingesting does not look like falling levels.
   */
  isSettled(): boolean {
    return this.#pacing.isSettled();
  }

  /** The 503 of a request that finds no report to serve. */
  #noReport(retryAfterMs: number): RetryLaterError {
    return new RetryLaterError(
      this.#state.failure
        ? 'Team Insights has no report yet: evaluating the catalog failed (the backend log says why). It is tried again shortly and on schedule.'
        : 'Team Insights has no report yet: the catalog has not been evaluated. It is evaluated shortly and on schedule.',
      retryAfterMs,
    );
  }

  /** Whether this replica is evaluating right now. */
  isRefreshing(): boolean {
    return this.#refreshing !== undefined;
  }

  /**
   * The newest report: from memory, from another replica's snapshot, or by
   * evaluating now when there is none anywhere. Throws a
   * ServiceUnavailableError with a `Retry-After` time (RetryLaterError)
   * while there is no report to serve.
   *
   * @param options - `evaluate: false` for a caller who may not start an
   *   evaluation (an anonymous one): it is served what there is, and waits
   *   only for an evaluation that is already running.
   */
  async getReport(options: { evaluate?: boolean } = {}): Promise<ServedReport> {
    const mayEvaluate = options.evaluate ?? true;
    await this.#snapshots.sync(!this.#state.current);
    const served = this.#state.current;
    if (!served) {
      await this.#waitForFirstReport(mayEvaluate);
    } else if (
      mayEvaluate &&
      isEmptyReport(served.report) &&
      (this.#refreshing || this.#pacing.mayRetry())
    ) {
      // A report of an empty catalog: evaluate (or join the running
      // evaluation) and wait for it, at most the request timeout.
      try {
        await withTimeout(
          this.refresh({ trigger: 'request' }),
          this.#requestTimeoutMs,
          () => new Error('timeout'),
        );
      } catch {
        // already logged by refresh; the empty report is served
      }
    } else if (
      mayEvaluate &&
      this.#state.ownReport &&
      !this.isSettled() &&
      !this.#refreshing &&
      this.#pacing.mayRetry()
    ) {
      // The catalog was still growing at the last evaluation: look again
      // in the background and serve what there is meanwhile.
      this.refresh({ trigger: 'request' }).catch(() => {
        // already logged by refresh
      });
    }
    const current = this.#state.current;
    if (!current) {
      throw this.#noReport(
        Math.max(this.#pacing.backOffRemainingMs(), EVALUATING_RETRY_AFTER_MS),
      );
    }
    return {
      report: current.report,
      stale: this.#state.failure
        ? this.#state.failure.at >= current.report.evaluatedAt
        : false,
    };
  }

  /**
   * With no report anywhere: joins the running evaluation, or starts one
   * unless backing off after failures (or the caller may not), and waits
   * for it at most the request timeout. Throws RetryLaterError when there
   * is still no report.
   */
  async #waitForFirstReport(mayEvaluate: boolean): Promise<void> {
    let running = this.#refreshing;
    if (!running) {
      const backOff = this.#pacing.backOffRemainingMs();
      if (!mayEvaluate || backOff > 0) {
        throw this.#noReport(
          Math.max(backOff, mayEvaluate ? 0 : EVALUATING_RETRY_AFTER_MS),
        );
      }
      running = this.refresh({ trigger: 'request' });
    }
    let timedOut = false;
    try {
      await withTimeout(running, this.#requestTimeoutMs, () => {
        timedOut = true;
        return new Error('timeout');
      });
    } catch {
      // a failure is logged by refresh
    }
    if (this.#state.current) {
      return;
    }
    if (timedOut) {
      throw new RetryLaterError(
        'Team Insights is evaluating the catalog for the first time; try again shortly.',
        EVALUATING_RETRY_AFTER_MS,
      );
    }
    throw this.#noReport(
      Math.max(this.#pacing.backOffRemainingMs(), EVALUATING_RETRY_AFTER_MS),
    );
  }

  /**
   * Evaluates the catalog now, unless an evaluation is running on this
   * replica, in which case it waits for that one.
   */
  refresh(options: {
    trigger: RefreshTrigger;
    signal?: AbortSignal;
  }): Promise<Report> {
    if (!this.#refreshing) {
      const signal = options.signal ?? AbortSignal.timeout(this.#timeoutMs);
      this.#refreshing = this.#refresh(options.trigger, signal).finally(() => {
        this.#refreshing = undefined;
      });
    }
    return this.#refreshing;
  }

  async #refresh(trigger: RefreshTrigger, signal: AbortSignal) {
    const startedAt = this.#now();
    this.#pacing.started(startedAt);
    let evaluation: CatalogEvaluation;
    try {
      evaluation = await evaluateCatalog({
        catalog: this.#catalog,
        auth: this.#auth,
        worker: this.#worker,
        config: this.#config,
        customChecks: this.#customChecks,
        pageSize: this.#pageSize,
        now: this.#now,
        signal,
        // read while the catalog is read; a database that is down must not
        // stop the evaluation: use the timeline this instance last had
        // (storing the report warns anyway)
        timeline: this.#store
          .readTimeline()
          .catch(() => this.#state.lastTimeline),
      });
    } catch (error) {
      await this.#fail(trigger, startedAt, signal, error);
      throw error;
    }

    // The evaluation succeeded: serve it here even if storing it fails.
    const { report, entityCount } = evaluation;
    this.#state.current = { report };
    this.#state.ownReport = true;
    this.#state.failure = undefined;
    this.#pacing.succeeded(entityCount);

    await storeEvaluation(this.#store, this.#logger, this.#state, evaluation, {
      trigger,
      startedAt,
      signal,
      retentionDays: this.#retentionDays,
      now: this.#now,
    });
    return report;
  }

  async #fail(
    trigger: RefreshTrigger,
    startedAt: Date,
    signal: AbortSignal,
    error: unknown,
  ) {
    const reason = signal.aborted
      ? `the evaluation was aborted after ${
          this.#now().getTime() - startedAt.getTime()
        } ms (timeout or shutdown)`
      : stringifyError(error);
    const finishedAt = this.#now().toISOString();
    this.#state.failure = { at: finishedAt, reason };
    this.#pacing.failed();
    await recordFailure(this.#store, this.#logger, {
      trigger,
      startedAt,
      finishedAt,
      reason,
      served: this.#state.current?.report.evaluatedAt,
    });
  }
}
