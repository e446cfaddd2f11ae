import { ErrorPanel, Progress } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import type { PlanChange } from '@team-insights/plugin-team-insights-common';
import { useNavigate } from 'react-router-dom';
import { rootRouteRef } from '../../routes';
import { encodeDraft, PLAN_PARAM } from '../PlannerTab/useDraft';
import { StaffingSuggestions } from '../PlannerTab/StaffingSuggestions';
import { useStaffing } from './useSkills';

/** The planner's address, or undefined where the page is not mounted. */
function usePlannerPath(): string | undefined {
  try {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    const root = useRouteRef(rootRouteRef);
    return `${root()}/planner`;
  } catch {
    return undefined;
  }
}

/**
 * "What should we hire next?" on the Skills tab: the hires and moves that
 * close the most missing clusters and single points of failure
 * (`GET /staffing`), each opening the planner with it as a draft to try.
 */
export function StaffingSection() {
  const navigate = useNavigate();
  const planner = usePlannerPath();
  const { value, loading, error } = useStaffing();

  const tryInPlanner = (change: PlanChange) => {
    if (!planner) return;
    const params = new URLSearchParams({ [PLAN_PARAM]: encodeDraft([change]) });
    navigate(`${planner}?${params.toString()}`);
  };

  return (
    <section aria-labelledby="team-insights-staffing">
      <Typography variant="h5" component="h2" id="team-insights-staffing">
        Staffing suggestions
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        The fewest hires or moves that give the most teams every cluster they
        require, with more than one person each, without growing a team past its
        size limit or opening a gap elsewhere (a greedy choice, one step at a
        time).
      </Typography>
      {loading && <Progress />}
      {error && <ErrorPanel error={error} />}
      {value && (
        <StaffingSuggestions
          plan={value}
          actionLabel="Try in the planner"
          onApply={tryInPlanner}
        />
      )}
    </section>
  );
}
