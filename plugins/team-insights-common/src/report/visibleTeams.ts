import type { TeamInsightsConfig } from '../config';
import { rollUp } from '../scoring';
import type {
  ConcernReport,
  ConcernVerdict,
  OrgUnitReport,
  RollupScorecard,
  ScorecardId,
  TeamReport,
} from '../types';
import { SCORECARD_IDS } from '../types';

/**
 * An organisational unit's roll-ups over some of its teams, as the engine
 * computes them over all of them (SPEC §4.4): for each scorecard the mean of
 * the teams' scores and the teams per level. `teamsByRef` holds the teams
 * that count (by lower-case ref); the unit's other teams are left out of
 * `teams`, `teamRefs` and every number.
 * @public
 */
export function rollUpOrgUnit(
  unit: OrgUnitReport,
  teamsByRef: ReadonlyMap<string, TeamReport>,
  config: Pick<TeamInsightsConfig, 'levels'>,
): OrgUnitReport {
  const teams: TeamReport[] = [];
  const teamRefs: string[] = [];
  for (const ref of unit.teamRefs) {
    const team = teamsByRef.get(ref.toLowerCase());
    if (team) {
      teams.push(team);
      teamRefs.push(ref);
    }
  }
  const scorecards = {} as Record<ScorecardId, RollupScorecard>;
  for (const id of SCORECARD_IDS) {
    scorecards[id] = rollUp(
      teams.map(team => team.scorecards[id]),
      config as TeamInsightsConfig,
    );
  }
  return { ...unit, teams: teams.length, teamRefs, scorecards };
}

/**
 * The verdict on a cross-cutting concern (SPEC §4.3): `rebuilt` when teams
 * build it although a product covers it, `covered` when only products do,
 * `centralize-candidate` when enough teams build it and no product covers
 * it, else `local`.
 * @public
 */
export function concernVerdict(
  concern: Pick<ConcernReport, 'builtBy' | 'products'>,
  config: Pick<TeamInsightsConfig, 'centralizeCandidateTeams'>,
): ConcernVerdict {
  if (concern.products.length > 0) {
    return concern.builtBy.length > 0 ? 'rebuilt' : 'covered';
  }
  return concern.builtBy.length >= config.centralizeCandidateTeams
    ? 'centralize-candidate'
    : 'local';
}
