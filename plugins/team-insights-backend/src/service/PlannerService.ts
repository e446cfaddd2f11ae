import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BUILT_IN_CHECKS,
  BuiltInCheckInfo,
  PlannerConfigResponse,
  ScorecardId,
  StaffingQuery,
  StaffingResponse,
  suggestStaffing,
  TeamInsightsConfig,
  teamInsightsScorecardsReadPermission,
} from '@team-insights/plugin-team-insights-common';
import { readCatalogForTeamInsights } from '@team-insights/plugin-team-insights-node';
import type { ScorecardQueries } from './ScorecardQueries';

/** Plans kept at once: a few directors asking about a few org units. */
const MAX_CACHED_PLANS = 16;

/**
 * The planner's backend: the effective engine configuration, and staffing
 * suggestions computed over what the caller may read in the catalog (so a
 * suggestion never names a team or person the caller cannot see).
 */
export class PlannerService {
  readonly #catalog: CatalogService;
  readonly #queries: ScorecardQueries;
  readonly #config: TeamInsightsConfig;
  readonly #checks: BuiltInCheckInfo[];
  readonly #plans = new Map<string, Promise<StaffingResponse>>();

  constructor(options: {
    catalog: CatalogService;
    queries: ScorecardQueries;
    config: TeamInsightsConfig;
    checks: BuiltInCheckInfo[];
  }) {
    this.#catalog = options.catalog;
    this.#queries = options.queries;
    this.#config = options.config;
    this.#checks = options.checks;
  }

  async config(
    credentials: BackstageCredentials,
  ): Promise<PlannerConfigResponse> {
    await this.#queries.authorize(
      credentials,
      teamInsightsScorecardsReadPermission,
    );
    return {
      config: this.#config,
      notPreviewed: this.#checks
        .filter(check => !BUILT_IN_CHECKS.some(b => b.id === check.id))
        .map(({ id, title, scorecard }) => ({
          id,
          title,
          scorecard: scorecard as ScorecardId,
        })),
    };
  }

  async staffing(
    credentials: BackstageCredentials,
    query: StaffingQuery,
  ): Promise<StaffingResponse> {
    const { report } = await this.#queries.readContext(credentials);
    let teams: string[] | undefined;
    if (query.orgUnit) {
      const unit = report.orgUnits.find(u => u.entityRef === query.orgUnit);
      if (!unit) throw new NotFoundError(`No org unit ${query.orgUnit}`);
      teams = unit.teamRefs;
    } else if (query.team) {
      teams = [query.team];
    }
    const principal =
      'principal' in credentials
        ? JSON.stringify(credentials.principal)
        : 'unknown';
    const key = [
      principal,
      report.evaluatedAt,
      query.orgUnit ?? '',
      query.team ?? '',
      query.limit ?? '',
    ].join('\u0000');
    let plan = this.#plans.get(key);
    if (!plan) {
      plan = this.#compute(credentials, report.evaluatedAt, teams, query);
      // forget a failed computation at once, keep a good one (bounded)
      plan.catch(() => this.#plans.delete(key));
      this.#plans.set(key, plan);
      while (this.#plans.size > MAX_CACHED_PLANS) {
        this.#plans.delete(this.#plans.keys().next().value!);
      }
    }
    return plan;
  }

  async #compute(
    credentials: BackstageCredentials,
    evaluatedAt: string,
    teams: string[] | undefined,
    query: StaffingQuery,
  ): Promise<StaffingResponse> {
    // the caller's own view of the catalog: nobody hidden is moved or named
    const entities = await readCatalogForTeamInsights(
      this.#catalog,
      credentials,
    );
    if (query.team && !teams?.some(ref => entities.some(e => isRef(e, ref)))) {
      throw new NotFoundError(`No team ${query.team}`);
    }
    const plan = suggestStaffing(entities, {
      config: this.#config,
      now: new Date(evaluatedAt),
      teams,
      limit: query.limit,
    });
    return { ...plan, evaluatedAt, method: 'greedy' };
  }
}

function isRef(
  entity: { kind: string; metadata: { name: string; namespace?: string } },
  ref: string,
) {
  return (
    `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
      entity.metadata.name
    }`.toLowerCase() === ref
  );
}
