/**
 * A small RFC 4180 CSV reader that keeps the line and column of every field,
 * so findings can point at the cell they are about. Accepts what spreadsheet
 * and HR-system exports write: a byte-order mark, CRLF, LF or CR line ends,
 * quoted fields holding commas, quotes (`""`) and line breaks. Linear in the
 * length of the text; never throws.
 */
import type { SkillsSourceFindingCode } from './findingCodes';

/** One cell, with where it starts (1-based). */
export interface CsvField {
  value: string;
  line: number;
  column: number;
}

/** One record: its fields and the line it starts on. */
export interface CsvRecord {
  line: number;
  fields: CsvField[];
}

/** Something the reader had to guess about. */
export interface CsvProblem {
  code: Extract<
    SkillsSourceFindingCode,
    'csv-unclosed-quote' | 'csv-text-after-quote' | 'too-many-rows'
  >;
  line: number;
  column: number;
  message: string;
}

/** Records of a CSV text; blank lines are skipped. */
export interface CsvResult {
  records: CsvRecord[];
  problems: CsvProblem[];
}

/**
 * Reads CSV text into records.
 *
 * @param maxRecords - stop after this many records (a problem says so).
 */
export function parseCsv(text: string, maxRecords = Infinity): CsvResult {
  const problems: CsvProblem[] = [];
  const records = Array.from(csvRecords(text, problems, maxRecords));
  return { records, problems };
}

/**
 * The records of CSV text, one at a time, so that a caller can pause
 * between them; problems are added to `problems` as they are found.
 */
export function* csvRecords(
  text: string,
  problems: CsvProblem[],
  maxRecords = Infinity,
): Generator<CsvRecord, void> {
  let count = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  const n = text.length;

  let fields: CsvField[] = [];
  let recordLine = line;

  /** The record read so far, unless it is a blank line; starts the next. */
  const takeRecord = (): CsvRecord | undefined => {
    const blank = fields.length === 1 && fields[0].value === '';
    const record = blank ? undefined : { line: recordLine, fields };
    fields = [];
    return record;
  };

  while (i <= n) {
    // At the start of a field.
    if (fields.length === 0) recordLine = line;
    const fieldLine = line;
    const fieldColumn = i - lineStart + 1;
    let value = '';
    if (text[i] === '"') {
      i += 1;
      let closed = false;
      const parts: string[] = [];
      let start = i;
      while (i < n) {
        const c = text[i];
        if (c === '"') {
          parts.push(text.slice(start, i));
          if (text[i + 1] === '"') {
            parts.push('"');
            i += 2;
            start = i;
            continue;
          }
          i += 1;
          closed = true;
          break;
        }
        // A CRLF counts as one line break, at its LF.
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
          line += 1;
          lineStart = i + 1;
        }
        i += 1;
      }
      if (!closed) {
        parts.push(text.slice(start, i));
        problems.push({
          code: 'csv-unclosed-quote',
          line: fieldLine,
          column: fieldColumn,
          message:
            'a quoted field is never closed; everything after its opening quote was read as one value. Close it with a double quote (")',
        });
      }
      value = parts.join('');
      // Anything between the closing quote and the next separator.
      const restStart = i;
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r')
        i += 1;
      if (i > restStart) {
        const rest = text.slice(restStart, i);
        if (rest.trim()) {
          problems.push({
            code: 'csv-text-after-quote',
            line,
            column: restStart - lineStart + 1,
            message: `characters after a closing quote: ${JSON.stringify(
              rest,
            )}; write a quote inside a quoted field as two quotes ("")`,
          });
        }
        value += rest;
      }
    } else {
      const start = i;
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r')
        i += 1;
      value = text.slice(start, i);
    }
    fields.push({ value, line: fieldLine, column: fieldColumn });

    if (i >= n) {
      const last = takeRecord();
      if (last) yield last;
      break;
    }
    const c = text[i];
    if (c === ',') {
      i += 1;
      continue;
    }
    // A line break ends the record.
    i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line += 1;
    lineStart = i;
    const record = takeRecord();
    if (record) {
      yield record;
      count += 1;
    }
    if (count >= maxRecords) {
      if (text.slice(i).trim()) {
        problems.push({
          code: 'too-many-rows',
          line,
          column: 1,
          message: `more than ${maxRecords} rows; the rest was ignored`,
        });
      }
      break;
    }
    if (i >= n) break;
  }
}
