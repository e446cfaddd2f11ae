import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { PLAN_ENTITY_FIELDS } from '@team-insights/plugin-team-insights-common';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';

/**
 * What the planner scores: the catalog as the signed-in user may read it
 * (only the fields the engine reads), and the backend's engine
 * configuration.
 */
export function usePlannerData() {
  const catalogApi = useApi(catalogApiRef);
  const api = useApi(teamInsightsApiRef);
  return useAsync(async () => {
    const [catalog, planner] = await Promise.all([
      catalogApi.getEntities({ fields: [...PLAN_ENTITY_FIELDS] }),
      api.getPlannerConfig(),
    ]);
    return {
      entities: catalog.items,
      config: planner.config,
      notPreviewed: planner.notPreviewed,
    };
  }, [catalogApi, api]);
}
