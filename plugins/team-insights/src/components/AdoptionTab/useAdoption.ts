import { useApi } from '@backstage/core-plugin-api';
import type { AdoptionResponse } from '@team-insights/plugin-team-insights-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';
import type { AsyncValue } from '../GroupTeamInsightsContent/useTeamDetails';

/** The adoption of platform products, with the feature teams to count. */
export interface AdoptionState extends AsyncValue<AdoptionResponse> {
  /** The feature teams' refs, lower-cased: the teams an adoption rate counts. */
  featureTeams: ReadonlySet<string>;
}

/**
 * Each platform product's adopters and decliners, and the feature teams
 * (`GET /adoption`), over the teams the reader may see.
 */
export function useAdoption(): AdoptionState {
  const api = useApi(teamInsightsApiRef);
  const { value, loading, error } = useAsync(() => api.getAdoption(), [api]);
  const featureTeams = useMemo(
    () =>
      new Set(
        (value?.featureTeams ?? []).map(team => team.entityRef.toLowerCase()),
      ),
    [value],
  );
  return { value, loading, error, featureTeams };
}
