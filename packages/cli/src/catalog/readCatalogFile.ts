import { Document, LineCounter, parseAllDocuments } from 'yaml';
import { CatalogFileRef, describe } from './files';
import { fileFinding, LocatedFinding } from './findings';
import type { SourceFile } from './positions';
import {
  formatSize,
  MAX_FILE_BYTES,
  MAX_NESTING,
  nestsDeeperThan,
  readLimited,
} from './readLimited';

/** A file read within the limits, with its YAML documents parsed. */
export interface ParsedFile {
  file: SourceFile;
  documents: Document.Parsed[];
}

/**
 * Whether problems in a file are worth reporting: files named on the
 * command line always are, files found in folders only when they look like
 * catalog data (a broken Helm template is not ours to judge).
 */
export function looksLikeCatalogData(file: {
  explicit: boolean;
  text: string;
}): boolean {
  return file.explicit || file.text.includes('backstage.io/');
}

/**
 * Reads one file found for the catalog and parses its YAML documents as
 * the catalog does (merge keys off). A file larger than
 * {@link MAX_FILE_BYTES}, not a regular file, unreadable, or nesting deeper
 * than {@link MAX_NESTING} is not parsed: that is a finding in `problems`
 * and the answer is `undefined`.
 */
export async function readCatalogFile(
  ref: CatalogFileRef,
  problems: LocatedFinding[],
): Promise<ParsedFile | undefined> {
  let text: string;
  try {
    const read = await readLimited(ref.realPath, MAX_FILE_BYTES);
    if (read.kind === 'too-large') {
      problems.push(
        fileFinding(
          'error',
          ref.path,
          `this file is ${formatSize(read.size)}, more than the ${formatSize(
            MAX_FILE_BYTES,
          )} the CLI reads; it is not checked (list it in .team-insightsignore if it is not catalog data)`,
        ),
      );
      return undefined;
    }
    if (read.kind === 'not-regular') {
      problems.push(
        fileFinding('warning', ref.path, 'not a regular file; not read'),
      );
      return undefined;
    }
    text = read.text;
  } catch (error) {
    problems.push(
      fileFinding(
        'warning',
        ref.path,
        `cannot read this file (${describe(error)}); it is not checked`,
      ),
    );
    return undefined;
  }
  if (nestsDeeperThan(text, MAX_NESTING)) {
    problems.push(
      fileFinding(
        looksLikeCatalogData({ explicit: ref.explicit, text })
          ? 'error'
          : 'warning',
        ref.path,
        `this file nests [ and { more than ${MAX_NESTING} levels deep, which no catalog data needs; it is not checked`,
      ),
    );
    return undefined;
  }
  const lineCounter = new LineCounter();
  const file: SourceFile = {
    path: ref.path,
    explicit: ref.explicit,
    text,
    lineCounter,
  };
  const documents = parseAllDocuments(text, {
    lineCounter,
    merge: false,
    prettyErrors: false,
  });
  return { file, documents: Array.isArray(documents) ? documents : [] };
}
