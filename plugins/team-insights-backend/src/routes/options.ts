import type {
  HttpAuthService,
  SchedulerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type { InitiativeQueries } from '../service/initiatives/InitiativeQueries';
import type { PlannerService } from '../service/PlannerService';
import type { ReportService } from '../service/ReportService';
import type { ScorecardQueries } from '../service/ScorecardQueries';

/** What the router needs. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  scheduler: SchedulerService;
  reports: ReportService;
  queries: ScorecardQueries;
  planner: PlannerService;
  /** Whether anonymous readers may fetch badges (`teamInsights.badges.public`). */
  publicBadges?: boolean;
  /** The configured initiatives (`teamInsights.initiatives`). */
  initiatives?: InitiativeQueries;
  /** Who a signed-in caller is, for `GET /my-teams`. */
  userInfo?: UserInfoService;
}
