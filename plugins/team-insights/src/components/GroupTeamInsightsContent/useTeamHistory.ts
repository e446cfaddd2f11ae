import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';
import type { ScorePoint } from '../common';

/**
 * A team's daily scores over the last `days`, one request a period: the
 * points, an empty list when they could not be loaded (the charts then say
 * there is no history), undefined while loading.
 */
export function useTeamHistory(
  teamRef: string,
  days: number,
): ScorePoint[] | undefined {
  const api = useApi(teamInsightsApiRef);
  const history = useAsync(
    () => api.getEntityHistory(teamRef, { days }),
    [api, teamRef, days],
  );
  return history.error ? [] : history.value?.points;
}
