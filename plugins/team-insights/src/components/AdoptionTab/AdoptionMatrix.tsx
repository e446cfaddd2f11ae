import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { AdoptionResponse } from '@team-insights/plugin-team-insights-common';
import { useState } from 'react';
import { EntityTitleLink, RowHeaderCell, ScrollRegion } from '../common';
import { AdoptionCell, cellOf } from './AdoptionCell';
import { useAdoptionStyles } from './adoptionStyles';
import { rateText } from './rateText';

/** Feature teams × products: who adopted or declined what, 25 teams a page. */
export function AdoptionMatrix(props: {
  adoption: AdoptionResponse;
  featureTeams: ReadonlySet<string>;
}) {
  const { products, featureTeams: teams } = props.adoption;
  const classes = useAdoptionStyles();
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(25);
  if (teams.length === 0) {
    return (
      <Typography color="textSecondary">
        No feature teams yet: the matrix shows which feature teams use which
        products.
      </Typography>
    );
  }
  const visible = teams.slice(page * rowsPerPage, (page + 1) * rowsPerPage);
  return (
    <>
      <ScrollRegion label="Adoption matrix">
        <Table size="small" aria-label="Adoption matrix">
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Feature team
              </TableCell>
              {products.map(product => (
                <TableCell key={product.entityRef} scope="col">
                  {product.title}
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="div"
                  >
                    {rateText(product, props.featureTeams)}
                  </Typography>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {visible.map(team => (
              <TableRow key={team.entityRef}>
                <RowHeaderCell className={classes.cell}>
                  <EntityTitleLink
                    entityRef={team.entityRef}
                    title={team.title}
                  />
                </RowHeaderCell>
                {products.map(product => (
                  <AdoptionCell
                    key={product.entityRef}
                    cell={cellOf(product, team.entityRef)}
                    team={team.title}
                    product={product.title}
                  />
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
      {teams.length > 25 && (
        <TablePagination
          component="div"
          count={teams.length}
          page={page}
          rowsPerPage={rowsPerPage}
          rowsPerPageOptions={[25, 50, 100]}
          onPageChange={(_e, next) => setPage(next)}
          onRowsPerPageChange={e => {
            setRowsPerPage(Number(e.target.value));
            setPage(0);
          }}
        />
      )}
    </>
  );
}
