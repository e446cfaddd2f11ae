import type { TeamInsightsConfig } from '../../config';
import type { OrganisationModel, TeamInfo } from '../../model';
import type { CheckResult } from '../../types';
import type { TeamTiming } from './notTooEarly';
import { centralizedChecks } from './centralized';
import { reuseCheck } from './reuse';

export type { TeamTiming } from './notTooEarly';

/** The adoption scorecard's built-in checks for one team. */
export function adoptionChecks(
  team: TeamInfo,
  model: OrganisationModel,
  config: TeamInsightsConfig,
  documentationScore: (ref: string) => number | null,
  timing?: TeamTiming,
): CheckResult[] {
  if (team.teamType === 'centralized') {
    return centralizedChecks(team, model, config, documentationScore, timing);
  }
  return [reuseCheck(team, model, config)];
}
