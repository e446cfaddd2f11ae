import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  AdoptionResponse,
  BUILT_IN_CHECKS,
  BuiltInCheckInfo,
  ChecksResponse,
  ConcernsResponse,
  EntityScorecardsResponse,
  HistoryResponse,
  Level,
  MoversResponse,
  MyTeamsResponse,
  OrgUnitsResponse,
  ProductsResponse,
  ReportMeta,
  ReportResponse,
  ScorecardId,
  SkillClustersResponse,
  SkillsResponse,
  teamInsightsScorecardsReadPermission,
  teamInsightsScorecardsRefreshPermission,
  TeamInsightsConfig,
  TeamDetailsResponse,
  TeamsPage,
  TeamsQuery,
  TrendsResponse,
} from '@team-insights/plugin-team-insights-common';
import { createReportFilter } from './filterReport';
import { AdoptionAnswer, adoptionOf } from './queries/adoption';
import { badgeLevel, publicBadgeLevel } from './queries/badges';
import type { CallerContext } from './queries/context';
import { entityScorecards } from './queries/entityScorecards';
import { CheckExplanation, explainCheck } from './queries/explainCheck';
import {
  HistorySource,
  history,
  movers,
  myTeamsOf,
  trends,
} from './queries/history';
import {
  checksOf,
  concerns,
  orgUnitsOf,
  productAdoptionOf,
  products,
  skillClusters,
  skills,
} from './queries/organisation';
import type { ScorecardQueriesOptions } from './queries/options';
import { PermissionCache } from './queries/PermissionCache';
import { reportJsonOf, reportOf } from './queries/report';
import { ReportBody, ResponseCache } from './queries/ResponseCache';
import {
  assertKnownCheck,
  teamsCsvOf,
  teamsJson,
  teamsPage,
} from './queries/teamsPage';
import { teamDetailsOf } from './queries/teamDetails';
import { ReportService } from './ReportService';
import { VisibilityService } from './visibility';

export { PERMISSION_CACHE_LIMIT } from './queries/PermissionCache';
export type { AdoptionAnswer } from './queries/adoption';
export type { CallerContext } from './queries/context';
export type { CheckExplanation } from './queries/explainCheck';
export type { ScorecardQueriesOptions } from './queries/options';
export type { ReportBody } from './queries/ResponseCache';

/**
 * What the REST API and the actions answer, for one caller: the read
 * permission, the report, and what of it the caller may see in the catalog.
 * Routes and actions only translate their input and call these; each view
 * lives in `queries/`, this class keeps permissions, visibility and the
 * store.
 */
export class ScorecardQueries {
  readonly #permissionCache: PermissionCache;
  readonly #cache = new ResponseCache();
  readonly #reports: ReportService;
  readonly #visibility: VisibilityService;
  readonly #engineConfig: TeamInsightsConfig;
  readonly #checks: BuiltInCheckInfo[];
  readonly #publicBadgeRefs: ReadonlySet<string>;
  readonly #history: HistorySource;

  constructor(options: ScorecardQueriesOptions) {
    const now = options.now ?? (() => new Date());
    this.#permissionCache = new PermissionCache({
      permissions: options.permissions,
      auth: options.auth,
      ttlMs: options.permissionCacheTtlMs ?? 0,
      now,
    });
    this.#reports = options.reports;
    this.#visibility = options.visibility;
    this.#engineConfig = options.engineConfig;
    this.#checks = options.checks ?? [...BUILT_IN_CHECKS];
    this.#publicBadgeRefs = new Set(
      (options.publicBadgeRefs ?? []).map(ref => ref.toLowerCase()),
    );
    this.#history = { store: options.store, now };
  }

  /**
   * Throws NotAllowedError unless the policy allows the permission. A user's
   * decision, ALLOW or DENY, is reused for `permissionCacheTtlMs`: the round
   * trip to the permission backend is most of a request's cost. Services
   * and anonymous callers are asked every time.
   */
  async authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<void> {
    if (!(await this.#permissionCache.isAllowed(credentials, permission))) {
      throw new NotAllowedError(
        `You are not allowed to ${
          permission === teamInsightsScorecardsRefreshPermission
            ? 'refresh'
            : 'read'
        } Team Insights scorecards (${permission.name})`,
      );
    }
  }

  /** The report and the caller's view of it, after the read permission. */
  async readContext(credentials: BackstageCredentials): Promise<CallerContext> {
    await this.authorize(credentials, teamInsightsScorecardsReadPermission);
    const served = await this.#reports.getReport();
    const view = await this.#visibility.forCaller(credentials, served.report);
    return {
      ...served,
      view,
      filter: createReportFilter(view, served.report, this.#engineConfig),
      meta: { evaluatedAt: served.report.evaluatedAt, stale: served.stale },
    };
  }

  /** See {@link reportOf}. */
  async report(credentials: BackstageCredentials): Promise<ReportResponse> {
    return reportOf(await this.readContext(credentials), this.#engineConfig);
  }

  /** See {@link reportJsonOf}. */
  async reportJson(credentials: BackstageCredentials): Promise<ReportBody> {
    const context = await this.readContext(credentials);
    return reportJsonOf(context, this.#engineConfig, this.#cache);
  }

  /** See {@link skills}. */
  async skills(credentials: BackstageCredentials): Promise<SkillsResponse> {
    const context = await this.readContext(credentials);
    return skills(context, this.#engineConfig, this.#cache);
  }

  /** See {@link productAdoptionOf}. */
  async productAdoption(
    credentials: BackstageCredentials,
  ): Promise<AdoptionResponse> {
    const context = await this.readContext(credentials);
    return productAdoptionOf(context, this.#cache);
  }

  /** See {@link checksOf}. */
  async checks(credentials: BackstageCredentials): Promise<ChecksResponse> {
    const context = await this.readContext(credentials);
    return checksOf(context, this.#checks, this.#cache);
  }

  /** See {@link orgUnitsOf}. */
  async orgUnits(credentials: BackstageCredentials): Promise<OrgUnitsResponse> {
    return orgUnitsOf(await this.readContext(credentials));
  }

  /** One page of teams the caller may see. */
  async teams(
    credentials: BackstageCredentials,
    query: TeamsQuery,
  ): Promise<TeamsPage> {
    assertKnownCheck(this.#checks, query);
    return teamsPage(await this.readContext(credentials), query);
  }

  /** See {@link teamsCsvOf}. */
  async teamsCsv(
    credentials: BackstageCredentials,
    query: TeamsQuery,
  ): Promise<string> {
    assertKnownCheck(this.#checks, query);
    return teamsCsvOf(await this.readContext(credentials), query);
  }

  /** See {@link teamsJson}. */
  async teamsJson(
    credentials: BackstageCredentials,
    query: TeamsQuery,
  ): Promise<string> {
    assertKnownCheck(this.#checks, query);
    const context = await this.readContext(credentials);
    return teamsJson(context, query, this.#cache);
  }

  /** See {@link entityScorecards}. */
  async entityScorecards(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<EntityScorecardsResponse> {
    return entityScorecards(await this.readContext(credentials), entityRef);
  }

  /** See {@link teamDetailsOf}. */
  async teamDetails(
    credentials: BackstageCredentials,
    teamRef: string,
  ): Promise<TeamDetailsResponse> {
    const context = await this.readContext(credentials);
    return teamDetailsOf(context, this.#engineConfig, teamRef);
  }

  /** See {@link myTeamsOf}. */
  async myTeams(
    credentials: BackstageCredentials,
    ownershipRefs: readonly string[],
    query: { limit?: number } = {},
  ): Promise<MyTeamsResponse> {
    const context = await this.readContext(credentials);
    return myTeamsOf(context, this.#history, ownershipRefs, query);
  }

  /** See {@link history}. */
  async history(
    credentials: BackstageCredentials,
    entityRef: string,
    query: { days: number; scorecard?: ScorecardId },
  ): Promise<HistoryResponse> {
    const context = await this.readContext(credentials);
    return history(context, this.#history, entityRef, query);
  }

  /** See {@link trends}. */
  async trends(
    credentials: BackstageCredentials,
    query: { days: number; scorecard?: ScorecardId; orgUnit?: string },
  ): Promise<TrendsResponse> {
    const context = await this.readContext(credentials);
    return trends(context, this.#history, query);
  }

  /** See {@link movers}. */
  async movers(
    credentials: BackstageCredentials,
    query: { days: number; scorecard?: ScorecardId },
  ): Promise<MoversResponse> {
    const context = await this.readContext(credentials);
    return movers(context, this.#history, query);
  }

  /** Platform products and the feature teams the caller may see. */
  async products(credentials: BackstageCredentials): Promise<ProductsResponse> {
    return products(await this.readContext(credentials));
  }

  /** Cross-cutting concerns the caller may see. */
  async concerns(credentials: BackstageCredentials): Promise<ConcernsResponse> {
    return concerns(await this.readContext(credentials));
  }

  /** See {@link badgeLevel}. */
  async badgeLevel(
    credentials: BackstageCredentials,
    entityRef: string,
    scorecard: ScorecardId,
  ): Promise<{ level: Level | null } | undefined> {
    const context = await this.readContext(credentials);
    return badgeLevel(context, entityRef, scorecard);
  }

  /**
   * The level for a public badge (`teamInsights.badges.public`), whoever
   * asks. Backstage's permission backend does not answer for requests
   * without credentials, so public badges cannot follow a policy: they are
   * opt-in per entity instead (see {@link publicBadgeLevel}).
   */
  async publicBadgeLevel(
    entityRef: string,
    scorecard: ScorecardId,
  ): Promise<{ level: Level | null } | undefined> {
    // An anonymous request never starts an evaluation.
    const { report } = await this.#reports.getReport({ evaluate: false });
    return publicBadgeLevel(
      report,
      this.#publicBadgeRefs,
      entityRef,
      scorecard,
    );
  }

  /** See {@link adoptionOf}. */
  async adoption(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<AdoptionAnswer> {
    return adoptionOf(await this.readContext(credentials), entityRef);
  }

  /** See {@link explainCheck}; needs the read permission. */
  async explainCheck(
    credentials: BackstageCredentials,
    checkId: string,
    entityRefs: { required?: string[]; optional?: string[] } = {},
  ): Promise<CheckExplanation & Partial<ReportMeta>> {
    await this.authorize(credentials, teamInsightsScorecardsReadPermission);
    return explainCheck(this.#checks, checkId, entityRefs, () =>
      this.readContext(credentials),
    );
  }

  /** The skill-cluster vocabulary; needs the read permission, not a report. */
  async skillClusters(
    credentials: BackstageCredentials,
  ): Promise<SkillClustersResponse> {
    await this.authorize(credentials, teamInsightsScorecardsReadPermission);
    return skillClusters(this.#engineConfig);
  }
}
