export { TeamInsightsPage } from './TeamInsightsPage';
export { GroupTeamInsightsContent } from './GroupTeamInsightsContent';
export { TeamInsightsSummaryCard } from './TeamInsightsSummaryCard';
export { EntityDocumentationCard } from './EntityDocumentationCard';
export { BadgeSnippet } from './BadgeSnippet';
export type { BadgeSnippetProps } from './BadgeSnippet';
