export { TeamInsightsPage } from './TeamInsightsPage';
export { GroupTeamInsightsContent } from './GroupTeamInsightsContent';
export { TeamInsightsSummaryCard } from './TeamInsightsSummaryCard';
export { EntityDocumentationCard } from './EntityDocumentationCard';
