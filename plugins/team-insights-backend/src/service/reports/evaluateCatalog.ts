import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  evaluate,
  Report,
  TeamInsightsCheck,
  TeamInsightsConfig,
  TeamInsightsTimeline,
} from '@team-insights/plugin-team-insights-common';
import { readCatalogForTeamInsights } from '@team-insights/plugin-team-insights-node';
import { catalogPages, EvaluationWorker, ReportContent } from '../evaluation';
import type { HistoryRow } from '../store/historyRows';

/** One evaluation of the catalog, ready to store. */
export interface CatalogEvaluation {
  report: Report;
  /** The report serialised, when the worker did that. */
  content?: ReportContent;
  /** The report's history rows, when the worker built them. */
  historyRows?: HistoryRow[];
  /** Catalog entities read. */
  entityCount: number;
  /** The timeline the evaluation started from, if it could be read. */
  timeline?: TeamInsightsTimeline;
  /** That timeline advanced by the report, when the worker did that. */
  nextTimeline?: TeamInsightsTimeline;
}

/**
 * Reads the catalog and evaluates it with the engine: off the main thread
 * in the worker, so that the portal keeps answering meanwhile, or here when
 * custom checks run (they are functions of this thread's modules and cannot
 * be handed to a worker). Throws when the signal aborts.
 */
export async function evaluateCatalog(options: {
  catalog: CatalogService;
  auth: AuthService;
  worker: EvaluationWorker;
  config: TeamInsightsConfig;
  customChecks: TeamInsightsCheck[];
  pageSize: number;
  now: () => Date;
  signal: AbortSignal;
  /** The stored timeline, being read while the catalog is. */
  timeline: Promise<TeamInsightsTimeline | undefined>;
}): Promise<CatalogEvaluation> {
  const { catalog, signal, pageSize, customChecks } = options;
  const credentials = await options.auth.getOwnServiceCredentials();
  if (customChecks.length === 0) {
    const evaluation = await options.worker.evaluate({
      pages: catalogPages(catalog, credentials, { signal, pageSize }),
      config: options.config,
      now: options.now,
      signal,
      timeline: options.timeline,
    });
    const timeline = await options.timeline;
    signal.throwIfAborted();
    return {
      report: evaluation.report,
      content: evaluation.content,
      historyRows: evaluation.historyRows,
      entityCount: evaluation.entityCount,
      timeline,
      nextTimeline: timeline ? evaluation.nextTimeline : undefined,
    };
  }
  const entities = await readCatalogForTeamInsights(catalog, credentials, {
    signal,
    pageSize,
    extraFields: customChecks.flatMap(check => check.fields ?? []),
  });
  const timeline = await options.timeline;
  signal.throwIfAborted();
  const report = evaluate(entities, {
    config: options.config,
    now: options.now(),
    customChecks,
    timeline,
  });
  signal.throwIfAborted();
  return { report, entityCount: entities.length, timeline };
}
