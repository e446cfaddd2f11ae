import type { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import type {
  Report,
  TeamInsightsTimeline,
} from '@team-insights/plugin-team-insights-common';
import type { TeamInsightsStore } from '../TeamInsightsStore';

/** The latest failed refresh a replica knows of. */
export interface Failure {
  at: string;
  reason: string;
}

/** What a replica serves, and what it knows of the last refreshes. */
export interface ReplicaState {
  current?: { report: Report; snapshotId?: number };
  failure?: Failure;
  /** Whether the served report was evaluated on this replica. */
  ownReport: boolean;
  /** Whether reading the database for newer reports is failing. */
  syncFailing: boolean;
  /** The timeline after this replica's last evaluation. */
  lastTimeline?: TeamInsightsTimeline;
}

/**
 * Brings a replica up to date with the database: a newer snapshot of
 * another replica is loaded (or, when the newest cannot be served and the
 * replica has nothing, the newest one that can), a snapshot whose content
 * another evaluation confirmed takes its newer time without being loaded
 * again, and the last refresh attempt says whether the report is stale.
 * `state` is read again after each await: an evaluation on this replica
 * may have finished meanwhile. A database that does not answer is logged
 * once per outage, and the replica serves what it has.
 */
export async function syncWithStore(
  store: Pick<
    TeamInsightsStore,
    'getState' | 'loadSnapshot' | 'loadNewestReadableSnapshot'
  >,
  state: ReplicaState,
  logger: LoggerService,
): Promise<void> {
  try {
    const { latestSnapshot, latestRefresh } = await store.getState();
    const current = state.current;
    if (
      current &&
      latestSnapshot &&
      latestSnapshot.id === current.snapshotId &&
      latestSnapshot.evaluatedAt > current.report.evaluatedAt
    ) {
      // A later evaluation found the same report: only the time moved.
      state.current = {
        report: {
          ...current.report,
          evaluatedAt: latestSnapshot.evaluatedAt,
        },
        snapshotId: current.snapshotId,
      };
      state.ownReport = false;
    } else if (
      latestSnapshot &&
      latestSnapshot.id !== current?.snapshotId &&
      (!current || latestSnapshot.evaluatedAt > current.report.evaluatedAt)
    ) {
      const report = await store.loadSnapshot(latestSnapshot.id);
      if (
        report &&
        (!state.current ||
          report.evaluatedAt > state.current.report.evaluatedAt)
      ) {
        state.current = { report, snapshotId: latestSnapshot.id };
        state.ownReport = false;
      } else if (!report && !state.current) {
        // The newest snapshot cannot be served (the store said why, once):
        // a replica without a report serves the newest one that can.
        const older = await store.loadNewestReadableSnapshot();
        if (older && !state.current) {
          state.current = { report: older.report, snapshotId: older.id };
          state.ownReport = false;
        }
      }
    }
    if (latestRefresh?.status === 'failed') {
      if (!state.failure || latestRefresh.finishedAt > state.failure.at) {
        state.failure = {
          at: latestRefresh.finishedAt,
          reason: latestRefresh.error ?? 'unknown',
        };
      }
    } else if (
      latestRefresh?.status === 'succeeded' &&
      state.failure &&
      latestRefresh.finishedAt > state.failure.at &&
      state.current &&
      latestRefresh.evaluatedAt === state.current.report.evaluatedAt
    ) {
      state.failure = undefined;
    }
    if (state.syncFailing) {
      state.syncFailing = false;
      logger.info('Team Insights reads the database again for newer reports');
    }
  } catch (error) {
    // Once per outage, not once per request.
    if (!state.syncFailing) {
      state.syncFailing = true;
      logger.warn(
        `Could not look for a newer Team Insights report in the database; serving what this replica has until it answers again: ${stringifyError(
          error,
        )}`,
      );
    }
  }
}
