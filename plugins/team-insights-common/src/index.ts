/**
 * Team Insights: annotations, vocabulary, the scoring engine (pure functions
 * over catalog entities), API types and permissions. Isomorphic.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './api';
export * from './report';
export * from './permissions';
export * from './annotations';
export {
  DEFAULT_SKILL_CLUSTERS,
  defaultTeamInsightsConfig,
  readTeamInsightsConfig,
} from './config';
export type {
  SkillCluster,
  TeamInsightsConfig,
  TeamInsightsLevels,
  TeamInsightsThresholds,
} from './config';
export {
  MAX_DECLINE_REASON_LENGTH,
  TEAM_TYPE_ALIASES,
  parseBooleanAnnotation,
  parseConcern,
  parseDeclineReasons,
  parseDeclinedProducts,
  parseRequiredSkills,
  parseSkillsAnnotation,
  parseTeamType,
  parseWaivers,
} from './parsers';
export { addDays, daysBetween, utcDay } from './days';
export { plural } from './util';
export type {
  DeclinedProduct,
  ParseOptions,
  ParseResult,
  ParsedWaiver,
  SkillsAnnotation,
} from './parsers';
export { BUILT_IN_CHECKS, checkCatalogue } from './catalogue';
export type { BuiltInCheckInfo } from './catalogue';
export type {
  CheckOutcome,
  EntityView,
  OrganisationView,
  TeamInsightsCheck,
  TeamInsightsCheckContext,
  TeamView,
} from './customChecks';
export { DOCUMENTED_KINDS, PRODUCT_KINDS, lintEntity } from './lint';
export type { LintOptions } from './lint';
export {
  assertValidCustomChecks,
  evaluate,
  validateCustomChecks,
} from './evaluate';
export type { EvaluateOptions } from './evaluate';
export { advanceTimeline, emptyTimeline } from './timeline';
export type {
  CentralizedTeamTimelineEntry,
  ConcernTimelineEntry,
  ProductTimelineEntry,
  TeamInsightsTimeline,
  TimelineInput,
} from './timeline';
export { checkCredit, levelOf, scoreChecks } from './scoring';
export {
  TEAM_INSIGHTS_ENTITY_FIELDS,
  PLAN_ENTITY_FIELDS,
  teamInsightsEntityFields,
} from './fields';
export * from './skillsSource';
export * from './schema';
export { TEAM_TYPE_INFO } from './teamTypes';
export type { TeamTypeInfo } from './teamTypes';
export * from './plan';
export {
  attachRelations,
  emitRelations,
  RelationRefError,
} from './catalog/relations';
export type { EmittedRelation } from './catalog/relations';
export * from './initiatives';
export { needKey, rankCheckGains, worstCheckOf } from './attention';
export type { CheckGain, LevelThresholds } from './attention';
