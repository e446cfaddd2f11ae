import { Document, LineCounter, parseAllDocuments, YAMLError } from 'yaml';
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
import { Skeleton, templateSkeletons } from './templates';

/** What is kept of one YAML document once its file is read. */
export interface ParsedDocument {
  /** YAML errors; a document with errors is not converted. */
  errors: readonly YAMLError[];
  /** The document as plain data, or what converting it threw. */
  json?: { value: unknown } | { error: unknown };
  /** The skeletons it fetches, when it is a Scaffolder template. */
  skeletons: Skeleton[];
}

/** A file read within the limits, with its YAML documents parsed. */
export interface ParsedFile {
  file: SourceFile;
  documents: ParsedDocument[];
}

/** Options of {@link readCatalogFiles}. */
export interface ReadFileOptions {
  /**
   * Whether to keep each document's syntax tree for positions asked for
   * later (many findings); without, a file is parsed again when a
   * position in it is asked for. Default: keep them.
   */
  keepSyntaxTrees?: boolean;
}

function parseDocuments(text: string, lineCounter?: LineCounter) {
  const documents = parseAllDocuments(text, {
    lineCounter,
    merge: false,
    prettyErrors: false,
  });
  return Array.isArray(documents) ? documents : [];
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
        finding: fileFinding(
          'warning',
          ref.path,
          'not a regular file; not read',
        ),
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
 * keys off), unless it nests deeper than {@link MAX_NESTING}, and converts
 * those without errors to plain data.
 */
function parseText(
  ref: CatalogFileRef,
  text: string,
  problems: LocatedFinding[],
  keepSyntaxTrees: boolean,
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
  const documents = parseDocuments(text, lineCounter);
  let kept: Document.Parsed[] | undefined = keepSyntaxTrees
    ? documents
    : undefined;
  const file: SourceFile = {
    path: ref.path,
    explicit: ref.explicit,
    text,
    lineCounter,
    documents: () => (kept ??= parseDocuments(text)),
  };
  return {
    file,
    documents: documents.map((doc, index) => {
      if (doc.errors.length) {
        return { errors: doc.errors, skeletons: [] };
      }
      let json: ParsedDocument['json'];
      try {
        json = { value: doc.toJSON() };
      } catch (error) {
        json = { error };
      }
      return {
        errors: doc.errors,
        json,
        skeletons: templateSkeletons({ file, doc, index }),
      };
    }),
  };
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
  options: ReadFileOptions = {},
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
    const file = parseText(
      refs[i],
      read.text,
      problems,
      options.keepSyntaxTrees ?? true,
    );
    if (file) {
      parsed.push(file);
    }
  }
  return parsed;
}
