import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';
import { MyTeamsList } from './MyTeamsList';

/**
 * The "My teams" section that opens the Overview: shown only once the
 * signed-in user's teams have arrived and there are some. The rest of the
 * Overview reports failures itself, so this section just stays away.
 */
export function MyTeamsSection() {
  const api = useApi(teamInsightsApiRef);
  const { value } = useAsync(() => api.getMyTeams({ limit: 6 }), [api]);
  if (!value || value.items.length === 0) return null;
  return (
    <section aria-labelledby="team-insights-my-teams">
      <Typography variant="h5" component="h2" id="team-insights-my-teams">
        My teams
      </Typography>
      <Box mt={1}>
        <MyTeamsList value={value} />
      </Box>
    </section>
  );
}
