import path from 'node:path';
import { IGNORE_FILE, IgnoreRules } from './ignore';

/** A file or folder given on the command line. */
export interface Root {
  /** Absolute path as given (symbolic links not resolved). */
  path: string;
  /** The same with every symbolic link resolved. */
  realPath: string;
  directory: boolean;
  /** The rules of the folder's `.team-insightsignore`. */
  ignore: IgnoreRules;
}

/** The refusal of a path outside every root. */
export const OUTSIDE_ROOTS =
  'it is outside the folders and files given on the command line';

/** `child` is `parent` or lies below it. */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return (
    relative === '' ||
    (!relative.startsWith(`..${path.sep}`) &&
      relative !== '..' &&
      !path.isAbsolute(relative))
  );
}

function slashed(relative: string): string {
  return relative.split(path.sep).join('/');
}

/**
 * What the CLI may read: the files and folders given on the command line,
 * and below the folders everything that is neither hidden (a file or
 * folder whose name starts with a dot, such as `.git` or `.env`) nor
 * ignored. Paths are compared with their symbolic links resolved, so a
 * link inside a folder that points out of it leads nowhere.
 */
export class ReadBoundary {
  constructor(
    readonly roots: readonly Root[],
    private readonly cwd: string,
    private readonly commandLineIgnore: IgnoreRules,
  ) {}

  /**
   * Whether a path below a root is ignored, by `--ignore` (relative to the
   * working folder) or by the root's `.team-insightsignore`.
   *
   * @param file - an absolute path without resolved links, below `root`.
   */
  isIgnored(root: Root, file: string, isDirectory: boolean): boolean {
    return (
      this.commandLineIgnore.ignores(
        slashed(path.relative(this.cwd, file)),
        isDirectory,
      ) ||
      root.ignore.ignores(slashed(path.relative(root.path, file)), isDirectory)
    );
  }

  /**
   * Whether a path that has not been resolved yet could lie inside a root
   * at all: a `../` that leaves every folder given is refused without
   * looking at the file system.
   */
  mayContain(file: string): boolean {
    return this.roots.some(
      root =>
        (root.directory ? isInside(root.path, file) : root.path === file) ||
        (root.directory
          ? isInside(root.realPath, file)
          : root.realPath === file),
    );
  }

  /**
   * Why the CLI does not read a path, or `undefined` when it may.
   *
   * @param realPath - the path with every symbolic link resolved.
   */
  refusal(realPath: string, isDirectory: boolean): string | undefined {
    let reason = OUTSIDE_ROOTS;
    for (const root of this.roots) {
      if (!root.directory) {
        if (root.realPath === realPath) {
          return undefined;
        }
        continue;
      }
      if (!isInside(root.realPath, realPath)) {
        continue;
      }
      const relative = path.relative(root.realPath, realPath);
      if (relative && relative.split(path.sep).some(s => s.startsWith('.'))) {
        reason =
          'it is in a hidden file or folder (such as .git or .env), which the CLI never reads';
        continue;
      }
      if (this.isIgnored(root, path.join(root.path, relative), isDirectory)) {
        reason = `it is ignored (--ignore or ${IGNORE_FILE})`;
        continue;
      }
      return undefined;
    }
    return reason;
  }
}
