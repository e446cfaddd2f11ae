export { fixtureReport, fixtureTeams, fixtureEntities } from './report';
export {
  MockTeamInsightsApi,
  emptyReport,
  fixtureInitiatives,
  toTeamSummary,
} from './MockTeamInsightsApi';
