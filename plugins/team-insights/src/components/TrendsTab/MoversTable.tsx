import type {
  Mover,
  MoversResponse,
} from '@team-insights/plugin-team-insights-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { EntityTitleLink, SCORECARD_TITLES } from '../common';

function Rows(props: { caption: string; movers: Mover[] }) {
  return (
    <Table size="small" aria-label={props.caption}>
      <caption>{props.caption}</caption>
      <TableHead>
        <TableRow>
          <TableCell>Team or org unit</TableCell>
          <TableCell>Scorecard</TableCell>
          <TableCell>From → to</TableCell>
          <TableCell align="right">Change</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.movers.map(mover => (
          <TableRow key={`${mover.entityRef}:${mover.scorecard}`}>
            <TableCell component="th" scope="row">
              <EntityTitleLink
                entityRef={mover.entityRef}
                title={mover.title}
                teamTab
              />
              {mover.kind === 'orgUnit' ? ' (org unit)' : ''}
            </TableCell>
            <TableCell>{SCORECARD_TITLES[mover.scorecard]}</TableCell>
            <TableCell>
              {Math.round(mover.from)} → {Math.round(mover.to)}
            </TableCell>
            <TableCell align="right">
              {mover.delta > 0 ? '+' : ''}
              {Math.round(mover.delta * 10) / 10}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * Who moved most: the biggest improvements and drops of a period, each
 * linking to the team's or org unit's Team Insights tab.
 */
export function MoversTable(props: { movers: MoversResponse; days: number }) {
  const { improved, dropped } = props.movers;
  if (improved.length === 0 && dropped.length === 0) {
    return (
      <Typography variant="body2">
        No team or org unit moved in the last {props.days} days.
      </Typography>
    );
  }
  return (
    <>
      <Rows
        caption={`Biggest improvements, last ${props.days} days`}
        movers={improved}
      />
      <Rows
        caption={`Biggest drops, last ${props.days} days`}
        movers={dropped}
      />
    </>
  );
}
