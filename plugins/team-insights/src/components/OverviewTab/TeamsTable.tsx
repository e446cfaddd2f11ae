import {
  Table,
  type TableColumn,
  type TableProps,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
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
  stickyFirstColumnStyles,
} from '../common';
import type { TeamsFilterValues } from './TeamsFilters';

type DataFunction = Extract<
  TableProps<TeamSummary>['data'],
  (...args: any[]) => any
>;
type Query = Parameters<DataFunction>[0];

/** Search, sort and page of the table, as kept in the URL. */
export interface TeamsTableState {
  q?: string;
  /** A column's sort; without one, teams most in need come first. */
  sort?: TeamSortKey;
  order: 'asc' | 'desc';
  /** Zero-based. */
  page: number;
}

const SORT_KEYS: Record<string, TeamSortKey> = {
  title: 'title',
  teamType: 'type',
  size: 'size',
  'scores.composition.score': 'composition',
  'scores.adoption.score': 'adoption',
  'scores.documentation.score': 'documentation',
};

const FIELDS = Object.fromEntries(
  Object.entries(SORT_KEYS).map(([field, key]) => [key, field]),
);

const useStyles = makeStyles(theme => ({
  root: {
    ...stickyFirstColumnStyles(theme),
    // Below ~700 px each team is a card: name, three levels, top issue.
    [theme.breakpoints.down(700)]: {
      '& table, & tbody, & tbody tr, & tbody td': {
        display: 'block',
        width: '100% !important',
        boxSizing: 'border-box',
      },
      '& thead': { display: 'none' },
      '& tbody tr': {
        border: `1px solid ${theme.palette.divider}`,
        borderRadius: theme.shape.borderRadius,
        marginBottom: theme.spacing(1),
        padding: theme.spacing(1),
      },
      '& tbody td': { border: 'none', padding: theme.spacing(0.5, 1) },
      // a card does not scroll sideways: its name needs no sticky cell
      '& tbody tr > :first-child': { position: 'static', boxShadow: 'none' },
      '& tbody td:nth-child(2), & tbody td:nth-child(3), & tbody td:nth-child(4)':
        { display: 'none' },
    },
  },
  cellLabel: {
    display: 'none',
    [theme.breakpoints.down(700)]: {
      display: 'inline-block',
      minWidth: '12em',
      color: theme.palette.text.secondary,
    },
  },
  worst: { display: 'block' },
}));

function CellLabel(props: { children: string }) {
  const classes = useStyles();
  return <span className={classes.cellLabel}>{props.children}</span>;
}

function scoreColumn(
  id: 'composition' | 'adoption' | 'documentation',
): TableColumn<TeamSummary> {
  return {
    title: SCORECARD_TITLES[id],
    field: `scores.${id}.score`,
    render: row => (
      <>
        <CellLabel>{SCORECARD_TITLES[id]}</CellLabel>
        <LevelChip level={row.scores[id].level} score={row.scores[id].score} />
      </>
    ),
  };
}

function WorstCheck(props: { row: TeamSummary }) {
  const { row } = props;
  const classes = useStyles();
  if (!row.worstCheck) {
    return (
      <Typography variant="body2" color="textSecondary">
        None failing
      </Typography>
    );
  }
  return (
    <span className={classes.worst}>
      <StatusLabel status={row.worstCheck.status} />{' '}
      <EntityTitleLink
        entityRef={row.entityRef}
        teamTab
        checkId={row.worstCheck.id}
        title={`${row.worstCheck.title} (${
          SCORECARD_TITLES[row.worstCheck.scorecard]
        })`}
      />
    </span>
  );
}

function columnsFor(state: TeamsTableState): TableColumn<TeamSummary>[] {
  const columns: TableColumn<TeamSummary>[] = [
    {
      title: 'Team',
      field: 'title',
      highlight: true,
      render: row => (
        <>
          <EntityTitleLink
            entityRef={row.entityRef}
            title={row.title}
            teamTab
          />
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
      render: row => <WorstCheck row={row} />,
    },
  ];
  const sorted = state.sort && FIELDS[state.sort];
  return columns.map(column =>
    sorted && column.field === sorted
      ? { ...column, defaultSort: state.order }
      : column,
  );
}

/**
 * All teams, searched, filtered, sorted and paged by the backend so it stays
 * fast with thousands of teams; most in need first until a column is sorted.
 * Pages follow the backend's cursors: a deep link to page 3 walks pages 1
 * and 2 first.
 */
export function TeamsTable(props: {
  filters: TeamsFilterValues;
  /** Search, sort and page to start with (from the URL). */
  initialState?: TeamsTableState;
  /** Called when search, sort or page change. */
  onState?: (state: TeamsTableState) => void;
  /** Called with every page the backend returns, and the search text. */
  onPage: (page: TeamsPage, search: string | undefined) => void;
}) {
  const { filters, onPage } = props;
  const classes = useStyles();
  const api = useApi(teamInsightsApiRef);
  const [error, setError] = useState<Error>();
  const tableRef = useRef<any>();
  const filtersRef = useRef(filters);
  const onPageRef = useRef(onPage);
  onPageRef.current = onPage;
  const onStateRef = useRef(props.onState);
  onStateRef.current = props.onState;
  const [initial] = useState<TeamsTableState>(
    () => props.initialState ?? { order: 'asc', page: 0 },
  );
  const cursors = useRef<{ key: string; pages: Array<string | undefined> }>({
    key: '',
    pages: [undefined],
  });

  // Queries answer out of order when typing: only the newest may fill the
  // table, or a slower answer to an older search would replace the new one.
  const latestQuery = useRef(0);
  const data = useCallback<DataFunction>(
    async (query: Query) => {
      const call = ++latestQuery.current;
      const field = query.orderBy?.field as string | undefined;
      const column = field ? SORT_KEYS[field] : undefined;
      const sort: TeamSortKey = column ?? 'need';
      const order = column ? query.orderDirection || 'asc' : 'asc';
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
      const request = (cursor: string | undefined) =>
        api.getTeams({
          ...filtersRef.current,
          q,
          sort,
          order,
          limit: query.pageSize,
          cursor,
        });
      try {
        // A page not reached yet (a deep link): walk the cursors to it.
        const pages = cursors.current.pages;
        while (pages.length - 1 < query.page) {
          const walked = await request(pages[pages.length - 1]);
          if (!walked.nextCursor) break;
          pages.push(walked.nextCursor);
        }
        const page = Math.min(query.page, pages.length - 1);
        const result = await request(pages[page]);
        if (call !== latestQuery.current) {
          // superseded: the newer query's answer fills the table
          return new Promise<never>(() => {});
        }
        pages[page + 1] = result.nextCursor;
        if (!result.nextCursor) {
          pages.length = page + 1;
        }
        setError(undefined);
        onPageRef.current(result, q);
        onStateRef.current?.({ q, sort: column, order, page });
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
      searchText: initial.q ?? '',
      initialPage: initial.page,
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
    [initial],
  );
  const columns = useMemo(() => columnsFor(initial), [initial]);

  return (
    <section aria-label="Teams" className={classes.root}>
      {error && <ErrorPanel error={error} />}
      <Table<TeamSummary>
        tableRef={tableRef}
        title="Teams"
        subtitle="Most in need first, until you sort by a column"
        options={options}
        columns={columns}
        data={data}
        localization={{
          toolbar: {
            searchPlaceholder: 'Search teams',
            searchAriaLabel: 'Search teams',
          },
          body: { emptyDataSourceMessage: 'No team matches these filters.' },
        }}
      />
    </section>
  );
}
