export { TeamInsightsSkillsSourceProcessor } from './TeamInsightsSkillsSourceProcessor';
export type {
  SkillsSourceConfig,
  TeamInsightsSkillsSourceProcessorOptions,
} from './TeamInsightsSkillsSourceProcessor';
export { readProcessingIntervalMs, readSkillsSources } from './config';
