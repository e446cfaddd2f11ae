import {
  LEVELS,
  SCORECARD_IDS,
  type Level,
  type ScorecardId,
  type TeamReport,
} from '../types';
import type { TeamSortKey, TeamSummary, TeamsPage, TeamsQuery } from '../api';
import { needKey, worstCheckOf } from '../attention';
import { teamCheckStatus } from './drilldown';
import {
  decodeCursor,
  encodeCursor,
  querySignature,
  type SortKey,
  type SortValue,
} from './teamsCursor';

/**
 * The row of `GET /teams` for a team (already filtered for the caller).
 * @public
 */
export function summarizeTeam(team: TeamReport): TeamSummary {
  const scores = {} as TeamSummary['scores'];
  for (const id of SCORECARD_IDS) {
    const scorecard = team.scorecards[id];
    scores[id] = {
      score: scorecard?.score ?? null,
      level: scorecard?.level ?? null,
    };
  }
  const worstGain = worstCheckOf(team);
  const worst: TeamSummary['worstCheck'] = worstGain && {
    scorecard: worstGain.scorecard,
    id: worstGain.check.id,
    title: worstGain.check.title,
    status: worstGain.check.status,
  };
  const summary: TeamSummary = {
    entityRef: team.entityRef,
    title: team.title,
    teamType: team.teamType,
    teamTypeDeclared: team.teamTypeDeclared,
    size: team.size,
    orgUnits: team.orgUnits,
    scores,
  };
  if (team.parent) summary.parent = team.parent;
  if (worst) summary.worstCheck = worst;
  return summary;
}

function sortValue(team: TeamReport, sort: TeamSortKey): SortValue {
  switch (sort) {
    case 'size':
      return team.size;
    case 'type':
      return team.teamType;
    case 'need':
      return needKey(team);
    case 'composition':
    case 'adoption':
    case 'documentation':
      return team.scorecards[sort]?.score ?? null;
    case 'title':
    default:
      return team.title.toLowerCase();
  }
}

function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return 1; // nulls last in both orders
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function compareKeys(a: SortKey, b: SortKey, order: 'asc' | 'desc'): number {
  const nullOrder = compareValues(a[0], b[0]);
  if (nullOrder !== 0) {
    if (a[0] === null || b[0] === null) return nullOrder;
    return order === 'asc' ? nullOrder : -nullOrder;
  }
  if (a[1] === b[1]) return 0;
  return a[1] < b[1] ? -1 : 1; // ties by entity ref, always ascending
}

interface Keyed {
  team: TeamReport;
  key: SortKey;
}

/**
 * The teams of a report in each order asked for so far. A caller who may
 * see every team gets the report's own array, so every page of every such
 * caller reuses one sort until the next report; a filtered array is sorted
 * per request.
 */
const sortedCache = new WeakMap<TeamReport[], Map<string, Keyed[]>>();

function sortedTeams(
  teams: TeamReport[],
  sort: TeamSortKey,
  order: 'asc' | 'desc',
): Keyed[] {
  let orders = sortedCache.get(teams);
  if (!orders) {
    orders = new Map();
    sortedCache.set(teams, orders);
  }
  let keyed = orders.get(`${sort} ${order}`);
  if (!keyed) {
    keyed = teams.map(team => ({
      team,
      key: [sortValue(team, sort), team.entityRef] as SortKey,
    }));
    keyed.sort((a, b) => compareKeys(a.key, b.key, order));
    orders.set(`${sort} ${order}`, keyed);
  }
  return keyed;
}

/** The position of the first item after `key` (binary search). */
function firstAfter(
  keyed: Keyed[],
  key: SortKey,
  order: 'asc' | 'desc',
): number {
  let low = 0;
  let high = keyed.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareKeys(keyed[middle].key, key, order) > 0) high = middle;
    else low = middle + 1;
  }
  return low;
}

const summaries = new WeakMap<TeamReport, TeamSummary>();

/** {@link summarizeTeam}, once per team of a report. */
function summaryOf(team: TeamReport): TeamSummary {
  let summary = summaries.get(team);
  if (!summary) {
    summary = summarizeTeam(team);
    summaries.set(team, summary);
  }
  return summary;
}

/**
 * `GET /teams`: filters, sorts and pages teams (for the backend, those the
 * caller may see). Ties are broken by entity ref, nulls sort last in both
 * orders, and `nextCursor` continues after the last item of the page, so
 * pages neither skip nor repeat a team while the report stays the same.
 * An InputError for a cursor of another query.
 * @public
 */
export function queryTeams(
  teams: TeamReport[],
  query: TeamsQuery,
  meta: { evaluatedAt: string; stale: boolean },
): TeamsPage {
  const sort = query.sort ?? 'title';
  const order = query.order ?? 'asc';
  const limit = query.limit ?? 50;
  const q = query.q?.trim().toLowerCase();
  const orgUnit = query.orgUnit?.toLowerCase();
  const signature = querySignature({ ...query, sort, order });

  const keyed = sortedTeams(teams, sort, order).filter(({ team }) => {
    if (query.type && team.teamType !== query.type) return false;
    for (const id of SCORECARD_IDS) {
      const wanted = query[id];
      if (wanted && team.scorecards[id]?.level !== wanted) return false;
    }
    if (orgUnit && !team.orgUnits.some(u => u.toLowerCase() === orgUnit)) {
      return false;
    }
    if (
      q &&
      !team.entityRef.toLowerCase().includes(q) &&
      !team.title.toLowerCase().includes(q)
    ) {
      return false;
    }
    if (query.check) {
      const check = teamCheckStatus(team, query.check);
      if (!check) return false;
      if (query.status && check.status !== query.status) return false;
    }
    return true;
  });

  const levelCounts = {} as TeamsPage['levelCounts'];
  for (const id of SCORECARD_IDS) {
    const counts = { 'n/a': 0 } as Record<Level | 'n/a', number>;
    for (const level of LEVELS) counts[level] = 0;
    for (const { team } of keyed) {
      counts[team.scorecards[id]?.level ?? 'n/a'] += 1;
    }
    levelCounts[id as ScorecardId] = counts;
  }

  let start = 0;
  if (query.cursor) {
    start = firstAfter(keyed, decodeCursor(query.cursor, signature), order);
  }
  const page = keyed.slice(start, start + limit);
  const hasMore = start + limit < keyed.length;

  const result: TeamsPage = {
    evaluatedAt: meta.evaluatedAt,
    stale: meta.stale,
    items: page.map(item => {
      const summary = summaryOf(item.team);
      const check = query.check && teamCheckStatus(item.team, query.check);
      return check ? { ...summary, check } : summary;
    }),
    totalCount: keyed.length,
    levelCounts,
  };
  if (hasMore && page.length > 0) {
    result.nextCursor = encodeCursor(signature, page[page.length - 1].key);
  }
  return result;
}
