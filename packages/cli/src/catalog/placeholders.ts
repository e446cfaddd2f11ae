import fs from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { isObject, setOwn } from '../util';
import { OUTSIDE_ROOTS, ReadBoundary } from './boundary';
import { describe } from './files';
import {
  formatSize,
  MAX_NESTING,
  MAX_PLACEHOLDER_BYTES,
  nestsDeeperThan,
  readLimited,
} from './readLimited';

/** Where a placeholder sits in the entity, e.g. `['spec', 'definition']`. */
export type ValuePath = Array<string | number>;

/** Why a placeholder was left as it is. */
export type UnresolvedReason =
  /** It points at a URL: the CLI works offline. */
  | 'remote'
  /** `--no-placeholders`. */
  | 'disabled'
  /** It points at a file the CLI does not read, or at one too large. */
  | 'refused';

/** A placeholder the CLI did not resolve; its value counts as missing. */
export interface UnresolvedPlaceholder {
  path: ValuePath;
  /** `$text`, `$json` or `$yaml`. */
  key: string;
  /** The placeholder's argument, as written in the file. */
  target: string;
  reason: UnresolvedReason;
  /** Why, in words, for `refused`. */
  detail?: string;
}

/** A placeholder the catalog would fail on; the entity is then rejected. */
export class PlaceholderError extends Error {
  readonly path: ValuePath;

  constructor(message: string, valuePath: ValuePath) {
    super(message);
    this.name = 'PlaceholderError';
    this.path = valuePath;
  }
}

/** How placeholders are resolved. */
export interface PlaceholderOptions {
  /** What may be read; placeholders pointing elsewhere are refused. */
  boundary: ReadBoundary;
  /** `false` for `--no-placeholders`: none are read. */
  resolve: boolean;
}

const RESOLVERS = ['text', 'json', 'yaml'] as const;
type ResolverKey = (typeof RESOLVERS)[number];

const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i;

const OUTSIDE =
  'it is outside the folders and files given on the command line (give the folder that holds it, to read it)';

/** The target a placeholder may read, or why not. */
async function locateTarget(
  value: string,
  baseFile: string,
  boundary: ReadBoundary,
): Promise<{ file: string } | { refused: string }> {
  if (path.isAbsolute(value) || /^[a-z]:[\\/]/i.test(value)) {
    return {
      refused:
        'absolute paths are not read (placeholders read only files inside the folders and files given on the command line)',
    };
  }
  const target = path.resolve(path.dirname(baseFile), value);
  // A ../ that leaves every folder given is refused before anything is
  // looked up, so that a placeholder cannot even probe what exists there.
  if (!boundary.mayContain(target)) {
    return { refused: OUTSIDE };
  }
  let realPath: string;
  try {
    realPath = await fs.realpath(target);
  } catch (error) {
    return { file: target };
  }
  const refusal = boundary.refusal(realPath, false);
  if (refusal === OUTSIDE_ROOTS) {
    return { refused: OUTSIDE };
  }
  return refusal ? { refused: refusal } : { file: realPath };
}

type Resolution =
  | { value: unknown }
  | { unresolved: Omit<UnresolvedPlaceholder, 'path' | 'key' | 'target'> };

async function resolveOne(
  key: ResolverKey,
  value: string,
  baseFile: string,
  valuePath: ValuePath,
  boundary: ReadBoundary,
): Promise<Resolution> {
  const located = await locateTarget(value, baseFile, boundary);
  if ('refused' in located) {
    return { unresolved: { reason: 'refused', detail: located.refused } };
  }
  let content: string;
  try {
    const read = await readLimited(located.file, MAX_PLACEHOLDER_BYTES);
    if (read.kind === 'too-large') {
      return {
        unresolved: {
          reason: 'refused',
          detail: `it is ${formatSize(read.size)}, more than the ${formatSize(
            MAX_PLACEHOLDER_BYTES,
          )} a placeholder may read`,
        },
      };
    }
    if (read.kind === 'not-regular') {
      return {
        unresolved: { reason: 'refused', detail: 'it is not a regular file' },
      };
    }
    content = read.text;
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : describe(error);
    throw new PlaceholderError(
      `Placeholder $${key} could not read location ${value}: ${reason}`,
      valuePath,
    );
  }
  if (key === 'text') {
    return { value: content };
  }
  if (nestsDeeperThan(content, MAX_NESTING)) {
    return {
      unresolved: {
        reason: 'refused',
        detail: `it nests [ and { more than ${MAX_NESTING} levels deep, which no catalog data needs`,
      },
    };
  }
  if (key === 'json') {
    try {
      return { value: JSON.parse(content) };
    } catch (error) {
      throw new PlaceholderError(
        `Placeholder $json failed to parse JSON data at ${value}, ${
          (error as Error).message
        }`,
        valuePath,
      );
    }
  }
  const documents = parseAllDocuments(content, {
    merge: false,
    prettyErrors: false,
  });
  const list = Array.isArray(documents) ? documents : [];
  if (list.length !== 1) {
    throw new PlaceholderError(
      `Placeholder $yaml expected to find exactly one document of data at ${value}, found ${list.length}`,
      valuePath,
    );
  }
  if (list[0].errors.length) {
    throw new PlaceholderError(
      `Placeholder $yaml found an error in the data at ${value}, ${list[0].errors[0].message}`,
      valuePath,
    );
  }
  try {
    // toJSON() is where the alias-count limit (yaml's defence against
    // "billion laughs") throws.
    return { value: list[0].toJSON() };
  } catch (error) {
    throw new PlaceholderError(
      `Placeholder $yaml found an error in the data at ${value}, ${
        (error as Error).message
      }`,
      valuePath,
    );
  }
}

/** Whether any object in the value has a key starting with `$`. */
function mayHoldPlaceholder(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.some(mayHoldPlaceholder);
  }
  if (!isObject(value)) {
    return false;
  }
  for (const key of Object.keys(value)) {
    if (key.startsWith('$') || mayHoldPlaceholder(value[key])) {
      return true;
    }
  }
  return false;
}

/** A copy of arrays and objects, as resolving makes one. */
function copyPlain(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      items.push(copyPlain(value[i]));
    }
    return items;
  }
  if (!isObject(value)) {
    return value;
  }
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    setOwn(result, key, copyPlain(value[key]));
  }
  return result;
}

/**
 * Resolves `$text`, `$json` and `$yaml` placeholders as the catalog's
 * `PlaceholderProcessor` does (an object with exactly one key naming a
 * resolver), reading relative paths from beside the entity's file, but only
 * files inside the folders and files given on the command line (compared
 * with symbolic links resolved; never hidden or ignored ones) and at most
 * {@link MAX_PLACEHOLDER_BYTES} of them. URLs are not fetched. Placeholders
 * that are not read stay as they are and are listed as `unresolved`.
 *
 * @throws PlaceholderError when a file is missing or does not parse, as the
 *   catalog would fail then too.
 */
export async function resolvePlaceholders(
  data: unknown,
  baseFile: string,
  options: PlaceholderOptions,
): Promise<{ value: unknown; unresolved: UnresolvedPlaceholder[] }> {
  const unresolved: UnresolvedPlaceholder[] = [];
  if (!mayHoldPlaceholder(data)) {
    // Most entities: the same copy, without awaiting every value.
    return { value: copyPlain(data), unresolved };
  }

  async function visit(value: unknown, valuePath: ValuePath): Promise<unknown> {
    if (Array.isArray(value)) {
      const items: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        items.push(await visit(value[i], [...valuePath, i]));
      }
      return items;
    }
    if (!isObject(value)) {
      return value;
    }
    const keys = Object.keys(value);
    if (!keys.some(k => k.startsWith('$'))) {
      const result: Record<string, unknown> = {};
      for (const k of keys) {
        setOwn(result, k, await visit(value[k], [...valuePath, k]));
      }
      return result;
    }
    if (keys.length !== 1) {
      return value;
    }
    const key = keys[0].substring(1);
    if (!(RESOLVERS as readonly string[]).includes(key)) {
      return value;
    }
    const argument = value[keys[0]];
    if (typeof argument !== 'string') {
      throw new PlaceholderError(
        `Placeholder $${key} expected a string value parameter, in the form of an absolute URL or a relative path`,
        [...valuePath, keys[0]],
      );
    }
    const base = { path: valuePath, key: keys[0], target: argument };
    if (URL_PATTERN.test(argument)) {
      unresolved.push({ ...base, reason: 'remote' });
      return value;
    }
    if (!options.resolve) {
      unresolved.push({ ...base, reason: 'disabled' });
      return value;
    }
    const resolution = await resolveOne(
      key as ResolverKey,
      argument,
      baseFile,
      [...valuePath, keys[0]],
      options.boundary,
    );
    if ('unresolved' in resolution) {
      unresolved.push({ ...base, ...resolution.unresolved });
      return value;
    }
    return resolution.value;
  }

  return { value: await visit(data, []), unresolved };
}
