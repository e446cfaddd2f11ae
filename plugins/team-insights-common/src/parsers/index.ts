/**
 * Parsers for the annotations of SPEC §2. Each returns `{ value, findings }`
 * and never throws: the valid part of a value is used, the invalid part is
 * ignored and a finding says what is wrong and how to fix it. Input is bounded
 * (values over 4 KiB, lists over 200 items) and every parser is linear in the
 * length of its input.
 */
export type { ParseOptions, ParseResult } from './common';
export { TEAM_TYPE_ALIASES, parseTeamType } from './teamType';
export type { SkillsAnnotation } from './skills';
export { parseRequiredSkills, parseSkillsAnnotation } from './skills';
export type { DeclinedProduct } from './declined';
export {
  MAX_DECLINE_REASON_LENGTH,
  parseDeclineReasons,
  parseDeclinedProducts,
} from './declined';
export { parseBooleanAnnotation } from './boolean';
export { parseConcern } from './concern';
export type { ParsedWaiver } from './waivers';
export { parseWaivers, readWaiverItem } from './waivers';
