import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import LockIcon from '@material-ui/icons/Lock';
import LockOpenIcon from '@material-ui/icons/LockOpen';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import type { AdoptionResponse } from '@team-insights/plugin-team-insights-common';
import {
  EntityTitleLink,
  humanizeId,
  LevelChip,
  ScrollRegion,
} from '../common';
import { useAdoptionStyles } from './adoptionStyles';
import { Decliners } from './Decliners';
import { rateText } from './rateText';

/**
 * Each platform product with its owner, concern, opt-in or mandatory,
 * adopters, decliners, adoption rate and documentation level; a product
 * nobody adopts is marked.
 */
export function ProductsTable(props: {
  adoption: AdoptionResponse;
  featureTeams: ReadonlySet<string>;
}) {
  const { adoption, featureTeams } = props;
  const classes = useAdoptionStyles();
  return (
    <ScrollRegion label="Products">
      <Table size="small" aria-label="Products">
        <TableHead>
          <TableRow>
            <TableCell>Product</TableCell>
            <TableCell>Owner</TableCell>
            <TableCell>Concern</TableCell>
            <TableCell>Opt-in</TableCell>
            <TableCell align="right">Adopters</TableCell>
            <TableCell>Declined by</TableCell>
            <TableCell align="right">Adoption rate</TableCell>
            <TableCell>Documentation</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {adoption.products.map(product => {
            const unadopted = product.adopters.length === 0;
            return (
              <TableRow
                key={product.entityRef}
                className={unadopted ? classes.unadopted : undefined}
              >
                <TableCell>
                  <EntityTitleLink
                    entityRef={product.entityRef}
                    title={product.title}
                  />
                  {unadopted && (
                    <Chip
                      size="small"
                      variant="outlined"
                      className={classes.badge}
                      icon={<ReportProblemIcon aria-hidden />}
                      label="No adopters"
                    />
                  )}
                </TableCell>
                <TableCell>
                  {product.owner ? (
                    <EntityTitleLink
                      entityRef={product.owner}
                      title={product.ownerTitle}
                    />
                  ) : (
                    'No owner'
                  )}
                </TableCell>
                <TableCell>
                  {product.concern ? humanizeId(product.concern) : '—'}
                </TableCell>
                <TableCell className={classes.cell}>
                  {product.mandatory ? (
                    <span className={classes.inline}>
                      <LockIcon fontSize="small" aria-hidden />
                      Mandatory
                    </span>
                  ) : (
                    <span className={classes.inline}>
                      <LockOpenIcon fontSize="small" aria-hidden />
                      Opt-in
                    </span>
                  )}
                </TableCell>
                <TableCell align="right">{product.adopters.length}</TableCell>
                <TableCell>
                  <Decliners product={product} />
                </TableCell>
                <TableCell align="right">
                  {rateText(product, featureTeams)}
                </TableCell>
                <TableCell>
                  <LevelChip
                    level={product.documentation.level}
                    score={product.documentation.score}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
