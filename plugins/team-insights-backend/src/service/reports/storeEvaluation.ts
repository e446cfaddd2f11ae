import type { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import { advanceTimeline } from '@team-insights/plugin-team-insights-common';
import type { TeamInsightsStore } from '../TeamInsightsStore';
import type { CatalogEvaluation } from './evaluateCatalog';
import type { ReplicaState } from './replicaState';

/** What caused a refresh. */
export type RefreshTrigger = 'schedule' | 'request' | 'manual';

/**
 * Stores a successful evaluation for the other replicas and the history:
 * the snapshot (whose id the replica then serves it under, unless another
 * report took its place meanwhile), the day's history rows, the advanced
 * timeline, the retention and the refresh log; then logs what it did.
 * Throws, after logging, when the database does not take it.
 */
export async function storeEvaluation(
  store: TeamInsightsStore,
  logger: LoggerService,
  state: ReplicaState,
  evaluation: CatalogEvaluation,
  run: {
    trigger: RefreshTrigger;
    startedAt: Date;
    signal: AbortSignal;
    retentionDays: number;
    now: () => Date;
  },
): Promise<void> {
  const { report, content, historyRows, entityCount, timeline } = evaluation;
  const { nextTimeline } = evaluation;
  const { trigger, startedAt, retentionDays, now } = run;
  try {
    const snapshot = await store.saveSnapshot(report, content);
    if (state.current?.report === report) {
      state.current.snapshotId = snapshot.id;
    }
    const rows = await store.writeHistory(report, {
      signal: run.signal,
      rows: historyRows,
    });
    if (timeline) {
      state.lastTimeline =
        nextTimeline ??
        advanceTimeline(timeline, report, new Date(report.evaluatedAt));
      await store.writeTimeline(state.lastTimeline);
    }
    const deleted = await store.applyRetention(retentionDays, now());
    await store.recordRefresh({
      startedAt: startedAt.toISOString(),
      finishedAt: now().toISOString(),
      status: 'succeeded',
      trigger,
      evaluatedAt: report.evaluatedAt,
      entityCount,
    });
    logger.info(
      `Evaluated ${entityCount} catalog entities (${trigger}): ` +
        `${report.teams.length} teams, ${report.orgUnits.length} organisational units, ` +
        `${report.entities.length} documented entities; ${
          snapshot.written ? 'report stored' : 'report unchanged'
        }, ${rows} history rows written, ` +
        `${deleted} rows older than ${retentionDays} days deleted, in ${
          now().getTime() - startedAt.getTime()
        } ms`,
    );
  } catch (error) {
    logger.error(
      `Team Insights evaluated the catalog but could not store the report and its history; other replicas keep serving their previous report: ${stringifyError(
        error,
      )}`,
    );
    throw error;
  }
}

/**
 * Logs a failed refresh, with the report still served (stale) if any, and
 * records it in the refresh log for the other replicas; a database that
 * does not take it is logged too, and nothing is thrown.
 */
export async function recordFailure(
  store: Pick<TeamInsightsStore, 'recordRefresh'>,
  logger: LoggerService,
  failure: {
    trigger: RefreshTrigger;
    startedAt: Date;
    finishedAt: string;
    reason: string;
    /** `evaluatedAt` of the report still served, if any. */
    served?: string;
  },
): Promise<void> {
  const { trigger, reason, served } = failure;
  logger.warn(
    served
      ? `Team Insights refresh (${trigger}) failed; serving the report evaluated at ${served} as stale: ${reason}`
      : `Team Insights refresh (${trigger}) failed and there is no earlier report to serve: ${reason}`,
  );
  try {
    await store.recordRefresh({
      startedAt: failure.startedAt.toISOString(),
      finishedAt: failure.finishedAt,
      status: 'failed',
      trigger,
      error: reason,
    });
  } catch (storeError) {
    logger.warn(
      `Could not record the failed refresh: ${stringifyError(storeError)}`,
    );
  }
}
