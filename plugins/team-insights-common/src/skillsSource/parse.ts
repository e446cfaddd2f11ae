/**
 * Reads a skills source: a mapping from people to the skill clusters they
 * bring, kept where the organisation keeps it (an HR export, a skills
 * inventory), in CSV with a header row or in YAML. Pure and bounded; bad
 * rows become findings of the source and never stop anything.
 */
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node as YamlNode,
} from 'yaml';
import { defaultTeamInsightsConfig, TeamInsightsConfig } from '../config';
import { parseSkillsAnnotation } from '../parsers';
import type { FindingSeverity } from '../types';
import { MAX_VALUE_LENGTH, normalizeRef, quote } from '../util';
import { CsvProblem, csvRecords } from './csv';

/** Most rows a source may have; the rest is ignored with a finding. @public */
export const MAX_SKILLS_SOURCE_ROWS = 100_000;

/** Largest source read, in characters. @public */
export const MAX_SKILLS_SOURCE_LENGTH = 16 * 1024 * 1024;

/**
 * Largest YAML source read, in characters (about 250 rows). YAML is parsed
 * in one piece, which takes a few tens of milliseconds for that many rows:
 * larger mappings belong in CSV, which is read in slices.
 * @public
 */
export const MAX_YAML_SKILLS_SOURCE_LENGTH = 16 * 1024;

/**
 * Something wrong with a row (or the whole) of a skills source, at its
 * place in the file.
 * @public
 */
export interface SkillsSourceFinding {
  severity: FindingSeverity;
  /** The source as configured or given: a URL or a path. */
  source: string;
  /** 1-based; 1 for findings about the whole source. */
  line: number;
  /** 1-based column of the cell the finding is about, when known. */
  column?: number;
  /** The `user` value of the row, when the finding is about a row. */
  user?: string;
  /**
   * What kind of finding it is, for code that groups or hides findings:
   * `unknown-user` for a row that names no User of the catalog.
   */
  code?: 'unknown-user';
  message: string;
}

/**
 * A usable row: the person and the annotation value to give them.
 * @public
 */
export interface SkillsSourceEntry {
  /** The `user` cell as written. */
  user: string;
  /**
   * The key the row matches on, lower case: a full ref
   * (`user:default/jdoe`), an e-mail address or a `metadata.name`.
   */
  key: string;
  keyType: 'ref' | 'email' | 'name';
  /** The valid clusters, primary first, as an annotation value. */
  skills: string;
  line: number;
  column: number;
}

/**
 * A parsed skills source.
 * @public
 */
export interface SkillsSource {
  source: string;
  entries: SkillsSourceEntry[];
  findings: SkillsSourceFinding[];
}

/**
 * Options of {@link parseSkillsSource}.
 * @public
 */
export interface ParseSkillsSourceOptions {
  /** The source's name in findings: a URL or a path. */
  source: string;
  /** Default: from the name's extension (`.yaml`, `.yml`), else sniffed. */
  format?: 'csv' | 'yaml';
  /** The skill-cluster vocabulary; default {@link defaultTeamInsightsConfig}. */
  config?: TeamInsightsConfig;
}

interface RawRow {
  line: number;
  user?: { value: string; line: number; column: number };
  skills?: { value: string; line: number; column: number };
}

/** The format of a source, by its name, else by its first line. @public */
export function skillsSourceFormat(
  source: string,
  text: string,
): 'csv' | 'yaml' {
  const name = source.replace(/[?#].*$/, '').toLowerCase();
  if (/\.ya?ml$/.test(name)) return 'yaml';
  if (/\.csv$/.test(name)) return 'csv';
  const first = text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .find(l => l.trim() && !l.trim().startsWith('#'));
  return first && /^\s*(-(\s|$)|---)/.test(first) ? 'yaml' : 'csv';
}

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

function* csvRows(
  text: string,
  source: string,
  findings: SkillsSourceFinding[],
): Generator<RawRow, void> {
  const problems: CsvProblem[] = [];
  const reportProblems = () => {
    for (const p of problems.splice(0)) {
      findings.push({ severity: 'error', source, ...p });
    }
  };
  const records = csvRecords(text, problems, MAX_SKILLS_SOURCE_ROWS + 1);
  const first = records.next();
  reportProblems();
  const header = first.done ? undefined : first.value;
  if (!header) {
    findings.push({
      severity: 'error',
      source,
      line: 1,
      message:
        'the source is empty; write a header row "user,skills" and one row per person, e.g. "jdoe@example.com,\\"data-engineer, sre\\""',
    });
    return;
  }
  const names = header.fields.map(f => f.value.trim().toLowerCase());
  const userAt = names.indexOf('user');
  const skillsAt = names.indexOf('skills');
  if (userAt < 0 || skillsAt < 0) {
    findings.push({
      severity: 'error',
      source,
      line: header.line,
      column: 1,
      message: `the header row must name the columns "user" and "skills" (found ${header.fields
        .slice(0, 10)
        .map(f => quote(f.value))
        .join(', ')}); nothing was read from this source`,
    });
    return;
  }
  if (names.includes('teamtype') || names.includes('team-type')) {
    findings.push({
      severity: 'warning',
      source,
      line: header.line,
      column: 1,
      message:
        'a team type column is not read from skills sources: a team declares its type itself, with team-insights.io/team-type on its Group (or in the Group transformer of its catalog provider)',
    });
  }
  for (const record of records) {
    reportProblems();
    yield {
      line: record.line,
      user: record.fields[userAt],
      skills: record.fields[skillsAt],
    };
  }
  reportProblems();
}

function yamlRows(
  text: string,
  source: string,
  findings: SkillsSourceFinding[],
): RawRow[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    merge: false,
    prettyErrors: false,
    uniqueKeys: false,
  });
  const at = (node: YamlNode | null | undefined | unknown) => {
    const offset = (node as YamlNode | undefined)?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.length) {
    const [error] = doc.errors;
    const pos = lineCounter.linePos(error.pos[0]);
    findings.push({
      severity: 'error',
      source,
      line: pos.line,
      column: pos.col,
      message: `YAML syntax error: ${error.message}; nothing was read from this source`,
    });
    return [];
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return [];
  }
  if (!isSeq(contents)) {
    findings.push({
      severity: 'error',
      source,
      ...at(contents),
      message:
        'a YAML skills source is a list of rows, e.g. "- user: jdoe@example.com\\n  skills: data-engineer, sre"; nothing was read from this source',
    });
    return [];
  }
  const rows: RawRow[] = [];
  for (const item of contents.items.slice(0, MAX_SKILLS_SOURCE_ROWS + 1)) {
    const where = at(item);
    if (!isMap(item)) {
      findings.push({
        severity: 'error',
        source,
        ...where,
        message:
          'a row must be a mapping with "user" and "skills"; it was ignored',
      });
      continue;
    }
    const row: RawRow = { line: where.line };
    for (const pair of item.items) {
      const key = isScalar(pair.key)
        ? String(pair.key.value).toLowerCase()
        : '';
      if (key !== 'user' && key !== 'skills') continue;
      const node = pair.value;
      let value: string | undefined;
      if (isScalar(node) && node.value !== null) {
        value = String(node.value);
      } else if (
        key === 'skills' &&
        isSeq(node) &&
        node.items.every(i => isScalar(i))
      ) {
        value = node.items
          .map(i => String((i as { value: unknown }).value ?? ''))
          .join(', ');
      }
      if (value === undefined) {
        findings.push({
          severity: 'error',
          source,
          ...at(node ?? pair.key),
          message: `"${key}" must be text${
            key === 'skills' ? ' or a list of cluster ids' : ''
          }; the row was ignored`,
        });
        row.user = undefined;
        row.skills = undefined;
        break;
      }
      row[key] = { value, ...at(node) };
    }
    if (row.user || row.skills) {
      rows.push(row);
    } else {
      findings.push({
        severity: 'error',
        source,
        ...where,
        message: 'the row has no "user" and no "skills"; it was ignored',
      });
    }
  }
  return rows;
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
    findings.push({
      severity: 'error',
      source,
      line: 1,
      message: 'the source is not text',
    });
    return result;
  }
  if (text.length > MAX_SKILLS_SOURCE_LENGTH) {
    findings.push({
      severity: 'error',
      source,
      line: 1,
      message: `the source is ${text.length} characters long, more than the ${MAX_SKILLS_SOURCE_LENGTH} read; nothing was read from it. Split it into several sources`,
    });
    return result;
  }
  const format = options.format ?? skillsSourceFormat(source, text);
  if (format === 'yaml' && text.length > MAX_YAML_SKILLS_SOURCE_LENGTH) {
    findings.push({
      severity: 'error',
      source,
      line: 1,
      message: `the YAML source is ${text.length} characters long, more than the ${MAX_YAML_SKILLS_SOURCE_LENGTH} read in YAML; nothing was read from it. Write large mappings as CSV (a header row "user,skills", one row per person)`,
    });
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
      findings.push({
        severity: 'error',
        source,
        line: row.line,
        message: `more than ${MAX_SKILLS_SOURCE_ROWS} rows; the rest was ignored. Split the source into several`,
      });
      break;
    }
    const userCell = row.user;
    const user = userCell?.value.trim() ?? '';
    const rowFinding = (
      severity: FindingSeverity,
      cell: RawRow['user'] | undefined,
      message: string,
    ) =>
      findings.push({
        severity,
        source,
        line: cell?.line ?? row.line,
        ...(cell ? { column: cell.column } : {}),
        ...(user ? { user: user.slice(0, 320) } : {}),
        message,
      });
    if (!user) {
      rowFinding(
        'error',
        userCell,
        'the row has no user; write an entity ref (user:default/jdoe), a user name or an e-mail address. The row was ignored',
      );
      continue;
    }
    const key = keyOf(user);
    if (!key) {
      rowFinding(
        'error',
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
        'error',
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
        'warning',
        skillsCell ?? userCell,
        `no skills for ${quote(
          user,
        )}; list the clusters the person brings, primary first, or remove the row`,
      );
      continue;
    }
    if (raw.length > MAX_VALUE_LENGTH) {
      rowFinding(
        'error',
        skillsCell,
        `the skills of ${quote(user)} are ${
          raw.length
        } characters long, more than the ${MAX_VALUE_LENGTH} allowed; the row was ignored`,
      );
      continue;
    }
    const parsed = parseSkillsAnnotation(raw, { config, kind: 'user' });
    for (const f of parsed.findings) {
      rowFinding(f.severity, skillsCell, f.message);
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
