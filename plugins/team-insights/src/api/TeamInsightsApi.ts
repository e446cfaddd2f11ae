import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  AdoptionResponse,
  ChecksResponse,
  ConcernsResponse,
  EntityScorecardsResponse,
  HistoryResponse,
  InitiativeResponse,
  InitiativesResponse,
  MyTeamsResponse,
  MoversResponse,
  OrgUnitsResponse,
  PlannerConfigResponse,
  ProductsResponse,
  RefreshResponse,
  ReportResponse,
  ScorecardId,
  SkillClustersResponse,
  SkillsResponse,
  StaffingQuery,
  StaffingResponse,
  TeamDetailsResponse,
  TeamsPage,
  TeamsQuery,
  TrendsResponse,
} from '@team-insights/plugin-team-insights-common';

/**
 * Options of {@link TeamInsightsApi.getEntityHistory}.
 * @public
 */
export interface EntityHistoryOptions {
  /** Only this scorecard; all of them when left out. */
  scorecard?: ScorecardId;
  /** How many days back from today. */
  days?: number;
}

/**
 * The Team Insights backend, as the frontend sees it. Every method reads what
 * the backend has already evaluated; only the planner scores drafts in the
 * browser, with the configuration {@link TeamInsightsApi.getPlannerConfig}
 * gives.
 * @public
 */
export interface TeamInsightsApi {
  /** The whole report (`GET /report`). */
  getReport(): Promise<ReportResponse>;
  /** One page of teams, filtered and sorted on the server (`GET /teams`). */
  getTeams(query?: TeamsQuery): Promise<TeamsPage>;
  /**
   * Every team of a teams query as CSV (`GET /teams` asked for
   * `text/csv`): all pages, `limit` and `cursor` ignored; with `check`, a
   * drill-down with the check's result per team.
   */
  getTeamsCsv(query?: TeamsQuery): Promise<string>;
  /** The scorecards of one Group, organisational unit or documented entity. */
  getEntityScorecards(
    entityRef: string | CompoundEntityRef,
  ): Promise<EntityScorecardsResponse>;
  /**
   * What a team's Group tab shows beside its scorecards, in one request
   * (`GET /teams/{namespace}/{name}/details`): its adoption, its owned
   * entities' documentation levels and its single points of failure by the
   * configured threshold.
   */
  getTeamDetails(
    teamRef: string | CompoundEntityRef,
  ): Promise<TeamDetailsResponse>;
  /** Daily scores of one entity. */
  getEntityHistory(
    entityRef: string | CompoundEntityRef,
    options?: EntityHistoryOptions,
  ): Promise<HistoryResponse>;
  /**
   * The organisation's mean score per scorecard and day, or with `orgUnit`
   * that organisational unit's own stored score (`GET /trends`).
   */
  getTrends(options?: {
    days?: number;
    orgUnit?: string;
  }): Promise<TrendsResponse>;
  /** Who moved most among the visible teams and org units (`GET /movers`). */
  getMovers(options?: {
    days?: 7 | 30 | 90 | 365;
    scorecard?: ScorecardId;
  }): Promise<MoversResponse>;
  /** Platform products and their adoption (`GET /products`). */
  getProducts(): Promise<ProductsResponse>;
  /** Cross-cutting concerns and their verdicts (`GET /concerns`). */
  getConcerns(): Promise<ConcernsResponse>;
  /** The skill-cluster vocabulary and required clusters per team type. */
  getSkillClusters(): Promise<SkillClustersResponse>;
  /** Skill supply per cluster and each team's clusters (`GET /skills`). */
  getSkills(): Promise<SkillsResponse>;
  /** Each product's adopters, decliners and rate (`GET /adoption`). */
  getAdoption(): Promise<AdoptionResponse>;
  /**
   * Every check with how many teams fail, warn, are waived or pass it
   * (`GET /checks`).
   */
  getChecks(): Promise<ChecksResponse>;
  /** The organisational units by name (`GET /org-units`). */
  getOrgUnits(): Promise<OrgUnitsResponse>;
  /**
   * The signed-in user's teams, their levels and how they changed over the
   * last week (`GET /my-teams`): the teams the user belongs to first, then
   * those under the groups they belong to.
   */
  getMyTeams(options?: { limit?: number }): Promise<MyTeamsResponse>;
  /** Ask the backend to evaluate the catalog again now (`POST /refresh`). */
  refresh(): Promise<RefreshResponse>;
  /**
   * The initiatives and their progress (`GET /initiatives`); with `team`,
   * only those covering that team.
   */
  getInitiatives(options?: { team?: string }): Promise<InitiativesResponse>;
  /** One initiative with its teams and burn-up (`GET /initiatives/{id}`). */
  getInitiative(id: string): Promise<InitiativeResponse>;
  /** An initiative's teams as CSV (`GET /initiatives/{id}`, `Accept: text/csv`). */
  getInitiativeCsv(id: string): Promise<string>;
  /** The engine configuration the planner scores drafts with. */
  getPlannerConfig(): Promise<PlannerConfigResponse>;
  /** Hires and moves that close coverage gaps (`GET /staffing`). */
  getStaffing(query?: StaffingQuery): Promise<StaffingResponse>;
}

/**
 * The {@link @backstage/core-plugin-api#ApiRef} of {@link TeamInsightsApi}.
 * @public
 */
export const teamInsightsApiRef = createApiRef<TeamInsightsApi>({
  id: 'plugin.team-insights.service',
});
