import type { z } from 'zod/v4';
import * as m from './models';
import * as q from './queries';

/** A documented error answer, by status; see `errorResponses` in openapi.ts. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 503;

/** One operation of the REST API, as openapi.ts writes it. */
export interface OperationSpec {
  method: 'get' | 'post';
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** The router's query schema; its fields become the query parameters. */
  query?: z.ZodType;
  /** Path parameters, as `#/components/parameters/<name>` or inline. */
  pathParameters?: Array<string | Record<string, unknown>>;
  /** Who may call it, when it is not only a Backstage token. */
  security?: Array<Record<string, string[]>>;
  /** The success answer: a registered schema, or an SVG image. */
  response: {
    status?: 200 | 202;
    description: string;
    body: z.ZodType | 'svg';
    /** With `Accept: text/csv`: what Content-Disposition says. */
    csv?: string;
    headers?: Record<string, unknown>;
  };
  errors: ErrorStatus[];
}

const ENTITY = ['Kind', 'Namespace', 'Name'];
const READ_ERRORS: ErrorStatus[] = [400, 401, 403, 503];
const ENTITY_ERRORS: ErrorStatus[] = [400, 401, 403, 404, 503];

/**
 * Every route of the router, in the order openapi.yaml lists them. The
 * texts are the reference; docs/api.md explains them at more length.
 */
export const operations: OperationSpec[] = [
  {
    method: 'get',
    path: '/v1/report',
    operationId: 'getReport',
    summary: 'The whole report, as the caller may see it.',
    query: q.emptyQuerySchema,
    response: { description: 'The report.', body: m.ReportResponse },
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/teams',
    operationId: 'listTeams',
    summary: 'Teams with their three levels, filtered, sorted and paged.',
    query: q.teamsQuerySchema,
    response: {
      description:
        'One page of teams; with `Accept: text/csv`, every team of the filtered query (all pages, `limit` and `cursor` ignored) as a CSV download.',
      body: m.TeamsPage,
      csv: 'With text/csv, `attachment; filename="teams.csv"` (`teams-CHECK.csv` for a drill-down).',
    },
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/teams/{namespace}/{name}/details',
    operationId: 'getTeamDetails',
    summary:
      "What a team's Group tab shows beside its scorecards, in one answer.",
    description:
      "The team's adoption (products used, declined with reasons, concerns rebuilt, mandatory products not used, and its own products with their adopters), its owned documented entities worst documented first, and its single points of failure by thresholds.redundancyMinPeople. Only what the caller may see in the catalog; a team the caller cannot see answers 404 like one that does not exist.",
    pathParameters: ['Namespace', 'Name'],
    query: q.emptyQuerySchema,
    response: {
      description: "The team's details.",
      body: m.TeamDetailsResponse,
    },
    errors: ENTITY_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/entities/{kind}/{namespace}/{name}',
    operationId: 'getEntityScorecards',
    summary:
      'The scorecards of a team, an organisational unit or a documented entity.',
    pathParameters: ENTITY,
    query: q.emptyQuerySchema,
    response: {
      description: "The entity's scorecards.",
      body: m.EntityScorecardsResponse,
    },
    errors: ENTITY_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/entities/{kind}/{namespace}/{name}/history',
    operationId: 'getEntityHistory',
    summary: 'One point per day and scorecard for an entity.',
    pathParameters: ENTITY,
    query: q.historyQuerySchema,
    response: {
      description: 'The history, oldest day first.',
      body: m.HistoryResponse,
    },
    errors: ENTITY_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/trends',
    operationId: 'getTrends',
    summary:
      "The organisation's mean score per scorecard and day, or one org unit's.",
    query: q.trendsQuerySchema,
    response: {
      description: 'The trend, oldest day first.',
      body: m.TrendsResponse,
    },
    errors: ENTITY_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/movers',
    operationId: 'getMovers',
    summary:
      'Who moved most, among the teams and org units the caller may see.',
    description:
      'Ranks the visible teams and organisational units by how far their stored score moved over the period: from the last score on or before its first day (or the first score inside it) to the latest one.',
    query: q.moversQuerySchema,
    response: {
      description:
        'Biggest improvements and biggest drops, ten of each at most.',
      body: m.MoversResponse,
    },
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/products',
    operationId: 'listProducts',
    summary: 'Platform products with adopters, declines and adoption rate.',
    query: q.emptyQuerySchema,
    response: { description: 'The products.', body: m.ProductsResponse },
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/concerns',
    operationId: 'listConcerns',
    summary: 'Cross-cutting concerns with who builds them and their verdict.',
    query: q.emptyQuerySchema,
    response: { description: 'The concerns.', body: m.ConcernsResponse },
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/skill-clusters',
    operationId: 'listSkillClusters',
    summary:
      'The skill-cluster vocabulary and the required clusters per team type.',
    query: q.emptyQuerySchema,
    response: {
      description: 'The vocabulary.',
      body: m.SkillClustersResponse,
    },
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: '/v1/skills',
    operationId: 'getSkills',
    summary:
      "Skill supply per cluster and each team's clusters, over the teams the caller may see.",
    query: q.emptyQuerySchema,
    response: { description: 'The skill supply.', body: m.SkillsResponse },
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/adoption',
    operationId: 'getAdoption',
    summary:
      "Each product's adopters, decliners and adoption rate, over the teams the caller may see.",
    query: q.emptyQuerySchema,
    response: {
      description: 'The adoption of every product the caller may see.',
      body: m.AdoptionResponse,
    },
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/checks',
    operationId: 'listChecks',
    summary:
      'Every check with how many teams fail, warn, are waived or pass it, over the teams the caller may see.',
    query: q.emptyQuerySchema,
    response: { description: 'The check catalogue.', body: m.ChecksResponse },
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/org-units',
    operationId: 'listOrgUnits',
    summary: 'The organisational units the caller may see, by name.',
    query: q.emptyQuerySchema,
    response: { description: 'The org units.', body: m.OrgUnitsResponse },
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/my-teams',
    operationId: 'getMyTeams',
    summary:
      "The signed-in caller's teams, their levels and what changed in the last week.",
    description:
      "The teams among the caller's ownership refs (the teams the user belongs to, from Backstage's user info), then the teams under those groups (an organisational unit the user belongs to), that the caller may see; the caller's own teams first, each part by title. Each scorecard carries its score and level now, those of seven days ago from the stored history (the earliest recorded day since, when that day was not recorded) and the change of score. A service caller has no teams.",
    query: q.myTeamsQuerySchema,
    response: { description: "The caller's teams.", body: m.MyTeamsResponse },
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/planner/config',
    operationId: 'getPlannerConfig',
    summary:
      "The engine configuration the portal's planner scores drafts with.",
    description:
      'The effective `teamInsights` configuration (skill clusters, required clusters per team type, thresholds, weights, levels), and the custom checks the backend runs that a draft in the portal is scored without.',
    query: q.emptyQuerySchema,
    response: {
      description: 'The configuration.',
      body: m.PlannerConfigResponse,
    },
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: '/v1/staffing',
    operationId: 'suggestStaffing',
    summary: 'The fewest hires and moves that close coverage gaps.',
    description:
      'Greedy suggestions over the teams the caller may read: hires and moves that close missing required clusters and single points of failure, without growing a team past `thresholds.teamSize.maxPass`; a move only when the team the person leaves opens no gap and keeps its composition level. Without `team` or `orgUnit`, the whole organisation.',
    query: q.staffingQuerySchema,
    response: { description: 'The suggestions.', body: m.StaffingResponse },
    errors: ENTITY_ERRORS,
  },
  {
    method: 'post',
    path: '/v1/refresh',
    operationId: 'refresh',
    summary: 'Re-evaluate the catalog now.',
    query: q.emptyQuerySchema,
    response: {
      status: 202,
      description: 'The refresh was started.',
      body: m.RefreshResponse,
    },
    errors: [400, 401, 403, 409],
  },
  {
    method: 'get',
    path: '/v1/badges/{kind}/{namespace}/{name}/{scorecard}.svg',
    operationId: 'getBadge',
    summary: "A small SVG badge with one scorecard's level, for a README.",
    description:
      'Shows the scorecard\'s name and the entity\'s level on it (`gold`, `silver`, `bronze`, `none`), `n/a` when the scorecard has no level or does not apply to the entity, and `unknown` when the entity has no scorecards or the caller cannot see it — the two are answered identically, so a badge never tells whether a hidden entity exists. No score, no check. Needs credentials and `team-insights.scorecards.read` like every route, unless `teamInsights.badges.public` is `true` or a list of refs: then the badge is public, the same for everyone whether or not they send credentials, and shows a level only for entities that opt in (`team-insights.io/public-badge: "true"`, or listed); every other badge is `unknown`, identical to a missing entity. Cached for 300 seconds (`private`, or `public` when badges are public).',
    pathParameters: [
      ...ENTITY,
      {
        name: 'scorecard',
        in: 'path',
        required: true,
        schema: { $ref: '#/components/schemas/ScorecardId' },
      },
    ],
    query: q.emptyQuerySchema,
    security: [{ BackstageToken: [] }, {}],
    response: {
      description: 'The badge (also for an unknown or hidden entity).',
      body: 'svg',
      headers: {
        'Cache-Control': {
          schema: { type: 'string', examples: ['private, max-age=300'] },
        },
      },
    },
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/initiatives',
    operationId: 'listInitiatives',
    summary:
      'The configured initiatives and how many of their teams are at target.',
    description:
      'Counts only the covered teams the caller may see in the catalog.',
    query: q.initiativesQuerySchema,
    response: {
      description: 'The initiatives, in configuration order.',
      body: m.InitiativesResponse,
    },
    errors: READ_ERRORS,
  },
  {
    method: 'get',
    path: '/v1/initiatives/{id}',
    operationId: 'getInitiative',
    summary: 'One initiative with its teams, burn-up and projected completion.',
    description:
      'The teams, the burn-up (from the stored daily history) and the projection count only the covered teams the caller may see.',
    pathParameters: ['Id'],
    query: q.emptyQuerySchema,
    response: {
      description:
        'The initiative; with `Accept: text/csv`, its teams (the ones the caller may see) as a CSV download.',
      body: m.InitiativeResponse,
      csv: 'With text/csv, `attachment; filename="initiative-ID.csv"`.',
    },
    errors: ENTITY_ERRORS,
  },
];
