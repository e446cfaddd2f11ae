import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CallSplitIcon from '@material-ui/icons/CallSplit';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import HomeWorkIcon from '@material-ui/icons/HomeWork';
import RepeatIcon from '@material-ui/icons/Repeat';
import type {
  ConcernReport,
  ConcernVerdict,
} from '@team-insights/plugin-team-insights-common';
import { plural } from '@team-insights/plugin-team-insights-common';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';
import {
  AnnotateFirst,
  ReportStatus,
  VERDICT_LABELS,
  humanizeId,
  ErrorPanel,
  RowHeaderCell,
} from '../common';
import { ViewContent } from '../common/ViewContent';

const useStyles = makeStyles(theme => ({
  quote: {
    margin: 0,
    padding: theme.spacing(1, 2),
    borderLeft: `4px solid ${theme.palette.primary.main}`,
    fontStyle: 'italic',
  },
  list: { margin: theme.spacing(0.5, 0, 1), paddingLeft: theme.spacing(2.5) },
  evident: {
    // the theme's contrast text on its main colour: AA in light and dark
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
    fontWeight: theme.typography.fontWeightBold as number,
    marginRight: theme.spacing(1),
  },
  since: { color: theme.palette.text.secondary },
  verdict: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
}));

const VERDICT_ICONS: Record<ConcernVerdict, typeof RepeatIcon> = {
  rebuilt: RepeatIcon,
  'centralize-candidate': CallSplitIcon,
  covered: CheckCircleIcon,
  local: HomeWorkIcon,
};

function Verdict(props: { verdict: ConcernVerdict }) {
  const classes = useStyles();
  const Icon = VERDICT_ICONS[props.verdict];
  return (
    <span className={classes.verdict}>
      <Icon fontSize="small" aria-hidden />
      {VERDICT_LABELS[props.verdict]}
    </span>
  );
}

function RefList(props: {
  refs: string[];
  label: string;
  declined?: ReadonlySet<string>;
}) {
  const classes = useStyles();
  return (
    <ul className={classes.list} aria-label={props.label}>
      {props.refs.map(ref => (
        <li key={ref}>
          <EntityRefLink entityRef={ref} />
          {props.declined?.has(ref) && ' (declined the product)'}
        </li>
      ))}
    </ul>
  );
}

/**
 * What to do next: teams that declined the product made the choice opt-in
 * allows; only the others are asked to try it or to decline it.
 */
function nextStep(builtBy: string[], declined: ReadonlySet<string>): string {
  const undecided = builtBy.filter(ref => !declined.has(ref)).length;
  const tryIt =
    'Try the product, or record that the team declined it and why, so that its team learns what is missing.';
  if (declined.size === 0) return tryIt;
  if (undecided === 0) {
    return `${
      builtBy.length === 1 ? 'The team' : 'Every one of these teams'
    } declined the product, which opt-in allows: the reason tells the product's team what to change. Look again when the product changes.`;
  }
  return `${
    declined.size
  } of these teams declined the product, which opt-in allows. The ${plural(
    undecided,
    'other',
    'others',
  )}: try the product, or record that the team declined it and why.`;
}

function RebuiltCard(props: { concern: ConcernReport }) {
  const { concern } = props;
  const name = humanizeId(concern.concern);
  const declined = new Set(
    (concern.declined ?? []).filter(ref => concern.builtBy.includes(ref)),
  );
  return (
    <InfoCard title={name} subheader={<Verdict verdict="rebuilt" />}>
      <Typography variant="body2" paragraph>
        {plural(concern.builtBy.length, 'team builds', 'teams build')}{' '}
        {concern.concern}{' '}
        {concern.builtBy.length === 1 ? 'itself' : 'themselves'} although a
        centralized team offers it as a product. A centralized team exposes a
        product: opt-in, self-service, no communication needed.{' '}
        {nextStep(concern.builtBy, declined)}
      </Typography>
      <Typography variant="subtitle2" component="h4">
        Built by
      </Typography>
      <RefList
        refs={concern.builtBy}
        label={`Teams building ${name}`}
        declined={declined}
      />
      <Typography variant="subtitle2" component="h4">
        Offered as a product by
      </Typography>
      <RefList refs={concern.products} label={`Products covering ${name}`} />
    </InfoCard>
  );
}

/** "candidate since DATE", and a chip once the concern is evident. */
function CandidateSince(props: { concern: ConcernReport }) {
  const classes = useStyles();
  const { candidateSince, evident } = props.concern;
  if (!candidateSince) return null;
  return (
    <Typography variant="body2" component="p" paragraph>
      {evident && (
        <Chip
          size="small"
          label="Evident: extract it"
          className={classes.evident}
        />
      )}
      <span className={classes.since}>
        candidate since {candidateSince.slice(0, 10)}
      </span>
    </Typography>
  );
}

function CandidateCard(props: { concern: ConcernReport }) {
  const { concern } = props;
  const name = humanizeId(concern.concern);
  return (
    <InfoCard
      title={name}
      subheader={<Verdict verdict="centralize-candidate" />}
    >
      <CandidateSince concern={concern} />
      <Typography variant="body2" paragraph>
        {plural(concern.builtBy.length, 'team builds', 'teams build')}{' '}
        {concern.concern} over and over, and no product covers it. Extract
        cross-cutting concerns to a centralized team when they become evident:
        it exposes a product, opt-in, self-service and with no communication
        needed, rather than taking over the task.
      </Typography>
      <Typography variant="subtitle2" component="h4">
        Built by
      </Typography>
      <RefList refs={concern.builtBy} label={`Teams building ${name}`} />
    </InfoCard>
  );
}

/**
 * The Concerns tab: cross-cutting concerns that feature teams rebuild next
 * to a product, concerns that call for a centralized team, and the rest.
 */
export function ConcernsTab() {
  const api = useApi(teamInsightsApiRef);
  const classes = useStyles();
  const { value, loading, error } = useAsync(() => api.getConcerns(), [api]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ErrorPanel error={error} />;
  }
  if (!value) {
    return null;
  }
  const rebuilt = value.items.filter(c => c.verdict === 'rebuilt');
  const candidates = value.items.filter(
    c => c.verdict === 'centralize-candidate',
  );
  const others = value.items.filter(
    c => c.verdict === 'covered' || c.verdict === 'local',
  );

  return (
    <ViewContent>
      <ReportStatus evaluatedAt={value.evaluatedAt} stale={value.stale} />
      <blockquote className={classes.quote}>
        <Typography>
          Start with feature teams, extract cross-cutting concerns to
          centralized teams only when they become evident, and think of
          centralized teams as internal cloud providers.
        </Typography>
      </blockquote>
      {value.items.length === 0 ? (
        <AnnotateFirst target="concerns" />
      ) : (
        <>
          <section aria-labelledby="team-insights-rebuilt">
            <Typography variant="h5" component="h2" id="team-insights-rebuilt">
              Rebuilt although a product covers them
            </Typography>
            {rebuilt.length === 0 ? (
              <Typography color="textSecondary">
                No team rebuilds a concern that a product covers.
              </Typography>
            ) : (
              <Grid container spacing={2}>
                {rebuilt.map(c => (
                  <Grid item xs={12} md={6} key={c.concern}>
                    <RebuiltCard concern={c} />
                  </Grid>
                ))}
              </Grid>
            )}
          </section>
          <section aria-labelledby="team-insights-candidates">
            <Typography
              variant="h5"
              component="h2"
              id="team-insights-candidates"
            >
              Candidates for a centralized team
            </Typography>
            {candidates.length === 0 ? (
              <Typography color="textSecondary">
                No concern is built by enough teams to call for a centralized
                team yet.
              </Typography>
            ) : (
              <Grid container spacing={2}>
                {candidates.map(c => (
                  <Grid item xs={12} md={6} key={c.concern}>
                    <CandidateCard concern={c} />
                  </Grid>
                ))}
              </Grid>
            )}
          </section>
          {others.length > 0 && (
            <section aria-labelledby="team-insights-other-concerns">
              <Typography
                variant="h5"
                component="h2"
                id="team-insights-other-concerns"
              >
                Other concerns
              </Typography>
              <Table size="small" aria-label="Other concerns">
                <TableHead>
                  <TableRow>
                    <TableCell>Concern</TableCell>
                    <TableCell>Verdict</TableCell>
                    <TableCell>Built by</TableCell>
                    <TableCell>Products</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {others.map(c => (
                    <TableRow key={c.concern}>
                      <RowHeaderCell>{humanizeId(c.concern)}</RowHeaderCell>
                      <TableCell>
                        <Verdict verdict={c.verdict} />
                      </TableCell>
                      <TableCell>
                        {c.builtBy.length === 0
                          ? '—'
                          : c.builtBy.map(ref => (
                              <div key={ref}>
                                <EntityRefLink entityRef={ref} />
                              </div>
                            ))}
                      </TableCell>
                      <TableCell>
                        {c.products.length === 0
                          ? '—'
                          : c.products.map(ref => (
                              <div key={ref}>
                                <EntityRefLink entityRef={ref} />
                              </div>
                            ))}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </section>
          )}
        </>
      )}
    </ViewContent>
  );
}
