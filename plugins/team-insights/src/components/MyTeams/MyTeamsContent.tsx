import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';
import { ErrorPanel } from '../common';
import { MyTeamsList } from './MyTeamsList';

/**
 * The content of the home-page card: the signed-in user's teams, or what to
 * do to have some.
 */
export function MyTeamsContent(props: { limit?: number }) {
  const { limit } = props;
  const api = useApi(teamInsightsApiRef);
  const { value, loading, error } = useAsync(
    () => api.getMyTeams({ limit }),
    [api, limit],
  );
  if (loading) return <Progress />;
  if (error) return <ErrorPanel error={error} />;
  if (!value || value.items.length === 0) {
    return (
      <Typography variant="body2">
        You belong to no team Team Insights evaluates. Once your User entity is
        a member (spec.memberOf) of a team Group, its levels show here.
      </Typography>
    );
  }
  return <MyTeamsList value={value} />;
}
