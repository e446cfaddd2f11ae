import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  PlanComparison,
  PlanScore,
  SCORECARD_IDS,
} from '@team-insights/plugin-team-insights-common';
import { SCORECARD_TITLES } from '../common';

/** "silver (77)", "n/a" or "—" (the team does not exist on that side). */
export function planScoreText(score: PlanScore | undefined): string {
  if (!score) return '—';
  return score.level === null ? 'n/a' : `${score.level} (${score.score})`;
}

function statusText(status: string | undefined) {
  return status ?? '—';
}

/**
 * Every team, org unit and concern whose verdict the draft moves, before →
 * after, with the checks that change.
 */
export function PlanComparisonTable(props: { comparison: PlanComparison }) {
  const { teams, orgUnits, concerns } = props.comparison;
  if (!teams.length && !orgUnits.length && !concerns.length) {
    return (
      <Typography>
        No scorecard changes yet: add a change to the draft to see what it
        moves.
      </Typography>
    );
  }
  return (
    <>
      <Table size="small" aria-label="Teams before and after the draft">
        <TableHead>
          <TableRow>
            <TableCell>Team</TableCell>
            {SCORECARD_IDS.map(id => (
              <TableCell key={id}>{SCORECARD_TITLES[id]}</TableCell>
            ))}
            <TableCell>Size</TableCell>
            <TableCell>Checks that change</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {teams.map(team => (
            <TableRow key={team.entityRef} data-team={team.entityRef}>
              <TableCell component="th" scope="row">
                {team.title}
                {!team.before && ' (new)'}
                {!team.after && ' (removed)'}
              </TableCell>
              {SCORECARD_IDS.map(id => (
                <TableCell key={id} data-scorecard={id}>
                  {planScoreText(team.before?.scores[id])} →{' '}
                  {planScoreText(team.after?.scores[id])}
                </TableCell>
              ))}
              <TableCell>
                {team.before?.size ?? '—'} → {team.after?.size ?? '—'}
              </TableCell>
              <TableCell>
                {team.before && team.after
                  ? team.checks
                      .map(
                        c =>
                          `${c.title}: ${statusText(c.before)} → ${statusText(
                            c.after,
                          )}`,
                      )
                      .join('; ')
                  : ''}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {orgUnits.length > 0 && (
        <Table size="small" aria-label="Organisational units before and after">
          <TableHead>
            <TableRow>
              <TableCell>Organisational unit</TableCell>
              {SCORECARD_IDS.map(id => (
                <TableCell key={id}>{SCORECARD_TITLES[id]}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {orgUnits.map(unit => (
              <TableRow key={unit.entityRef} data-org-unit={unit.entityRef}>
                <TableCell component="th" scope="row">
                  {unit.title}
                </TableCell>
                {SCORECARD_IDS.map(id => (
                  <TableCell key={id}>
                    {planScoreText(unit.before?.[id])} →{' '}
                    {planScoreText(unit.after?.[id])}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {concerns.length > 0 && (
        <ul aria-label="Concerns whose verdict changes">
          {concerns.map(c => (
            <li key={c.concern}>
              {c.concern}: {c.before ?? '—'} → {c.after ?? '—'}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
