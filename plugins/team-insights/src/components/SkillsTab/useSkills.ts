import { useApi } from '@backstage/core-plugin-api';
import type {
  SkillsResponse,
  StaffingResponse,
} from '@team-insights/plugin-team-insights-common';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';
import type { AsyncValue } from '../GroupTeamInsightsContent/useTeamDetails';

/**
 * The supply of each skill cluster and the skills of each team
 * (`GET /skills`), over the teams the reader may see.
 */
export function useSkills(): AsyncValue<SkillsResponse> {
  const api = useApi(teamInsightsApiRef);
  const { loading, error, value } = useAsync(() => api.getSkills(), [api]);
  return { loading, error, value };
}

/**
 * The hires and moves that close the most missing clusters and single
 * points of failure (`GET /staffing`).
 */
export function useStaffing(): AsyncValue<StaffingResponse> {
  const api = useApi(teamInsightsApiRef);
  const { loading, error, value } = useAsync(() => api.getStaffing(), [api]);
  return { loading, error, value };
}
