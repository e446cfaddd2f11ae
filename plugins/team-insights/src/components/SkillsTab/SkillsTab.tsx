import { StaffingSection } from './StaffingSection';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { alpha, makeStyles, useTheme } from '@material-ui/core/styles';
import CheckIcon from '@material-ui/icons/Check';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import type {
  SkillSupply as ClusterSupply,
  TeamSkills,
} from '@team-insights/plugin-team-insights-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { teamInsightsApiRef } from '../../api';
import {
  AnnotateFirst,
  EntityTitleLink,
  ReportStatus,
  visuallyHidden,
  ErrorPanel,
  useUrlState,
  RowHeaderCell,
} from '../common';
import { useContentRootStyles } from '../common/contentStyles';

const useStyles = makeStyles(theme => ({
  missing: {
    // Dark red on light paper; no red reaches 4.5:1 on dark paper, so the
    // body colour there (the word "missing" and bold type carry it).
    color:
      theme.palette.type === 'dark'
        ? theme.palette.text.primary
        : theme.palette.error.dark,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  inline: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    whiteSpace: 'nowrap',
  },
  heat: { textAlign: 'center' },
  // The containing block of the cells' visually hidden text: without it
  // that text is placed against the page, past the right edge of a phone,
  // and the whole page scrolls sideways instead of only the table.
  scroller: { position: 'relative' },
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    margin: theme.spacing(1, 0),
  },
}));

function SupplyChart(props: { rows: ClusterSupply[] }) {
  const { rows } = props;
  const theme = useTheme();
  const summary = `Bar chart of people per skill cluster across the organisation: ${rows
    .map(r => `${r.title} ${r.people}`)
    .join(', ')}.`;
  return (
    <div role="img" aria-label={summary}>
      <ResponsiveContainer
        width="100%"
        height={Math.max(200, rows.length * 36)}
      >
        <BarChart
          data={rows}
          layout="vertical"
          margin={{ left: 24, right: 16 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="title" width={180} />
          <Tooltip />
          <Legend />
          <Bar
            dataKey="people"
            name="People holding it"
            fill={theme.palette.primary.main}
            isAnimationActive={false}
          />
          <Bar
            dataKey="primary"
            name="Primary cluster of"
            fill={theme.palette.secondary.main}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function SupplyTable(props: { rows: ClusterSupply[] }) {
  const { rows } = props;
  const classes = useStyles();
  return (
    <TableContainer
      className={classes.scroller}
      tabIndex={0}
      role="region"
      aria-label="Skill supply, scrollable"
    >
      <Table size="small" aria-label="Skill supply">
        <TableHead>
          <TableRow>
            <TableCell>Skill cluster</TableCell>
            <TableCell align="right">People holding it</TableCell>
            <TableCell align="right">Primary cluster of</TableCell>
            <TableCell align="right">Teams holding it</TableCell>
            <TableCell align="right">Teams missing it</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(row => (
            <TableRow key={row.id}>
              <RowHeaderCell>{row.title}</RowHeaderCell>
              <TableCell align="right">{row.people}</TableCell>
              <TableCell align="right">{row.primary}</TableCell>
              <TableCell align="right">{row.teams}</TableCell>
              <TableCell align="right">
                {row.missingIn > 0 ? (
                  <span className={`${classes.inline} ${classes.missing}`}>
                    <ReportProblemIcon fontSize="small" aria-hidden />
                    {row.missingIn}
                  </span>
                ) : (
                  0
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function HeatCell(props: {
  team: TeamSkills;
  cluster: ClusterSupply;
  max: number;
}) {
  const { team, cluster, max } = props;
  const classes = useStyles();
  const theme = useTheme();
  const people = team.skills.find(s => s.cluster === cluster.id)?.people ?? 0;
  const required = team.requiredSkills.includes(cluster.id);
  if (team.missingSkills.includes(cluster.id)) {
    return (
      <TableCell
        className={classes.heat}
        aria-label={`${cluster.title}: required but missing`}
        title={`${team.title} requires ${cluster.title} and nobody holds it`}
      >
        <span className={`${classes.inline} ${classes.missing}`}>
          <ReportProblemIcon fontSize="small" aria-hidden />
          Missing
        </span>
      </TableCell>
    );
  }
  const label = `${cluster.title}: ${people} ${
    people === 1 ? 'person' : 'people'
  }${required ? ', required' : ''}`;
  return (
    <TableCell
      className={classes.heat}
      aria-label={label}
      title={label}
      style={
        people > 0
          ? {
              backgroundColor: alpha(
                theme.palette.primary.main,
                0.1 + 0.5 * Math.min(people / Math.max(max, 1), 1),
              ),
            }
          : undefined
      }
    >
      <span className={classes.inline}>
        {people > 0 ? people : '–'}
        {required && <CheckIcon fontSize="inherit" aria-hidden />}
      </span>
      <span style={visuallyHidden}>{required ? ' required' : ''}</span>
    </TableCell>
  );
}

function SkillsHeatmap(props: {
  teams: readonly TeamSkills[];
  clusters: ClusterSupply[];
}) {
  const { teams, clusters } = props;
  const classes = useStyles();
  const [filter, setFilter] = useUrlState<string>('q', '', {
    resets: ['page'],
  });
  const [onlyMissing, setOnlyMissing] = useUrlState<boolean>('missing', false, {
    resets: ['page'],
  });
  const [pageNumber, setPageNumber] = useUrlState<number>('page', 1);
  const page = Math.max(0, pageNumber - 1);
  const setPage = (next: number) => setPageNumber(next + 1);
  const [rowsPerPage, setRowsPerPage] = useUrlState<number>('size', 25, {
    resets: ['page'],
  });

  const columns = clusters.filter(c => c.people > 0 || c.missingIn > 0);
  const max = Math.max(1, ...teams.flatMap(t => t.skills.map(s => s.people)));
  const rows = useMemo(() => {
    const text = filter.trim().toLocaleLowerCase('en-US');
    return teams
      .filter(t => !onlyMissing || t.missingSkills.length > 0)
      .filter(
        t =>
          !text ||
          t.title.toLocaleLowerCase('en-US').includes(text) ||
          t.entityRef.includes(text),
      )
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [teams, filter, onlyMissing]);
  const visible = rows.slice(page * rowsPerPage, (page + 1) * rowsPerPage);

  return (
    <>
      <div className={classes.controls}>
        <TextField
          size="small"
          variant="outlined"
          id="team-insights-skills-filter"
          label="Filter teams"
          value={filter}
          onChange={e => {
            setFilter(e.target.value);
          }}
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={onlyMissing}
              onChange={e => {
                setOnlyMissing(e.target.checked);
              }}
            />
          }
          label="Only teams missing a required cluster"
        />
      </div>
      <TableContainer
        className={classes.scroller}
        tabIndex={0}
        role="region"
        aria-label="Skills per team, scrollable"
      >
        <Table size="small" aria-label="Skills per team">
          <TableHead>
            <TableRow>
              <TableCell scope="col">Team</TableCell>
              {columns.map(c => (
                <TableCell key={c.id} scope="col" align="center">
                  {c.title}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {visible.map(team => (
              <TableRow key={team.entityRef}>
                <RowHeaderCell>
                  <EntityTitleLink
                    entityRef={team.entityRef}
                    title={team.title}
                  />
                </RowHeaderCell>
                {columns.map(c => (
                  <HeatCell key={c.id} team={team} cluster={c} max={max} />
                ))}
              </TableRow>
            ))}
            {visible.length === 0 && (
              <TableRow>
                <TableCell colSpan={columns.length + 1}>
                  No team matches.
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePagination
        component="div"
        count={rows.length}
        page={page}
        rowsPerPage={rowsPerPage}
        rowsPerPageOptions={[25, 50, 100]}
        onPageChange={(_e, next) => setPage(next)}
        onRowsPerPageChange={e => {
          setRowsPerPage(Number(e.target.value));
        }}
      />
    </>
  );
}

/**
 * The Skills tab: the supply of each skill cluster across the organisation,
 * and which team holds which cluster, with required-but-missing cells marked.
 * Both come from `GET /skills`, over the teams the reader may see.
 */
export function SkillsTab() {
  const contentClasses = useContentRootStyles();
  const api = useApi(teamInsightsApiRef);
  const { value, loading, error } = useAsync(() => api.getSkills(), [api]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ErrorPanel error={error} />;
  }
  if (!value) {
    return null;
  }
  const supply = value.clusters;
  if (value.teams.length === 0) {
    return (
      <>
        <ReportStatus evaluatedAt={value.evaluatedAt} stale={value.stale} />
        <AnnotateFirst target="teams" />
      </>
    );
  }
  const held = supply.filter(row => row.people > 0 || row.missingIn > 0);
  return (
    <Box
      data-team-insights-content
      className={contentClasses.root}
      display="flex"
      flexDirection="column"
      gridGap={24}
    >
      <ReportStatus evaluatedAt={value.evaluatedAt} stale={value.stale} />
      <section aria-labelledby="team-insights-supply">
        <Typography variant="h5" component="h2" id="team-insights-supply">
          Skill supply across the organisation
        </Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          Machine learning needs four skill clusters: data scientist, data
          engineer, site reliability engineer and analytics translator. Without
          an analytics translator, chances are a team solves the wrong problem.
        </Typography>
        <SupplyChart rows={held} />
        <SupplyTable rows={held} />
      </section>
      <section aria-labelledby="team-insights-heatmap">
        <Typography variant="h5" component="h2" id="team-insights-heatmap">
          Skills per team
        </Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          People per skill cluster in each team (members and declared head
          counts). A tick marks a cluster the team requires; “Missing” marks a
          required cluster nobody in the team holds.
        </Typography>
        <SkillsHeatmap teams={value.teams} clusters={supply} />
      </section>
      <StaffingSection />
    </Box>
  );
}
