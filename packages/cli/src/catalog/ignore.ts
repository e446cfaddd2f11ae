/** The name of the ignore file read at the root of each folder given. */
export const IGNORE_FILE = '.team-insightsignore';

interface Rule {
  pattern: string;
  negated: boolean;
  directoryOnly: boolean;
  regexp: RegExp;
}

function escapeRegExp(char: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(char) ? `\\${char}` : char;
}

/**
 * A glob as a regular expression over a `/`-separated relative path:
 * `*` and `?` stay within one path segment, `**` spans segments, `[a-z]`
 * and `[!a-z]` are character classes, `\` escapes the next character.
 */
function globToRegExp(glob: string, anchored: boolean): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*') {
      if (glob[i + 1] === '*') {
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        if (atSegmentStart && glob[i + 2] === '/') {
          source += '(?:[^/]*/)*';
          i += 2;
          continue;
        }
        if (atSegmentStart && i + 2 === glob.length) {
          source += '.*';
          i += 1;
          continue;
        }
        i += 1;
      }
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) {
        body = body.slice(1);
      }
      source += `[${negated ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else if (char === '\\' && i + 1 < glob.length) {
      i += 1;
      source += escapeRegExp(glob[i]);
    } else {
      source += escapeRegExp(char);
    }
  }
  return new RegExp(`^${anchored ? '' : '(?:[^/]*/)*'}${source}$`);
}

function parseRule(line: string): Rule | undefined {
  let pattern = line.replace(/(?<!\\)\s+$/, '');
  if (!pattern || pattern.startsWith('#')) {
    return undefined;
  }
  const negated = pattern.startsWith('!');
  if (negated) {
    pattern = pattern.slice(1);
  } else if (pattern.startsWith('\\!') || pattern.startsWith('\\#')) {
    pattern = pattern.slice(1);
  }
  pattern = pattern.replace(/^\.\//, '');
  const directoryOnly = pattern.endsWith('/');
  const body = pattern.replace(/\/+$/, '');
  if (!body) {
    return undefined;
  }
  // As in .gitignore: a slash at the start or in the middle anchors the
  // pattern at the root; otherwise it matches at any depth.
  const anchored = body.includes('/');
  return {
    pattern: line.trim(),
    negated,
    directoryOnly,
    regexp: globToRegExp(body.replace(/^\//, ''), anchored),
  };
}

/**
 * Paths to leave out, written as in `.gitignore`: one glob per line, `#`
 * comments, `!` to take a path back, a trailing `/` for folders only, a
 * leading or inner `/` to anchor the glob at the root, `**` for any number
 * of folders. The last matching line wins, and a path inside an ignored
 * folder stays ignored.
 */
export class IgnoreRules {
  static readonly none = new IgnoreRules([]);

  /** Rules from the text of an ignore file. */
  static parse(text: string): IgnoreRules {
    return IgnoreRules.of(text.split(/\r?\n/));
  }

  /** Rules from globs such as those given with `--ignore`. */
  static of(globs: readonly string[]): IgnoreRules {
    return new IgnoreRules(
      globs.map(parseRule).filter((r): r is Rule => r !== undefined),
    );
  }

  private constructor(private readonly rules: Rule[]) {}

  get empty(): boolean {
    return this.rules.length === 0;
  }

  /** Whether this one path (not its folders) matches. */
  private matches(relative: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const rule of this.rules) {
      if (rule.directoryOnly && !isDirectory) {
        continue;
      }
      if (rule.regexp.test(relative)) {
        ignored = !rule.negated;
      }
    }
    return ignored;
  }

  /**
   * Whether a path is ignored, itself or through one of its folders.
   *
   * @param relative - relative to the root the rules belong to, with `/`
   *   between segments; paths outside the root (`../…`) are never ignored.
   */
  ignores(relative: string, isDirectory: boolean): boolean {
    if (
      this.empty ||
      !relative ||
      relative === '..' ||
      relative.startsWith('../')
    ) {
      return false;
    }
    const segments = relative.split('/');
    for (let i = 1; i < segments.length; i++) {
      if (this.matches(segments.slice(0, i).join('/'), true)) {
        return true;
      }
    }
    return this.matches(relative, isDirectory);
  }
}
