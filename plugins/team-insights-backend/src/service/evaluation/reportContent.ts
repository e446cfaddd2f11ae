import type { Report } from '@team-insights/plugin-team-insights-common';
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { createGzip } from 'node:zlib';

/**
 * What `evaluatedAt` is replaced with while a report's content is hashed, so
 * that two evaluations of an unchanged catalog hash the same.
 */
export const EVALUATED_AT_PLACEHOLDER = '(evaluatedAt)';

/**
 * Characters of JSON per piece of an array: large enough to be cheap to
 * send, small enough to parse in a millisecond or two.
 */
const PIECE_CHARS = 64 * 1024;

/**
 * One piece of a report's JSON, in document order:
 * - `text`: punctuation and the top-level fields other than arrays;
 * - `evaluatedAt`: the `"evaluatedAt":…` member, which the hash sees with
 *   the placeholder and the stored JSON with the real time;
 * - `items`: consecutive items of the top-level array `key`, joined by
 *   commas (`[${json}]` parses to them).
 */
export type ReportJsonPiece =
  | { kind: 'text'; json: string }
  | { kind: 'evaluatedAt'; json: string; template: string }
  | { kind: 'items'; key: string; json: string; count: number };

/**
 * A report's JSON as a sequence of pieces, never as one string: a report of
 * a few hundred thousand entities is longer than the longest string V8 can
 * hold. The concatenated pieces are exactly `JSON.stringify(report)`.
 */
export function* reportJsonPieces(report: Report): Generator<ReportJsonPiece> {
  let first = true;
  yield { kind: 'text', json: '{' };
  for (const [key, value] of Object.entries(report)) {
    const prefix = `${first ? '' : ','}${JSON.stringify(key)}:`;
    if (key === 'evaluatedAt') {
      first = false;
      yield {
        kind: 'evaluatedAt',
        json: `${prefix}${JSON.stringify(value)}`,
        template: `${prefix}${JSON.stringify(EVALUATED_AT_PLACEHOLDER)}`,
      };
      continue;
    }
    if (!Array.isArray(value)) {
      const json = JSON.stringify(value);
      // JSON.stringify leaves out members whose value has no JSON.
      if (json === undefined) continue;
      first = false;
      yield { kind: 'text', json: `${prefix}${json}` };
      continue;
    }
    first = false;
    yield { kind: 'text', json: `${prefix}[` };
    let batch = '';
    let count = 0;
    let batches = 0;
    for (const item of value) {
      const json = JSON.stringify(item) ?? 'null';
      batch = count === 0 ? json : `${batch},${json}`;
      count++;
      if (batch.length >= PIECE_CHARS) {
        if (batches++ > 0) yield { kind: 'text', json: ',' };
        yield { kind: 'items', key, json: batch, count };
        batch = '';
        count = 0;
      }
    }
    if (count > 0) {
      if (batches > 0) yield { kind: 'text', json: ',' };
      yield { kind: 'items', key, json: batch, count };
    }
    yield { kind: 'text', json: ']' };
  }
  yield { kind: 'text', json: '}' };
}

/** A report ready to store: its compressed JSON and the hash of its content. */
export interface ReportContent {
  /**
   * sha256 of the report's JSON with {@link EVALUATED_AT_PLACEHOLDER} as
   * its `evaluatedAt`: the same for two reports that differ only in when
   * they were evaluated.
   */
  hash: string;
  /** The report's JSON (with its real `evaluatedAt`), gzip level 1. */
  compressed: Buffer;
  /** Length of the uncompressed JSON in bytes. */
  bytes: number;
}

/**
 * Serialises, hashes and compresses a report piece by piece, so that no
 * single string holds the whole JSON. `onPiece` sees every piece as it is
 * made (the evaluation worker forwards the array items with it).
 */
export async function serialiseReport(
  report: Report,
  onPiece?: (piece: ReportJsonPiece) => void,
): Promise<ReportContent> {
  const hash = createHash('sha256');
  // Level 1 compresses the report about twice as fast as the default, to a
  // blob 1.6 times as large (a 17 MiB report: 1.5 MiB instead of 0.9).
  const gzip = createGzip({ level: 1 });
  const compressed: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => compressed.push(chunk));
  const finished = once(gzip, 'end');
  finished.catch(() => {}); // awaited below; errors surface there
  let bytes = 0;
  for (const piece of reportJsonPieces(report)) {
    onPiece?.(piece);
    const stored = Buffer.from(piece.json);
    hash.update(piece.kind === 'evaluatedAt' ? piece.template : piece.json);
    bytes += stored.length;
    if (!gzip.write(stored)) {
      await once(gzip, 'drain');
    }
  }
  gzip.end();
  await finished;
  return {
    hash: hash.digest('hex'),
    compressed: Buffer.concat(compressed),
    bytes,
  };
}
