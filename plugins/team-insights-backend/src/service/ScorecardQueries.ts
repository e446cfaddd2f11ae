import type {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { createHash } from 'node:crypto';
import {
  AdoptionResponse,
  BUILT_IN_CHECKS,
  teamsCsv,
  BuiltInCheckInfo,
  CheckResult,
  ConcernsResponse,
  EntityScorecardsResponse,
  Finding,
  HistoryResponse,
  Level,
  MY_TEAMS_DELTA_DAYS,
  myTeams,
  MyTeamsResponse,
  ProductReport,
  productAdoption,
  ReportMeta,
  ProductsResponse,
  Report,
  ReportResponse,
  ScorecardId,
  ScorecardResult,
  SkillClustersResponse,
  SkillsResponse,
  skillSupply,
  teamInsightsScorecardsReadPermission,
  teamInsightsScorecardsRefreshPermission,
  TeamInsightsConfig,
  TeamsPage,
  TeamsQuery,
  teamSkills,
  TeamType,
  TrendsResponse,
  MoversResponse,
  rankMovers,
  utcDay,
} from '@team-insights/plugin-team-insights-common';
import { createReportFilter, filterReport } from './filterReport';
import { ReportService } from './ReportService';
import { queryTeams, summarizeTeam } from './teams';
import { dayBefore, TeamInsightsStore } from './TeamInsightsStore';
import { VisibilityService } from './visibility';

interface ReportIndex {
  teams: Map<string, Report['teams'][number]>;
  orgUnits: Map<string, Report['orgUnits'][number]>;
  entities: Map<string, Report['entities'][number]>;
  products: Map<string, Report['products'][number]>;
  findingsByRef: Map<string, Finding[]>;
}

const indexes = new WeakMap<Report, ReportIndex>();

/** Lookup tables of a report by lower-case entity ref, built once per report. */
export function indexOf(report: Report): ReportIndex {
  let index = indexes.get(report);
  if (!index) {
    const byRef = <T extends { entityRef: string }>(items: T[]) =>
      new Map(items.map(item => [item.entityRef.toLowerCase(), item]));
    const findingsByRef = new Map<string, Finding[]>();
    for (const finding of report.findings) {
      const key = finding.entityRef.toLowerCase();
      const list = findingsByRef.get(key) ?? [];
      list.push(finding);
      findingsByRef.set(key, list);
    }
    index = {
      teams: byRef(report.teams),
      orgUnits: byRef(report.orgUnits),
      entities: byRef(report.entities),
      products: byRef(report.products),
      findingsByRef,
    };
    indexes.set(report, index);
  }
  return index;
}

/** The adoption of a product, or of a team's products. */
export type AdoptionAnswer = ReportMeta & {
  entityRef: string;
  /** `product` for a platform product, `team` for a team. */
  type: 'product' | 'team';
  title: string;
  teamType?: TeamType;
  /** The product itself, or the products the team owns. */
  products: ProductReport[];
  /** For a team: its adoption scorecard. */
  scorecard?: ScorecardResult;
  /** For a team: the products of other teams it uses. */
  adopts?: string[];
  /** For a team: the products it declined. */
  declines?: string[];
};

/** One check explained, and its result for some teams or entities. */
export type CheckExplanation = BuiltInCheckInfo & {
  /** True for a check a backend module added. */
  custom: boolean;
  /** The check's result for each entity asked about (or the caller's teams). */
  results: Array<
    Pick<CheckResult, 'status' | 'message' | 'remediation' | 'waived'> & {
      entityRef: string;
    }
  >;
};

const BUILT_IN_IDS = new Set(BUILT_IN_CHECKS.map(check => check.id));

/**
 * Most permission decisions kept at once. When full, expired ones are
 * dropped, and if that is not enough, all of them: memory does not grow with
 * the number of users.
 */
export const PERMISSION_CACHE_LIMIT = 10_000;

/** Serialised pages of `GET /teams` kept per report, at most. */
const TEAM_PAGES_KEPT = 200;

/** `GET /report` serialised for callers who may see everything. */
export interface ReportBody {
  body: Buffer;
  /** A strong ETag of the body, for a body kept between requests. */
  etag?: string;
}

/** A user's decision on one permission, or the question still being asked. */
interface CachedDecision {
  allowed: Promise<boolean>;
  expiresAt: number;
}

/** The report as one caller may see it. */
export type CallerContext = Awaited<
  ReturnType<ScorecardQueries['readContext']>
>;

/**
 * What the REST API and the actions answer, for one caller: the read
 * permission, the report, and what of it the caller may see in the catalog.
 * Routes and actions only translate their input and call these.
 */
export class ScorecardQueries {
  readonly #permissions: PermissionsService;
  readonly #auth: AuthService;
  readonly #permissionCacheTtlMs: number;
  readonly #decisions = new Map<string, CachedDecision>();
  readonly #teamPages = new WeakMap<Report, Map<string, string>>();
  /** Aggregates for callers who see everything, per report. */
  readonly #aggregates = new WeakMap<
    Report,
    {
      skills?: Omit<SkillsResponse, keyof ReportMeta>;
      adoption?: Omit<AdoptionResponse, keyof ReportMeta>;
    }
  >();
  /** The one serialised report kept: that of the report served last. */
  #reportBody?: { report: Report; stale: boolean; value: ReportBody };
  readonly #reports: ReportService;
  readonly #store: TeamInsightsStore;
  readonly #visibility: VisibilityService;
  readonly #engineConfig: TeamInsightsConfig;
  readonly #checks: BuiltInCheckInfo[];
  readonly #publicBadgeRefs: ReadonlySet<string>;
  readonly #now: () => Date;

  constructor(options: {
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
  }) {
    this.#permissions = options.permissions;
    this.#auth = options.auth;
    this.#permissionCacheTtlMs = options.permissionCacheTtlMs ?? 0;
    this.#reports = options.reports;
    this.#store = options.store;
    this.#visibility = options.visibility;
    this.#engineConfig = options.engineConfig;
    this.#checks = options.checks ?? [...BUILT_IN_CHECKS];
    this.#publicBadgeRefs = new Set(
      (options.publicBadgeRefs ?? []).map(ref => ref.toLowerCase()),
    );
    this.#now = options.now ?? (() => new Date());
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
    if (!(await this.#isAllowed(credentials, permission))) {
      throw new NotAllowedError(
        `You are not allowed to ${
          permission === teamInsightsScorecardsRefreshPermission
            ? 'refresh'
            : 'read'
        } Team Insights scorecards (${permission.name})`,
      );
    }
  }

  async #isAllowed(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<boolean> {
    if (
      this.#permissionCacheTtlMs <= 0 ||
      !this.#auth.isPrincipal(credentials, 'user')
    ) {
      return this.#ask(credentials, permission);
    }
    const key = `${
      permission.name
    } ${credentials.principal.userEntityRef.toLowerCase()}`;
    const now = this.#now().getTime();
    const cached = this.#decisions.get(key);
    if (cached && cached.expiresAt > now) {
      return cached.allowed;
    }
    // Concurrent requests of the user share the one question.
    const entry: CachedDecision = {
      allowed: this.#ask(credentials, permission),
      expiresAt: now + this.#permissionCacheTtlMs,
    };
    this.#remember(key, entry, now);
    try {
      return await entry.allowed;
    } catch (error) {
      // A failure is not a decision: the next request asks again.
      if (this.#decisions.get(key) === entry) {
        this.#decisions.delete(key);
      }
      throw error;
    }
  }

  async #ask(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<boolean> {
    const [decision] = await this.#permissions.authorize([{ permission }], {
      credentials,
    });
    return decision.result === AuthorizeResult.ALLOW;
  }

  #remember(key: string, entry: CachedDecision, now: number) {
    const decisions = this.#decisions;
    if (!decisions.has(key) && decisions.size >= PERMISSION_CACHE_LIMIT) {
      for (const [k, cached] of decisions) {
        if (cached.expiresAt <= now) decisions.delete(k);
      }
      if (decisions.size >= PERMISSION_CACHE_LIMIT) {
        decisions.clear();
      }
    }
    decisions.set(key, entry);
  }

  /** The report and the caller's view of it, after the read permission. */
  async readContext(credentials: BackstageCredentials) {
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

  /** The whole report, filtered for the caller. */
  async report(credentials: BackstageCredentials): Promise<ReportResponse> {
    const { report, stale, view } = await this.readContext(credentials);
    return { ...filterReport(report, view, this.#engineConfig), stale };
  }

  /**
   * {@link ScorecardQueries.report} serialised, for the REST API. For a
   * caller who may see everything the body is the same for everyone, so it
   * is serialised once per report and staleness (one kept at a time: that
   * of the current report); other callers get their own every time.
   */
  async reportJson(credentials: BackstageCredentials): Promise<ReportBody> {
    const { report, stale, view } = await this.readContext(credentials);
    if (!view.all) {
      const json = JSON.stringify({
        ...filterReport(report, view, this.#engineConfig),
        stale,
      });
      return { body: Buffer.from(json) };
    }
    const kept = this.#reportBody;
    if (kept && kept.report === report && kept.stale === stale) {
      return kept.value;
    }
    const value = keptBody(JSON.stringify({ ...report, stale }));
    this.#reportBody = { report, stale, value };
    return value;
  }

  /**
   * The supply of each skill cluster, and each team's clusters, over the
   * teams the caller may see (`GET /skills`); computed once per report for
   * callers who see everything.
   */
  async skills(credentials: BackstageCredentials): Promise<SkillsResponse> {
    const { report, filter, meta, view } = await this.readContext(credentials);
    const compute = () => {
      const teams = filter.teams(report.teams);
      return {
        clusters: skillSupply(teams, this.#engineConfig.skillClusters),
        teams: teamSkills(teams),
      };
    };
    if (!view.all) {
      return { ...meta, ...compute() };
    }
    const kept = this.#keptAggregates(report);
    kept.skills ??= compute();
    return { ...meta, ...kept.skills };
  }

  #keptAggregates(report: Report) {
    let kept = this.#aggregates.get(report);
    if (!kept) {
      kept = {};
      this.#aggregates.set(report, kept);
    }
    return kept;
  }

  /**
   * Each platform product's adopters, decliners and adoption rate over the
   * teams the caller may see, and those feature teams (`GET /adoption`);
   * computed once per report for callers who see everything.
   */
  async productAdoption(
    credentials: BackstageCredentials,
  ): Promise<AdoptionResponse> {
    const { report, filter, meta, view } = await this.readContext(credentials);
    const compute = () =>
      productAdoption({
        teams: filter.teams(report.teams),
        products: filter.products(report.products),
        entities: filter.entities(report.entities),
      });
    if (!view.all) {
      return { ...meta, ...compute() };
    }
    const kept = this.#keptAggregates(report);
    kept.adoption ??= compute();
    return { ...meta, ...kept.adoption };
  }

  /**
   * Throws InputError unless the query's `check` is one the engine runs
   * (built-in or custom).
   */
  #assertKnownCheck(query: TeamsQuery) {
    if (query.check && !this.#checks.some(c => c.id === query.check)) {
      throw new InputError(
        `Invalid query: there is no check '${
          query.check
        }'. The checks are: ${this.#checks.map(check => check.id).join(', ')}`,
      );
    }
  }

  /** One page of teams the caller may see. */
  async teams(
    credentials: BackstageCredentials,
    query: TeamsQuery,
  ): Promise<TeamsPage> {
    this.#assertKnownCheck(query);
    const { report, filter, meta } = await this.readContext(credentials);
    return queryTeams(filter.teams(report.teams), query, meta);
  }

  /**
   * Every team the caller may see that matches the query, as CSV: all pages
   * of it in the query's order (`limit` and `cursor` are ignored).
   */
  async teamsCsv(
    credentials: BackstageCredentials,
    query: TeamsQuery,
  ): Promise<string> {
    this.#assertKnownCheck(query);
    const { report, filter, meta } = await this.readContext(credentials);
    const { cursor: _cursor, ...rest } = query;
    const all = queryTeams(
      filter.teams(report.teams),
      { ...rest, limit: Number.MAX_SAFE_INTEGER },
      meta,
    );
    return teamsCsv(all.items);
  }

  /**
   * {@link ScorecardQueries.teams} as JSON, for the REST API. For a caller
   * who may see every team the page is the same for everyone, so it is
   * serialised once per report, query and staleness; other callers get
   * their own page every time.
   */
  async teamsJson(
    credentials: BackstageCredentials,
    query: TeamsQuery,
  ): Promise<string> {
    this.#assertKnownCheck(query);
    const { report, filter, meta, view } = await this.readContext(credentials);
    if (!view.all) {
      return JSON.stringify(
        queryTeams(filter.teams(report.teams), query, meta),
      );
    }
    let pages = this.#teamPages.get(report);
    if (!pages) {
      pages = new Map();
      this.#teamPages.set(report, pages);
    }
    const key = JSON.stringify([
      meta.stale,
      Object.keys(query)
        .sort()
        .map(k => [k, query[k as keyof TeamsQuery]]),
    ]);
    let body = pages.get(key);
    if (body === undefined) {
      body = JSON.stringify(queryTeams(report.teams, query, meta));
      if (pages.size >= TEAM_PAGES_KEPT) pages.clear();
      pages.set(key, body);
    }
    return body;
  }

  /**
   * The scorecards of a team, organisational unit or documented entity.
   * Throws NotFoundError for an entity without scorecards or one the caller
   * cannot see, alike.
   */
  async entityScorecards(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<EntityScorecardsResponse> {
    const ref = entityRef.toLowerCase();
    const { report, filter, meta } = await this.readContext(credentials);
    if (!filter.isVisible(ref)) {
      notFound(ref);
    }
    const index = indexOf(report);
    const findingsFor = (refs: string[]) => {
      const seen = new Set<string>();
      const found: Finding[] = [];
      for (const r of refs) {
        const key = r.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        found.push(...(index.findingsByRef.get(key) ?? []));
      }
      return filter.findingsOf(found, refs);
    };

    const team = index.teams.get(ref);
    const unit = index.orgUnits.get(ref);
    const entity = index.entities.get(ref);
    if (team) {
      const related = [team.entityRef, ...team.owned];
      for (const card of Object.values(team.scorecards)) {
        for (const check of card.checks)
          related.push(...(check.entities ?? []));
      }
      return {
        ...meta,
        type: 'team',
        team: filter.teams([team])[0],
        findings: findingsFor(related),
      };
    }
    if (unit) {
      const teams = filter
        .teams(
          unit.teamRefs
            .map(r => index.teams.get(r.toLowerCase()))
            .filter(<T>(t: T | undefined): t is T => t !== undefined),
        )
        .map(summarizeTeam);
      return {
        ...meta,
        type: 'org-unit',
        orgUnit: filter.orgUnits([unit])[0],
        teams,
        findings: findingsFor([unit.entityRef]),
      };
    }
    if (entity) {
      const product = index.products.get(ref);
      return {
        ...meta,
        type: 'entity',
        entity: filter.entities([entity])[0],
        ...(product ? { product: filter.products([product])[0] } : {}),
        findings: findingsFor([entity.entityRef]),
      };
    }
    return notFound(ref);
  }

  /**
   * The caller's teams (`GET /my-teams`): those among `ownershipRefs` (the
   * caller's user and groups) and those under them, that the caller may
   * see, with how their scores changed over the last week according to the
   * stored history.
   */
  async myTeams(
    credentials: BackstageCredentials,
    ownershipRefs: readonly string[],
    query: { limit?: number } = {},
  ): Promise<MyTeamsResponse> {
    const { report, filter, meta } = await this.readContext(credentials);
    const now = this.#now();
    const sinceDay = dayBefore(now, MY_TEAMS_DELTA_DAYS);
    const visible = filter.teams(report.teams).map(summarizeTeam);
    const answer = myTeams({
      teams: visible,
      ownershipRefs,
      history: [],
      sinceDay,
      today: utcDay(now),
      limit: query.limit,
    });
    if (answer.items.length === 0) {
      return { ...meta, ...answer, since: sinceDay };
    }
    // only the history of the teams answered with is read
    const history = await this.#store.readHistoryOf(
      answer.items.map(team => team.entityRef),
      { sinceDay },
    );
    return {
      ...meta,
      ...myTeams({
        teams: visible,
        ownershipRefs,
        history,
        sinceDay,
        today: utcDay(now),
        limit: query.limit,
      }),
      since: sinceDay,
    };
  }

  /** One point per day and scorecard of an entity the caller may see. */
  async history(
    credentials: BackstageCredentials,
    entityRef: string,
    query: { days: number; scorecard?: ScorecardId },
  ): Promise<HistoryResponse> {
    const ref = entityRef.toLowerCase();
    const { report, filter } = await this.readContext(credentials);
    const index = indexOf(report);
    const known =
      index.teams.get(ref) ??
      index.orgUnits.get(ref) ??
      index.entities.get(ref);
    if (!known || !filter.isVisible(ref)) {
      notFound(ref);
    }
    const points = await this.#store.readHistory(known.entityRef, {
      sinceDay: dayBefore(this.#now(), query.days - 1),
      scorecard: query.scorecard,
    });
    return { entityRef: known.entityRef, points };
  }

  /**
   * The organisation's mean scores per day. For a caller who cannot see
   * everything, over the teams and documented entities of the current
   * report that the caller can see: the database is asked about those, so
   * the cost follows what the caller sees, never what is hidden.
   */
  async trends(
    credentials: BackstageCredentials,
    query: { days: number; scorecard?: ScorecardId; orgUnit?: string },
  ): Promise<TrendsResponse> {
    const { report, view, filter } = await this.readContext(credentials);
    if (query.orgUnit !== undefined) {
      // The org unit's own stored history; unknown and invisible answer alike.
      const ref = query.orgUnit.toLowerCase();
      const unit = indexOf(report).orgUnits.get(ref);
      if (!unit || !filter.isVisible(ref)) {
        notFound(ref);
      }
      const history = await this.#store.readHistory(unit.entityRef, {
        sinceDay: dayBefore(this.#now(), query.days - 1),
        scorecard: query.scorecard,
      });
      return {
        orgUnit: unit.entityRef,
        points: history.map(point => ({
          day: point.day,
          scorecard: point.scorecard,
          score: point.score,
          count: point.score === null ? 0 : 1,
        })),
      };
    }
    const onlyRefs = view.all
      ? undefined
      : [...report.teams, ...report.entities]
          .map(item => item.entityRef)
          .filter(ref => filter.isVisible(ref));
    const points = await this.#store.readTrends({
      sinceDay: dayBefore(this.#now(), query.days - 1),
      scorecard: query.scorecard,
      onlyRefs,
    });
    return { points };
  }

  /**
   * Who moved most over the last `days` days: the teams and org units the
   * caller may see, ranked from their stored history in one read of the
   * history table (chunked only for very many refs).
   */
  async movers(
    credentials: BackstageCredentials,
    query: { days: number; scorecard?: ScorecardId },
  ): Promise<MoversResponse> {
    const { report, filter } = await this.readContext(credentials);
    const subjects = [
      ...report.teams.map(team => ({ ...team, kind: 'team' as const })),
      ...report.orgUnits.map(unit => ({ ...unit, kind: 'orgUnit' as const })),
    ].filter(item => filter.isVisible(item.entityRef));
    const points = await this.#store.readHistoryOf(
      subjects.map(item => item.entityRef),
      {
        sinceDay: dayBefore(this.#now(), query.days),
        scorecard: query.scorecard,
        subjects: ['team', 'org-unit'],
      },
    );
    const byRef = new Map<string, typeof points>();
    for (const point of points) {
      const list = byRef.get(point.entityRef) ?? [];
      list.push(point);
      byRef.set(point.entityRef, list);
    }
    return rankMovers(
      subjects.map(item => ({
        entityRef: item.entityRef,
        kind: item.kind,
        title: item.title,
        points: byRef.get(item.entityRef) ?? [],
      })),
      {
        days: query.days,
        today: utcDay(this.#now()),
        scorecard: query.scorecard,
      },
    );
  }

  /** Platform products and the feature teams the caller may see. */
  async products(credentials: BackstageCredentials): Promise<ProductsResponse> {
    const { report, filter, meta } = await this.readContext(credentials);
    return {
      ...meta,
      items: filter.products(report.products),
      featureTeams: filter
        .teams(report.teams.filter(team => team.teamType === 'feature'))
        .map(team => team.entityRef),
    };
  }

  /** Cross-cutting concerns the caller may see. */
  async concerns(credentials: BackstageCredentials): Promise<ConcernsResponse> {
    const { report, filter, meta } = await this.readContext(credentials);
    return { ...meta, items: filter.concerns(report.concerns) };
  }

  /**
   * The level of one scorecard of an entity, for a badge: `{ level }` (null
   * when the scorecard has no level or does not apply to the entity) for an
   * entity the caller may see, undefined for one without scorecards or one
   * the caller cannot see — deliberately the same answer, so that a badge
   * does not tell whether a hidden entity exists. Nothing but the level.
   */
  async badgeLevel(
    credentials: BackstageCredentials,
    entityRef: string,
    scorecard: ScorecardId,
  ): Promise<{ level: Level | null } | undefined> {
    const ref = entityRef.toLowerCase();
    const { report, filter } = await this.readContext(credentials);
    if (!filter.isVisible(ref)) {
      return undefined;
    }
    return levelIn(report, ref, scorecard);
  }

  /**
   * The level for a public badge (`teamInsights.badges.public`), whoever
   * asks. Backstage's permission backend does not answer for requests
   * without credentials, so public badges cannot follow a policy: they are
   * opt-in per entity instead. A team, organisational unit or documented
   * entity annotated `team-insights.io/public-badge: "true"`, or listed in
   * the config, answers its level (nothing else); anything else — an entity
   * that did not opt in, one without scorecards, or none at all — is
   * undefined alike, so a public badge cannot probe what exists.
   */
  async publicBadgeLevel(
    entityRef: string,
    scorecard: ScorecardId,
  ): Promise<{ level: Level | null } | undefined> {
    // An anonymous request never starts an evaluation.
    const { report } = await this.#reports.getReport({ evaluate: false });
    const ref = entityRef.toLowerCase();
    const index = indexOf(report);
    const item =
      index.teams.get(ref) ??
      index.orgUnits.get(ref) ??
      index.entities.get(ref);
    if (!item?.publicBadge && !this.#publicBadgeRefs.has(ref)) {
      return undefined;
    }
    return levelIn(report, ref, scorecard);
  }

  /**
   * The adoption of a platform product (its adopters and declines), or of a
   * team: the products it owns with theirs, its adoption scorecard, and the
   * products of others it uses or declined. Throws NotFoundError for anything
   * else, or anything the caller cannot see.
   */
  async adoption(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<AdoptionAnswer> {
    const ref = entityRef.toLowerCase();
    const { report, filter, meta } = await this.readContext(credentials);
    // An entity the caller may not read is answered like one that does not
    // exist, with the same words.
    const neither = () =>
      new NotFoundError(
        `${ref} is neither a platform product nor a team in the catalog, or you cannot see it`,
      );
    if (!filter.isVisible(ref)) {
      throw neither();
    }
    const index = indexOf(report);
    const product = index.products.get(ref);
    if (product) {
      return {
        ...meta,
        entityRef: product.entityRef,
        type: 'product',
        title: index.entities.get(ref)?.title ?? product.entityRef,
        products: filter.products([product]),
      };
    }
    const found = index.teams.get(ref);
    if (found) {
      const [team] = filter.teams([found]);
      const owned = report.products.filter(p => p.owner?.toLowerCase() === ref);
      const visibleProducts = filter.products(report.products);
      return {
        ...meta,
        entityRef: team.entityRef,
        type: 'team',
        title: team.title,
        teamType: team.teamType,
        products: filter.products(owned),
        scorecard: team.scorecards.adoption,
        adopts: visibleProducts
          .filter(p => p.adopters.some(a => a.toLowerCase() === ref))
          .map(p => p.entityRef),
        declines: visibleProducts
          .filter(p => p.declinedBy.some(d => d.toLowerCase() === ref))
          .map(p => p.entityRef),
      };
    }
    throw neither();
  }

  /**
   * What a check judges, why it matters and its weight, from the engine's
   * catalogue; with `entityRefs`, the check's result for each of them that
   * the caller may see, with its remediation (the YAML to paste, where a
   * catalog-info.yaml change fixes it). `required` refs that are unknown or
   * invisible answer NotFoundError; `optional` ones are skipped.
   */
  async explainCheck(
    credentials: BackstageCredentials,
    checkId: string,
    entityRefs: { required?: string[]; optional?: string[] } = {},
  ): Promise<CheckExplanation & Partial<ReportMeta>> {
    await this.authorize(credentials, teamInsightsScorecardsReadPermission);
    const id = checkId.trim().toLowerCase();
    const info = this.#checks.find(check => check.id === id);
    if (!info) {
      throw new NotFoundError(
        `There is no check '${checkId}'. The checks are: ${this.#checks
          .map(check => check.id)
          .join(', ')}`,
      );
    }
    const explanation: CheckExplanation & Partial<ReportMeta> = {
      ...info,
      custom: !BUILT_IN_IDS.has(info.id),
      results: [],
    };
    const required = (entityRefs.required ?? []).map(r => r.toLowerCase());
    const optional = (entityRefs.optional ?? []).map(r => r.toLowerCase());
    if (required.length === 0 && optional.length === 0) {
      return explanation;
    }
    const { report, filter, meta } = await this.readContext(credentials);
    Object.assign(explanation, meta);
    const index = indexOf(report);
    const resultFor = (ref: string): CheckResult | undefined => {
      if (!filter.isVisible(ref)) return undefined;
      const team = index.teams.get(ref);
      if (team) {
        return filter
          .teams([team])[0]
          .scorecards[info.scorecard]?.checks.find(c => c.id === info.id);
      }
      const entity = index.entities.get(ref);
      if (entity && info.scorecard === 'documentation') {
        return filter
          .entities([entity])[0]
          .scorecards.documentation.checks.find(c => c.id === info.id);
      }
      return undefined;
    };
    const seen = new Set<string>();
    for (const [ref, mustExist] of [
      ...required.map(r => [r, true] as const),
      ...optional.map(r => [r, false] as const),
    ]) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      const known =
        filter.isVisible(ref) &&
        (index.teams.has(ref) || index.entities.has(ref));
      if (!known) {
        if (mustExist) notFound(ref);
        continue;
      }
      const result = resultFor(ref);
      if (!result) continue;
      explanation.results.push({
        entityRef: ref,
        status: result.status,
        message: result.message,
        ...(result.remediation ? { remediation: result.remediation } : {}),
        ...(result.waived ? { waived: result.waived } : {}),
      });
    }
    return explanation;
  }

  /** The skill-cluster vocabulary; needs the read permission, not a report. */
  async skillClusters(
    credentials: BackstageCredentials,
  ): Promise<SkillClustersResponse> {
    await this.authorize(credentials, teamInsightsScorecardsReadPermission);
    const config = this.#engineConfig;
    return {
      items: config.skillClusters.map(cluster => ({
        id: cluster.id,
        title: cluster.title,
        ...(cluster.description ? { description: cluster.description } : {}),
      })),
      teamTypes: {
        feature: {
          requiredSkills: [...config.teamTypes.feature.requiredSkills],
        },
        centralized: {
          requiredSkills: [...config.teamTypes.centralized.requiredSkills],
        },
        expertise: {
          requiredSkills: [...config.teamTypes.expertise.requiredSkills],
        },
      },
    };
  }
}

/** The level of a scorecard of a team, org unit or documented entity. */
function levelIn(
  report: Report,
  ref: string,
  scorecard: ScorecardId,
): { level: Level | null } | undefined {
  const index = indexOf(report);
  const scored = index.teams.get(ref) ?? index.orgUnits.get(ref);
  if (scored) {
    return { level: scored.scorecards[scorecard]?.level ?? null };
  }
  const entity = index.entities.get(ref);
  if (entity) {
    return {
      level:
        scorecard === 'documentation'
          ? entity.scorecards.documentation.level
          : null,
    };
  }
  return undefined;
}

function keptBody(json: string): ReportBody {
  const body = Buffer.from(json);
  const etag = `"${createHash('sha1')
    .update(body)
    .digest('base64url')
    .slice(0, 27)}"`;
  return { body, etag };
}

/** The answer for an entity without scorecards, or one the caller cannot see. */
export function notFound(entityRef: string): never {
  throw new NotFoundError(
    `No Team Insights scorecards for ${entityRef}: it is not a team, an organisational unit or a documented entity in the catalog`,
  );
}
