import { Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import type {
  Finding,
  OrgUnitReport,
  TeamSummary,
} from '@team-insights/plugin-team-insights-common';
import {
  ErrorPanel,
  FindingsList,
  HISTORY_RANGES,
  LEVEL_LABELS,
  LEVEL_ORDER,
  LevelChip,
  RangePicker,
  SCORECARDS,
  SCORECARD_TITLES,
  ScoreLineChart,
  useUrlRange,
} from '../common';
import { TeamSummaryTable } from '../TeamSummaryTable';
import { teamInsightsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';

const useStyles = makeStyles(theme => ({
  tile: { padding: theme.spacing(2), height: '100%' },
  list: { listStyle: 'none', margin: theme.spacing(1, 0, 0), padding: 0 },
  row: { display: 'flex', justifyContent: 'space-between' },
}));

/**
 * The org unit's own stored scores over a period picked from 30, 90 and 365
 * days (`?days=365`; 90 by default).
 */
function OrgUnitTrend(props: { orgUnit: OrgUnitReport }) {
  const { orgUnit } = props;
  const api = useApi(teamInsightsApiRef);
  const [days, setDays] = useUrlRange(HISTORY_RANGES, 90);
  const { value, loading, error } = useAsync(
    () => api.getTrends({ days, orgUnit: orgUnit.entityRef }),
    [api, days, orgUnit.entityRef],
  );
  return (
    <section aria-labelledby="team-insights-unit-trend">
      <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={16}>
        <Typography variant="h6" component="h2" id="team-insights-unit-trend">
          Trend
        </Typography>
        <RangePicker value={days} onChange={setDays} />
      </Box>
      {loading && <Progress />}
      {error && <ErrorPanel error={error} />}
      {value && !loading && (
        <ScoreLineChart
          title={`${orgUnit.title}: score per scorecard, last ${days} days`}
          points={value.points}
        />
      )}
    </section>
  );
}

/**
 * An organisational unit: the roll-up of its teams, its trend and the
 * teams.
 */
export function OrgUnitView(props: {
  orgUnit: OrgUnitReport;
  teams: TeamSummary[];
  findings: Finding[];
}) {
  const { orgUnit, teams, findings } = props;
  const classes = useStyles();
  const teamInsightsRoute = useRouteRef(rootRouteRef);
  const overviewPath = `${teamInsightsRoute?.() ?? '/team-insights'}/overview`;
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <Typography variant="body1">
        Organisational unit with {orgUnit.teams}{' '}
        {orgUnit.teams === 1 ? 'team' : 'teams'} below it. Its scores are the
        mean of its teams’ scores.
      </Typography>
      <Grid container spacing={2}>
        {SCORECARDS.map(id => {
          const rollup = orgUnit.scorecards[id];
          return (
            <Grid item xs={12} md={4} key={id}>
              <Paper
                component="section"
                className={classes.tile}
                aria-label={`${SCORECARD_TITLES[id]} roll-up`}
              >
                <Typography variant="h6" component="h2">
                  {SCORECARD_TITLES[id]}
                </Typography>
                <LevelChip
                  level={rollup.level}
                  score={rollup.score}
                  size="medium"
                />
                <ul className={classes.list}>
                  {LEVEL_ORDER.map(level => (
                    <li key={level} className={classes.row}>
                      <span>{LEVEL_LABELS[level]}</span>
                      <span>
                        {rollup.byLevel[level]}{' '}
                        {rollup.byLevel[level] === 1 ? 'team' : 'teams'}
                      </span>
                    </li>
                  ))}
                </ul>
              </Paper>
            </Grid>
          );
        })}
      </Grid>
      <OrgUnitTrend orgUnit={orgUnit} />
      <section aria-labelledby="team-insights-unit-teams">
        <Typography variant="h6" component="h2" id="team-insights-unit-teams">
          Teams, most in need first
        </Typography>
        <Typography variant="body2">
          <Link
            to={`${overviewPath}?orgUnit=${encodeURIComponent(
              orgUnit.entityRef,
            )}`}
          >
            Compare them on the Team Insights overview
          </Link>
        </Typography>
        <TeamSummaryTable teams={teams} label={`Teams of ${orgUnit.title}`} />
      </section>
      <FindingsList findings={findings} />
    </Box>
  );
}
