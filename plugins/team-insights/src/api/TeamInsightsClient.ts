import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  parseEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  AdoptionResponse,
  ChecksResponse,
  ConcernsResponse,
  EntityScorecardsResponse,
  HistoryResponse,
  InitiativeResponse,
  InitiativesResponse,
  MyTeamsResponse,
  OrgUnitsResponse,
  PlannerConfigResponse,
  ProductsResponse,
  RefreshResponse,
  ReportResponse,
  SkillClustersResponse,
  SkillsResponse,
  StaffingQuery,
  StaffingResponse,
  TeamDetailsResponse,
  TeamsPage,
  TeamsQuery,
  TrendsResponse,
  MoversResponse,
  ScorecardId,
} from '@team-insights/plugin-team-insights-common';
import type { EntityHistoryOptions, TeamInsightsApi } from './TeamInsightsApi';

/**
 * Talks to the Team Insights backend under `/api/team-insights/v1`, through
 * the app's `fetchApi` (which adds the user's credentials).
 * @public
 */
export class TeamInsightsClient implements TeamInsightsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getReport(): Promise<ReportResponse> {
    return this.get('/report');
  }

  async getTeams(query: TeamsQuery = {}): Promise<TeamsPage> {
    return this.get('/teams', teamsParams(query));
  }

  async getTeamsCsv(query: TeamsQuery = {}): Promise<string> {
    const { limit: _limit, cursor: _cursor, ...rest } = query;
    return this.csv('/teams', teamsParams(rest));
  }

  async getEntityScorecards(
    entityRef: string | CompoundEntityRef,
  ): Promise<EntityScorecardsResponse> {
    return this.get(entityPath(entityRef));
  }

  async getTeamDetails(
    teamRef: string | CompoundEntityRef,
  ): Promise<TeamDetailsResponse> {
    const { namespace, name } =
      typeof teamRef === 'string'
        ? parseEntityRef(teamRef, { defaultKind: 'group' })
        : teamRef;
    return this.get(
      `/teams/${encodeURIComponent(namespace)}/${encodeURIComponent(
        name,
      )}/details`,
    );
  }

  async getEntityHistory(
    entityRef: string | CompoundEntityRef,
    options: EntityHistoryOptions = {},
  ): Promise<HistoryResponse> {
    return this.get(`${entityPath(entityRef)}/history`, {
      scorecard: options.scorecard,
      days: options.days,
    });
  }

  async getTrends(
    options: { days?: number; orgUnit?: string } = {},
  ): Promise<TrendsResponse> {
    return this.get('/trends', {
      days: options.days,
      orgUnit: options.orgUnit,
    });
  }

  async getMovers(
    options: { days?: 7 | 30 | 90 | 365; scorecard?: ScorecardId } = {},
  ): Promise<MoversResponse> {
    return this.get('/movers', {
      days: options.days,
      scorecard: options.scorecard,
    });
  }

  async getProducts(): Promise<ProductsResponse> {
    return this.get('/products');
  }

  async getConcerns(): Promise<ConcernsResponse> {
    return this.get('/concerns');
  }

  async getSkillClusters(): Promise<SkillClustersResponse> {
    return this.get('/skill-clusters');
  }

  async getSkills(): Promise<SkillsResponse> {
    return this.get('/skills');
  }

  async getAdoption(): Promise<AdoptionResponse> {
    return this.get('/adoption');
  }

  async getChecks(): Promise<ChecksResponse> {
    return this.get('/checks');
  }

  async getOrgUnits(): Promise<OrgUnitsResponse> {
    return this.get('/org-units');
  }

  async getMyTeams(options: { limit?: number } = {}): Promise<MyTeamsResponse> {
    return this.get('/my-teams', { limit: options.limit });
  }

  async refresh(): Promise<RefreshResponse> {
    return this.request('/refresh', undefined, { method: 'POST' });
  }

  async getInitiatives(
    options: { team?: string } = {},
  ): Promise<InitiativesResponse> {
    return this.get('/initiatives', { team: options.team });
  }

  async getInitiative(id: string): Promise<InitiativeResponse> {
    return this.get(`/initiatives/${encodeURIComponent(id)}`);
  }

  async getInitiativeCsv(id: string): Promise<string> {
    return this.csv(`/initiatives/${encodeURIComponent(id)}`);
  }

  async getPlannerConfig(): Promise<PlannerConfigResponse> {
    return this.get('/planner/config');
  }

  async getStaffing(query: StaffingQuery = {}): Promise<StaffingResponse> {
    return this.get('/staffing', { ...query });
  }

  private async get<T>(
    path: string,
    query?: Record<string, string | number | undefined>,
  ): Promise<T> {
    return this.request(path, query);
  }

  private async request<T>(
    path: string,
    query?: Record<string, string | number | undefined>,
    init?: RequestInit,
  ): Promise<T> {
    const response = await this.send(path, query, init);
    return (await response.json()) as T;
  }

  /** A CSV export: the same route asked for `text/csv`. */
  private async csv(
    path: string,
    query?: Record<string, string | number | undefined>,
  ): Promise<string> {
    const response = await this.send(path, query, {
      headers: { Accept: 'text/csv' },
    });
    return response.text();
  }

  private async send(
    path: string,
    query?: Record<string, string | number | undefined>,
    init?: RequestInit,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('team-insights');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== '') {
        params.set(key, String(value));
      }
    }
    const search = params.toString();
    const url = `${baseUrl}/v1${path}${search ? `?${search}` : ''}`;
    const response = await this.fetchApi.fetch(url, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

function teamsParams(
  query: TeamsQuery,
): Record<string, string | number | undefined> {
  return {
    type: query.type,
    composition: query.composition,
    adoption: query.adoption,
    documentation: query.documentation,
    orgUnit: query.orgUnit,
    q: query.q,
    check: query.check,
    status: query.status,
    sort: query.sort,
    order: query.order,
    limit: query.limit,
    cursor: query.cursor,
  };
}

function entityPath(entityRef: string | CompoundEntityRef): string {
  const { kind, namespace, name } =
    typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef;
  return `/entities/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}
