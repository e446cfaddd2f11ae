import {
  addDays,
  HistoryResponse,
  MY_TEAMS_DELTA_DAYS,
  myTeams,
  MyTeamsResponse,
  MoversResponse,
  rankMovers,
  ScorecardId,
  TrendsResponse,
  utcDay,
} from '@team-insights/plugin-team-insights-common';
import { summarizeTeam } from '@team-insights/plugin-team-insights-common';
import type { TeamInsightsStore } from '../TeamInsightsStore';
import type { CallerContext } from './context';
import { indexOf, notFound, scoredItemOf } from './reportIndex';

/**
 * The views that read the stored history besides the report: what they
 * need of the store, and the clock that says what "today" is.
 */
export interface HistorySource {
  store: Pick<
    TeamInsightsStore,
    'readHistory' | 'readHistoryOf' | 'readTrends'
  >;
  now: () => Date;
}

/** The UTC day `days` days before today. */
function daysAgo(now: Date, days: number): string {
  return addDays(utcDay(now), -days);
}

/** One point per day and scorecard of an entity the caller may see. */
export async function history(
  { report, filter }: CallerContext,
  { store, now }: HistorySource,
  entityRef: string,
  query: { days: number; scorecard?: ScorecardId },
): Promise<HistoryResponse> {
  const ref = entityRef.toLowerCase();
  const known = scoredItemOf(report, ref);
  if (!known || !filter.isVisible(ref)) {
    notFound(ref);
  }
  const points = await store.readHistory(known.entityRef, {
    sinceDay: daysAgo(now(), query.days - 1),
    scorecard: query.scorecard,
  });
  return { entityRef: known.entityRef, points };
}

/**
 * The organisation's mean scores per day, or an org unit's own history.
 * For a caller who cannot see everything, over the teams and documented
 * entities of the current report that the caller can see: the database is
 * asked about those, so the cost follows what the caller sees, never what
 * is hidden.
 */
export async function trends(
  { report, view, filter }: CallerContext,
  { store, now }: HistorySource,
  query: { days: number; scorecard?: ScorecardId; orgUnit?: string },
): Promise<TrendsResponse> {
  const sinceDay = daysAgo(now(), query.days - 1);
  if (query.orgUnit !== undefined) {
    // The org unit's own stored history; unknown and invisible answer alike.
    const ref = query.orgUnit.toLowerCase();
    const unit = indexOf(report).orgUnits.get(ref);
    if (!unit || !filter.isVisible(ref)) {
      notFound(ref);
    }
    const points = await store.readHistory(unit.entityRef, {
      sinceDay,
      scorecard: query.scorecard,
    });
    return {
      orgUnit: unit.entityRef,
      points: points.map(point => ({
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
  const points = await store.readTrends({
    sinceDay,
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
export async function movers(
  { report, filter }: CallerContext,
  { store, now }: HistorySource,
  query: { days: number; scorecard?: ScorecardId },
): Promise<MoversResponse> {
  const today = now();
  const subjects = [
    ...report.teams.map(team => ({ ...team, kind: 'team' as const })),
    ...report.orgUnits.map(unit => ({ ...unit, kind: 'orgUnit' as const })),
  ].filter(item => filter.isVisible(item.entityRef));
  const points = await store.readHistoryOf(
    subjects.map(item => item.entityRef),
    {
      sinceDay: daysAgo(today, query.days),
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
      today: utcDay(today),
      scorecard: query.scorecard,
    },
  );
}

/**
 * The caller's teams (`GET /my-teams`): those among `ownershipRefs` (the
 * caller's user and groups) and those under them, that the caller may
 * see, with how their scores changed over the last week according to the
 * stored history (read only for the teams answered with).
 */
export async function myTeamsOf(
  { report, filter, meta }: CallerContext,
  { store, now }: HistorySource,
  ownershipRefs: readonly string[],
  query: { limit?: number },
): Promise<MyTeamsResponse> {
  const today = now();
  const sinceDay = daysAgo(today, MY_TEAMS_DELTA_DAYS);
  const visible = filter.teams(report.teams).map(summarizeTeam);
  const answerWith = (points: Parameters<typeof myTeams>[0]['history']) =>
    myTeams({
      teams: visible,
      ownershipRefs,
      history: points,
      sinceDay,
      today: utcDay(today),
      limit: query.limit,
    });
  const answer = answerWith([]);
  if (answer.items.length === 0) {
    return { ...meta, ...answer, since: sinceDay };
  }
  const points = await store.readHistoryOf(
    answer.items.map(team => team.entityRef),
    { sinceDay },
  );
  return { ...meta, ...answerWith(points), since: sinceDay };
}
