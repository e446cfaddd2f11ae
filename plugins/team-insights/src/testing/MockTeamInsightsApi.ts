import {
  parseEntityRef,
  stringifyEntityRef,
  type CompoundEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  checkCatalogue,
  checkTallies,
  orgUnitNames,
  MY_TEAMS_DELTA_DAYS,
  myTeams,
  productAdoption,
  skillSupply,
  teamSkills,
  defaultTeamInsightsConfig,
  suggestStaffing,
  initiativeTeamsCsv,
  teamDetails,
  teamsCsv,
  rankMovers,
  queryTeams,
  summarizeTeam,
  levelOf,
  addDays,
  SCORECARD_IDS,
} from '@team-insights/plugin-team-insights-common';
import type {
  AdoptionResponse,
  ChecksResponse,
  ConcernsResponse,
  EntityScorecardsResponse,
  HistoryPoint,
  HistoryResponse,
  Initiative,
  InitiativeResponse,
  InitiativesResponse,
  MyTeamsResponse,
  OrgUnitsResponse,
  PlannerConfigResponse,
  ProductsResponse,
  RefreshResponse,
  Report,
  ReportResponse,
  ScorecardId,
  SkillClustersResponse,
  SkillsResponse,
  StaffingQuery,
  StaffingResponse,
  TeamDetailsResponse,
  TeamInsightsConfig,
  TeamsPage,
  TeamsQuery,
  TrendPoint,
  TrendsResponse,
  MoversResponse,
  MoverSeries,
} from '@team-insights/plugin-team-insights-common';
import {
  evaluateInitiative,
  initiativePhase,
  projectCompletion,
} from '@team-insights/plugin-team-insights-common';
import type {
  EntityHistoryOptions,
  TeamInsightsApi,
} from '../api/TeamInsightsApi';
import { fixtureReport } from './report';

const SCORECARDS = SCORECARD_IDS;

/** The default level thresholds, used only to label generated history. */
const historyLevel = (score: number | null) =>
  levelOf(score, defaultTeamInsightsConfig);

/**
 * A summary row of `GET /teams`, as the backend derives it from a team.
 * @deprecated Use `summarizeTeam` of the common package.
 */
export const toTeamSummary = summarizeTeam;

/** The default skill-cluster vocabulary, as the backend serves it. */
const SKILL_CLUSTERS: SkillClustersResponse = {
  items: [
    {
      id: 'analytics-translator',
      title: 'Analytics translator',
      description:
        'Bridges the operational domain and the technical experts; has an overview of the whole value stream.',
    },
    { id: 'back-end-engineer', title: 'Back-end engineer' },
    {
      id: 'data-engineer',
      title: 'Data engineer',
      description:
        'Builds the software and infrastructure that integrate a model with the existing IT landscape.',
    },
    {
      id: 'data-scientist',
      title: 'Data scientist',
      description: 'Develops machine learning models.',
    },
    { id: 'front-end-engineer', title: 'Front-end engineer' },
    { id: 'product-owner', title: 'Product owner' },
    {
      id: 'site-reliability-engineer',
      title: 'Site reliability engineer',
      description:
        'Monitors and improves the technical reliability of models in operation.',
    },
    { id: 'software-engineer', title: 'Software engineer' },
    { id: 'ux-designer', title: 'UX designer' },
  ],
  teamTypes: {
    feature: {
      requiredSkills: [
        'analytics-translator',
        'data-engineer',
        'data-scientist',
        'site-reliability-engineer',
      ],
    },
    centralized: { requiredSkills: [] },
    expertise: { requiredSkills: [] },
  },
};

/** The initiative the mock API follows unless given others. */
export const fixtureInitiatives: Initiative[] = [
  {
    id: 'ml-feature-teams',
    title: 'Feature teams that hold every cluster',
    description: "Move the data lab's people into the feature teams.",
    teams: { orgUnit: 'group:default/ml', teamTypes: ['feature'] },
    target: { scorecard: 'composition', level: 'silver' },
    start: addDays(fixtureReport.evaluatedAt.slice(0, 10), -42),
    deadline: addDays(fixtureReport.evaluatedAt.slice(0, 10), 60),
  },
];

/**
 * An in-memory {@link TeamInsightsApi} over a report, for tests and the dev
 * page. It answers like the backend: filtering, sorting and cursor paging of
 * teams, 404 for entities that are not in the report, generated history.
 */
export class MockTeamInsightsApi implements TeamInsightsApi {
  readonly calls: Array<{ method: string; args: unknown[] }> = [];
  private readonly report: Report;
  private readonly stale: boolean;
  private readonly initiatives: Initiative[];

  private readonly entities: Entity[];
  private readonly config: TeamInsightsConfig;
  private readonly ownershipEntityRefs: string[];

  /**
   * @param options - `report` is what the read methods answer from (default:
   *   a small ML organisation); `entities` and `config` are what staffing is
   *   computed over, with the engine's own `suggestStaffing` (no entities:
   *   nothing to staff); `config` also sets the redundancy threshold of
   *   `getTeamDetails`.
   */
  constructor(
    options: {
      report?: Report;
      stale?: boolean;
      initiatives?: Initiative[];
      entities?: Entity[];
      config?: TeamInsightsConfig;
      /**
       * The signed-in user's ownership refs, what `getMyTeams` answers
       * from (default: a user of no team).
       */
      ownershipEntityRefs?: string[];
    } = {},
  ) {
    this.report = options.report ?? fixtureReport;
    this.stale = options.stale ?? false;
    this.initiatives = options.initiatives ?? fixtureInitiatives;
    this.entities = options.entities ?? [];
    this.config = options.config ?? defaultTeamInsightsConfig;
    this.ownershipEntityRefs = options.ownershipEntityRefs ?? [
      'user:default/guest',
    ];
  }

  private meta() {
    return { evaluatedAt: this.report.evaluatedAt, stale: this.stale };
  }

  async getReport(): Promise<ReportResponse> {
    this.calls.push({ method: 'getReport', args: [] });
    return { ...this.report, stale: this.stale };
  }

  async getTeams(query: TeamsQuery = {}): Promise<TeamsPage> {
    this.calls.push({ method: 'getTeams', args: [query] });
    // the backend's query, over every team (the mock's caller sees all)
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
    return queryTeams(this.report.teams, { ...query, limit }, this.meta());
  }

  async getTeamsCsv(query: TeamsQuery = {}): Promise<string> {
    this.calls.push({ method: 'getTeamsCsv', args: [query] });
    const { cursor: _cursor, ...rest } = query;
    const all = await this.getTeams({ ...rest, limit: 500 });
    this.calls.pop();
    return teamsCsv(all.items);
  }

  async getEntityScorecards(
    entityRef: string | CompoundEntityRef,
  ): Promise<EntityScorecardsResponse> {
    const ref = normalize(entityRef);
    this.calls.push({ method: 'getEntityScorecards', args: [ref] });
    const findings = this.report.findings.filter(f => f.entityRef === ref);
    const team = this.report.teams.find(t => t.entityRef === ref);
    if (team) {
      const memberFindings = this.report.findings.filter(
        f =>
          f.entityRef === ref ||
          team.scorecards.composition.checks.some(c =>
            c.entities?.includes(f.entityRef),
          ),
      );
      return { ...this.meta(), type: 'team', team, findings: memberFindings };
    }
    const orgUnit = this.report.orgUnits.find(o => o.entityRef === ref);
    if (orgUnit) {
      return {
        ...this.meta(),
        type: 'org-unit',
        orgUnit,
        teams: this.report.teams
          .filter(t => orgUnit.teamRefs.includes(t.entityRef))
          .map(toTeamSummary),
        findings,
      };
    }
    const entity = this.report.entities.find(e => e.entityRef === ref);
    if (entity) {
      const product = this.report.products.find(p => p.entityRef === ref);
      return {
        ...this.meta(),
        type: 'entity',
        entity,
        ...(product ? { product } : {}),
        findings,
      };
    }
    throw new NotFoundError(`No scorecards for ${ref}`);
  }

  /**
   * A team's details with the engine's own `teamDetails`, by the
   * configured `thresholds.redundancyMinPeople`.
   */
  async getTeamDetails(
    teamRef: string | CompoundEntityRef,
  ): Promise<TeamDetailsResponse> {
    const ref = normalize(teamRef);
    this.calls.push({ method: 'getTeamDetails', args: [ref] });
    const team = this.report.teams.find(t => t.entityRef === ref);
    if (!team) {
      throw new NotFoundError(`No Team Insights team ${ref}`);
    }
    return {
      ...this.meta(),
      ...teamDetails({
        team,
        teams: this.report.teams,
        products: this.report.products,
        entities: this.report.entities,
        concerns: this.report.concerns,
        redundancyMinPeople: this.config.thresholds.redundancyMinPeople,
      }),
    };
  }

  async getEntityHistory(
    entityRef: string | CompoundEntityRef,
    options: EntityHistoryOptions = {},
  ): Promise<HistoryResponse> {
    const ref = normalize(entityRef);
    this.calls.push({ method: 'getEntityHistory', args: [ref, options] });
    return this.generatedHistory(ref, options);
  }

  /** History that climbs 4 points a week up to today's scores. */
  private generatedHistory(
    ref: string,
    options: EntityHistoryOptions,
  ): HistoryResponse {
    const days = options.days ?? 30;
    const today = this.report.evaluatedAt.slice(0, 10);
    const current: Partial<Record<ScorecardId, number | null>> = {};
    const team = this.report.teams.find(t => t.entityRef === ref);
    const entity = this.report.entities.find(e => e.entityRef === ref);
    if (team) {
      for (const id of SCORECARDS) current[id] = team.scorecards[id].score;
    } else if (entity) {
      current.documentation = entity.scorecards.documentation.score;
    } else {
      throw new NotFoundError(`No history for ${ref}`);
    }
    const points: HistoryPoint[] = [];
    for (let back = Math.min(days, 30) - 1; back >= 0; back--) {
      for (const id of SCORECARDS) {
        if (!(id in current) || (options.scorecard && options.scorecard !== id))
          continue;
        const now = current[id] ?? null;
        const score =
          now === null ? null : Math.max(0, now - Math.floor(back / 7) * 4);
        points.push({
          day: addDays(today, -back),
          scorecard: id,
          score,
          level: historyLevel(score),
          failingChecks: [],
        });
      }
    }
    return { entityRef: ref, points };
  }

  async getTrends(
    options: { days?: number; orgUnit?: string } = {},
  ): Promise<TrendsResponse> {
    this.calls.push({ method: 'getTrends', args: [options] });
    const today = this.report.evaluatedAt.slice(0, 10);
    if (options.orgUnit !== undefined) {
      const ref = normalize(options.orgUnit);
      const unit = this.report.orgUnits.find(u => u.entityRef === ref);
      if (!unit) {
        throw new NotFoundError(`No Team Insights scorecards for ${ref}`);
      }
      const unitPoints: TrendPoint[] = [];
      for (const id of SCORECARDS) {
        const now = unit.scorecards[id].score;
        if (now === null) continue;
        for (
          let back = Math.min(options.days ?? 90, 365) - 1;
          back >= 0;
          back--
        ) {
          unitPoints.push({
            day: addDays(today, -back),
            scorecard: id,
            score: Math.max(0, now - Math.floor(back / 7) * 2),
            count: 1,
          });
        }
      }
      return { orgUnit: unit.entityRef, points: unitPoints };
    }
    const days = Math.min(options.days ?? 30, 90);
    const points: TrendPoint[] = [];
    for (const id of SCORECARDS) {
      const scores = this.report.teams
        .map(t => t.scorecards[id].score)
        .filter((s): s is number => s !== null);
      if (scores.length === 0) continue;
      const mean = Math.round(
        scores.reduce((a, b) => a + b, 0) / scores.length,
      );
      for (let back = days - 1; back >= 0; back--) {
        points.push({
          day: addDays(today, -back),
          scorecard: id,
          score: Math.max(0, mean - Math.floor(back / 7) * 3),
          count: scores.length,
        });
      }
    }
    return { points };
  }

  /**
   * Who moved most, ranked by the common `rankMovers` over a made-up
   * history: every other team and org unit rose to its current score over
   * the last weeks, the others fell to it.
   */
  async getMovers(
    options: { days?: 7 | 30 | 90 | 365; scorecard?: ScorecardId } = {},
  ): Promise<MoversResponse> {
    this.calls.push({ method: 'getMovers', args: [options] });
    const today = this.report.evaluatedAt.slice(0, 10);
    const days = options.days ?? 30;
    const subjects = [
      ...this.report.teams.map(t => ({ ...t, kind: 'team' as const })),
      ...this.report.orgUnits.map(u => ({ ...u, kind: 'orgUnit' as const })),
    ];
    const series: MoverSeries[] = subjects.map((subject, index) => {
      const sign = index % 2 === 0 ? 1 : -1;
      const points: MoverSeries['points'] = [];
      for (const id of SCORECARDS) {
        const now = subject.scorecards[id].score;
        if (now === null) continue;
        for (const back of [days, 0]) {
          const moved = Math.round(
            (((index % 5) + 1) * 2 * Math.min(back, 30)) / 30,
          );
          points.push({
            day: addDays(today, -back),
            scorecard: id,
            score: Math.min(100, Math.max(0, now - sign * moved)),
          });
        }
      }
      return {
        entityRef: subject.entityRef,
        kind: subject.kind,
        title: subject.title,
        points,
      };
    });
    return rankMovers(series, { days, today, scorecard: options.scorecard });
  }

  async getProducts(): Promise<ProductsResponse> {
    this.calls.push({ method: 'getProducts', args: [] });
    return {
      ...this.meta(),
      items: this.report.products,
      featureTeams: this.report.teams
        .filter(t => t.teamType === 'feature')
        .map(t => t.entityRef),
    };
  }

  async getConcerns(): Promise<ConcernsResponse> {
    this.calls.push({ method: 'getConcerns', args: [] });
    return { ...this.meta(), items: this.report.concerns };
  }

  async getSkillClusters(): Promise<SkillClustersResponse> {
    this.calls.push({ method: 'getSkillClusters', args: [] });
    return SKILL_CLUSTERS;
  }

  async getSkills(): Promise<SkillsResponse> {
    this.calls.push({ method: 'getSkills', args: [] });
    return {
      ...this.meta(),
      clusters: skillSupply(this.report.teams, SKILL_CLUSTERS.items),
      teams: teamSkills(this.report.teams),
    };
  }

  async getAdoption(): Promise<AdoptionResponse> {
    this.calls.push({ method: 'getAdoption', args: [] });
    return { ...this.meta(), ...productAdoption(this.report) };
  }

  async getChecks(): Promise<ChecksResponse> {
    this.calls.push({ method: 'getChecks', args: [] });
    return {
      ...this.meta(),
      // the catalogue of a backend without custom checks
      checks: checkTallies(this.report.teams, checkCatalogue([], this.config)),
    };
  }

  async getOrgUnits(): Promise<OrgUnitsResponse> {
    this.calls.push({ method: 'getOrgUnits', args: [] });
    return { ...this.meta(), items: orgUnitNames(this.report.orgUnits) };
  }

  async getMyTeams(options: { limit?: number } = {}): Promise<MyTeamsResponse> {
    this.calls.push({ method: 'getMyTeams', args: [options] });
    const today = this.report.evaluatedAt.slice(0, 10);
    const since = addDays(today, -MY_TEAMS_DELTA_DAYS);
    const teams = this.report.teams.map(toTeamSummary);
    const history: Array<HistoryPoint & { entityRef: string }> = [];
    for (const team of teams) {
      const { points } = this.generatedHistory(team.entityRef, {
        days: MY_TEAMS_DELTA_DAYS + 1,
      });
      history.push(...points.map(p => ({ ...p, entityRef: team.entityRef })));
    }
    return {
      ...this.meta(),
      ...myTeams({
        teams,
        ownershipRefs: this.ownershipEntityRefs,
        history,
        sinceDay: since,
        today,
        limit: options.limit,
      }),
      since,
    };
  }

  async refresh(): Promise<RefreshResponse> {
    this.calls.push({ method: 'refresh', args: [] });
    return { status: 'started' };
  }

  private initiativeSummary(initiative: Initiative) {
    const evaluation = evaluateInitiative(initiative, this.report);
    return {
      id: initiative.id,
      title: initiative.title,
      ...(initiative.description
        ? { description: initiative.description }
        : {}),
      start: initiative.start,
      deadline: initiative.deadline,
      target: initiative.target,
      phase: initiativePhase(initiative, this.report.evaluatedAt.slice(0, 10)),
      ...evaluation,
    };
  }

  async getInitiatives(
    options: { team?: string } = {},
  ): Promise<InitiativesResponse> {
    this.calls.push({ method: 'getInitiatives', args: [options] });
    const team = options.team ? normalize(options.team) : undefined;
    return {
      items: this.initiatives
        .map(initiative => this.initiativeSummary(initiative))
        .filter(
          summary => !team || summary.teams.some(t => t.entityRef === team),
        )
        .map(({ teams: _teams, ...summary }) => summary),
    };
  }

  /**
   * One initiative against the report, with a burn-up of one point a week
   * from its start that climbs to today's count.
   */
  async getInitiative(id: string): Promise<InitiativeResponse> {
    this.calls.push({ method: 'getInitiative', args: [id] });
    const initiative = this.initiatives.find(i => i.id === id);
    if (!initiative) {
      throw new NotFoundError(`There is no initiative '${id}'`);
    }
    const summary = this.initiativeSummary(initiative);
    const today = this.report.evaluatedAt.slice(0, 10);
    const history = [];
    const weeks = Math.max(
      0,
      Math.floor(
        (Date.parse(today) - Date.parse(initiative.start)) / (7 * 86400000),
      ),
    );
    for (let week = 0; week <= weeks; week++) {
      history.push({
        date: week === weeks ? today : addDays(initiative.start, week * 7),
        teamsTotal: summary.teamsTotal,
        teamsAtTarget:
          weeks === 0
            ? summary.teamsAtTarget
            : Math.round((summary.teamsAtTarget * week) / weeks),
      });
    }
    return {
      ...summary,
      history,
      ...projectCompletion(history, initiative.deadline),
    };
  }

  async getInitiativeCsv(id: string): Promise<string> {
    this.calls.push({ method: 'getInitiativeCsv', args: [id] });
    const detail = await this.getInitiative(id);
    this.calls.pop();
    return initiativeTeamsCsv(detail);
  }

  async getPlannerConfig(): Promise<PlannerConfigResponse> {
    this.calls.push({ method: 'getPlannerConfig', args: [] });
    return { config: this.config, notPreviewed: [] };
  }

  async getStaffing(query: StaffingQuery = {}): Promise<StaffingResponse> {
    this.calls.push({ method: 'getStaffing', args: [query] });
    const unit = query.orgUnit
      ? this.report.orgUnits.find(u => u.entityRef === query.orgUnit)
      : undefined;
    if (query.orgUnit && !unit) {
      throw new NotFoundError(`No org unit ${query.orgUnit}`);
    }
    let teams: string[] | undefined = unit?.teamRefs;
    if (query.team) teams = [query.team];
    const plan = suggestStaffing(this.entities, {
      config: this.config,
      now: new Date(this.report.evaluatedAt),
      teams,
      limit: query.limit,
    });
    return { ...plan, evaluatedAt: this.report.evaluatedAt, method: 'greedy' };
  }
}

function normalize(entityRef: string | CompoundEntityRef): string {
  const parsed =
    typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef;
  return stringifyEntityRef({
    kind: parsed.kind.toLocaleLowerCase('en-US'),
    namespace: parsed.namespace.toLocaleLowerCase('en-US'),
    name: parsed.name.toLocaleLowerCase('en-US'),
  });
}

/** An empty report: an organisation that has annotated nothing yet. */
export const emptyReport: Report = {
  version: 1,
  evaluatedAt: fixtureReport.evaluatedAt,
  teams: [],
  orgUnits: [],
  entities: [],
  products: [],
  concerns: [],
  findings: [],
};
