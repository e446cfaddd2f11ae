import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read Team Insights scorecards, history and the vocabulary. Results are
 * further limited to the entities the caller may read in the catalog.
 * @public
 */
export const teamInsightsScorecardsReadPermission = createPermission({
  name: 'team-insights.scorecards.read',
  attributes: { action: 'read' },
});

/**
 * Ask the backend to re-evaluate the catalog now.
 * @public
 */
export const teamInsightsScorecardsRefreshPermission = createPermission({
  name: 'team-insights.scorecards.refresh',
  attributes: { action: 'update' },
});

/** @public */
export const teamInsightsPermissions = [
  teamInsightsScorecardsReadPermission,
  teamInsightsScorecardsRefreshPermission,
];
