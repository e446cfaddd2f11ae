import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  advanceTimeline,
  evaluate,
  Report,
  TeamInsightsCheck,
  TeamInsightsConfig,
  TeamInsightsTimeline,
} from '@team-insights/plugin-team-insights-common';
import { readCatalogForTeamInsights } from '@team-insights/plugin-team-insights-node';
import { RetryLaterError, withTimeout } from './retryLater';
import { HistoryRow, TeamInsightsStore } from './TeamInsightsStore';
import { catalogPages, EvaluationWorker, ReportContent } from './evaluation';

/** What caused a refresh. */
export type RefreshTrigger = 'schedule' | 'request' | 'manual';

/** The report a replica serves, and whether it is stale. */
export interface ServedReport {
  report: Report;
  /** True when the latest refresh attempt failed after this report. */
  stale: boolean;
}

interface Failure {
  at: string;
  reason: string;
}

/** Shortest time between two re-evaluations a request asks for. */
const DEFAULT_RETRY_INTERVAL_MS = 15_000;
/** Default longest wait of a request for the first evaluation. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Default wait after the first failed refresh before a request may try again. */
const DEFAULT_BACKOFF_INITIAL_MS = 5_000;
/** Default longest wait between failed refreshes a request may start. */
const DEFAULT_BACKOFF_MAX_MS = 5 * 60_000;
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
  /** The timeline after this instance's last evaluation. */
  #lastTimeline?: TeamInsightsTimeline;
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #store: TeamInsightsStore;
  readonly #config: TeamInsightsConfig;
  readonly #customChecks: TeamInsightsCheck[];
  readonly #retentionDays: number;
  readonly #syncIntervalMs: number;
  readonly #timeoutMs: number;
  readonly #pageSize: number;
  readonly #warmUpMs: number;
  readonly #retryIntervalMs: number;
  readonly #requestTimeoutMs: number;
  readonly #backoffInitialMs: number;
  readonly #backoffMaxMs: number;
  readonly #random: () => number;
  readonly #now: () => Date;
  readonly #startedAt: number;
  readonly #worker = new EvaluationWorker();

  #current?: { report: Report; snapshotId?: number };
  #failure?: Failure;
  #refreshing?: Promise<Report>;
  #syncing?: Promise<void>;
  #lastSyncAt = Number.NEGATIVE_INFINITY;
  /** When this replica last started an evaluation (clock ms). */
  #lastEvaluationAt?: number;
  /** Entities this replica's last successful evaluation read. */
  #lastEntityCount?: number;
  /** True while this replica's evaluations keep finding more entities. */
  #growing = false;
  /** Whether the served report was evaluated on this replica. */
  #ownReport = false;
  /** Failed refreshes on this replica since the last one that succeeded. */
  #failuresInARow = 0;
  /** Clock ms before which requests start no evaluation, after failures. */
  #backOffUntil?: number;
  /** Whether reading the database for newer reports is failing. */
  #syncFailing = false;

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    store: TeamInsightsStore;
    config: TeamInsightsConfig;
    customChecks?: TeamInsightsCheck[];
    retentionDays: number;
    syncIntervalMs: number;
    timeoutMs: number;
    pageSize?: number;
    /** How long after start-up a growing catalog is re-evaluated on request. */
    warmUpMs?: number;
    /** Shortest time between two re-evaluations asked for by requests. */
    retryIntervalMs?: number;
    /**
     * Longest a request waits for the first evaluation before it is
     * answered 503 with `Retry-After` (`teamInsights.requestTimeout`).
     */
    requestTimeoutMs?: number;
    /** Wait between failed refreshes that requests would start. */
    backoff?: { initialMs?: number; maxMs?: number };
    /** Random numbers in [0, 1) for the jitter of the back-off. */
    random?: () => number;
    now?: () => Date;
  }) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#store = options.store;
    this.#config = options.config;
    this.#customChecks = options.customChecks ?? [];
    this.#retentionDays = options.retentionDays;
    this.#syncIntervalMs = options.syncIntervalMs;
    this.#timeoutMs = options.timeoutMs;
    this.#pageSize = options.pageSize ?? 500;
    this.#warmUpMs = options.warmUpMs ?? 0;
    this.#retryIntervalMs =
      options.retryIntervalMs ?? DEFAULT_RETRY_INTERVAL_MS;
    this.#requestTimeoutMs =
      options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.#backoffInitialMs = Math.max(
      1,
      options.backoff?.initialMs ?? DEFAULT_BACKOFF_INITIAL_MS,
    );
    this.#backoffMaxMs = Math.max(
      this.#backoffInitialMs,
      options.backoff?.maxMs ?? DEFAULT_BACKOFF_MAX_MS,
    );
    this.#random = options.random ?? Math.random;
    this.#now = options.now ?? (() => new Date());
    this.#startedAt = this.#now().getTime();
  }

  /**
   * Whether the catalog has settled as far as this replica can tell: its
   * last evaluation found no more entities than the one before, or the
   * warm-up after start-up is over. Notifications wait for this, so that a
   * catalog that is still ingesting does not look like falling levels.
   */
  isSettled(): boolean {
    return !this.#growing || !this.#inWarmUp();
  }

  #inWarmUp(): boolean {
    return this.#now().getTime() - this.#startedAt < this.#warmUpMs;
  }

  /** Whether a request may start another evaluation now. */
  #mayRetry(): boolean {
    return (
      this.#backOffRemainingMs() === 0 &&
      (this.#lastEvaluationAt === undefined ||
        this.#now().getTime() - this.#lastEvaluationAt >= this.#retryIntervalMs)
    );
  }

  /** Milliseconds before a request may start an evaluation after failures. */
  #backOffRemainingMs(): number {
    if (this.#backOffUntil === undefined) {
      return 0;
    }
    return Math.max(0, this.#backOffUntil - this.#now().getTime());
  }

  /** The 503 of a request that finds no report to serve. */
  #noReport(retryAfterMs: number): RetryLaterError {
    return new RetryLaterError(
      this.#failure
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
    await this.#sync(!this.#current);
    const served = this.#current;
    if (!served) {
      await this.#waitForFirstReport(mayEvaluate);
    } else if (
      mayEvaluate &&
      isEmptyReport(served.report) &&
      (this.#refreshing || this.#mayRetry())
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
      this.#ownReport &&
      !this.isSettled() &&
      !this.#refreshing &&
      this.#mayRetry()
    ) {
      // The catalog was still growing at the last evaluation: look again
      // in the background and serve what there is meanwhile.
      this.refresh({ trigger: 'request' }).catch(() => {
        // already logged by refresh
      });
    }
    const current = this.#current;
    if (!current) {
      throw this.#noReport(
        Math.max(this.#backOffRemainingMs(), EVALUATING_RETRY_AFTER_MS),
      );
    }
    return {
      report: current.report,
      stale: this.#failure
        ? this.#failure.at >= current.report.evaluatedAt
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
      const backOff = this.#backOffRemainingMs();
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
    if (this.#current) {
      return;
    }
    if (timedOut) {
      throw new RetryLaterError(
        'Team Insights is evaluating the catalog for the first time; try again shortly.',
        EVALUATING_RETRY_AFTER_MS,
      );
    }
    throw this.#noReport(
      Math.max(this.#backOffRemainingMs(), EVALUATING_RETRY_AFTER_MS),
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
    this.#lastEvaluationAt = startedAt.getTime();
    let report: Report;
    let content: ReportContent | undefined;
    let historyRows: HistoryRow[] | undefined;
    let entityCount = 0;
    let timeline: TeamInsightsTimeline | undefined;
    try {
      // read while the catalog is read; awaited before evaluating
      // a database that is down must not stop the evaluation: use the
      // timeline this instance last had (storing the report warns anyway)
      const reading = this.#store
        .readTimeline()
        .catch(() => this.#lastTimeline);
      const credentials = await this.#auth.getOwnServiceCredentials();
      if (this.#customChecks.length === 0) {
        // Off the main thread: the portal keeps answering meanwhile.
        const evaluation = await this.#worker.evaluate({
          pages: catalogPages(this.#catalog, credentials, {
            signal,
            pageSize: this.#pageSize,
          }),
          config: this.#config,
          now: this.#now,
          signal,
          timeline: reading,
        });
        timeline = await reading;
        report = evaluation.report;
        content = evaluation.content;
        historyRows = evaluation.historyRows;
        entityCount = evaluation.entityCount;
      } else {
        // Custom checks are functions of this thread's modules: they
        // cannot be handed to a worker, so the engine runs here.
        const entities = await readCatalogForTeamInsights(
          this.#catalog,
          credentials,
          {
            signal,
            pageSize: this.#pageSize,
            extraFields: this.#customChecks.flatMap(
              check => check.fields ?? [],
            ),
          },
        );
        entityCount = entities.length;
        timeline = await reading;
        signal.throwIfAborted();
        report = evaluate(entities, {
          config: this.#config,
          now: this.#now(),
          customChecks: this.#customChecks,
          timeline,
        });
      }
      signal.throwIfAborted();
    } catch (error) {
      await this.#fail(trigger, startedAt, signal, error);
      throw error;
    }

    // The evaluation succeeded: serve it here even if storing it fails.
    this.#current = { report };
    this.#ownReport = true;
    this.#failure = undefined;
    this.#failuresInARow = 0;
    this.#backOffUntil = undefined;
    this.#growing = entityCount > (this.#lastEntityCount ?? 0);
    this.#lastEntityCount = entityCount;

    try {
      const snapshot = await this.#store.saveSnapshot(report, content);
      if (this.#current.report === report) {
        this.#current.snapshotId = snapshot.id;
      }
      const rows = await this.#store.writeHistory(report, {
        signal,
        rows: historyRows,
      });
      if (timeline) {
        this.#lastTimeline = advanceTimeline(
          timeline,
          report,
          new Date(report.evaluatedAt),
        );
        await this.#store.writeTimeline(this.#lastTimeline);
      }
      const deleted = await this.#store.applyRetention(
        this.#retentionDays,
        this.#now(),
      );
      await this.#store.recordRefresh({
        startedAt: startedAt.toISOString(),
        finishedAt: this.#now().toISOString(),
        status: 'succeeded',
        trigger,
        evaluatedAt: report.evaluatedAt,
        entityCount,
      });
      this.#logger.info(
        `Evaluated ${entityCount} catalog entities (${trigger}): ` +
          `${report.teams.length} teams, ${report.orgUnits.length} organisational units, ` +
          `${report.entities.length} documented entities; ${
            snapshot.written ? 'report stored' : 'report unchanged'
          }, ${rows} history rows written, ` +
          `${deleted} rows older than ${this.#retentionDays} days deleted, in ${
            this.#now().getTime() - startedAt.getTime()
          } ms`,
      );
    } catch (error) {
      this.#logger.error(
        `Team Insights evaluated the catalog but could not store the report and its history; other replicas keep serving their previous report: ${stringifyError(
          error,
        )}`,
      );
      throw error;
    }
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
    this.#failure = { at: finishedAt, reason };
    this.#failuresInARow += 1;
    const ceiling = Math.min(
      this.#backoffMaxMs,
      this.#backoffInitialMs * 2 ** Math.min(this.#failuresInARow - 1, 30),
    );
    const random = Math.min(Math.max(this.#random(), 0), 1);
    this.#backOffUntil =
      this.#now().getTime() + Math.round(ceiling / 2 + (random * ceiling) / 2);
    const served = this.#current?.report.evaluatedAt;
    this.#logger.warn(
      served
        ? `Team Insights refresh (${trigger}) failed; serving the report evaluated at ${served} as stale: ${reason}`
        : `Team Insights refresh (${trigger}) failed and there is no earlier report to serve: ${reason}`,
    );
    try {
      await this.#store.recordRefresh({
        startedAt: startedAt.toISOString(),
        finishedAt,
        status: 'failed',
        trigger,
        error: reason,
      });
    } catch (storeError) {
      this.#logger.warn(
        `Could not record the failed refresh: ${stringifyError(storeError)}`,
      );
    }
  }

  /** Loads a newer snapshot of another replica, throttled and single flight. */
  async #sync(force: boolean): Promise<void> {
    const now = Date.now();
    if (!force && now - this.#lastSyncAt < this.#syncIntervalMs) {
      return;
    }
    if (!this.#syncing) {
      this.#lastSyncAt = now;
      this.#syncing = this.#doSync().finally(() => {
        this.#syncing = undefined;
      });
    }
    await this.#syncing;
  }

  async #doSync(): Promise<void> {
    try {
      const { latestSnapshot, latestRefresh } = await this.#store.getState();
      const current = this.#current;
      if (
        current &&
        latestSnapshot &&
        latestSnapshot.id === current.snapshotId &&
        latestSnapshot.evaluatedAt > current.report.evaluatedAt
      ) {
        // A later evaluation found the same report: only the time moved.
        this.#current = {
          report: {
            ...current.report,
            evaluatedAt: latestSnapshot.evaluatedAt,
          },
          snapshotId: current.snapshotId,
        };
        this.#ownReport = false;
      } else if (
        latestSnapshot &&
        latestSnapshot.id !== current?.snapshotId &&
        (!current || latestSnapshot.evaluatedAt > current.report.evaluatedAt)
      ) {
        const report = await this.#store.loadSnapshot(latestSnapshot.id);
        if (
          report &&
          (!this.#current ||
            report.evaluatedAt > this.#current.report.evaluatedAt)
        ) {
          this.#current = { report, snapshotId: latestSnapshot.id };
          this.#ownReport = false;
        } else if (!report && !this.#current) {
          // The newest snapshot cannot be served (the store said why, once):
          // a replica without a report serves the newest one that can.
          const older = await this.#store.loadNewestReadableSnapshot();
          if (older && !this.#current) {
            this.#current = { report: older.report, snapshotId: older.id };
            this.#ownReport = false;
          }
        }
      }
      if (latestRefresh?.status === 'failed') {
        if (!this.#failure || latestRefresh.finishedAt > this.#failure.at) {
          this.#failure = {
            at: latestRefresh.finishedAt,
            reason: latestRefresh.error ?? 'unknown',
          };
        }
      } else if (
        latestRefresh?.status === 'succeeded' &&
        this.#failure &&
        latestRefresh.finishedAt > this.#failure.at &&
        this.#current &&
        latestRefresh.evaluatedAt === this.#current.report.evaluatedAt
      ) {
        this.#failure = undefined;
      }
      if (this.#syncFailing) {
        this.#syncFailing = false;
        this.#logger.info(
          'Team Insights reads the database again for newer reports',
        );
      }
    } catch (error) {
      // Once per outage, not once per request.
      if (!this.#syncFailing) {
        this.#syncFailing = true;
        this.#logger.warn(
          `Could not look for a newer Team Insights report in the database; serving what this replica has until it answers again: ${stringifyError(
            error,
          )}`,
        );
      }
    }
  }
}
