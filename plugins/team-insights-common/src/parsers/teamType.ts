import { ANNOTATION_TEAM_TYPE } from '../annotations';
import type { TeamType } from '../types';
import { clip, closest, MAX_VALUE_LENGTH, quote } from '../util';
import { FindingSink, type ParseOptions, type ParseResult } from './common';

/**
 * The team types and their aliases.
 * @public
 */
export const TEAM_TYPE_ALIASES: Readonly<Record<string, TeamType>> =
  Object.freeze({
    feature: 'feature',
    'stream-aligned': 'feature',
    centralized: 'centralized',
    centralised: 'centralized',
    platform: 'centralized',
    expertise: 'expertise',
  });

/**
 * Parses `team-insights.io/team-type`. An unknown value is an error finding
 * and yields `undefined` (the team type counts as not declared).
 * @public
 */
export function parseTeamType(
  value: string | undefined,
  options?: ParseOptions,
): ParseResult<TeamType | undefined> {
  const sink = new FindingSink(options?.entityRef ?? '', ANNOTATION_TEAM_TYPE);
  if (value === undefined) return { value: undefined, findings: [] };
  if (typeof value !== 'string') {
    sink.add(
      'annotation.not-a-string',
      {},
      'value must be a string: feature, centralized or expertise',
    );
    return { value: undefined, findings: sink.findings };
  }
  if (value.length > MAX_VALUE_LENGTH) {
    sink.add(
      'annotation.too-long',
      { params: { length: value.length, max: MAX_VALUE_LENGTH } },
      `value is ${value.length} characters long and was ignored; use feature, centralized or expertise`,
    );
    return { value: undefined, findings: sink.findings };
  }
  const id = value.trim().toLowerCase();
  if (Object.prototype.hasOwnProperty.call(TEAM_TYPE_ALIASES, id)) {
    return { value: TEAM_TYPE_ALIASES[id], findings: [] };
  }
  const suggestion = closest(id, Object.keys(TEAM_TYPE_ALIASES));
  sink.add(
    'team-type.unknown',
    { params: { value: clip(value), suggestion } },
    `unknown team type ${quote(value)}${
      suggestion ? ` (did you mean '${suggestion}'?)` : ''
    }; use feature (alias stream-aligned), centralized (alias platform) or expertise`,
  );
  return { value: undefined, findings: sink.findings };
}
