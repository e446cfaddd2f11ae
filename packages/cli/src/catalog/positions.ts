import { Document, isNode, isScalar, LineCounter } from 'yaml';

/** A file the CLI read, with what it needs to turn offsets into positions. */
export interface SourceFile {
  /** Absolute path. */
  path: string;
  text: string;
  lineCounter: LineCounter;
  /** Named on the command line (rather than found in a folder). */
  explicit: boolean;
  /**
   * The file's YAML documents with their syntax trees: the ones parsed
   * when the file was read if they were kept, else parsed again (once).
   */
  documents(): Document.Parsed[];
}

/** One YAML document of a file. */
export interface SourceDocument {
  file: SourceFile;
  readonly doc: Document.Parsed;
  /** 0-based index of the document in its file. */
  index: number;
}

/**
 * A document of a file whose syntax tree is only looked at (parsed again
 * if it was not kept) when a position in it is asked for.
 */
export function documentOf(file: SourceFile, index: number): SourceDocument {
  return {
    file,
    index,
    get doc() {
      return file.documents()[index];
    },
  };
}

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** The position of a character offset in a file. */
export function positionAt(file: SourceFile, offset: number): Position {
  const { line, col } = file.lineCounter.linePos(offset);
  return { line, column: col };
}

function nodeRange(node: unknown): [number, number] | undefined {
  if (isNode(node) && node.range) {
    return [node.range[0], node.range[1]];
  }
  return undefined;
}

/**
 * Where the value at `path` starts in the document. When the value is a
 * scalar whose source contains `token`, the position of the token instead
 * (so that a typo in the third item of a list is pointed at, not the list).
 * When nothing is at `path`, the nearest parent that exists; at worst the
 * start of the document.
 */
export function locate(
  source: SourceDocument,
  path: ReadonlyArray<string | number>,
  token?: string,
): Position {
  const { doc, file } = source;
  for (let length = path.length; length > 0; length--) {
    const node = doc.getIn(path.slice(0, length), true);
    const range = nodeRange(node);
    if (!range) {
      continue;
    }
    if (token && length === path.length && isScalar(node)) {
      const index = file.text.slice(range[0], range[1]).indexOf(token);
      if (index >= 0) {
        return positionAt(file, range[0] + index);
      }
    }
    return positionAt(file, range[0]);
  }
  const contents = nodeRange(doc.contents);
  return positionAt(file, contents ? contents[0] : doc.range[0]);
}

/**
 * The first quoted item of a message (`unknown skill cluster
 * 'data-sceintist'` gives `data-sceintist`), for pointing at it in the file.
 */
export function quotedToken(message: string): string | undefined {
  const match = /'([^'\\]{1,200})'/.exec(message);
  return match ? match[1] : undefined;
}
