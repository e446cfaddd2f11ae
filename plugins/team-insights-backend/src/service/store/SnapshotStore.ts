import type { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import type { Report } from '@team-insights/plugin-team-insights-common';
import type { Knex } from 'knex';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { ReportContent, serialiseReport } from '../evaluation/reportContent';
import { SNAPSHOTS } from './tables';

const gunzipAsync = promisify(gunzip);

/**
 * The report format this release writes and reads (`Report.version`), also
 * kept in each snapshot's `schema_version` column.
 */
export const SNAPSHOT_SCHEMA_VERSION: Report['version'] = 1;

/** Snapshots kept besides the newest one, for a replica still loading it. */
const SNAPSHOTS_KEPT = 2;

/** Where {@link SnapshotStore.saveSnapshot} put a report. */
export interface SavedSnapshot {
  id: number;
  /**
   * False when the newest snapshot had the same content apart from
   * `evaluatedAt`: only its `evaluated_at` moved, no report was written.
   */
  written: boolean;
}

/**
 * Why a parsed snapshot is not a report this release can serve, or
 * undefined when it is one: its version and the shape of its top level.
 */
function snapshotProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'it is not a JSON object';
  }
  const report = value as Record<string, unknown>;
  if (report.version !== SNAPSHOT_SCHEMA_VERSION) {
    return `it holds a report of version ${JSON.stringify(
      report.version,
    )?.slice(0, 40)}, this release reads version ${SNAPSHOT_SCHEMA_VERSION}`;
  }
  for (const key of [
    'teams',
    'orgUnits',
    'entities',
    'products',
    'concerns',
    'findings',
  ]) {
    if (!Array.isArray(report[key])) {
      return `its "${key}" is not a list`;
    }
  }
  return undefined;
}

/**
 * The report snapshots shared by the replicas (`team_insights_snapshots`):
 * the newest few, compressed, each with the hash of its content.
 */
export class SnapshotStore {
  readonly #db: Knex;
  readonly #logger?: LoggerService;
  /** Snapshots found unreadable, by id: skipped without reading them again. */
  readonly #rejected = new Set<number>();

  constructor(db: Knex, options: { logger?: LoggerService } = {}) {
    this.#db = db;
    this.#logger = options.logger;
  }

  /**
   * Stores a report as the newest snapshot and drops old ones. When the
   * newest snapshot has the same content apart from `evaluatedAt`, only its
   * `evaluated_at` moves: an unchanged catalog costs no compression and no
   * blob write.
   *
   * `content` is the report already serialised (the evaluation worker does
   * that off the main thread); without it the report is serialised here,
   * piece by piece, so that a report larger than V8's longest string saves
   * too.
   */
  async saveSnapshot(
    report: Report,
    content?: ReportContent,
  ): Promise<SavedSnapshot> {
    const latest = await this.#db(SNAPSHOTS)
      .select('id', 'content_hash', 'evaluated_at', 'schema_version')
      .orderBy('id', 'desc')
      .first();
    const { hash, compressed } = content ?? (await serialiseReport(report));
    if (
      latest &&
      latest.content_hash === hash &&
      Number(latest.schema_version) === SNAPSHOT_SCHEMA_VERSION &&
      !this.#rejected.has(Number(latest.id))
    ) {
      const id = Number(latest.id);
      if (latest.evaluated_at >= report.evaluatedAt) {
        return { id, written: false };
      }
      const updated = await this.#db(SNAPSHOTS)
        .where({ id, content_hash: hash })
        .update({ evaluated_at: report.evaluatedAt });
      if (updated > 0) {
        return { id, written: false };
      }
    }

    const [inserted] = await this.#db(SNAPSHOTS)
      .insert({
        evaluated_at: report.evaluatedAt,
        content_hash: hash,
        schema_version: SNAPSHOT_SCHEMA_VERSION,
        report: compressed,
      })
      .returning('id');
    const id = Number(typeof inserted === 'object' ? inserted.id : inserted);
    const keep = await this.#db(SNAPSHOTS)
      .select('id')
      .orderBy('id', 'desc')
      .limit(SNAPSHOTS_KEPT);
    const oldestKept = Math.min(...keep.map(row => Number(row.id)));
    await this.#db(SNAPSHOTS).where('id', '<', oldestKept).delete();
    return { id, written: true };
  }

  /**
   * Loads a snapshot by id, or undefined when it is gone or cannot be
   * served. Its `evaluatedAt` is the row's: the latest evaluation that found
   * this content.
   *
   * @remarks
   *
   * A snapshot is served only when its `schema_version` column and the
   * report's `version` are the ones this release writes and the report's
   * top level has the expected lists. One that is not (written by another
   * release, damaged, or not a report at all) is logged once, as a warning,
   * and skipped from then on without being read again: the caller keeps
   * serving the report it has.
   */
  async loadSnapshot(id: number): Promise<Report | undefined> {
    if (this.#rejected.has(id)) {
      return undefined;
    }
    const row = await this.#db(SNAPSHOTS)
      .where('id', id)
      .select('report', 'evaluated_at', 'schema_version')
      .first();
    if (!row) {
      return undefined;
    }
    if (Number(row.schema_version) !== SNAPSHOT_SCHEMA_VERSION) {
      return this.#reject(
        id,
        `its schema_version is ${row.schema_version}, this release reads ${SNAPSHOT_SCHEMA_VERSION}`,
      );
    }
    let parsed: unknown;
    try {
      const json = await gunzipAsync(row.report as Buffer);
      parsed = JSON.parse(json.toString('utf8'));
    } catch (error) {
      return this.#reject(id, `it cannot be read: ${stringifyError(error)}`);
    }
    const problem = snapshotProblem(parsed);
    if (problem) {
      return this.#reject(id, problem);
    }
    const report = parsed as Report;
    report.evaluatedAt = row.evaluated_at;
    return report;
  }

  /**
   * The newest snapshot that can be served, with its id, skipping those
   * that cannot (see {@link SnapshotStore.loadSnapshot}); undefined when
   * there is none.
   */
  async loadNewestReadableSnapshot(): Promise<
    { id: number; report: Report } | undefined
  > {
    const rows = await this.#db(SNAPSHOTS)
      .select('id')
      .orderBy('id', 'desc')
      .limit(SNAPSHOTS_KEPT + 10);
    for (const row of rows) {
      const id = Number(row.id);
      const report = await this.loadSnapshot(id);
      if (report) {
        return { id, report };
      }
    }
    return undefined;
  }

  #reject(id: number, why: string): undefined {
    this.#rejected.add(id);
    this.#logger?.warn(
      `Team Insights skips stored report snapshot ${id}: ${why}. This replica keeps serving the report it has.`,
    );
    return undefined;
  }
}
