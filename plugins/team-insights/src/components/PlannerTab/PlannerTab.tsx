import type { Entity } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  PlanChange,
  suggestStaffing,
  TeamInsightsConfig,
} from '@team-insights/plugin-team-insights-common';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ErrorPanel } from '../common';
import { useContentRootStyles } from '../common/contentStyles';
import { ChangeForm } from './ChangeForm';
import { describeChange } from './describeChange';
import { PlanComparisonTable } from './PlanComparisonTable';
import { PlanExport } from './PlanExport';
import { StaffingSuggestions } from './StaffingSuggestions';
import { useDraft } from './useDraft';
import { usePlan } from './usePlan';
import { usePlannerData } from './usePlannerData';

function Planner(props: {
  entities: Entity[];
  config: TeamInsightsConfig;
  notPreviewed: Array<{ id: string; title: string }>;
}) {
  const { entities, config, notPreviewed } = props;
  const [params] = useSearchParams();
  const draft = useDraft();
  const plan = usePlan(entities, config, draft.changes);
  const [staffingAsked, setStaffingAsked] = useState(false);
  const staffing = useMemo(
    () =>
      staffingAsked
        ? suggestStaffing(plan.entities, { config, limit: 10 })
        : undefined,
    [staffingAsked, plan.entities, config],
  );

  const classes = useContentRootStyles();
  return (
    <Grid
      container
      spacing={3}
      data-team-insights-content
      className={classes.root}
    >
      <Grid item xs={12}>
        <InfoCard title="Draft">
          <Typography variant="body2" paragraph>
            Try a different shape of the organisation and see the verdicts
            before anyone moves. Each change is scored by the same engine as the
            portal, with its configuration; the link of this page shares the
            draft.
          </Typography>
          <ChangeForm
            entities={plan.entities}
            initialTeam={params.get('team') ?? undefined}
            onAdd={(change: PlanChange) => draft.add(change)}
          />
          {draft.error && (
            <Box mt={2} role="alert">
              {draft.error}
            </Box>
          )}
          {plan.error && (
            <Box mt={2} role="alert" color="error.main">
              {plan.error.message} The draft is shown without its changes; undo
              the last one.
            </Box>
          )}
          <Box mt={2}>
            <Typography variant="subtitle2" component="h3">
              {draft.changes.length
                ? `${draft.changes.length} ${
                    draft.changes.length === 1 ? 'change' : 'changes'
                  }`
                : 'No changes yet'}
            </Typography>
            <ol aria-label="Changes in the draft">
              {draft.changes.map((change, index) => (
                <li key={index}>{describeChange(change)}</li>
              ))}
            </ol>
            <Button
              onClick={draft.undo}
              disabled={!draft.changes.length}
              variant="outlined"
            >
              Undo last change
            </Button>{' '}
            <Button onClick={draft.clear} disabled={!draft.changes.length}>
              Start over
            </Button>
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Before → after">
          {notPreviewed.length > 0 && (
            <Typography variant="body2" paragraph>
              Not previewed: {notPreviewed.map(c => c.title).join(', ')} (custom
              checks run only in the backend; the portal's scores include them,
              the draft's do not).
            </Typography>
          )}
          <PlanComparisonTable comparison={plan.comparison} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Staffing suggestions">
          <Typography variant="body2" paragraph>
            The fewest hires and moves that close missing required clusters and
            single points of failure in the draft, without growing a team past
            its size limit or opening a gap where someone leaves.
          </Typography>
          {staffing ? (
            <StaffingSuggestions
              plan={staffing}
              actionLabel="Add to draft"
              onApply={draft.add}
            />
          ) : (
            <Button variant="outlined" onClick={() => setStaffingAsked(true)}>
              Suggest staffing
            </Button>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Take it away">
          {draft.changes.length ? (
            <PlanExport
              changes={draft.changes}
              comparison={plan.comparison}
              edits={plan.edits}
              entities={entities}
            />
          ) : (
            <Typography variant="body2">
              The change file, the catalog-info.yaml edits and a Markdown
              summary appear here once the draft has a change.
            </Typography>
          )}
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/**
 * The planner: a draft of changes to the organisation (moves, skills, head
 * counts, team types, splits, merges, new teams, adoption), scored in the
 * browser before and after.
 */
export function PlannerTab() {
  const { value, loading, error } = usePlannerData();
  if (loading) return <Progress />;
  if (error) return <ErrorPanel error={error} />;
  return (
    <Planner
      entities={value!.entities}
      config={value!.config}
      notPreviewed={value!.notPreviewed}
    />
  );
}
