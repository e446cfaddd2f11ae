import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { TeamSummary } from '@team-insights/plugin-team-insights-common';
import {
  EntityTitleLink,
  LevelChip,
  SCORECARDS,
  SCORECARD_TITLES,
  StatusLabel,
  TEAM_TYPE_LABELS,
  RowHeaderCell,
} from '../common';

/** A short list of teams with their three levels and worst check. */
export function TeamSummaryTable(props: {
  teams: readonly TeamSummary[];
  label: string;
}) {
  const { teams, label } = props;
  return (
    <TableContainer>
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
                    <StatusLabel status={team.worstCheck.status} />
                    <Typography variant="body2">
                      {team.worstCheck.title}
                    </Typography>
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
