import { ANNOTATION_SKILLS } from '../../annotations';
import type { TeamInsightsConfig } from '../../config';
import type { TeamInfo } from '../../model';
import type { CheckResult } from '../../types';
import { listNames } from '../../util';
import { builtIn } from '../helpers';
import { headCountsYaml } from './snippets';

/** The built-in check `composition.skill-coverage`. */
export function skillCoverage(
  team: TeamInfo,
  config: TeamInsightsConfig,
): CheckResult {
  const id = 'composition.skill-coverage';
  const required = team.requiredSkills;
  if (required.length === 0) {
    return builtIn(
      config,
      id,
      'not-applicable',
      `No skill cluster is required of a ${team.teamType} team.`,
    );
  }
  const held = new Map(team.skills.map(s => [s.cluster, s.people]));
  const missing = required.filter(c => !held.get(c));
  const covered = required
    .filter(c => held.get(c))
    .map(c => `${c} (${held.get(c)})`);
  if (missing.length === 0) {
    return builtIn(
      config,
      id,
      'pass',
      `All ${required.length} required clusters are covered: ${listNames(
        covered,
        20,
      )}.`,
    );
  }
  let message = `Missing ${missing.length} of ${
    required.length
  } required clusters: ${listNames(missing, 20)}.`;
  if (covered.length) message += ` Covered: ${listNames(covered, 20)}.`;
  if (missing.includes('analytics-translator')) {
    message +=
      ' Without an analytics translator, chances are the team solves the wrong problem.';
  }
  const remediation = [
    `Bring the missing skills into the team, so it is end-to-end responsible without hand-overs. Either add people as Users with \`${ANNOTATION_SKILLS}\` and \`spec.memberOf\`, or count people who are not in the catalog on the Group:`,
    headCountsYaml(team, missing),
    `If a centralized team's self-service product covers a cluster, override what this team needs with \`team-insights.io/required-skills\`.`,
  ].join('\n\n');
  return builtIn(config, id, 'fail', message, remediation, []);
}
