import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  Level,
  MyTeam,
  MyTeamScoreChange,
  MyTeamsResponse,
} from '@team-insights/plugin-team-insights-common';
import {
  EntityTitleLink,
  LEVEL_LABELS,
  LevelChip,
  SCORECARDS,
  SCORECARD_TITLES,
  TEAM_TYPE_LABELS,
} from '../common';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  team: {
    padding: theme.spacing(1, 0),
    '& + &': { borderTop: `1px solid ${theme.palette.divider}` },
  },
  scores: {
    listStyle: 'none',
    margin: theme.spacing(0.5, 0, 0),
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
  },
  score: { display: 'flex', flexDirection: 'column', gap: theme.spacing(0.25) },
  up: { color: theme.palette.success.main },
  down: { color: theme.palette.error.main },
}));

/** "+4 since 23 Feb", "−2.5 since …", "no change since …", or nothing. */
export function describeChange(change: MyTeamScoreChange): string | undefined {
  if (change.delta === null) return undefined;
  const levelChanged =
    change.previousLevel !== null && change.previousLevel !== change.level;
  const was = levelChanged
    ? `, was ${LEVEL_LABELS[change.previousLevel as Level]}`
    : '';
  if (change.delta === 0) return `no change${was}`;
  const sign = change.delta > 0 ? '+' : '−';
  return `${sign}${Math.abs(change.delta)}${was}`;
}

function TeamRow(props: { team: MyTeam }) {
  const { team } = props;
  const classes = useStyles();
  return (
    <li className={classes.team} aria-label={team.title}>
      <Typography variant="subtitle2" component="div">
        <EntityTitleLink
          entityRef={team.entityRef}
          title={team.title}
          teamTab
        />
      </Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        {TEAM_TYPE_LABELS[team.teamType]} ·{' '}
        {team.relation === 'member'
          ? 'your team'
          : `in ${team.via.replace(/^group:default\//, '')}`}
      </Typography>
      <ul className={classes.scores} aria-label={`${team.title} scorecards`}>
        {SCORECARDS.map(id => {
          const change = team.scores[id];
          const text = describeChange(change);
          let changeClass: string | undefined;
          if (change.delta !== null && change.delta > 0)
            changeClass = classes.up;
          else if (change.delta !== null && change.delta < 0)
            changeClass = classes.down;
          return (
            <li key={id} className={classes.score}>
              <Typography variant="caption">{SCORECARD_TITLES[id]}</Typography>
              <LevelChip level={change.level} score={change.score} />
              {text && (
                <Typography variant="caption" className={changeClass}>
                  {text}
                </Typography>
              )}
            </li>
          );
        })}
      </ul>
    </li>
  );
}

/**
 * The signed-in user's teams, each with its three levels and how its scores
 * changed since the day the answer counts from.
 */
export function MyTeamsList(props: { value: MyTeamsResponse }) {
  const { value } = props;
  const classes = useStyles();
  const more = value.totalCount - value.items.length;
  return (
    <>
      <Typography variant="body2" color="textSecondary">
        Changes since {value.since}.
      </Typography>
      <ul className={classes.list} aria-label="My teams">
        {value.items.map(team => (
          <TeamRow key={team.entityRef} team={team} />
        ))}
      </ul>
      {more > 0 && (
        <Typography variant="caption" color="textSecondary">
          and {more} more {more === 1 ? 'team' : 'teams'}
        </Typography>
      )}
      {value.stale && (
        <Typography variant="caption" color="textSecondary" component="div">
          Out of date: the last evaluation failed.
        </Typography>
      )}
    </>
  );
}
