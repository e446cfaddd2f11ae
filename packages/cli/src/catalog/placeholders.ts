import fs from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { isObject, setOwn } from '../util';

/** Where a placeholder sits in the entity, e.g. `['spec', 'definition']`. */
export type ValuePath = Array<string | number>;

/** A placeholder that points at a URL: the CLI works offline. */
export interface RemotePlaceholder {
  path: ValuePath;
  key: string;
  url: string;
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

const RESOLVERS = ['text', 'json', 'yaml'] as const;
type ResolverKey = (typeof RESOLVERS)[number];

const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i;

async function resolveOne(
  key: ResolverKey,
  value: unknown,
  baseFile: string,
  valuePath: ValuePath,
): Promise<unknown> {
  if (typeof value !== 'string') {
    throw new PlaceholderError(
      `Placeholder $${key} expected a string value parameter, in the form of an absolute URL or a relative path`,
      valuePath,
    );
  }
  const target = path.resolve(path.dirname(baseFile), value);
  let content: string;
  try {
    content = await fs.readFile(target, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : (error as Error).message;
    throw new PlaceholderError(
      `Placeholder $${key} could not read location ${value}: ${reason}`,
      valuePath,
    );
  }
  if (key === 'text') {
    return content;
  }
  if (key === 'json') {
    try {
      return JSON.parse(content);
    } catch (error) {
      throw new PlaceholderError(
        `Placeholder $json failed to parse JSON data at ${value}, ${
          (error as Error).message
        }`,
        valuePath,
      );
    }
  }
  const documents = parseAllDocuments(content, { merge: false });
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
  return list[0].toJSON();
}

/**
 * Resolves `$text`, `$json` and `$yaml` placeholders as the catalog's
 * `PlaceholderProcessor` does (an object with exactly one key naming a
 * resolver), reading relative paths from beside the entity's file. URLs are
 * not fetched: those placeholders stay as they are and are reported.
 *
 * @throws PlaceholderError when a file is missing or does not parse.
 */
export async function resolvePlaceholders(
  data: unknown,
  baseFile: string,
): Promise<{ value: unknown; remote: RemotePlaceholder[] }> {
  const remote: RemotePlaceholder[] = [];

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
    if (typeof argument === 'string' && URL_PATTERN.test(argument)) {
      remote.push({ path: valuePath, key: keys[0], url: argument });
      return value;
    }
    return resolveOne(key as ResolverKey, argument, baseFile, [
      ...valuePath,
      keys[0],
    ]);
  }

  return { value: await visit(data, []), remote };
}
