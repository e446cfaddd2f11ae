import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { isError, NotModifiedError } from '@backstage/errors';
import {
  MAX_SKILLS_SOURCE_LENGTH,
  parseSkillsSourceInSlices,
  SkillsSource,
  SkillsSourceFinding,
  TeamInsightsConfig,
} from '@team-insights/plugin-team-insights-common';

/** Where a source is read from. */
export interface SkillsSourceTarget {
  /** A URL the backend's UrlReader can read, or a local file path. */
  target: string;
  /** Paths are resolved against this folder (the backend's working folder). */
  baseDir?: string;
}

/** Formats a source finding as one line: `source:line:col severity message`. */
export function describeSourceFinding(finding: SkillsSourceFinding): string {
  const where = `${finding.source}:${finding.line}${
    finding.column ? `:${finding.column}` : ''
  }`;
  return `${where} ${finding.severity} ${finding.message}`;
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Reads one skills source and keeps its last good contents. URLs go through
 * the backend's UrlReader with the etag of the last read, so an unchanged
 * file costs a conditional request; local files are re-read only when
 * their modification time or size changes. A source that cannot be read
 * keeps the last good mapping, and the warning is logged once per change
 * of the problem, not on every read.
 */
export class SkillsSourceReader {
  readonly #target: string;
  readonly #baseDir: string;
  readonly #urlReader: UrlReaderService;
  readonly #logger: LoggerService;
  readonly #config: TeamInsightsConfig;
  #etag: string | undefined;
  #current: SkillsSource | undefined;
  #lastProblem: string | undefined;

  constructor(options: {
    source: SkillsSourceTarget;
    urlReader: UrlReaderService;
    logger: LoggerService;
    config: TeamInsightsConfig;
  }) {
    this.#target = options.source.target;
    this.#baseDir = options.source.baseDir ?? process.cwd();
    this.#urlReader = options.urlReader;
    this.#logger = options.logger;
    this.#config = options.config;
  }

  get target(): string {
    return this.#target;
  }

  /** The last good contents; undefined until the first good read. */
  get current(): SkillsSource | undefined {
    return this.#current;
  }

  /**
   * Reads the source again if it changed. Returns true when the contents
   * changed (the caller then reports the new findings). Never throws.
   */
  async refresh(): Promise<boolean> {
    let text: string | undefined;
    try {
      text =
        URL_LIKE.test(this.#target) && !/^file:/i.test(this.#target)
          ? await this.#readUrl()
          : await this.#readFile();
    } catch (error) {
      this.#problem(isError(error) ? error.message : String(error));
      return false;
    }
    if (this.#lastProblem !== undefined) {
      this.#logger.info(
        `Team Insights skills source ${this.#target} can be read again`,
      );
      this.#lastProblem = undefined;
    }
    if (text === undefined) return false;
    // In slices, so that a large source does not hold up the backend.
    this.#current = await parseSkillsSourceInSlices(
      text,
      { source: this.#target, config: this.#config },
      () => new Promise(resolve => setImmediate(resolve)),
    );
    return true;
  }

  #problem(message: string) {
    if (message === this.#lastProblem) return;
    this.#lastProblem = message;
    this.#logger.warn(
      `Team Insights cannot read skills source ${this.#target}: ${message}; ${
        this.#current
          ? 'the skills last read from it stay in use'
          : 'no skills are taken from it until it can be read'
      }`,
    );
  }

  /** The text, or undefined when it did not change. */
  async #readUrl(): Promise<string | undefined> {
    try {
      const response = await this.#urlReader.readUrl(this.#target, {
        etag: this.#etag,
      });
      const buffer = await response.buffer();
      if (buffer.length > MAX_SKILLS_SOURCE_LENGTH) {
        throw new Error(
          `it is ${buffer.length} bytes long, more than the ${MAX_SKILLS_SOURCE_LENGTH} read`,
        );
      }
      this.#etag = response.etag;
      return buffer.toString('utf8');
    } catch (error) {
      if (error instanceof NotModifiedError || isNotModified(error)) {
        return undefined;
      }
      throw error;
    }
  }

  async #readFile(): Promise<string | undefined> {
    const file = /^file:/i.test(this.#target)
      ? fileURLToPath(this.#target)
      : path.resolve(this.#baseDir, this.#target);
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new Error('it is not a file');
    if (stat.size > MAX_SKILLS_SOURCE_LENGTH) {
      throw new Error(
        `it is ${stat.size} bytes long, more than the ${MAX_SKILLS_SOURCE_LENGTH} read`,
      );
    }
    const etag = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    if (etag === this.#etag && this.#current) return undefined;
    const text = await fs.readFile(file, 'utf8');
    this.#etag = etag;
    return text;
  }
}

// UrlReaders from another copy of @backstage/errors throw their own class.
function isNotModified(error: unknown): boolean {
  return isError(error) && error.name === 'NotModifiedError';
}
