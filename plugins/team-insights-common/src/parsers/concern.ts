import { ANNOTATION_CONCERN } from '../annotations';
import {
  clip,
  isPrototypeKey,
  isSlug,
  MAX_ID_LENGTH,
  MAX_VALUE_LENGTH,
  quote,
} from '../util';
import { FindingSink, type ParseOptions, type ParseResult } from './common';

/**
 * Parses `team-insights.io/concern`: one slug such as `monitoring`.
 * @public
 */
export function parseConcern(
  value: string | undefined,
  options?: ParseOptions,
): ParseResult<string | undefined> {
  const sink = new FindingSink(options?.entityRef ?? '', ANNOTATION_CONCERN);
  if (value === undefined) return { value: undefined, findings: [] };
  if (typeof value !== 'string' || value.length > MAX_VALUE_LENGTH) {
    sink.add(
      typeof value === 'string'
        ? 'annotation.too-long'
        : 'annotation.not-a-string',
      {},
      "the value was ignored; write one short slug such as 'monitoring' or 'batch-scheduling'",
    );
    return { value: undefined, findings: sink.findings };
  }
  const concern = value.trim().toLowerCase();
  if (!concern) {
    sink.add(
      'concern.empty',
      {},
      "the concern is empty; write a slug such as 'monitoring', or remove the annotation",
    );
    return { value: undefined, findings: sink.findings };
  }
  if (concern.includes(',')) {
    sink.add(
      'concern.several',
      { params: { value: clip(value) } },
      `${quote(
        value,
      )} lists several concerns; an entity addresses one cross-cutting concern — split it into one entity per concern`,
    );
    return { value: undefined, findings: sink.findings };
  }
  if (!isSlug(concern) || isPrototypeKey(concern)) {
    sink.add(
      'concern.invalid',
      { params: { value: clip(value) } },
      `${quote(
        value,
      )} is not a valid concern; use lower-case letters, digits and dashes (at most ${MAX_ID_LENGTH} characters), e.g. 'batch-scheduling'`,
    );
    return { value: undefined, findings: sink.findings };
  }
  return { value: concern, findings: [] };
}
