import { Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  TeamSortKey,
  TeamsPage,
} from '@team-insights/plugin-team-insights-common';
import { TEAM_SORT_KEYS } from '@team-insights/plugin-team-insights-common';
import { useApi } from '@backstage/core-plugin-api';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { teamInsightsApiRef } from '../../api';
import {
  AnnotateFirst,
  DownloadCsvButton,
  LEVEL_ORDER,
  ReportStatus,
  SCORECARDS,
} from '../common';
import { ViewContent } from '../common/ViewContent';
import { MyTeamsSection } from '../MyTeams/MyTeamsSection';
import { LevelTiles } from './LevelTiles';
import { ReportCard } from './ReportCard';
import { TeamsFilters, type TeamsFilterValues } from './TeamsFilters';
import { TeamsTable, type TeamsTableState } from './TeamsTable';

function isEmpty(filters: TeamsFilterValues): boolean {
  return Object.values(filters).every(v => v === undefined);
}

const FILTER_KEYS = [
  'type',
  'orgUnit',
  'composition',
  'adoption',
  'documentation',
] as const;

/** The filters in the URL; unknown values are ignored. */
export function filtersFromParams(params: URLSearchParams): TeamsFilterValues {
  const level = (key: string) => {
    const value = params.get(key);
    return LEVEL_ORDER.find(l => l === value);
  };
  const type = params.get('type');
  return {
    type:
      type === 'feature' || type === 'centralized' || type === 'expertise'
        ? type
        : undefined,
    orgUnit: params.get('orgUnit') || undefined,
    composition: level('composition'),
    adoption: level('adoption'),
    documentation: level('documentation'),
  };
}

/** Search, sort and page of the table in the URL. */
function tableStateFromParams(params: URLSearchParams): TeamsTableState {
  const sort = params.get('sort');
  const page = Number(params.get('page'));
  return {
    q: params.get('q') || undefined,
    sort: TEAM_SORT_KEYS.find(k => k === sort && k !== 'need') as
      | TeamSortKey
      | undefined,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page > 1 ? page - 1 : 0,
  };
}

function withValues(
  params: URLSearchParams,
  values: Record<string, string | number | undefined>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}

/**
 * The Overview tab: the signed-in user's teams first (when they have some),
 * teams per level for each scorecard, the report card (who moved most in the
 * last 7 or 30 days) and the table of all teams, most in need first.
 * Filters, search, sort, page and the report card's period live in the URL
 * (`?orgUnit=group:default/ml&composition=bronze&q=search&sort=size&page=2&days=30`),
 * so a link shares the view and Back restores it.
 */
export function OverviewTab() {
  const api = useApi(teamInsightsApiRef);
  const [params, setParams] = useSearchParams();
  // Typing, sorting and paging rewrite the URL too; the filters object only
  // changes when a filter does, or the table would reload with the search it
  // had before the newest one (and show teams that do not match).
  const filtersKey = JSON.stringify(filtersFromParams(params));
  const filters = useMemo<TeamsFilterValues>(
    () => JSON.parse(filtersKey),
    [filtersKey],
  );
  const tableState = useMemo(() => tableStateFromParams(params), [params]);
  const [latest, setLatest] = useState<{ page: TeamsPage; search?: string }>();
  const onPage = useCallback(
    (page: TeamsPage, search: string | undefined) =>
      setLatest({ page, search }),
    [],
  );
  // Each filter is a step that Back undoes; typing, sorting and paging
  // replace the current entry instead of piling up history.
  const setFilters = useCallback(
    (next: TeamsFilterValues) =>
      setParams(current =>
        withValues(current, {
          ...Object.fromEntries(FILTER_KEYS.map(k => [k, next[k]])),
          page: undefined,
        }),
      ),
    [setParams],
  );
  const onTableState = useCallback(
    (next: TeamsTableState) =>
      setParams(
        current =>
          withValues(current, {
            q: next.q,
            sort: next.sort,
            order: next.sort && next.order === 'desc' ? 'desc' : undefined,
            page: next.page > 0 ? next.page + 1 : undefined,
          }),
        { replace: true },
      ),
    [setParams],
  );
  const page = latest?.page;

  const noTeamsAtAll =
    page !== undefined &&
    page.totalCount === 0 &&
    isEmpty(filters) &&
    !latest?.search;

  return (
    <ViewContent>
      {page && (
        <ReportStatus evaluatedAt={page.evaluatedAt} stale={page.stale} />
      )}
      <MyTeamsSection />
      {!noTeamsAtAll && (
        <section aria-labelledby="team-insights-levels">
          <Typography variant="h5" component="h2" id="team-insights-levels">
            Levels per scorecard
          </Typography>
          {page ? (
            <Box mt={2}>
              <LevelTiles
                levelCounts={page.levelCounts}
                selected={Object.fromEntries(
                  SCORECARDS.map(id => [id, filters[id]]),
                )}
                onSelect={(id, level) =>
                  setFilters({ ...filters, [id]: level })
                }
              />
            </Box>
          ) : (
            <Progress />
          )}
        </section>
      )}
      {!noTeamsAtAll && <ReportCard />}
      {noTeamsAtAll ? (
        <AnnotateFirst target="teams" />
      ) : (
        <>
          <TeamsFilters value={filters} onChange={setFilters} />
          <Box display="flex" justifyContent="flex-end">
            <DownloadCsvButton
              label="Download CSV of the teams table"
              filename="teams.csv"
              // the table as it is: filters, search and sort, every page
              load={() =>
                api.getTeamsCsv({
                  ...filters,
                  q: tableState.q,
                  sort: tableState.sort ?? 'need',
                  order: tableState.sort ? tableState.order : 'asc',
                })
              }
            />
          </Box>
          <TeamsTable
            filters={filters}
            initialState={tableState}
            onState={onTableState}
            onPage={onPage}
          />
        </>
      )}
    </ViewContent>
  );
}
