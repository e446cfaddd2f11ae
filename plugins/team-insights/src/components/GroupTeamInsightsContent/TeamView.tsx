import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import Alert from '@material-ui/lab/Alert';
import type {
  EntityReport,
  Finding,
  ProductReport,
  ScorecardId,
  TeamReport,
} from '@team-insights/plugin-team-insights-common';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';
import { PlanTeamLink } from '../PlannerTab/PlanTeamLink';
import { NextSteps, nextStepAnchor, useNextSteps } from './NextSteps';
import {
  CheckList,
  CodeBlock,
  EntityTitleLink,
  FindingsList,
  HISTORY_RANGES,
  LevelChip,
  RangePicker,
  ScoreLineChart,
  SCORECARD_DESCRIPTIONS,
  SCORECARD_TITLES,
  TEAM_TYPE_LABELS,
  formatPercent,
  humanizeId,
  type ScorePoint,
  RowHeaderCell,
  useUrlRange,
} from '../common';

const useStyles = makeStyles(theme => ({
  inline: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
  // Status text keeps the body colour (contrast); the icon carries the hue.
  bad: { '& svg': { color: theme.palette.error.main } },
  warn: { '& svg': { color: theme.palette.warning.main } },
  good: { '& svg': { color: theme.palette.success.main } },
  section: { marginTop: theme.spacing(2) },
  list: { margin: theme.spacing(0.5, 0), paddingLeft: theme.spacing(2.5) },
}));

const MAX_OWNED = 50;

function Section(props: { title: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <Box className={classes.section}>
      <Typography variant="subtitle1" component="h3">
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

function SkillClusters(props: { team: TeamReport }) {
  const { team } = props;
  const classes = useStyles();
  const clusters = [
    ...new Set([...team.requiredSkills, ...team.skills.map(s => s.cluster)]),
  ].sort();
  const spof = team.requiredSkills.filter(
    id => team.skills.find(s => s.cluster === id)?.people === 1,
  );
  return (
    <>
      <Section title="Skill clusters held and required">
        <TableContainer
          tabIndex={0}
          role="region"
          aria-label={`Skill clusters of ${team.title}, scrollable`}
        >
          <Table size="small" aria-label={`Skill clusters of ${team.title}`}>
            <TableHead>
              <TableRow>
                <TableCell>Skill cluster</TableCell>
                <TableCell align="right">People</TableCell>
                <TableCell align="right">Primary</TableCell>
                <TableCell>Required</TableCell>
                <TableCell>Status</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {clusters.map(id => {
                const holding = team.skills.find(s => s.cluster === id);
                const required = team.requiredSkills.includes(id);
                const missing = team.missingSkills.includes(id);
                let status: ReactNode = '—';
                if (missing) {
                  status = (
                    <span className={`${classes.inline} ${classes.bad}`}>
                      <ReportProblemIcon fontSize="small" aria-hidden />
                      Missing
                    </span>
                  );
                } else if (required && holding?.people === 1) {
                  status = (
                    <span className={`${classes.inline} ${classes.warn}`}>
                      <ReportProblemIcon fontSize="small" aria-hidden />
                      Single point of failure
                    </span>
                  );
                } else if (required) {
                  status = (
                    <span className={`${classes.inline} ${classes.good}`}>
                      <CheckCircleIcon fontSize="small" aria-hidden />
                      Covered
                    </span>
                  );
                }
                return (
                  <TableRow key={id}>
                    <RowHeaderCell>{humanizeId(id)}</RowHeaderCell>
                    <TableCell align="right">{holding?.people ?? 0}</TableCell>
                    <TableCell align="right">{holding?.primary ?? 0}</TableCell>
                    <TableCell>{required ? 'Yes' : 'No'}</TableCell>
                    <TableCell>{status}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      </Section>
      <Section title="Size">
        <Typography variant="body2">
          {team.size} {team.size === 1 ? 'person' : 'people'} ({team.members}{' '}
          {team.members === 1 ? 'member' : 'members'}
          {team.headCount > 0
            ? `, ${team.headCount} declared as head counts`
            : ''}
          ): {team.communicationPaths} communication paths. Each person added
          brings more communication overhead than the one before.
        </Typography>
        <PlanTeamLink teamRef={team.entityRef} />
      </Section>
      <Section title="Single points of failure">
        <Typography variant="body2">
          {spof.length === 0
            ? 'Every required cluster the team holds is held by at least two people.'
            : `Held by one person only: ${spof.map(humanizeId).join(', ')}.`}
        </Typography>
      </Section>
    </>
  );
}

function RefList(props: { refs: string[]; label: string; empty: string }) {
  const classes = useStyles();
  if (props.refs.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.empty}
      </Typography>
    );
  }
  return (
    <ul className={classes.list} aria-label={props.label}>
      {props.refs.map(ref => (
        <li key={ref}>
          <EntityRefLink entityRef={ref} />
        </li>
      ))}
    </ul>
  );
}

function AdoptionDetails(props: { team: TeamReport }) {
  const { team } = props;
  const api = useApi(teamInsightsApiRef);
  const classes = useStyles();
  const { value, loading, error } = useAsync(async () => {
    const [products, concerns] = await Promise.all([
      api.getProducts(),
      api.getConcerns(),
    ]);
    return { products: products.items, concerns: concerns.items };
  }, [api]);

  if (loading) return <Progress />;
  if (error || !value) {
    return (
      <Typography variant="body2" color="textSecondary">
        Products and concerns could not be loaded: {error?.message}
      </Typography>
    );
  }

  if (team.teamType === 'centralized') {
    const own = value.products.filter(p => p.owner === team.entityRef);
    return (
      <Section title="Products and their adopters">
        {own.length === 0 ? (
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
                {own.map((product: ProductReport) => (
                  <TableRow key={product.entityRef}>
                    <RowHeaderCell>
                      <EntityRefLink entityRef={product.entityRef} />
                    </RowHeaderCell>
                    <TableCell>
                      {product.mandatory ? 'Mandatory' : 'Opt-in'}
                    </TableCell>
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
                      {product.declinedBy.length === 0
                        ? '—'
                        : product.declinedBy.map(ref => {
                            // the product team's backlog: why a team said no
                            const reason = product.declineReasons?.find(
                              r => r.teamRef === ref,
                            )?.reason;
                            return (
                              <div key={ref}>
                                <EntityRefLink entityRef={ref} />
                                {reason && (
                                  <Typography
                                    variant="caption"
                                    color="textSecondary"
                                    component="div"
                                  >
                                    “{reason}”
                                  </Typography>
                                )}
                              </div>
                            );
                          })}
                    </TableCell>
                    <TableCell align="right">
                      {formatPercent(product.adoptionRate)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Section>
    );
  }

  const used = value.products
    .filter(p => p.adopters.includes(team.entityRef))
    .map(p => p.entityRef);
  const declined = value.products
    .filter(p => p.declinedBy.includes(team.entityRef))
    .map(p => p.entityRef);
  const rebuilt = value.concerns.filter(
    c => c.verdict === 'rebuilt' && c.builtBy.includes(team.entityRef),
  );
  return (
    <>
      <Section title="Products used">
        <RefList
          refs={used}
          label={`Products used by ${team.title}`}
          empty="The team uses no platform product."
        />
      </Section>
      <Section title="Products declined">
        <RefList
          refs={declined}
          label={`Products declined by ${team.title}`}
          empty="The team has declined no product."
        />
      </Section>
      <Section title="Concerns rebuilt">
        {rebuilt.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            The team rebuilds no concern that a product covers.
          </Typography>
        ) : (
          <ul
            className={classes.list}
            aria-label={`Concerns rebuilt by ${team.title}`}
          >
            {rebuilt.map(c => (
              <li key={c.concern}>
                <Typography variant="body2" component="span">
                  {humanizeId(c.concern)}, offered as a product by{' '}
                </Typography>
                {c.products.map((ref, index) => (
                  <span key={ref}>
                    {index > 0 && ', '}
                    <EntityRefLink entityRef={ref} />
                  </span>
                ))}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

function OwnedEntities(props: { team: TeamReport }) {
  const { team } = props;
  const api = useApi(teamInsightsApiRef);
  const { value, loading } = useAsync(async () => {
    const refs = team.owned.slice(0, MAX_OWNED);
    const results = await Promise.allSettled(
      refs.map(ref => api.getEntityScorecards(ref)),
    );
    const entities: EntityReport[] = [];
    for (const result of results) {
      if (result.status === 'fulfilled' && result.value.type === 'entity') {
        entities.push(result.value.entity);
      }
    }
    return entities.sort(
      (a, b) =>
        (a.scorecards.documentation.score ?? 101) -
          (b.scorecards.documentation.score ?? 101) ||
        a.entityRef.localeCompare(b.entityRef),
    );
  }, [api, team]);

  return (
    <Section title="Owned entities, worst first">
      {loading && <Progress />}
      {value && value.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          The team owns no documented entity.
        </Typography>
      )}
      {value && value.length > 0 && (
        <TableContainer
          tabIndex={0}
          role="region"
          aria-label={`Entities owned by ${team.title}, scrollable`}
        >
          <Table size="small" aria-label={`Entities owned by ${team.title}`}>
            <TableHead>
              <TableRow>
                <TableCell>Entity</TableCell>
                <TableCell>Kind</TableCell>
                <TableCell>Documentation</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {value.map(entity => (
                <TableRow key={entity.entityRef}>
                  <RowHeaderCell>
                    <EntityTitleLink
                      entityRef={entity.entityRef}
                      title={entity.title}
                    />
                  </RowHeaderCell>
                  <TableCell>{entity.kind}</TableCell>
                  <TableCell>
                    <LevelChip
                      level={entity.scorecards.documentation.level}
                      score={entity.scorecards.documentation.score}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {team.owned.length > MAX_OWNED && (
        <Typography variant="caption" color="textSecondary">
          Showing the first {MAX_OWNED} of {team.owned.length} owned entities.
        </Typography>
      )}
    </Section>
  );
}

function ScorecardCard(props: {
  id: ScorecardId;
  team: TeamReport;
  history: ScorePoint[] | undefined;
  editUrl?: string;
  children?: ReactNode;
  remediationShownAt: ReadonlyMap<string, string>;
}) {
  const { id, team, history, editUrl, children, remediationShownAt } = props;
  const scorecard = team.scorecards[id];
  return (
    <InfoCard
      title={SCORECARD_TITLES[id]}
      titleTypographyProps={{ component: 'h2' }}
      subheader={SCORECARD_DESCRIPTIONS[id]}
      headerProps={{
        action: (
          <LevelChip
            level={scorecard.level}
            score={scorecard.score}
            size="medium"
          />
        ),
      }}
    >
      <Grid container spacing={3}>
        <Grid item xs={12} lg={7}>
          {children}
          <Section title="Checks">
            <CheckList
              label={`Checks of ${SCORECARD_TITLES[id]}`}
              checks={scorecard.checks}
              editUrl={editUrl}
              foldSettled
              remediationShownAt={remediationShownAt}
              whoElse
            />
          </Section>
        </Grid>
        <Grid item xs={12} lg={5}>
          {history ? (
            <ScoreLineChart
              title={`${SCORECARD_TITLES[id]} history`}
              points={history}
              scorecards={[id]}
              headingComponent="h3"
            />
          ) : (
            <Progress />
          )}
        </Grid>
      </Grid>
    </InfoCard>
  );
}

/**
 * The three scorecards of one team, with their history over a period picked
 * from 30, 90 and 365 days (`?days=30`; 90 by default).
 */
export function TeamView(props: {
  team: TeamReport;
  findings: Finding[];
  editUrl?: string;
}) {
  const { team, findings, editUrl } = props;
  const api = useApi(teamInsightsApiRef);
  const [days, setDays] = useUrlRange(HISTORY_RANGES, 90);
  const history = useAsync(
    () => api.getEntityHistory(team.entityRef, { days }),
    [api, team.entityRef, days],
  );
  const points: ScorePoint[] | undefined = history.error
    ? []
    : history.value?.points;
  const steps = useNextSteps(team);
  const shownAt = useMemo(
    () =>
      new Map(
        steps.map(step => [step.check.id, nextStepAnchor(step.check.id)]),
      ),
    [steps],
  );
  const { hash } = useLocation();
  useEffect(() => {
    // A link to one check (from the Overview's worst check): bring it into
    // view and move focus there, once the tab has rendered.
    if (!/^#(next-)?check-/.test(hash)) return;
    const target = document.getElementById(hash.slice(1));
    if (target) {
      target.scrollIntoView?.({ block: 'start' });
      target.focus({ preventScroll: true });
    }
  }, [hash, team.entityRef]);

  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <Typography variant="body1">
        {TEAM_TYPE_LABELS[team.teamType]} · {team.size}{' '}
        {team.size === 1 ? 'person' : 'people'} · {team.communicationPaths}{' '}
        communication paths
        {team.parent && (
          <>
            {' '}
            · part of <EntityRefLink entityRef={team.parent} />
          </>
        )}
      </Typography>
      <NextSteps team={team} editUrl={editUrl} />
      {!team.teamTypeDeclared && (
        <Alert severity="info">
          This team does not declare its type, so it is evaluated as a feature
          team. Declare what it is:
          <CodeBlock
            label="YAML declaring the team type"
            text={`metadata:\n  annotations:\n    # feature | centralized | expertise\n    team-insights.io/team-type: feature\n`}
          />
        </Alert>
      )}
      <Box display="flex" justifyContent="flex-end">
        <RangePicker label="History period" value={days} onChange={setDays} />
      </Box>
      <ScorecardCard
        id="composition"
        team={team}
        history={points}
        editUrl={editUrl}
        remediationShownAt={shownAt}
      >
        <SkillClusters team={team} />
      </ScorecardCard>
      <ScorecardCard
        id="adoption"
        team={team}
        history={points}
        editUrl={editUrl}
        remediationShownAt={shownAt}
      >
        <AdoptionDetails team={team} />
      </ScorecardCard>
      <ScorecardCard
        id="documentation"
        team={team}
        history={points}
        remediationShownAt={shownAt}
      >
        <OwnedEntities team={team} />
      </ScorecardCard>
      <FindingsList findings={findings} />
    </Box>
  );
}
