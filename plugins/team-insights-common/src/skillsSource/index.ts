export {
  MAX_SKILLS_SOURCE_LENGTH,
  MAX_SKILLS_SOURCE_ROWS,
  MAX_YAML_SKILLS_SOURCE_LENGTH,
} from './model';
export { SKILLS_SOURCE_FINDING_CODES } from './findingCodes';
export type {
  SkillsCellFindingCode,
  SkillsSourceFindingCode,
} from './findingCodes';
export { parseSkillsSource, parseSkillsSourceInSlices } from './parse';
export { skillsSourceFormat } from './rows';
export type {
  ParseSkillsSourceOptions,
  SkillsSource,
  SkillsSourceEntry,
  SkillsSourceFinding,
} from './model';
export {
  SKILLS_SOURCE_PRECEDENCES,
  SkillsSourceIndex,
  applySkillsSourceMatch,
  applySkillsSources,
  sortSkillsSourceFindings,
  unknownUserFinding,
} from './apply';
export type {
  ConfiguredSkillsSource,
  SkillsSourceMatch,
  SkillsSourcePrecedence,
} from './apply';
