import { useApi } from '@backstage/core-plugin-api';
import type { TeamDetailsResponse } from '@team-insights/plugin-team-insights-common';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';

/** The state of a request, as `useAsync` gives it. */
export interface AsyncValue<T> {
  loading: boolean;
  error?: Error;
  value?: T;
}

/**
 * What a team's tab shows beside its scorecards (its adoption, its owned
 * entities' documentation and its single points of failure), in one
 * request whatever the team owns.
 */
export function useTeamDetails(
  teamRef: string,
): AsyncValue<TeamDetailsResponse> {
  const api = useApi(teamInsightsApiRef);
  const { loading, error, value } = useAsync(
    () => api.getTeamDetails(teamRef),
    [api, teamRef],
  );
  return { loading, error, value };
}
