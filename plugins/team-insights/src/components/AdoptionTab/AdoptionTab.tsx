import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import BlockIcon from '@material-ui/icons/Block';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import LockIcon from '@material-ui/icons/Lock';
import LockOpenIcon from '@material-ui/icons/LockOpen';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import {
  adoptionCounts,
  type AdoptionResponse,
  type ProductAdoption,
} from '@team-insights/plugin-team-insights-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';
import {
  EntityTitleLink,
  LevelChip,
  ReportStatus,
  formatPercent,
  humanizeId,
  ErrorPanel,
  RowHeaderCell,
  ScrollRegion,
} from '../common';
import { useContentRootStyles } from '../common/contentStyles';

const useStyles = makeStyles(theme => ({
  cell: { whiteSpace: 'nowrap' },
  inline: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
  // Text in the body colour (contrast); icons carry the hue.
  adopted: { '& svg': { color: theme.palette.success.main } },
  declined: { '& svg': { color: theme.palette.warning.dark } },
  unadopted: { backgroundColor: theme.palette.action.hover },
  badge: {
    borderColor: theme.palette.error.main,
    '& svg': { color: theme.palette.error.main },
    marginLeft: theme.spacing(1),
  },
  decliners: { margin: 0, paddingLeft: 0, listStyle: 'none' },
  reason: { display: 'block', color: theme.palette.text.secondary },
}));

type Cell = 'adopted' | 'declined';

function cellOf(product: ProductAdoption, team: string): Cell | undefined {
  if (product.adopters.includes(team)) return 'adopted';
  if (product.declinedBy.includes(team)) return 'declined';
  return undefined;
}

const CELLS: Record<Cell, { Icon: typeof BlockIcon; text: string }> = {
  adopted: { Icon: CheckCircleIcon, text: 'Adopted' },
  declined: { Icon: BlockIcon, text: 'Declined' },
};

/** "2 of 4 feature teams (50 %)": the rate with what it counts. */
function rateText(
  product: ProductAdoption,
  featureTeams: ReadonlySet<string>,
): string {
  const { adopted, eligible } = adoptionCounts(product, featureTeams);
  if (eligible === 0) return 'No feature team to adopt it';
  return `${adopted} of ${eligible} feature ${
    eligible === 1 ? 'team' : 'teams'
  } (${formatPercent(product.adoptionRate)})`;
}

/** The teams that declined a product, each with its reason. */
function Decliners(props: { product: ProductAdoption }) {
  const classes = useStyles();
  const declined = props.product.declined ?? [];
  if (declined.length === 0) return <>—</>;
  return (
    <ul
      className={classes.decliners}
      aria-label={`Teams that declined ${props.product.title}`}
    >
      {declined.map(team => (
        <li key={team.teamRef}>
          <EntityTitleLink entityRef={team.teamRef} title={team.title} />
          {team.reason && (
            <Typography variant="caption" className={classes.reason}>
              “{team.reason}”
            </Typography>
          )}
        </li>
      ))}
    </ul>
  );
}

function AdoptionCell(props: {
  cell: Cell | undefined;
  product: string;
  team: string;
}) {
  const { cell, product, team } = props;
  const classes = useStyles();
  // Neither adopted nor declined: an empty cell, so that the answers stand out.
  if (!cell) return <TableCell />;
  const { Icon, text } = CELLS[cell];
  return (
    <TableCell
      className={classes.cell}
      title={`${team}: ${text.toLocaleLowerCase('en-US')} ${product}`}
    >
      <span className={classes.inline}>
        <Icon fontSize="small" className={classes[cell]} aria-hidden />
        <span>{text}</span>
      </span>
    </TableCell>
  );
}

function ProductsTable(props: {
  adoption: AdoptionResponse;
  featureTeams: ReadonlySet<string>;
}) {
  const { adoption, featureTeams } = props;
  const classes = useStyles();
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

function AdoptionMatrix(props: {
  adoption: AdoptionResponse;
  featureTeams: ReadonlySet<string>;
}) {
  const { products, featureTeams: teams } = props.adoption;
  const classes = useStyles();
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

/**
 * The Adoption tab: each platform product with its owner, opt-in or
 * mandatory, adoption rate and documentation level (products nobody adopts
 * first), and the matrix of feature teams × products, from `GET /adoption`
 * (over the teams the reader may see).
 */
export function AdoptionTab() {
  const contentClasses = useContentRootStyles();
  const api = useApi(teamInsightsApiRef);
  const { value, loading, error } = useAsync(() => api.getAdoption(), [api]);
  const featureTeams = useMemo(
    () =>
      new Set(
        (value?.featureTeams ?? []).map(team => team.entityRef.toLowerCase()),
      ),
    [value],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ErrorPanel error={error} />;
  }
  if (!value) {
    return null;
  }
  if (value.products.length === 0) {
    return (
      <>
        <ReportStatus evaluatedAt={value.evaluatedAt} stale={value.stale} />
        <EmptyState
          missing="data"
          title="No platform products yet"
          description="A centralized team exposes products, not tasks: every Component, API or Resource it owns counts as a product. Declare its type on the team, or mark a product explicitly with team-insights.io/product: 'true'."
        />
      </>
    );
  }
  return (
    <Box
      data-team-insights-content
      className={contentClasses.root}
      display="flex"
      flexDirection="column"
      gridGap={24}
    >
      <ReportStatus evaluatedAt={value.evaluatedAt} stale={value.stale} />
      <section aria-labelledby="team-insights-products">
        <Typography variant="h5" component="h2" id="team-insights-products">
          Platform products
        </Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          Centralized teams act as internal cloud providers: their products are
          opt-in, self-service and need no communication. The adoption rate
          counts feature teams only: those that use a product, of the feature
          teams that could. A team that declines a product says why, so the
          product&apos;s team learns what stands in the way.
        </Typography>
        <ProductsTable adoption={value} featureTeams={featureTeams} />
      </section>
      <section aria-labelledby="team-insights-matrix">
        <Typography variant="h5" component="h2" id="team-insights-matrix">
          Adoption by feature team
        </Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          Adopted: the team owns something that depends on the product.
          Declined: the team chose not to use it, which opt-in allows. An empty
          cell: neither.
        </Typography>
        <AdoptionMatrix adoption={value} featureTeams={featureTeams} />
      </section>
    </Box>
  );
}
