import { useApi } from '@backstage/core-plugin-api';
import type { ChecksResponse } from '@team-insights/plugin-team-insights-common';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';
import type { AsyncValue } from '../GroupTeamInsightsContent/useTeamDetails';

/**
 * Every check with how many of the teams the user may see fail, warn, are
 * waived or pass it, and when the report was evaluated.
 */
export function useChecks(): AsyncValue<ChecksResponse> {
  const api = useApi(teamInsightsApiRef);
  const { loading, error, value } = useAsync(() => api.getChecks(), [api]);
  return { loading, error, value };
}
