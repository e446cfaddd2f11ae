import { InputError } from '@backstage/errors';
import {
  BuiltInCheckInfo,
  teamsCsv,
  TeamsPage,
  TeamsQuery,
} from '@team-insights/plugin-team-insights-common';
import { queryTeams } from '@team-insights/plugin-team-insights-common';
import type { CallerContext } from './context';
import type { ResponseCache } from './ResponseCache';

/**
 * Throws InputError unless the query's `check` is one the engine runs
 * (built-in or custom).
 */
export function assertKnownCheck(
  checks: readonly BuiltInCheckInfo[],
  query: TeamsQuery,
) {
  if (query.check && !checks.some(c => c.id === query.check)) {
    throw new InputError(
      `Invalid query: there is no check '${
        query.check
      }'. The checks are: ${checks.map(check => check.id).join(', ')}`,
    );
  }
}

/** One page of teams the caller may see. */
export function teamsPage(
  { report, filter, meta }: CallerContext,
  query: TeamsQuery,
): TeamsPage {
  return queryTeams(filter.teams(report.teams), query, meta);
}

/**
 * Every team the caller may see that matches the query, as CSV: all pages
 * of it in the query's order (`limit` and `cursor` are ignored).
 */
export function teamsCsvOf(
  { report, filter, meta }: CallerContext,
  query: TeamsQuery,
): string {
  const { cursor: _cursor, ...rest } = query;
  const all = queryTeams(
    filter.teams(report.teams),
    { ...rest, limit: Number.MAX_SAFE_INTEGER },
    meta,
  );
  return teamsCsv(all.items);
}

/**
 * {@link teamsPage} as JSON, for the REST API. For a caller who may see
 * every team the page is the same for everyone, so it is serialised once
 * per report, query and staleness; other callers get their own page every
 * time.
 */
export function teamsJson(
  context: CallerContext,
  query: TeamsQuery,
  cache: ResponseCache,
): string {
  const { report, meta, view } = context;
  if (!view.all) {
    return JSON.stringify(teamsPage(context, query));
  }
  return cache.teamsPage(report, meta.stale, query, () =>
    queryTeams(report.teams, query, meta),
  );
}
