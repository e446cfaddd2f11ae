import { clip, MAX_VALUE_LENGTH, quote } from '../util';
import { FindingSink, type ParseOptions, type ParseResult } from './common';

/**
 * Parses a `true` | `false` annotation (any case). Any other value is an
 * error finding and yields undefined, so the default applies.
 * @public
 */
export function parseBooleanAnnotation(
  value: string | undefined,
  options: ParseOptions & { annotation: string },
): ParseResult<boolean | undefined> {
  const sink = new FindingSink(options.entityRef ?? '', options.annotation);
  if (value === undefined) return { value: undefined, findings: [] };
  const text =
    typeof value === 'string' && value.length <= MAX_VALUE_LENGTH
      ? value.trim().toLowerCase()
      : undefined;
  if (text === 'true') return { value: true, findings: [] };
  if (text === 'false') return { value: false, findings: [] };
  sink.add(
    'annotation.not-a-boolean',
    { params: typeof value === 'string' ? { value: clip(value) } : {} },
    `${
      typeof value === 'string' ? quote(value) : 'the value'
    } is not a boolean; write 'true' or 'false' (quoted in YAML). The default applies`,
  );
  return { value: undefined, findings: sink.findings };
}
