import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  TeamInsightsCheck,
  TeamInsightsConfig,
} from '@team-insights/plugin-team-insights-common';
import type { TeamInsightsStore } from '../TeamInsightsStore';

/** What a ReportService is made with. */
export interface ReportServiceOptions {
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
}
