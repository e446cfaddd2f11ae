import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  addDays,
  evaluateInitiative,
  Initiative,
  initiativeBurnUp,
  initiativePhase,
  initiativeScorecard,
  InitiativeResponse,
  InitiativesResponse,
  InitiativeSummary,
  projectCompletion,
  Report,
  utcDay,
} from '@team-insights/plugin-team-insights-common';
import type { ScorecardQueries } from '../ScorecardQueries';
import type { TeamInsightsStore } from '../TeamInsightsStore';

/** Most days of history an initiative's burn-up reads before its start. */
const HISTORY_BEFORE_START_DAYS = 30;

/**
 * What the initiatives routes and action answer, for one caller: the
 * configured initiatives evaluated against the report, counting only the
 * teams the caller may see (the same read permission and catalog
 * visibility as every other route).
 */
export class InitiativeQueries {
  readonly #initiatives: Initiative[];
  readonly #queries: ScorecardQueries;
  readonly #store: TeamInsightsStore;
  readonly #now: () => Date;

  constructor(options: {
    initiatives: Initiative[];
    queries: ScorecardQueries;
    store: TeamInsightsStore;
    now?: () => Date;
  }) {
    this.#initiatives = options.initiatives;
    this.#queries = options.queries;
    this.#store = options.store;
    this.#now = options.now ?? (() => new Date());
  }

  /** The configured initiatives, valid ones only. */
  get initiatives(): readonly Initiative[] {
    return this.#initiatives;
  }

  async #visibleReport(credentials: BackstageCredentials) {
    const { report, filter } = await this.#queries.readContext(credentials);
    const teams = filter.teams(report.teams);
    return { teams } as Pick<Report, 'teams'>;
  }

  #summary(
    initiative: Initiative,
    report: Pick<Report, 'teams'>,
  ): InitiativeSummary & ReturnType<typeof evaluateInitiative> {
    const evaluation = evaluateInitiative(initiative, report);
    return {
      id: initiative.id,
      title: initiative.title,
      ...(initiative.description
        ? { description: initiative.description }
        : {}),
      start: initiative.start,
      deadline: initiative.deadline,
      target: initiative.target,
      phase: initiativePhase(initiative, utcDay(this.#now())),
      ...evaluation,
    };
  }

  /**
   * Every initiative with its progress; with `team`, only those that cover
   * that team (when the caller may see it).
   */
  async list(
    credentials: BackstageCredentials,
    options: { team?: string } = {},
  ): Promise<InitiativesResponse> {
    const report = await this.#visibleReport(credentials);
    const team = options.team?.toLowerCase();
    const items: InitiativeSummary[] = [];
    for (const initiative of this.#initiatives) {
      const { teams, ...summary } = this.#summary(initiative, report);
      if (team && !teams.some(t => t.entityRef.toLowerCase() === team)) {
        continue;
      }
      items.push(summary);
    }
    return { items };
  }

  /**
   * One initiative with its teams, its burn-up from the stored history of
   * the covered teams the caller may see, and its projected completion.
   */
  async get(
    credentials: BackstageCredentials,
    id: string,
  ): Promise<InitiativeResponse> {
    const initiative = this.#initiatives.find(i => i.id === id.toLowerCase());
    if (!initiative) {
      throw new NotFoundError(
        `There is no initiative '${id}'. The initiatives are: ${
          this.#initiatives.map(i => i.id).join(', ') || 'none'
        }`,
      );
    }
    const report = await this.#visibleReport(credentials);
    const summary = this.#summary(initiative, report);
    const refs = summary.teams.map(team => team.entityRef);
    const sinceDay = addDays(initiative.start, -HISTORY_BEFORE_START_DAYS);
    const rows = refs.length
      ? await this.#store.readHistoryOf(refs, {
          sinceDay,
          scorecard:
            'scorecard' in initiative.target
              ? initiativeScorecard(initiative)
              : undefined,
        })
      : [];
    const history = initiativeBurnUp(initiative, refs, rows);
    return {
      ...summary,
      history,
      ...projectCompletion(history, initiative.deadline),
    };
  }
}
