import type {
  AuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type {
  BuiltInCheckInfo,
  TeamInsightsConfig,
} from '@team-insights/plugin-team-insights-common';
import type { ReportService } from '../ReportService';
import type { TeamInsightsStore } from '../TeamInsightsStore';
import type { VisibilityService } from '../visibility';

/** What ScorecardQueries answers from. */
export interface ScorecardQueriesOptions {
  permissions: PermissionsService;
  auth: AuthService;
  /**
   * How long a user's decision on the plugin's own permissions is reused
   * (`teamInsights.permissionCacheTtl`); 0 asks on every request.
   */
  permissionCacheTtlMs?: number;
  reports: ReportService;
  store: TeamInsightsStore;
  visibility: VisibilityService;
  engineConfig: TeamInsightsConfig;
  /** Every check the engine runs (`checkCatalogue`), built-in and custom. */
  checks?: BuiltInCheckInfo[];
  /**
   * Entities whose badges are public besides those annotated
   * `team-insights.io/public-badge: "true"` (`teamInsights.badges.public`).
   */
  publicBadgeRefs?: string[];
  now?: () => Date;
}
