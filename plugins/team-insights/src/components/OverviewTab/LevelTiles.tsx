import ButtonBase from '@material-ui/core/ButtonBase';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  Level,
  ScorecardId,
} from '@team-insights/plugin-team-insights-common';
import {
  LEVEL_LABELS,
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
  button: {
    width: '100%',
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    padding: theme.spacing(0.5, 1),
    margin: theme.spacing(0, -1),
    borderRadius: theme.shape.borderRadius,
    boxSizing: 'content-box',
    '&:hover': { backgroundColor: theme.palette.action.hover },
    '&.Mui-focusVisible': {
      outline: `2px solid ${theme.palette.primary.main}`,
    },
  },
  selected: { backgroundColor: theme.palette.action.selected },
  count: { fontWeight: theme.typography.fontWeightBold as number },
}));

function teams(count: number): string {
  return `${count} ${count === 1 ? 'team' : 'teams'}`;
}

/**
 * Teams per level for each scorecard, as counted by the backend. Each level
 * is a toggle that filters the teams table to that level.
 */
export function LevelTiles(props: {
  levelCounts: Record<ScorecardId, Record<Level | 'n/a', number>>;
  selected?: Partial<Record<ScorecardId, Level>>;
  onSelect?: (scorecard: ScorecardId, level: Level | undefined) => void;
}) {
  const { levelCounts, selected = {}, onSelect } = props;
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
                {LEVEL_ORDER.map(level => {
                  const count = counts?.[level] ?? 0;
                  const pressed = selected[id] === level;
                  const content = (
                    <>
                      <LevelChip level={level} />
                      <Typography component="span" className={classes.count}>
                        {teams(count)}
                      </Typography>
                    </>
                  );
                  return (
                    <li
                      key={level}
                      className={onSelect ? undefined : classes.row}
                    >
                      {onSelect ? (
                        <ButtonBase
                          className={`${classes.button} ${
                            pressed ? classes.selected : ''
                          }`}
                          aria-pressed={pressed}
                          title={`Show only teams at ${LEVEL_LABELS[
                            level
                          ].toLocaleLowerCase('en-US')} in ${SCORECARD_TITLES[
                            id
                          ].toLocaleLowerCase('en-US')}`}
                          onClick={() =>
                            onSelect(id, pressed ? undefined : level)
                          }
                        >
                          {content}
                        </ButtonBase>
                      ) : (
                        content
                      )}
                    </li>
                  );
                })}
                {(counts?.['n/a'] ?? 0) > 0 && (
                  <li className={classes.row}>
                    <LevelChip level={null} />
                    <Typography component="span" className={classes.count}>
                      {teams(counts['n/a'])}
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
