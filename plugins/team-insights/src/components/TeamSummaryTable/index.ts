export { TeamSummaryTable } from './TeamSummaryTable';
