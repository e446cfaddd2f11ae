/**
 * Team Insights: skill-cluster, platform-adoption and documentation
 * scorecards for every team in the Backstage catalog.
 *
 * @packageDocumentation
 */
export {
  teamInsightsPlugin,
  TeamInsightsPage,
  EntityTeamInsightsContent,
  EntityTeamInsightsSummaryCard,
  EntityDocumentationScoreCard,
  HomePageMyTeamsCard,
} from './plugin';
export type { HomePageMyTeamsCardProps } from './plugin';
export { teamInsightsApiRef, TeamInsightsClient } from './api';
export type { TeamInsightsApi, EntityHistoryOptions } from './api';
