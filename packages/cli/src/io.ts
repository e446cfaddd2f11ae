import path from 'node:path';

/**
 * Where the CLI writes and what it reads from its environment. The real
 * process supplies these; tests pass their own.
 *
 * @public
 */
export interface CliIo {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown };
  /**
   * The folder relative paths are resolved against. Defaults to
   * `INIT_CWD` (the folder `yarn team-insights` was started from, since
   * yarn runs the script in the package's folder), else the working folder.
   */
  cwd?: string;
  /** Environment variables; defaults to `process.env`. */
  env?: Record<string, string | undefined>;
}

/** What every command gets. */
export interface CommandContext {
  stdout: CliIo['stdout'];
  stderr: CliIo['stderr'];
  cwd: string;
  env: Record<string, string | undefined>;
  /** Colour output: stdout is a terminal and NO_COLOR is unset. */
  color: boolean;
  /** A path as shown to the user: relative to `cwd` when below it. */
  display(absolute: string): string;
}

/** Fills in the defaults of {@link CliIo}. */
export function commandContext(io: Partial<CliIo> = {}): CommandContext {
  const env = io.env ?? process.env;
  const stdout = io.stdout ?? process.stdout;
  const cwd = path.resolve(io.cwd ?? env.INIT_CWD ?? process.cwd());
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return {
    stdout,
    stderr: io.stderr ?? process.stderr,
    cwd,
    env,
    color: Boolean(stdout.isTTY) && !noColor,
    display(absolute: string) {
      const relative = path.relative(cwd, absolute);
      if (
        relative &&
        !relative.startsWith('..') &&
        !path.isAbsolute(relative)
      ) {
        return relative;
      }
      return relative === '' ? '.' : absolute;
    },
  };
}
