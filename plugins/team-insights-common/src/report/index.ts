/**
 * Aggregates over a report, for a view of it: pure functions over the
 * report's teams, products and entities. The backend answers
 * `GET /v1/skills` and `GET /v1/adoption` with them over the teams a caller
 * may see, and recomputes roll-ups, adoption rates and concern verdicts with
 * them for a caller who cannot see every team; the frontend's mock API calls
 * the same functions, so both answer alike. `GET /v1/checks` answers the
 * Checks view with {@link checkTallies}, `GET /v1/org-units` the unit
 * pickers with {@link orgUnitNames}. `GET /v1/teams/{namespace}/{name}/details`
 * answers a team's Group tab with {@link teamDetails}, and `GET /v1/teams`
 * pages the teams with {@link queryTeams}.
 */
export { skillSupply, teamSkills } from './skills';
export {
  adoptionCounts,
  adoptionRateOver,
  declinedProductUnresolved,
  declinedProductUnresolvedFinding,
  featureTeamRefs,
  productAdoption,
} from './adoption';
export { concernVerdict, rollUpOrgUnit } from './visibleTeams';
export { sortFindings } from '../lint';
export {
  DRILL_DOWN_STATUSES,
  checkTallies,
  drillDown,
  drillDownStatusOf,
  teamCheckStatus,
} from './drilldown';
export type {
  ChecksResponse,
  CheckTally,
  DrillDownQuery,
  DrillDownRow,
  DrillDownStatus,
  TeamCheckStatus,
} from './drilldown';
export { queryTeams, summarizeTeam } from './teams';
export { orgUnitNames } from './orgUnits';
export type { OrgUnitName, OrgUnitsResponse } from './orgUnits';
export { csvCell, initiativeTeamsCsv, teamsCsv, toCsv } from './csv';
export {
  MY_TEAMS_DEFAULT_LIMIT,
  MY_TEAMS_DELTA_DAYS,
  myTeams,
  selectMyTeams,
} from './myTeams';
export { MOVER_PERIODS, rankMovers } from './movers';
export {
  ownedEntitySummaries,
  singlePointsOfFailure,
  teamAdoption,
  teamDetails,
} from './teamDetails';
export type {
  OwnedEntitySummary,
  TeamAdoption,
  TeamDeclinedProduct,
  TeamDetails,
  TeamDetailsResponse,
  TeamProductRef,
  TeamRebuiltConcern,
} from './teamDetails';
export type {
  Mover,
  MoverPeriod,
  MoverSeries,
  MoversResponse,
  RankMoversOptions,
} from './movers';
