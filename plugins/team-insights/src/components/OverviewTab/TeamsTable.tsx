import {
  Table,
  type TableColumn,
  type TableProps,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type {
  TeamSortKey,
  TeamSummary,
  TeamsPage,
} from '@team-insights/plugin-team-insights-common';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { teamInsightsApiRef } from '../../api';
import {
  EntityTitleLink,
  LevelChip,
  SCORECARD_TITLES,
  StatusLabel,
  TEAM_TYPE_LABELS,
  ErrorPanel,
} from '../common';
import type { TeamsFilterValues } from './TeamsFilters';

type DataFunction = Extract<
  TableProps<TeamSummary>['data'],
  (...args: any[]) => any
>;
type Query = Parameters<DataFunction>[0];

const SORT_KEYS: Record<string, TeamSortKey> = {
  title: 'title',
  teamType: 'type',
  size: 'size',
  'scores.composition.score': 'composition',
  'scores.adoption.score': 'adoption',
  'scores.documentation.score': 'documentation',
};

function scoreColumn(
  id: 'composition' | 'adoption' | 'documentation',
): TableColumn<TeamSummary> {
  return {
    title: SCORECARD_TITLES[id],
    field: `scores.${id}.score`,
    render: row => (
      <LevelChip level={row.scores[id].level} score={row.scores[id].score} />
    ),
  };
}

const columns: TableColumn<TeamSummary>[] = [
  {
    title: 'Team',
    field: 'title',
    highlight: true,
    render: row => (
      <>
        <EntityTitleLink entityRef={row.entityRef} title={row.title} />
        {!row.teamTypeDeclared && (
          <Typography variant="caption" color="textSecondary" component="div">
            Team type not declared
          </Typography>
        )}
      </>
    ),
  },
  {
    title: 'Type',
    field: 'teamType',
    render: row => TEAM_TYPE_LABELS[row.teamType],
  },
  {
    title: 'Organisational unit',
    field: 'parent',
    sorting: false,
    render: row =>
      row.orgUnits[0] ? (
        <EntityRefLink entityRef={row.orgUnits[0]} hideIcon />
      ) : (
        '—'
      ),
  },
  { title: 'Size', field: 'size', type: 'numeric' },
  scoreColumn('composition'),
  scoreColumn('adoption'),
  scoreColumn('documentation'),
  {
    title: 'Worst check',
    field: 'worstCheck',
    sorting: false,
    render: row =>
      row.worstCheck ? (
        <>
          <StatusLabel status={row.worstCheck.status} />
          <Typography variant="body2">
            {row.worstCheck.title} ({SCORECARD_TITLES[row.worstCheck.scorecard]}
            )
          </Typography>
        </>
      ) : (
        <Typography variant="body2" color="textSecondary">
          None failing
        </Typography>
      ),
  },
];

/**
 * All teams, searched, filtered, sorted and paged by the backend so it stays
 * fast with thousands of teams. Pages follow the backend's cursors: the table
 * moves one page at a time.
 */
export function TeamsTable(props: {
  filters: TeamsFilterValues;
  /** Called with every page the backend returns, and the search text. */
  onPage: (page: TeamsPage, search: string | undefined) => void;
}) {
  const { filters, onPage } = props;
  const api = useApi(teamInsightsApiRef);
  const [error, setError] = useState<Error>();
  const tableRef = useRef<any>();
  const filtersRef = useRef(filters);
  const onPageRef = useRef(onPage);
  onPageRef.current = onPage;
  const cursors = useRef<{ key: string; pages: Array<string | undefined> }>({
    key: '',
    pages: [undefined],
  });

  const data = useCallback<DataFunction>(
    async (query: Query) => {
      const field = query.orderBy?.field as string | undefined;
      const sort = field ? SORT_KEYS[field] : undefined;
      const order = sort ? query.orderDirection || 'asc' : undefined;
      const q = query.search?.trim() || undefined;
      const key = JSON.stringify([
        filtersRef.current,
        q,
        sort,
        order,
        query.pageSize,
      ]);
      if (key !== cursors.current.key) {
        cursors.current = { key, pages: [undefined] };
      }
      const page = Math.min(query.page, cursors.current.pages.length - 1);
      try {
        const result = await api.getTeams({
          ...filtersRef.current,
          q,
          sort,
          order,
          limit: query.pageSize,
          cursor: cursors.current.pages[page],
        });
        cursors.current.pages[page + 1] = result.nextCursor;
        if (!result.nextCursor) {
          cursors.current.pages.length = page + 1;
        }
        setError(undefined);
        onPageRef.current(result, q);
        return { data: result.items, page, totalCount: result.totalCount };
      } catch (e) {
        setError(e as Error);
        return { data: [], page: 0, totalCount: 0 };
      }
    },
    [api],
  );

  useEffect(() => {
    if (filtersRef.current !== filters) {
      filtersRef.current = filters;
      tableRef.current?.onQueryChange({ page: 0 });
    }
  }, [filters]);

  const options = useMemo(
    () => ({
      search: true,
      debounceInterval: 400,
      paging: true,
      pageSize: 20,
      pageSizeOptions: [20, 50, 100],
      showFirstLastPageButtons: false,
      sorting: true,
      draggable: false,
      padding: 'dense' as const,
      emptyRowsWhenPaging: false,
    }),
    [],
  );

  return (
    <section aria-label="Teams">
      {error && <ErrorPanel error={error} />}
      <Table<TeamSummary>
        tableRef={tableRef}
        title="Teams"
        options={options}
        columns={columns}
        data={data}
        localization={{
          toolbar: { searchPlaceholder: 'Search teams' },
          body: { emptyDataSourceMessage: 'No team matches these filters.' },
        }}
      />
    </section>
  );
}
