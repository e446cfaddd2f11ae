export { GroupTeamInsightsContent } from './GroupTeamInsightsContent';
