import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError, NotFoundError } from '@backstage/errors';
import { compareCodeUnits } from '../util';
import { isInside, ReadBoundary, Root } from './boundary';
import { fileFinding, LocatedFinding } from './findings';
import { IGNORE_FILE, IgnoreRules } from './ignore';
import { formatSize, MAX_PLACEHOLDER_BYTES, readLimited } from './readLimited';

/** A YAML file to read. */
export interface CatalogFileRef {
  /** Absolute path, as found (symbolic links not resolved). */
  path: string;
  /** The same with every symbolic link resolved: what is read. */
  realPath: string;
  /** Named on the command line (rather than found in a folder). */
  explicit: boolean;
}

/** The files to read, what may be read, and what could not be. */
export interface CatalogFiles {
  files: CatalogFileRef[];
  boundary: ReadBoundary;
  /** Folders and links that were not read, each a warning naming its path. */
  problems: LocatedFinding[];
}

/** Options of {@link findCatalogFiles}. */
export interface FindOptions {
  /** Globs to leave out, as in `.gitignore`, relative to `cwd`. */
  ignore?: readonly string[];
}

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_FOLDERS = new Set(['node_modules']);

/** A file system error in a few words. */
export function describe(error: unknown): string {
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
      return 'too many symbolic links (a loop)';
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

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

interface WalkState {
  boundary: ReadBoundary;
  seen: Set<string>;
  out: CatalogFileRef[];
  problems: LocatedFinding[];
}

/** Whether a link found in a folder leads somewhere the CLI reads; a warning naming it when not. */
function mayFollow(
  state: WalkState,
  link: string,
  realPath: string,
  isDirectory: boolean,
): boolean {
  const refusal = state.boundary.refusal(realPath, isDirectory);
  if (refusal) {
    state.problems.push(
      fileFinding(
        'warning',
        link,
        `symbolic link to a ${
          isDirectory ? 'folder' : 'file'
        } the CLI does not read: ${refusal}; not ${
          isDirectory ? 'followed' : 'read'
        }`,
      ),
    );
  }
  return !refusal;
}

async function walk(
  folder: string,
  realFolder: string,
  root: Root,
  state: WalkState,
): Promise<void> {
  if (state.seen.has(realFolder)) {
    // Reached again through a link (a loop, or a second way in).
    return;
  }
  state.seen.add(realFolder);
  let entries: Dirent[];
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    state.problems.push(
      fileFinding(
        'warning',
        folder,
        `cannot read this folder (${describe(
          error,
        )}); the files in it are not checked`,
      ),
    );
    return;
  }
  entries.sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    const link = entry.isSymbolicLink();
    let realPath = path.join(realFolder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (link) {
      try {
        realPath = await fs.realpath(full);
        const stat = await fs.stat(realPath);
        isDirectory = stat.isDirectory();
        isFile = stat.isFile();
      } catch (error) {
        // A dangling link is nothing the user asked for; a loop or a link
        // the CLI may not follow is worth a word.
        if (errorCode(error) !== 'ENOENT') {
          state.problems.push(
            fileFinding(
              'warning',
              full,
              `cannot follow this symbolic link (${describe(error)}); not read`,
            ),
          );
        }
        continue;
      }
    }
    if (isDirectory) {
      if (
        entry.name.startsWith('.') ||
        SKIPPED_FOLDERS.has(entry.name) ||
        state.boundary.isIgnored(root, full, true)
      ) {
        continue;
      }
      if (link && !mayFollow(state, full, realPath, true)) {
        continue;
      }
      await walk(full, realPath, root, state);
    } else if (isFile && YAML_FILE.test(entry.name)) {
      if (state.boundary.isIgnored(root, full, false)) {
        continue;
      }
      if (link && !mayFollow(state, full, realPath, false)) {
        continue;
      }
      state.out.push({ path: full, realPath, explicit: false });
    }
  }
}

async function readIgnoreFile(
  folder: string,
  problems: LocatedFinding[],
): Promise<IgnoreRules> {
  const file = path.join(folder, IGNORE_FILE);
  try {
    const read = await readLimited(file, MAX_PLACEHOLDER_BYTES);
    if (read.kind === 'text') {
      return IgnoreRules.parse(read.text);
    }
    problems.push(
      fileFinding(
        'warning',
        file,
        read.kind === 'too-large'
          ? `this ignore file is ${formatSize(
              read.size,
            )}, more than the ${formatSize(
              MAX_PLACEHOLDER_BYTES,
            )} the CLI reads; not used`
          : 'not a regular file; not used',
      ),
    );
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') {
      problems.push(
        fileFinding(
          'warning',
          file,
          `cannot read this ignore file (${describe(error)}); not used`,
        ),
      );
    }
  }
  return IgnoreRules.none;
}

async function realpathOr(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    return file;
  }
}

/**
 * The YAML files to read for the given paths: files as given, folders
 * searched recursively for `*.yaml` and `*.yml` (skipping `node_modules`,
 * folders whose name starts with a dot, ignored paths and links that lead
 * out of the folders given), each file once, in a stable order. A folder
 * that cannot be read is a warning; the rest is still read.
 *
 * A path given inside the working folder must also resolve inside it, so
 * that a `catalog-info.yaml` turned into a link to `/proc/self/environ` by
 * a pull request is not read.
 *
 * @param paths - as the user typed them.
 * @param cwd - the folder relative paths are resolved against.
 * @throws NotFoundError or InputError naming a given path that does not
 *   exist.
 */
export async function findCatalogFiles(
  paths: string[],
  cwd: string,
  options: FindOptions = {},
): Promise<CatalogFiles> {
  const problems: LocatedFinding[] = [];
  const roots: Root[] = [];
  const realCwd = await realpathOr(cwd);
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    let stat;
    let realPath;
    try {
      stat = await fs.stat(full);
      realPath = await fs.realpath(full);
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') {
        throw unreadable(given, error);
      }
      problems.push(
        fileFinding(
          'warning',
          full,
          `cannot read this path (${describe(error)}); not checked`,
        ),
      );
      continue;
    }
    if (isInside(cwd, full) && !isInside(realCwd, realPath)) {
      problems.push(
        fileFinding(
          'warning',
          full,
          'a symbolic link to outside the working folder; not read (name the place it points to, to read it)',
        ),
      );
      continue;
    }
    if (stat.isDirectory()) {
      roots.push({
        path: full,
        realPath,
        directory: true,
        ignore: await readIgnoreFile(full, problems),
      });
    } else if (stat.isFile()) {
      roots.push({
        path: full,
        realPath,
        directory: false,
        ignore: IgnoreRules.none,
      });
    } else {
      problems.push(
        fileFinding('warning', full, 'not a regular file; not read'),
      );
    }
  }

  const boundary = new ReadBoundary(
    roots,
    cwd,
    IgnoreRules.of(options.ignore ?? []),
  );
  const state: WalkState = { boundary, seen: new Set(), out: [], problems };
  for (const root of roots) {
    if (root.directory) {
      await walk(root.path, root.realPath, root, state);
    } else {
      state.out.push({
        path: root.path,
        realPath: root.realPath,
        explicit: true,
      });
    }
  }

  // Each file once, by where it really is; named on the command line wins.
  const unique = new Map<string, CatalogFileRef>();
  for (const file of state.out) {
    const known = unique.get(file.realPath);
    if (!known) {
      unique.set(file.realPath, file);
    } else if (file.explicit) {
      known.explicit = true;
    }
  }
  return { files: [...unique.values()], boundary, problems };
}
