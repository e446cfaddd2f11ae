export { TeamInsightsPage } from './TeamInsightsPage';
