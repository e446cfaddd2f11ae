import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/**
 * Collects what is wrong with the `teamInsights` section, so that one start
 * reports every invalid key at once instead of the first.
 */
export class ConfigProblems {
  readonly problems: string[] = [];

  add(key: string, problem: string) {
    this.problems.push(`teamInsights.${key}: ${problem}`);
  }

  /** Runs a typed config read, turning its error into a problem of `key`. */
  read<T>(key: string, read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      this.add(
        key,
        error instanceof Error ? error.message : 'invalid configuration value',
      );
      return undefined;
    }
  }

  /**
   * Reads a number within `range` (inclusive), whole when `integer`; absent or
   * invalid gives `fallback`, and invalid also a problem.
   */
  number(
    config: Config,
    key: string,
    fallback: number,
    range: readonly [number, number],
    integer: boolean,
  ): number {
    const value = this.read(key, () => config.getOptionalNumber(key));
    if (value === undefined) return fallback;
    if (!Number.isFinite(value) || value < range[0] || value > range[1]) {
      this.add(key, `must be a number from ${range[0]} to ${range[1]}`);
      return fallback;
    }
    if (integer && !Number.isInteger(value)) {
      this.add(key, 'must be a whole number');
      return fallback;
    }
    return value;
  }

  /** Throws an InputError listing every problem, if there is one. */
  throwIfAny() {
    if (this.problems.length) {
      throw new InputError(
        `Invalid Team Insights configuration: ${this.problems.join('; ')}`,
      );
    }
  }
}
