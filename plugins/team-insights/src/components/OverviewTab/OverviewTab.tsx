import { Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { TeamsPage } from '@team-insights/plugin-team-insights-common';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { AnnotateFirst, LEVEL_ORDER, ReportStatus } from '../common';
import { LevelTiles } from './LevelTiles';
import { TeamsFilters, type TeamsFilterValues } from './TeamsFilters';
import { TeamsTable } from './TeamsTable';

function isEmpty(filters: TeamsFilterValues): boolean {
  return Object.values(filters).every(v => v === undefined);
}

function initialFilters(params: URLSearchParams): TeamsFilterValues {
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

/**
 * The Overview tab: teams per level for each scorecard and the table of all
 * teams. Filters can be preset in the URL (`?orgUnit=group:default/ml`).
 */
export function OverviewTab() {
  const [params] = useSearchParams();
  const [filters, setFilters] = useState(() => initialFilters(params));
  const [latest, setLatest] = useState<{ page: TeamsPage; search?: string }>();
  const onPage = useCallback(
    (page: TeamsPage, search: string | undefined) =>
      setLatest({ page, search }),
    [],
  );
  const page = latest?.page;

  const noTeamsAtAll =
    page !== undefined &&
    page.totalCount === 0 &&
    isEmpty(filters) &&
    !latest?.search;

  return (
    <Box display="flex" flexDirection="column" gridGap={24}>
      {page && (
        <ReportStatus evaluatedAt={page.evaluatedAt} stale={page.stale} />
      )}
      {!noTeamsAtAll && (
        <section aria-labelledby="team-insights-levels">
          <Typography variant="h5" component="h2" id="team-insights-levels">
            Levels per scorecard
          </Typography>
          {page ? (
            <Box mt={2}>
              <LevelTiles levelCounts={page.levelCounts} />
            </Box>
          ) : (
            <Progress />
          )}
        </section>
      )}
      {noTeamsAtAll ? (
        <AnnotateFirst target="teams" />
      ) : (
        <>
          <TeamsFilters value={filters} onChange={setFilters} />
          <TeamsTable filters={filters} onPage={onPage} />
        </>
      )}
    </Box>
  );
}
