export { fixtureReport, fixtureTeams, fixtureEntities } from './report';
export {
  MockTeamInsightsApi,
  emptyReport,
  toTeamSummary,
} from './MockTeamInsightsApi';
