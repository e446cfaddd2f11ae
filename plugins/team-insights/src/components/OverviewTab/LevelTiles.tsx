import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  Level,
  ScorecardId,
} from '@team-insights/plugin-team-insights-common';
import {
  LEVEL_ORDER,
  LevelChip,
  SCORECARDS,
  SCORECARD_TITLES,
} from '../common';

const useStyles = makeStyles(theme => ({
  tile: { padding: theme.spacing(2), height: '100%' },
  list: { listStyle: 'none', margin: theme.spacing(1, 0, 0), padding: 0 },
  row: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    padding: theme.spacing(0.5, 0),
  },
  count: { fontWeight: theme.typography.fontWeightBold as number },
}));

/** Teams per level for each scorecard, as counted by the backend. */
export function LevelTiles(props: {
  levelCounts: Record<ScorecardId, Record<Level | 'n/a', number>>;
}) {
  const { levelCounts } = props;
  const classes = useStyles();
  return (
    <Grid container spacing={2}>
      {SCORECARDS.map(id => {
        const counts = levelCounts[id];
        return (
          <Grid item xs={12} md={4} key={id}>
            <Paper
              component="section"
              className={classes.tile}
              aria-label={`${SCORECARD_TITLES[id]}: teams per level`}
            >
              <Typography variant="h6" component="h3">
                {SCORECARD_TITLES[id]}
              </Typography>
              <ul className={classes.list}>
                {LEVEL_ORDER.map(level => (
                  <li key={level} className={classes.row}>
                    <LevelChip level={level} />
                    <Typography className={classes.count}>
                      {counts?.[level] ?? 0}{' '}
                      {(counts?.[level] ?? 0) === 1 ? 'team' : 'teams'}
                    </Typography>
                  </li>
                ))}
                {(counts?.['n/a'] ?? 0) > 0 && (
                  <li className={classes.row}>
                    <LevelChip level={null} />
                    <Typography className={classes.count}>
                      {counts['n/a']} {counts['n/a'] === 1 ? 'team' : 'teams'}
                    </Typography>
                  </li>
                )}
              </ul>
            </Paper>
          </Grid>
        );
      })}
    </Grid>
  );
}
