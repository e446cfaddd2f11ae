import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError, NotFoundError } from '@backstage/errors';
import { compareCodeUnits } from '../util';

/** A YAML file to read. */
export interface CatalogFileRef {
  /** Absolute path. */
  path: string;
  /** Named on the command line (rather than found in a folder). */
  explicit: boolean;
}

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_FOLDERS = new Set(['node_modules']);

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'not a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return (error as Error).message ?? String(error);
  }
}

/** An error for a path the CLI cannot read (exit code 2). */
export function unreadable(display: string, error: unknown): Error {
  const message = `cannot read '${display}': ${describe(error)}`;
  return (error as NodeJS.ErrnoException).code === 'ENOENT'
    ? new NotFoundError(message)
    : new InputError(message);
}

async function walk(
  folder: string,
  display: string,
  seen: Set<string>,
  out: CatalogFileRef[],
): Promise<void> {
  let real: string;
  let entries;
  try {
    real = await fs.realpath(folder);
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    throw unreadable(display, error);
  }
  if (seen.has(real)) {
    return;
  }
  seen.add(real);
  entries.sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    const shown = path.join(display, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const stat = await fs.stat(full);
        isDirectory = stat.isDirectory();
        isFile = stat.isFile();
      } catch {
        // A dangling link in a folder is not something the user asked for.
        continue;
      }
    }
    if (isDirectory) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) {
        continue;
      }
      await walk(full, shown, seen, out);
    } else if (isFile && YAML_FILE.test(entry.name)) {
      out.push({ path: full, explicit: false });
    }
  }
}

/**
 * The YAML files to read for the given paths: files as given, folders
 * searched recursively for `*.yaml` and `*.yml` (skipping `node_modules`
 * and folders whose name starts with a dot), each file once, in a stable
 * order.
 *
 * @param paths - as the user typed them.
 * @param cwd - the folder relative paths are resolved against.
 * @throws NotFoundError or InputError naming the path that cannot be read.
 */
export async function findCatalogFiles(
  paths: string[],
  cwd: string,
): Promise<CatalogFileRef[]> {
  const out: CatalogFileRef[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    let stat;
    try {
      stat = await fs.stat(full);
    } catch (error) {
      throw unreadable(given, error);
    }
    if (stat.isDirectory()) {
      await walk(full, given, seen, out);
    } else {
      out.push({ path: full, explicit: true });
    }
  }
  const unique = new Map<string, CatalogFileRef>();
  for (const file of out) {
    const known = unique.get(file.path);
    if (!known) {
      unique.set(file.path, file);
    } else if (file.explicit) {
      known.explicit = true;
    }
  }
  return [...unique.values()];
}
