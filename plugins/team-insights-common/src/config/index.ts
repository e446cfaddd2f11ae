/**
 * The engine's configuration: its types, the spec's defaults and the reader
 * of the `teamInsights` section of the app config.
 */
export type {
  SkillCluster,
  TeamInsightsConfig,
  TeamInsightsLevels,
  TeamInsightsThresholds,
} from './types';
export {
  DEFAULT_SKILL_CLUSTERS,
  cloneConfig,
  clusterLookup,
  defaultTeamInsightsConfig,
  weightOf,
} from './defaults';
export { readTeamInsightsConfig } from './read';
