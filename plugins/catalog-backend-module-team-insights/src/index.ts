/**
 * Catalog module that validates Team Insights annotations during processing.
 *
 * @packageDocumentation
 */

export { catalogModuleTeamInsights as default } from './module';
export * from './TeamInsightsAnnotationsProcessor';
export { TeamInsightsSkillsSourceProcessor } from './skillsSources';
export type {
  SkillsSourceConfig,
  TeamInsightsSkillsSourceProcessorOptions,
} from './skillsSources';
