export {
  MAX_SKILLS_SOURCE_LENGTH,
  MAX_SKILLS_SOURCE_ROWS,
  MAX_YAML_SKILLS_SOURCE_LENGTH,
  parseSkillsSource,
  parseSkillsSourceInSlices,
  skillsSourceFormat,
} from './parse';
export type {
  ParseSkillsSourceOptions,
  SkillsSource,
  SkillsSourceEntry,
  SkillsSourceFinding,
} from './parse';
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
