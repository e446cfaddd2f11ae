import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import type {
  ProductAdoption,
  TeamReport,
} from '@team-insights/plugin-team-insights-common';
import { RowHeaderCell, formatPercent } from '../common';
import { Reason, Section, useTeamViewStyles } from './Section';

function ProductRow(props: { product: ProductAdoption }) {
  const { product } = props;
  const classes = useTeamViewStyles();
  return (
    <TableRow>
      <RowHeaderCell>
        <EntityRefLink entityRef={product.entityRef} />
      </RowHeaderCell>
      <TableCell>{product.mandatory ? 'Mandatory' : 'Opt-in'}</TableCell>
      <TableCell>
        {product.adopters.length === 0 ? (
          <span className={`${classes.inline} ${classes.bad}`}>
            <ReportProblemIcon fontSize="small" aria-hidden />
            No adopters
          </span>
        ) : (
          product.adopters.map(ref => (
            <div key={ref}>
              <EntityRefLink entityRef={ref} />
            </div>
          ))
        )}
      </TableCell>
      <TableCell>
        {product.declined.length === 0
          ? '—'
          : // the product team's backlog: why a team said no
            product.declined.map(item => (
              <div key={item.teamRef}>
                <EntityRefLink entityRef={item.teamRef} />
                <Reason text={item.reason} />
              </div>
            ))}
      </TableCell>
      <TableCell align="right">{formatPercent(product.adoptionRate)}</TableCell>
    </TableRow>
  );
}

/** A centralized team's products, their adopters and who declined why. */
export function TeamProducts(props: {
  team: TeamReport;
  products: ProductAdoption[];
}) {
  const { team, products } = props;
  return (
    <Section title="Products and their adopters">
      {products.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          The team owns no product yet. Expose products, not tasks.
        </Typography>
      ) : (
        <TableContainer
          tabIndex={0}
          role="region"
          aria-label={`Products of ${team.title}, scrollable`}
        >
          <Table size="small" aria-label={`Products of ${team.title}`}>
            <TableHead>
              <TableRow>
                <TableCell>Product</TableCell>
                <TableCell>Opt-in</TableCell>
                <TableCell>Adopters</TableCell>
                <TableCell>Declined by</TableCell>
                <TableCell align="right">Adoption rate</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {products.map(product => (
                <ProductRow key={product.entityRef} product={product} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Section>
  );
}
