import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  ConcernsResponse,
  EntityScorecardsResponse,
  Finding,
  HistoryResponse,
  Level,
  ProductsResponse,
  Report,
  ReportResponse,
  ScorecardId,
  SkillClustersResponse,
  teamInsightsScorecardsReadPermission,
  teamInsightsScorecardsRefreshPermission,
  TeamInsightsConfig,
  TeamsPage,
  TeamsQuery,
  TrendsResponse,
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
  readonly #reports: ReportService;
  readonly #store: TeamInsightsStore;
  readonly #visibility: VisibilityService;
  readonly #engineConfig: TeamInsightsConfig;
  readonly #now: () => Date;

  constructor(options: {
    permissions: PermissionsService;
    reports: ReportService;
    store: TeamInsightsStore;
    visibility: VisibilityService;
    engineConfig: TeamInsightsConfig;
    now?: () => Date;
  }) {
    this.#permissions = options.permissions;
    this.#reports = options.reports;
    this.#store = options.store;
    this.#visibility = options.visibility;
    this.#engineConfig = options.engineConfig;
    this.#now = options.now ?? (() => new Date());
  }

  /** Throws NotAllowedError unless the policy allows the permission. */
  async authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<void> {
    const [decision] = await this.#permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
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
  async readContext(credentials: BackstageCredentials) {
    await this.authorize(credentials, teamInsightsScorecardsReadPermission);
    const served = await this.#reports.getReport();
    const view = await this.#visibility.forCaller(credentials, served.report);
    return {
      ...served,
      view,
      filter: createReportFilter(view),
      meta: { evaluatedAt: served.report.evaluatedAt, stale: served.stale },
    };
  }

  /** The whole report, filtered for the caller. */
  async report(credentials: BackstageCredentials): Promise<ReportResponse> {
    const { report, stale, view } = await this.readContext(credentials);
    return { ...filterReport(report, view), stale };
  }

  /** One page of teams the caller may see. */
  async teams(
    credentials: BackstageCredentials,
    query: TeamsQuery,
  ): Promise<TeamsPage> {
    const { report, filter, meta } = await this.readContext(credentials);
    return queryTeams(filter.teams(report.teams), query, meta);
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
    const findingsFor = (refs: Iterable<string>) => {
      const seen = new Set<string>();
      const found: Finding[] = [];
      for (const r of refs) {
        const key = r.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        found.push(...(index.findingsByRef.get(key) ?? []));
      }
      return filter.findings(found);
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

  /** The organisation's mean scores per day, without what the caller cannot see. */
  async trends(
    credentials: BackstageCredentials,
    query: { days: number; scorecard?: ScorecardId },
  ): Promise<TrendsResponse> {
    const { view } = await this.readContext(credentials);
    const points = await this.#store.readTrends({
      sinceDay: dayBefore(this.#now(), query.days - 1),
      scorecard: query.scorecard,
      excludeRefs: view.hidden,
    });
    return { points };
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

/** The answer for an entity without scorecards, or one the caller cannot see. */
export function notFound(entityRef: string): never {
  throw new NotFoundError(
    `No Team Insights scorecards for ${entityRef}: it is not a team, an organisational unit or a documented entity in the catalog`,
  );
}
