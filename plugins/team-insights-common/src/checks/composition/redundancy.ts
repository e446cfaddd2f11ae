import type { TeamInsightsConfig } from '../../config';
import type { TeamInfo } from '../../model';
import type { CheckResult } from '../../types';
import { listNames, plural } from '../../util';
import { builtIn } from '../helpers';
import { headCountsYaml } from './snippets';

/** The built-in check `composition.redundancy`. */
export function redundancy(
  team: TeamInfo,
  config: TeamInsightsConfig,
): CheckResult {
  const id = 'composition.redundancy';
  const min = config.thresholds.redundancyMinPeople;
  const held = new Map(team.skills.map(s => [s.cluster, s.people]));
  const covered = team.requiredSkills.filter(c => held.get(c));
  if (covered.length === 0) {
    return builtIn(
      config,
      id,
      'not-applicable',
      team.requiredSkills.length
        ? 'No required cluster is held yet, so there is no redundancy to judge.'
        : `No skill cluster is required of a ${team.teamType} team.`,
    );
  }
  const thin = covered.filter(c => held.get(c)! < min);
  if (thin.length === 0) {
    return builtIn(
      config,
      id,
      'pass',
      `Every covered required cluster is held by at least ${min} people: ${listNames(
        covered.map(c => `${c} (${held.get(c)})`),
        20,
      )}.`,
    );
  }
  const holders = (cluster: string) =>
    team.people
      .filter(p => p.ref && p.clusters.includes(cluster))
      .map(p => p.ref!);
  const named = thin.map(c => {
    const who = holders(c);
    return `${c} (${who.length ? listNames(who, 3) : 'a head count'})`;
  });
  return builtIn(
    config,
    id,
    'warn',
    `${plural(
      thin.length,
      'cluster is',
      'clusters are',
    )} held by fewer than ${min} people — single points of failure: ${listNames(
      named,
      20,
    )}.`,
    `Share the knowledge (pairing, rotation) so a second person can cover each of these clusters, and record it in their skills, or add people:\n\n${headCountsYaml(
      team,
      thin,
    )}`,
    thin.flatMap(holders),
  );
}
