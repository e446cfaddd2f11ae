import type {
  AuthService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { PlannerService } from '../service/PlannerService';
import type { ScorecardQueries } from '../service/ScorecardQueries';
import { registerExplainCheckAction } from './explainCheck';
import { registerGetAdoptionAction } from './getAdoption';
import { registerGetTeamScorecardsAction } from './getTeamScorecards';
import { registerListTeamsAction } from './listTeams';
import { registerGetInitiativeProgressAction } from './getInitiativeProgress';
import type { InitiativeQueries } from '../service/initiatives/InitiativeQueries';
import { registerSuggestStaffingAction } from './suggestStaffing';

/**
 * Registers the Team Insights actions with the actions registry, which
 * `@backstage/plugin-mcp-actions-backend` serves to AI assistants over MCP.
 * Every action runs with the caller's credentials through the same
 * ScorecardQueries as the REST API: the same permission, the same catalog
 * visibility, the same filtering. One action per module; their shared
 * schemas are in `schemas.ts`.
 */
export function createTeamInsightsActions(options: {
  actionsRegistry: ActionsRegistryService;
  queries: ScorecardQueries;
  planner: PlannerService;
  auth: AuthService;
  userInfo: UserInfoService;
  now?: () => Date;
  initiatives?: InitiativeQueries;
}) {
  const context = { ...options, now: options.now ?? (() => new Date()) };
  registerGetTeamScorecardsAction(context);
  registerListTeamsAction(context);
  registerExplainCheckAction(context);
  registerGetAdoptionAction(context);
  registerGetInitiativeProgressAction(context);
  registerSuggestStaffingAction(context);
}
