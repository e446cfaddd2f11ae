/**
 * Reads a skills source: a mapping from people to the skill clusters they
 * bring, kept where the organisation keeps it (an HR export, a skills
 * inventory), in CSV with a header row or in YAML. Pure and bounded; bad
 * rows become findings of the source and never stop anything.
 */
import { defaultTeamInsightsConfig } from '../config';
import { parseSkillsAnnotation } from '../parsers';
import { MAX_VALUE_LENGTH, normalizeRef, quote } from '../util';
import {
  MAX_SKILLS_SOURCE_LENGTH,
  MAX_SKILLS_SOURCE_ROWS,
  MAX_YAML_SKILLS_SOURCE_LENGTH,
  ParseSkillsSourceOptions,
  RawRow,
  SkillsSource,
  SkillsSourceEntry,
  SkillsSourceFinding,
} from './model';
import { csvRows, skillsSourceFormat, yamlRows } from './rows';
import {
  isSkillsCellCode,
  SkillsCellFindingCode,
  SkillsSourceFindingCode,
  sourceFinding,
} from './findingCodes';

/** Matching key of a `user` cell, or undefined when it cannot be one. */
function keyOf(
  user: string,
): Pick<SkillsSourceEntry, 'key' | 'keyType'> | undefined {
  const value = user.trim();
  if (!value || value.length > 320) return undefined;
  if (value.includes('@') && !value.includes(':')) {
    return { key: value.toLowerCase(), keyType: 'email' };
  }
  if (value.includes(':') || value.includes('/')) {
    const ref = normalizeRef(value, {
      defaultKind: 'user',
      defaultNamespace: 'default',
    });
    return ref ? { key: ref, keyType: 'ref' } : undefined;
  }
  return { key: value.toLowerCase(), keyType: 'name' };
}

/** Rows handled between two pauses of {@link parseSkillsSourceInSlices}. */
const SLICE_ROWS = 500;

/**
 * Parses a skills source (CSV with a header row naming `user` and `skills`,
 * or a YAML list of `{ user, skills }`) into the rows that can be applied
 * and the findings about the others: unknown clusters, empty cells, the
 * same person twice. Never throws.
 *
 * @public
 */
export function parseSkillsSource(
  text: string,
  options: ParseSkillsSourceOptions,
): SkillsSource {
  const steps = skillsSourceSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link parseSkillsSource}, pausing every few hundred rows so that a large
 * CSV source does not hold up a shared backend's event loop. YAML sources
 * are parsed in one piece; prefer CSV for large ones.
 *
 * @param pause - how to pause; default a zero-delay timer.
 * @public
 */
export async function parseSkillsSourceInSlices(
  text: string,
  options: ParseSkillsSourceOptions,
  pause: () => Promise<void> = () =>
    new Promise(resolve => setTimeout(resolve, 0)),
): Promise<SkillsSource> {
  const steps = skillsSourceSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

function* skillsSourceSteps(
  text: string,
  options: ParseSkillsSourceOptions,
): Generator<void, SkillsSource> {
  const { source } = options;
  const config = options.config ?? defaultTeamInsightsConfig;
  const findings: SkillsSourceFinding[] = [];
  const result: SkillsSource = { source, entries: [], findings };
  if (typeof text !== 'string') {
    findings.push(
      sourceFinding('not-text', {
        source,
        line: 1,
        message: 'the source is not text',
      }),
    );
    return result;
  }
  if (text.length > MAX_SKILLS_SOURCE_LENGTH) {
    findings.push(
      sourceFinding('source-too-long', {
        source,
        line: 1,
        message: `the source is ${text.length} characters long, more than the ${MAX_SKILLS_SOURCE_LENGTH} read; nothing was read from it. Split it into several sources`,
      }),
    );
    return result;
  }
  const format = options.format ?? skillsSourceFormat(source, text);
  if (format === 'yaml' && text.length > MAX_YAML_SKILLS_SOURCE_LENGTH) {
    findings.push(
      sourceFinding('yaml-too-long', {
        source,
        line: 1,
        message: `the YAML source is ${text.length} characters long, more than the ${MAX_YAML_SKILLS_SOURCE_LENGTH} read in YAML; nothing was read from it. Write large mappings as CSV (a header row "user,skills", one row per person)`,
      }),
    );
    return result;
  }
  const rows: Iterable<RawRow> =
    format === 'yaml'
      ? yamlRows(text, source, findings)
      : csvRows(text, source, findings);

  const firstLine = new Map<string, number>();
  let count = 0;
  for (const row of rows) {
    count += 1;
    if (count % SLICE_ROWS === 0) yield;
    if (count > MAX_SKILLS_SOURCE_ROWS) {
      findings.push(
        sourceFinding('too-many-rows', {
          source,
          line: row.line,
          message: `more than ${MAX_SKILLS_SOURCE_ROWS} rows; the rest was ignored. Split the source into several`,
        }),
      );
      break;
    }
    const userCell = row.user;
    const user = userCell?.value.trim() ?? '';
    const rowFinding = (
      code: SkillsSourceFindingCode | SkillsCellFindingCode,
      cell: RawRow['user'] | undefined,
      message: string,
    ) =>
      findings.push(
        sourceFinding(code, {
          source,
          line: cell?.line ?? row.line,
          ...(cell ? { column: cell.column } : {}),
          ...(user ? { user: user.slice(0, 320) } : {}),
          message,
        }),
      );
    if (!user) {
      rowFinding(
        'missing-user',
        userCell,
        'the row has no user; write an entity ref (user:default/jdoe), a user name or an e-mail address. The row was ignored',
      );
      continue;
    }
    const key = keyOf(user);
    if (!key) {
      rowFinding(
        'invalid-user',
        userCell,
        `${quote(
          user,
        )} is neither an entity ref, a user name nor an e-mail address; the row was ignored`,
      );
      continue;
    }
    const known = firstLine.get(key.key);
    if (known !== undefined) {
      rowFinding(
        'duplicate-user',
        userCell,
        `${quote(
          user,
        )} is listed again (first at line ${known}); the first row is used and this one ignored`,
      );
      continue;
    }
    firstLine.set(key.key, row.line);

    const skillsCell = row.skills;
    const raw = skillsCell?.value ?? '';
    if (!raw.trim()) {
      rowFinding(
        'missing-skills',
        skillsCell ?? userCell,
        `no skills for ${quote(
          user,
        )}; list the clusters the person brings, primary first, or remove the row`,
      );
      continue;
    }
    if (raw.length > MAX_VALUE_LENGTH) {
      rowFinding(
        'skills-too-long',
        skillsCell,
        `the skills of ${quote(user)} are ${
          raw.length
        } characters long, more than the ${MAX_VALUE_LENGTH} allowed; the row was ignored`,
      );
      continue;
    }
    const parsed = parseSkillsAnnotation(raw, { config, kind: 'user' });
    for (const f of parsed.findings) {
      // a User's skills are checked for length above, and are a string
      if (isSkillsCellCode(f.code)) rowFinding(f.code, skillsCell, f.message);
    }
    // The parser's findings say why no cluster of the row is usable.
    if (!parsed.value.clusters.length) continue;
    result.entries.push({
      user,
      ...key,
      skills: parsed.value.clusters.join(', '),
      line: row.line,
      column: userCell!.column,
    });
  }
  findings.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  return result;
}
