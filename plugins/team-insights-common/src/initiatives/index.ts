export * from './types';
export { readInitiatives } from './readInitiatives';
export {
  INITIATIVE_PACE_DAYS,
  coveredTeams,
  coversTeam,
  evaluateInitiative,
  initiativeBurnUp,
  initiativePhase,
  initiativeScorecard,
  meetsLevel,
  projectCompletion,
  teamStatus,
} from './evaluate';
export type { InitiativeHistoryRow } from './evaluate';
