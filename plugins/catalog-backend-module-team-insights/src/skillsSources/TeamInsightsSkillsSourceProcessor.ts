import type {
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  applySkillsSourceMatch,
  SkillsSource,
  SkillsSourceEntry,
  SkillsSourceFinding,
  SkillsSourceIndex,
  SkillsSourcePrecedence,
  TeamInsightsConfig,
  unknownUserFinding,
} from '@team-insights/plugin-team-insights-common';
import {
  describeSourceFinding,
  SkillsSourceReader,
} from './SkillsSourceReader';

/**
 * One entry of `teamInsights.skillsSources`.
 *
 * @public
 */
export interface SkillsSourceConfig {
  /** A URL the backend's UrlReader can read, or a local file path. */
  target: string;
  /** Which wins when a User has its own annotation. Default `entity`. */
  precedence?: SkillsSourcePrecedence;
}

/**
 * Options of {@link TeamInsightsSkillsSourceProcessor}.
 *
 * @public
 */
export interface TeamInsightsSkillsSourceProcessorOptions {
  sources: SkillsSourceConfig[];
  urlReader: UrlReaderService;
  logger: LoggerService;
  /** The engine's configuration: the skill-cluster vocabulary. */
  config: TeamInsightsConfig;
  /**
   * How often the sources are read again: the catalog's processing
   * interval, so a change reaches every User in the next pass.
   */
  refreshIntervalMs: number;
  /** Report findings about rows naming a User as errors of that User. */
  strict?: boolean;
  /** Paths are resolved against this folder; default the working folder. */
  baseDir?: string;
  /** The clock; for tests. */
  now?: () => number;
}

/**
 * How long the processing of Users waits for the first read of the sources
 * (a URL that does not answer must not stall the catalog).
 */
const FIRST_READ_WAIT_MS = 30_000;

/** Findings logged one by one per source and change; the rest are counted. */
const MAX_FINDINGS_LOGGED = 50;

/** Rows naming nobody logged one by one per source; the rest are counted. */
const MAX_UNKNOWN_USERS_LOGGED = 20;

interface Version {
  index: SkillsSourceIndex;
  /** When this version of the sources came into use. */
  since: number;
  /** Rows that named a User processed since. */
  used: Set<SkillsSourceEntry>;
  /** The error findings about each usable row (for strict mode). */
  rowErrors: Map<SkillsSourceEntry, SkillsSourceFinding[]>;
  unknownReported: boolean;
}

/** The error findings of each usable row, found by the row's line. */
function rowErrorsOf(
  sources: SkillsSource[],
): Map<SkillsSourceEntry, SkillsSourceFinding[]> {
  const out = new Map<SkillsSourceEntry, SkillsSourceFinding[]>();
  for (const source of sources) {
    const byLine = new Map<number, SkillsSourceFinding[]>();
    for (const f of source.findings) {
      if (f.severity !== 'error') continue;
      byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
    }
    for (const entry of source.entries) {
      const errors = byLine.get(entry.line);
      if (errors) out.set(entry, errors);
    }
  }
  return out;
}

/**
 * Sets `team-insights.io/skills` on Users from skills sources: mapping files
 * (CSV or YAML) kept where the organisation keeps them, such as an HR export
 * in a repository. See docs/annotations.md, "Skills from a source of record".
 *
 * @remarks
 *
 * The sources are read when the first User is processed and again at most
 * once per catalog processing interval, in the background. Rows that cannot
 * be used (unknown clusters, the same person twice, a person no User
 * matches) are findings of the source, logged as warnings once per change
 * of the source; they never stop ingestion. In strict mode a finding about
 * a row that names a User is also a processing error of that User, like
 * the module's annotation findings.
 *
 * @public
 */
export class TeamInsightsSkillsSourceProcessor implements CatalogProcessor {
  readonly #readers: SkillsSourceReader[];
  readonly #precedence: SkillsSourcePrecedence[];
  readonly #logger: LoggerService;
  readonly #intervalMs: number;
  readonly #strict: boolean;
  readonly #now: () => number;
  #version: Version | undefined;
  #readAt = -Infinity;
  #reading: Promise<void> | undefined;

  constructor(options: TeamInsightsSkillsSourceProcessorOptions) {
    this.#readers = options.sources.map(
      source =>
        new SkillsSourceReader({
          source: { target: source.target, baseDir: options.baseDir },
          urlReader: options.urlReader,
          logger: options.logger,
          config: options.config,
        }),
    );
    this.#precedence = options.sources.map(s => s.precedence ?? 'entity');
    this.#logger = options.logger;
    this.#intervalMs = Math.max(1000, options.refreshIntervalMs);
    this.#strict = options.strict ?? false;
    this.#now = options.now ?? Date.now;
  }

  getProcessorName(): string {
    return 'TeamInsightsSkillsSourceProcessor';
  }

  async preProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (String(entity.kind).toLowerCase() !== 'user') return entity;
    const version = await this.#currentVersion();
    if (!version) return entity;
    const match = version.index.lookup(entity);
    if (!match) return entity;
    version.used.add(match.entry);
    match.shadowed.forEach(e => version.used.add(e));
    if (this.#strict) {
      const findings = [
        ...match.findings,
        ...[match.entry, ...match.shadowed].flatMap(
          e => version.rowErrors.get(e) ?? [],
        ),
      ];
      for (const finding of findings) {
        emit(
          processingResult.inputError(
            location,
            `Team Insights skills source: ${describeSourceFinding(finding)}`,
          ),
        );
      }
    }
    return applySkillsSourceMatch(entity, match);
  }

  async #currentVersion(): Promise<Version | undefined> {
    const now = this.#now();
    if (now - this.#readAt >= this.#intervalMs && !this.#reading) {
      this.#readAt = now;
      this.#reading = this.#read().finally(() => {
        this.#reading = undefined;
      });
    }
    // Only the first read is waited for, and not for ever; later ones
    // refresh in the background while the last good mapping stays in use.
    if (!this.#version && this.#reading) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        this.#reading,
        new Promise<void>(resolve => {
          timer = setTimeout(resolve, FIRST_READ_WAIT_MS);
        }),
      ]);
      clearTimeout(timer);
    }
    return this.#version;
  }

  async #read(): Promise<void> {
    this.#reportUnknownUsers();
    const changed = await Promise.all(this.#readers.map(r => r.refresh()));
    if (this.#version && !changed.some(Boolean)) return;
    const sources = this.#readers.flatMap((reader, i) =>
      reader.current
        ? [{ source: reader.current, precedence: this.#precedence[i] }]
        : [],
    );
    this.#readers.forEach((reader, i) => {
      if (!changed[i] || !reader.current) return;
      const { entries, findings } = reader.current;
      this.#logger.info(
        `Team Insights skills source ${reader.target}: ${entries.length} ${
          entries.length === 1 ? 'person' : 'people'
        }, ${findings.length} ${
          findings.length === 1 ? 'finding' : 'findings'
        }`,
      );
      for (const finding of findings.slice(0, MAX_FINDINGS_LOGGED)) {
        this.#logger.warn(
          `Team Insights skills source ${describeSourceFinding(finding)}`,
        );
      }
      if (findings.length > MAX_FINDINGS_LOGGED) {
        this.#logger.warn(
          `Team Insights skills source ${reader.target}: ${
            findings.length - MAX_FINDINGS_LOGGED
          } more findings; run team-insights lint --skills-source on the file to see them all`,
        );
      }
    });
    this.#version = {
      index: new SkillsSourceIndex(sources),
      since: this.#now(),
      used: new Set(),
      rowErrors: rowErrorsOf(sources.map(s => s.source)),
      unknownReported: false,
    };
  }

  /**
   * Once a version of the sources has been in use for two full processing
   * cycles, every User has been through the processor: rows that named
   * nobody in that time name no User of the catalog.
   */
  #reportUnknownUsers() {
    const version = this.#version;
    if (!version || version.unknownReported) return;
    if (this.#now() - version.since < 3 * this.#intervalMs) return;
    version.unknownReported = true;
    for (const source of version.index.sources) {
      const unknown = source.source.entries.filter(e => !version.used.has(e));
      for (const entry of unknown.slice(0, MAX_UNKNOWN_USERS_LOGGED)) {
        this.#logger.warn(
          `Team Insights skills source ${describeSourceFinding(
            unknownUserFinding(source.source.source, entry),
          )}`,
        );
      }
      if (unknown.length > MAX_UNKNOWN_USERS_LOGGED) {
        this.#logger.warn(
          `Team Insights skills source ${source.source.source}: ${
            unknown.length - MAX_UNKNOWN_USERS_LOGGED
          } more rows name no User of the catalog`,
        );
      }
    }
  }
}
