import type { Config } from '@backstage/config';
import { readClusters, readTeamTypes } from './clusters';
import { cloneConfig, defaultTeamInsightsConfig } from './defaults';
import { readLevels, readThresholds } from './numbers';
import { ConfigProblems } from './problems';
import type { TeamInsightsConfig } from './types';
import { readWeights } from './weights';

/**
 * Reads and validates the `teamInsights` section of the root config. Absent
 * keys take the spec's defaults (see {@link defaultTeamInsightsConfig}).
 *
 * @param config - the root config (the one holding `teamInsights`); when
 *   absent, the defaults are returned.
 * @throws InputError listing every invalid key, with what is expected.
 * @public
 */
export function readTeamInsightsConfig(config?: Config): TeamInsightsConfig {
  if (!config) return cloneConfig(defaultTeamInsightsConfig);
  const problems = new ConfigProblems();
  const section = problems.read('', () =>
    config.getOptionalConfig('teamInsights'),
  );
  if (!section) {
    problems.throwIfAny();
    return cloneConfig(defaultTeamInsightsConfig);
  }
  const d = defaultTeamInsightsConfig;
  const skillClusters = readClusters(problems, section);
  const result: TeamInsightsConfig = {
    skillClusters,
    teamTypes: readTeamTypes(problems, section, skillClusters),
    thresholds: readThresholds(problems, section, d.thresholds),
    weights: readWeights(problems, section),
    levels: readLevels(problems, section, d.levels),
    centralizeCandidateTeams: problems.number(
      section,
      'centralizeCandidateTeams',
      d.centralizeCandidateTeams,
      [1, 100000],
      true,
    ),
    maxWaiverDays: problems.number(
      section,
      'maxWaiverDays',
      d.maxWaiverDays,
      [1, 36500],
      true,
    ),
  };
  problems.throwIfAny();
  return result;
}
