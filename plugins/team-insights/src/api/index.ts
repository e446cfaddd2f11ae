export { teamInsightsApiRef } from './TeamInsightsApi';
export type { TeamInsightsApi, EntityHistoryOptions } from './TeamInsightsApi';
export { TeamInsightsClient } from './TeamInsightsClient';
