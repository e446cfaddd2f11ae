import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError, stringifyError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  evaluate,
  Report,
  TeamInsightsCheck,
  TeamInsightsConfig,
} from '@team-insights/plugin-team-insights-common';
import { readCatalogForTeamInsights } from '@team-insights/plugin-team-insights-node';
import { TeamInsightsStore } from './TeamInsightsStore';

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
 *   loads it, so the scheduled task that ran on one replica feeds all.
 */
export class ReportService {
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
  readonly #now: () => Date;

  #current?: { report: Report; snapshotId?: number };
  #failure?: Failure;
  #refreshing?: Promise<Report>;
  #syncing?: Promise<void>;
  #lastSyncAt = Number.NEGATIVE_INFINITY;

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
    this.#now = options.now ?? (() => new Date());
  }

  /** Whether this replica is evaluating right now. */
  isRefreshing(): boolean {
    return this.#refreshing !== undefined;
  }

  /**
   * The newest report: from memory, from another replica's snapshot, or by
   * evaluating now when there is none anywhere.
   */
  async getReport(): Promise<ServedReport> {
    await this.#sync(!this.#current);
    if (!this.#current) {
      try {
        await this.refresh({ trigger: 'request' });
      } catch {
        // already logged by refresh
      }
    }
    const current = this.#current;
    if (!current) {
      throw new ServiceUnavailableError(
        'Team Insights has no report yet: evaluating the catalog failed (the backend log says why). It is retried on the next request and on schedule.',
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
    let report: Report;
    let entityCount = 0;
    try {
      const credentials = await this.#auth.getOwnServiceCredentials();
      const entities = await readCatalogForTeamInsights(
        this.#catalog,
        credentials,
        {
          signal,
          pageSize: this.#pageSize,
          extraFields: this.#customChecks.flatMap(check => check.fields ?? []),
        },
      );
      entityCount = entities.length;
      signal.throwIfAborted();
      report = evaluate(entities, {
        config: this.#config,
        now: this.#now(),
        customChecks: this.#customChecks,
      });
      signal.throwIfAborted();
    } catch (error) {
      await this.#fail(trigger, startedAt, signal, error);
      throw error;
    }

    // The evaluation succeeded: serve it here even if storing it fails.
    this.#current = { report };
    this.#failure = undefined;

    try {
      const snapshotId = await this.#store.saveSnapshot(report);
      if (this.#current.report === report) {
        this.#current.snapshotId = snapshotId;
      }
      const rows = await this.#store.writeHistory(report, { signal });
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
          `${report.entities.length} documented entities; ${rows} history rows written, ` +
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
    } catch (error) {
      this.#logger.warn(
        `Could not look for a newer Team Insights report in the database: ${stringifyError(
          error,
        )}`,
      );
    }
  }
}
