import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { SkillSupply as ClusterSupply } from '@team-insights/plugin-team-insights-common';
import { RowHeaderCell, ScrollRegion } from '../common';
import { MissingMark } from './MissingMark';

/** The supply of each skill cluster in numbers: people, teams, gaps. */
export function SupplyTable(props: { rows: ClusterSupply[] }) {
  const { rows } = props;
  return (
    <ScrollRegion label="Skill supply">
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
                  <MissingMark>{row.missingIn}</MissingMark>
                ) : (
                  0
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
