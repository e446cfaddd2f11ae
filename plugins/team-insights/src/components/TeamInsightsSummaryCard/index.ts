export { TeamInsightsSummaryCard } from './TeamInsightsSummaryCard';
