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

/** How many files are being read while earlier ones are parsed. */
const READ_AHEAD = 8;

/** A file's text, or why it is not read (a finding). */
type FileRead = { text: string } | { finding: LocatedFinding };

async function readText(ref: CatalogFileRef): Promise<FileRead> {
  try {
    const read = await readLimited(ref.realPath, MAX_FILE_BYTES);
    if (read.kind === 'too-large') {
      return {
        finding: fileFinding(
          'error',
          ref.path,
          `this file is ${formatSize(read.size)}, more than the ${formatSize(
            MAX_FILE_BYTES,
          )} the CLI reads; it is not checked (list it in .team-insightsignore if it is not catalog data)`,
        ),
      };
    }
    if (read.kind === 'not-regular') {
      return {
        finding: fileFinding('warning', ref.path, 'not a regular file; not read'),
      };
    }
    return { text: read.text };
  } catch (error) {
    return {
      finding: fileFinding(
        'warning',
        ref.path,
        `cannot read this file (${describe(error)}); it is not checked`,
      ),
    };
  }
}

/**
 * Parses the YAML documents of a file's text as the catalog does (merge
 * keys off), unless it nests deeper than {@link MAX_NESTING}.
 */
function parseText(
  ref: CatalogFileRef,
  text: string,
  problems: LocatedFinding[],
): ParsedFile | undefined {
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

/**
 * Reads the files found for the catalog, in their order, and parses their
 * YAML documents as the catalog does (merge keys off). A file larger than
 * {@link MAX_FILE_BYTES}, not a regular file, unreadable, or nesting deeper
 * than {@link MAX_NESTING} is not parsed: that is a finding in `problems`
 * (in the order of the files) and the file is left out of the answer.
 * A few files are read ahead while the one before is parsed, so that
 * parsing does not wait on the disk.
 */
export async function readCatalogFiles(
  refs: readonly CatalogFileRef[],
  problems: LocatedFinding[],
): Promise<ParsedFile[]> {
  const reads: Array<Promise<FileRead> | undefined> = [];
  const startRead = (index: number) => {
    if (index < refs.length) {
      reads[index] = readText(refs[index]);
    }
  };
  for (let i = 0; i < READ_AHEAD; i++) {
    startRead(i);
  }
  const parsed: ParsedFile[] = [];
  for (let i = 0; i < refs.length; i++) {
    const read = await reads[i]!;
    reads[i] = undefined;
    startRead(i + READ_AHEAD);
    if ('finding' in read) {
      problems.push(read.finding);
      continue;
    }
    const file = parseText(refs[i], read.text, problems);
    if (file) {
      parsed.push(file);
    }
  }
  return parsed;
}
