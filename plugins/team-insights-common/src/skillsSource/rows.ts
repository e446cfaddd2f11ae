/**
 * Reads the rows of a skills source, CSV with a header row or a YAML list,
 * into raw cells with their places; what cannot be read becomes a finding.
 */
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node as YamlNode,
} from 'yaml';
import { quote } from '../util';
import { CsvProblem, csvRecords } from './csv';
import { sourceFinding } from './findingCodes';
import { MAX_SKILLS_SOURCE_ROWS, RawRow, SkillsSourceFinding } from './model';

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

export function* csvRows(
  text: string,
  source: string,
  findings: SkillsSourceFinding[],
): Generator<RawRow, void> {
  const problems: CsvProblem[] = [];
  const reportProblems = () => {
    for (const p of problems.splice(0)) {
      const { code, ...where } = p;
      findings.push(sourceFinding(code, { source, ...where }));
    }
  };
  const records = csvRecords(text, problems, MAX_SKILLS_SOURCE_ROWS + 1);
  const first = records.next();
  reportProblems();
  const header = first.done ? undefined : first.value;
  if (!header) {
    findings.push(
      sourceFinding('empty-source', {
        source,
        line: 1,
        message:
          'the source is empty; write a header row "user,skills" and one row per person, e.g. "jdoe@example.com,\\"data-engineer, sre\\""',
      }),
    );
    return;
  }
  const names = header.fields.map(f => f.value.trim().toLowerCase());
  const userAt = names.indexOf('user');
  const skillsAt = names.indexOf('skills');
  if (userAt < 0 || skillsAt < 0) {
    findings.push(
      sourceFinding('missing-columns', {
        source,
        line: header.line,
        column: 1,
        message: `the header row must name the columns "user" and "skills" (found ${header.fields
          .slice(0, 10)
          .map(f => quote(f.value))
          .join(', ')}); nothing was read from this source`,
      }),
    );
    return;
  }
  if (names.includes('teamtype') || names.includes('team-type')) {
    findings.push(
      sourceFinding('team-type-column', {
        source,
        line: header.line,
        column: 1,
        message:
          'a team type column is not read from skills sources: a team declares its type itself, with team-insights.io/team-type on its Group (or in the Group transformer of its catalog provider)',
      }),
    );
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

export function yamlRows(
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
    findings.push(
      sourceFinding('yaml-syntax-error', {
        source,
        line: pos.line,
        column: pos.col,
        message: `YAML syntax error: ${error.message}; nothing was read from this source`,
      }),
    );
    return [];
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return [];
  }
  if (!isSeq(contents)) {
    findings.push(
      sourceFinding('yaml-not-a-list', {
        source,
        ...at(contents),
        message:
          'a YAML skills source is a list of rows, e.g. "- user: jdoe@example.com\\n  skills: data-engineer, sre"; nothing was read from this source',
      }),
    );
    return [];
  }
  const rows: RawRow[] = [];
  for (const item of contents.items.slice(0, MAX_SKILLS_SOURCE_ROWS + 1)) {
    const where = at(item);
    if (!isMap(item)) {
      findings.push(
        sourceFinding('yaml-row-not-a-mapping', {
          source,
          ...where,
          message:
            'a row must be a mapping with "user" and "skills"; it was ignored',
        }),
      );
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
        findings.push(
          sourceFinding('yaml-value-not-text', {
            source,
            ...at(node ?? pair.key),
            message: `"${key}" must be text${
              key === 'skills' ? ' or a list of cluster ids' : ''
            }; the row was ignored`,
          }),
        );
        row.user = undefined;
        row.skills = undefined;
        break;
      }
      row[key] = { value, ...at(node) };
    }
    if (row.user || row.skills) {
      rows.push(row);
    } else {
      findings.push(
        sourceFinding('yaml-empty-row', {
          source,
          ...where,
          message: 'the row has no "user" and no "skills"; it was ignored',
        }),
      );
    }
  }
  return rows;
}
