import type { TeamInsightsConfig } from '../../config';
import type { OrganisationModel, TeamInfo } from '../../model';
import type { CheckResult, Finding } from '../../types';
import { skillCoverage } from './skillCoverage';
import { teamSize } from './teamSize';
import { redundancy } from './redundancy';
import { crossFunctional } from './crossFunctional';
import { handOvers } from './handOvers';
import { endToEndOwnership } from './endToEndOwnership';
import { skillsDeclared } from './skillsDeclared';
import { annotationsValid } from './annotationsValid';

/** The composition scorecard's built-in checks for one team. */
export function compositionChecks(
  team: TeamInfo,
  model: OrganisationModel,
  config: TeamInsightsConfig,
  findingsOf: (ref: string) => Finding[],
): CheckResult[] {
  return [
    skillCoverage(team, config),
    teamSize(team, config),
    redundancy(team, config),
    crossFunctional(team, config),
    handOvers(team, model, config),
    endToEndOwnership(team, config),
    skillsDeclared(team, model, config),
    annotationsValid(team, config, findingsOf),
  ];
}
