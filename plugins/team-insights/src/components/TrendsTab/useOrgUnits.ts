import { useApi } from '@backstage/core-plugin-api';
import type { OrgUnitName } from '@team-insights/plugin-team-insights-common';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';
import type { AsyncValue } from '../GroupTeamInsightsContent/useTeamDetails';

/** The organisational units the user may see, by name, for a picker. */
export function useOrgUnits(): AsyncValue<OrgUnitName[]> {
  const api = useApi(teamInsightsApiRef);
  const { loading, error, value } = useAsync(
    async () => (await api.getOrgUnits()).items,
    [api],
  );
  return { loading, error, value };
}
