import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { TeamSummary } from '@team-insights/plugin-team-insights-common';
import { useMemo } from 'react';
import {
  EntityTitleLink,
  LevelChip,
  SCORECARDS,
  SCORECARD_TITLES,
  StatusLabel,
  TEAM_TYPE_LABELS,
  RowHeaderCell,
  stickyFirstColumnStyles,
} from '../common';

const useStyles = makeStyles(theme => ({
  root: stickyFirstColumnStyles(theme),
}));

/** Sort key of a summary: any level at bronze or below first, then the lowest score. */
function need(team: TeamSummary): number {
  const scores = SCORECARDS.map(id => team.scores[id]).filter(
    s => s.score !== null,
  );
  if (scores.length === 0) return Infinity;
  const low = scores.some(s => s.level === 'bronze' || s.level === 'none');
  return (low ? 0 : 1000) + Math.min(...scores.map(s => s.score as number));
}

/**
 * A short list of teams with their three levels and worst check, most in
 * need first, as the Overview sorts them.
 */
export function TeamSummaryTable(props: {
  teams: readonly TeamSummary[];
  label: string;
}) {
  const { label } = props;
  const classes = useStyles();
  const teams = useMemo(
    () =>
      [...props.teams].sort(
        (a, b) => need(a) - need(b) || a.title.localeCompare(b.title),
      ),
    [props.teams],
  );
  return (
    <TableContainer
      tabIndex={0}
      role="region"
      aria-label={`${label}, scrollable`}
      className={classes.root}
    >
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            <TableCell>Team</TableCell>
            <TableCell>Type</TableCell>
            <TableCell align="right">Size</TableCell>
            {SCORECARDS.map(id => (
              <TableCell key={id}>{SCORECARD_TITLES[id]}</TableCell>
            ))}
            <TableCell>Worst check</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {teams.map(team => (
            <TableRow key={team.entityRef}>
              <RowHeaderCell>
                <EntityTitleLink
                  entityRef={team.entityRef}
                  title={team.title}
                  teamTab
                />
              </RowHeaderCell>
              <TableCell>{TEAM_TYPE_LABELS[team.teamType]}</TableCell>
              <TableCell align="right">{team.size}</TableCell>
              {SCORECARDS.map(id => (
                <TableCell key={id}>
                  <LevelChip
                    level={team.scores[id].level}
                    score={team.scores[id].score}
                  />
                </TableCell>
              ))}
              <TableCell>
                {team.worstCheck ? (
                  <>
                    <StatusLabel status={team.worstCheck.status} />{' '}
                    <EntityTitleLink
                      entityRef={team.entityRef}
                      teamTab
                      checkId={team.worstCheck.id}
                      title={team.worstCheck.title}
                    />
                  </>
                ) : (
                  <Typography variant="body2" color="textSecondary">
                    None failing
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
