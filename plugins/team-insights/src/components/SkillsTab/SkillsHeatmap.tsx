import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import type {
  SkillSupply as ClusterSupply,
  TeamSkills,
} from '@team-insights/plugin-team-insights-common';
import { useMemo } from 'react';
import {
  EntityTitleLink,
  RowHeaderCell,
  ScrollRegion,
  useUrlState,
} from '../common';
import { HeatCell } from './HeatCell';
import { useSkillsStyles } from './skillsStyles';

/**
 * Which team holds which skill cluster, filtered by name or to the teams
 * missing a required cluster, a page at a time (all kept in the address).
 */
export function SkillsHeatmap(props: {
  teams: readonly TeamSkills[];
  clusters: ClusterSupply[];
}) {
  const { teams, clusters } = props;
  const classes = useSkillsStyles();
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
      <ScrollRegion label="Skills per team">
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
      </ScrollRegion>
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
