import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { rootRouteRef } from '../../routes';

/**
 * "Plan a change to this team": opens the planner with the team chosen.
 * Shows nothing where the Team Insights page is not mounted.
 */
export function PlanTeamLink(props: { teamRef: string }) {
  let root: (() => string) | undefined;
  try {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    root = useRouteRef(rootRouteRef);
  } catch {
    root = undefined;
  }
  if (!root) return null;
  return (
    <Typography variant="body2">
      <Link to={`${root()}/planner?team=${encodeURIComponent(props.teamRef)}`}>
        Plan a change to this team
      </Link>
    </Typography>
  );
}
