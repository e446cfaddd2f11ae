import {
  DatabaseService,
  LoggerService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import type {
  HistoryPoint,
  Level,
  Report,
  ScorecardId,
  ScorecardResult,
  TeamInsightsTimeline,
  TrendPoint,
} from '@team-insights/plugin-team-insights-common';
import { utcDay } from '@team-insights/plugin-team-insights-common';
import type { Knex } from 'knex';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { ReportContent, serialiseReport } from './evaluation/reportContent';

const gunzipAsync = promisify(gunzip);

const SNAPSHOTS = 'team_insights_snapshots';
const REFRESHES = 'team_insights_refreshes';
const HISTORY = 'team_insights_history';
const TIMELINE = 'team_insights_timeline';
const TIMELINE_CHUNK = 200;

interface TimelineRow {
  kind: 'concern' | 'centralized-team' | 'product';
  key: string;
  first_seen: string;
  detail: string;
}

function timelineRows(timeline: TeamInsightsTimeline): TimelineRow[] {
  return [
    ...Object.entries(timeline.concerns).map(([key, e]) => ({
      kind: 'concern' as const,
      key,
      first_seen: e.candidateSince,
      detail: '{}',
    })),
    ...Object.entries(timeline.centralizedTeams).map(([key, e]) => ({
      kind: 'centralized-team' as const,
      key,
      first_seen: e.since,
      detail: JSON.stringify({
        featureTeams: e.featureTeams,
        hadAdopters: e.hadAdopters,
      }),
    })),
    ...Object.entries(timeline.products).map(([key, e]) => ({
      kind: 'product' as const,
      key,
      first_seen: e.firstAdopterAt,
      detail: '{}',
    })),
  ].filter(r => r.key.length <= 255);
}

function parseDetail(json: string): Record<string, unknown> {
  try {
    const value = JSON.parse(json);
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

/**
 * The report format this release writes and reads (`Report.version`), also
 * kept in each snapshot's `schema_version` column.
 */
export const SNAPSHOT_SCHEMA_VERSION: Report['version'] = 1;

/** Snapshots kept besides the newest one, for a replica still loading it. */
const SNAPSHOTS_KEPT = 2;
/** Refresh attempts kept in the log. */
const REFRESHES_KEPT = 100;
/** Longest entity ref the history table holds. */
const MAX_REF_LENGTH = 255;

const migrationsDir = resolvePackagePath(
  '@team-insights/plugin-team-insights-backend',
  'migrations',
);

/** SQLite's limit on the terms of a compound SELECT is 500. */
const SQLITE_MAX_ROWS = 400;

function isSqlite(db: Knex): boolean {
  const client = db.client.config.client;
  return typeof client === 'string' && client.includes('sqlite');
}

/** Who a history row is about. */
export type HistorySubject = 'team' | 'org-unit' | 'entity';

/** One row of `team_insights_history`. */
export interface HistoryRow {
  entity_ref: string;
  subject: HistorySubject;
  scorecard: ScorecardId;
  day: string;
  score: number | null;
  level: Level | null;
  failing_checks: string;
  evaluated_at: string;
}

/** A refresh attempt as recorded in the database. */
export interface RefreshRecord {
  startedAt: string;
  finishedAt: string;
  status: 'succeeded' | 'failed';
  trigger: 'schedule' | 'request' | 'manual';
  evaluatedAt?: string;
  entityCount?: number;
  error?: string;
}

/** Where {@link TeamInsightsStore.saveSnapshot} put a report. */
export interface SavedSnapshot {
  id: number;
  /**
   * False when the newest snapshot had the same content apart from
   * `evaluatedAt`: only its `evaluated_at` moved, no report was written.
   */
  written: boolean;
}

/** What a replica needs to know to decide whether to reload. */
export interface StoreState {
  latestSnapshot?: { id: number; evaluatedAt: string };
  latestRefresh?: RefreshRecord;
}

/** The UTC day `days` days before `date`. */
export function dayBefore(date: Date, days: number): string {
  return utcDay(new Date(date.getTime() - days * 24 * 60 * 60 * 1000));
}

/** A history row's entity and scorecard: what identifies it within its day. */
function historyKey(row: HistoryRow): string {
  return `${row.entity_ref}\u0000${row.scorecard}`;
}

/** What a history row says, apart from when it was evaluated. */
function historyValue(row: HistoryRow): string {
  return `${row.subject}\u0000${row.score}\u0000${row.level}\u0000${row.failing_checks}`;
}

function failingCheckIds(scorecard: ScorecardResult): string[] {
  return scorecard.checks
    .filter(check => check.status === 'fail' && !check.waived)
    .map(check => check.id);
}

/**
 * The rows of one day of history for a report: three per team and per
 * organisational unit, one per documented entity.
 */
export function historyRowsOf(report: Report): HistoryRow[] {
  const day = utcDay(new Date(report.evaluatedAt));
  const rows: HistoryRow[] = [];
  const push = (
    entityRef: string,
    subject: HistorySubject,
    scorecard: ScorecardId,
    score: number | null,
    level: Level | null,
    failing: string[],
  ) => {
    if (entityRef.length > MAX_REF_LENGTH) {
      return;
    }
    rows.push({
      entity_ref: entityRef,
      subject,
      scorecard,
      day,
      score,
      level,
      failing_checks: JSON.stringify(failing),
      evaluated_at: report.evaluatedAt,
    });
  };
  for (const team of report.teams) {
    for (const id of Object.keys(team.scorecards) as ScorecardId[]) {
      const scorecard = team.scorecards[id];
      push(
        team.entityRef,
        'team',
        id,
        scorecard.score,
        scorecard.level,
        failingCheckIds(scorecard),
      );
    }
  }
  for (const unit of report.orgUnits) {
    for (const id of Object.keys(unit.scorecards) as ScorecardId[]) {
      const scorecard = unit.scorecards[id];
      push(
        unit.entityRef,
        'org-unit',
        id,
        scorecard.score,
        scorecard.level,
        [],
      );
    }
  }
  for (const entity of report.entities) {
    const scorecard = entity.scorecards.documentation;
    push(
      entity.entityRef,
      'entity',
      'documentation',
      scorecard.score,
      scorecard.level,
      failingCheckIds(scorecard),
    );
  }
  return rows;
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
 * Storage of the Team Insights backend: report snapshots shared by the
 * replicas, the refresh log and the daily history of every scorecard.
 */
export class TeamInsightsStore {
  static async create(options: {
    database: DatabaseService;
    logger?: LoggerService;
  }): Promise<TeamInsightsStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new TeamInsightsStore(client, { logger: options.logger });
  }

  /** Runs the migrations on a client, for tests and tooling. */
  static async migrate(client: Knex): Promise<void> {
    await client.migrate.latest({ directory: migrationsDir });
  }

  readonly #db: Knex;
  readonly #logger?: LoggerService;
  /** Snapshots found unreadable, by id: skipped without reading them again. */
  readonly #rejected = new Set<number>();

  /**
   * The history rows this instance last wrote or confirmed, of one day: what
   * each says, by entity and scorecard, and the `evaluated_at` they carry.
   * Set only once the transaction has committed.
   */
  #lastHistory?: {
    day: string;
    evaluatedAt: string;
    values: Map<string, string>;
  };

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
   * that cannot (see {@link TeamInsightsStore.loadSnapshot}); undefined when
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

  /** Records one refresh attempt and trims the log. */
  async recordRefresh(record: RefreshRecord): Promise<void> {
    await this.#db(REFRESHES).insert({
      started_at: record.startedAt,
      finished_at: record.finishedAt,
      status: record.status,
      trigger: record.trigger,
      evaluated_at: record.evaluatedAt ?? null,
      entity_count: record.entityCount ?? null,
      error: record.error ? record.error.slice(0, 2000) : null,
    });
    const cutoff = await this.#db(REFRESHES)
      .select('id')
      .orderBy('id', 'desc')
      .offset(REFRESHES_KEPT)
      .limit(1)
      .first();
    if (cutoff) {
      await this.#db(REFRESHES).where('id', '<=', cutoff.id).delete();
    }
  }

  /** The newest snapshot and refresh attempt: two indexed one-row reads. */
  async getState(): Promise<StoreState> {
    const [snapshot, refresh] = await Promise.all([
      this.#db(SNAPSHOTS)
        .select('id', 'evaluated_at')
        .orderBy('id', 'desc')
        .first(),
      this.#db(REFRESHES).select('*').orderBy('id', 'desc').first(),
    ]);
    return {
      latestSnapshot: snapshot
        ? { id: Number(snapshot.id), evaluatedAt: snapshot.evaluated_at }
        : undefined,
      latestRefresh: refresh
        ? {
            startedAt: refresh.started_at,
            finishedAt: refresh.finished_at,
            status: refresh.status,
            trigger: refresh.trigger,
            evaluatedAt: refresh.evaluated_at ?? undefined,
            entityCount:
              refresh.entity_count === null
                ? undefined
                : Number(refresh.entity_count),
            error: refresh.error ?? undefined,
          }
        : undefined,
    };
  }

  /**
   * Writes the day's history rows of a report in one transaction, in chunks;
   * returns how many rows it wrote. A second refresh on the same day updates
   * the rows, never appends.
   *
   * @remarks
   *
   * Every row of the report carries the report's `evaluatedAt` afterwards:
   * `evaluated_at` of a history row is the latest evaluation that found its
   * value. To get there cheaply, a later refresh of the same day moves
   * `evaluated_at` of the rows this instance last wrote in one `UPDATE`, and
   * writes only the rows whose subject, score, level or failing checks
   * changed. It writes all rows instead when that `UPDATE` does not find
   * exactly the rows it last wrote (another replica wrote the day since, or
   * rows were deleted), on a new day, on a new instance, and when an entity
   * it wrote that day has left the report (its row keeps the evaluation that
   * last found it).
   */
  async writeHistory(
    report: Report,
    options: {
      signal?: AbortSignal;
      chunkSize?: number;
      /** {@link historyRowsOf} the report, when already built elsewhere. */
      rows?: HistoryRow[];
    } = {},
  ): Promise<number> {
    const rows = options.rows ?? historyRowsOf(report);
    const day = utcDay(new Date(report.evaluatedAt));
    const values = new Map<string, string>();
    for (const row of rows) {
      values.set(historyKey(row), historyValue(row));
    }
    const last = this.#lastHistory?.day === day ? this.#lastHistory : undefined;
    const changed =
      last && [...last.values.keys()].every(key => values.has(key))
        ? rows.filter(
            row => last.values.get(historyKey(row)) !== historyValue(row),
          )
        : undefined;

    // knex inserts several rows into SQLite as one compound SELECT, which
    // SQLite limits to 500 terms; PostgreSQL takes 1000 rows (8000 bind
    // parameters, well below its 65535) per statement.
    const chunkSize =
      options.chunkSize ?? (isSqlite(this.#db) ? SQLITE_MAX_ROWS : 1000);
    let written = 0;
    await this.#db.transaction(async tx => {
      let toWrite = rows;
      if (last && changed) {
        options.signal?.throwIfAborted();
        // Rows still carrying our last evaluatedAt still say what we wrote:
        // anyone else writing one gives it their own evaluatedAt. The
        // UPDATE locks them until the commit.
        const confirmed = await tx(HISTORY)
          .where({ day, evaluated_at: last.evaluatedAt })
          .update({ evaluated_at: report.evaluatedAt });
        if (confirmed === last.values.size) {
          toWrite = changed;
        }
      }
      for (let i = 0; i < toWrite.length; i += chunkSize) {
        options.signal?.throwIfAborted();
        await tx(HISTORY)
          .insert(toWrite.slice(i, i + chunkSize))
          .onConflict(['entity_ref', 'scorecard', 'day'])
          .merge([
            'subject',
            'score',
            'level',
            'failing_checks',
            'evaluated_at',
          ]);
      }
      written = toWrite.length;
    });
    this.#lastHistory = { day, evaluatedAt: report.evaluatedAt, values };
    return written;
  }

  /** Deletes the history of days before `day`; returns the rows deleted. */
  /**
   * What earlier evaluations saw, for the timing rules: an empty timeline
   * before the first evaluation.
   */
  async readTimeline(): Promise<TeamInsightsTimeline> {
    const rows: TimelineRow[] = await this.#db(TIMELINE).select(
      'kind',
      'key',
      'first_seen',
      'detail',
    );
    const timeline: TeamInsightsTimeline = {
      concerns: {},
      centralizedTeams: {},
      products: {},
    };
    const put = <T>(record: Record<string, T>, key: string, value: T) =>
      Object.defineProperty(record, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    for (const row of rows) {
      if (row.kind === 'concern') {
        put(timeline.concerns, row.key, { candidateSince: row.first_seen });
      } else if (row.kind === 'product') {
        put(timeline.products, row.key, { firstAdopterAt: row.first_seen });
      } else if (row.kind === 'centralized-team') {
        const detail = parseDetail(row.detail);
        put(timeline.centralizedTeams, row.key, {
          since: row.first_seen,
          featureTeams:
            typeof detail.featureTeams === 'number' ? detail.featureTeams : 0,
          hadAdopters: detail.hadAdopters === true,
        });
      }
    }
    return timeline;
  }

  /**
   * Stores the timeline after an evaluation: new entries are inserted, the
   * first-seen time of existing ones is never overwritten (another replica
   * may have written it first), and entries no longer in the timeline are
   * deleted so that a re-appearance starts afresh.
   */
  async writeTimeline(timeline: TeamInsightsTimeline): Promise<void> {
    const rows = timelineRows(timeline);
    const wanted = new Set(rows.map(r => `${r.kind}\u0000${r.key}`));
    await this.#db.transaction(async tx => {
      const existing: Array<Pick<TimelineRow, 'kind' | 'key'>> = await tx(
        TIMELINE,
      ).select('kind', 'key');
      const gone = existing.filter(r => !wanted.has(`${r.kind}\u0000${r.key}`));
      const have = new Set(existing.map(r => `${r.kind}\u0000${r.key}`));
      for (const kind of ['concern', 'centralized-team', 'product']) {
        const keys = gone.filter(r => r.kind === kind).map(r => r.key);
        for (let i = 0; i < keys.length; i += TIMELINE_CHUNK) {
          await tx(TIMELINE)
            .where('kind', kind)
            .whereIn('key', keys.slice(i, i + TIMELINE_CHUNK))
            .delete();
        }
      }
      const fresh = rows.filter(r => !have.has(`${r.kind}\u0000${r.key}`));
      for (let i = 0; i < fresh.length; i += TIMELINE_CHUNK) {
        await tx(TIMELINE)
          .insert(fresh.slice(i, i + TIMELINE_CHUNK))
          .onConflict(['kind', 'key'])
          .ignore();
      }
    });
  }

  async deleteHistoryBefore(day: string): Promise<number> {
    return await this.#db(HISTORY).where('day', '<', day).delete();
  }

  /**
   * Keeps the last `retentionDays` days of history (today, UTC, included)
   * and deletes the rest; returns the rows deleted.
   */
  async applyRetention(retentionDays: number, now: Date): Promise<number> {
    return this.deleteHistoryBefore(dayBefore(now, retentionDays - 1));
  }

  /** The history of one entity since `sinceDay`, by day then scorecard. */
  async readHistory(
    entityRef: string,
    options: { sinceDay: string; scorecard?: ScorecardId },
  ): Promise<HistoryPoint[]> {
    const query = this.#db<HistoryRow>(HISTORY)
      .where('entity_ref', entityRef)
      .andWhere('day', '>=', options.sinceDay)
      .orderBy([
        { column: 'day', order: 'asc' },
        { column: 'scorecard', order: 'asc' },
      ]);
    if (options.scorecard) {
      query.andWhere('scorecard', options.scorecard);
    }
    const rows = await query.select();
    return rows.map(row => ({
      day: row.day,
      scorecard: row.scorecard,
      score: row.score === null ? null : Number(row.score),
      level: row.level,
      failingChecks: JSON.parse(row.failing_checks),
    }));
  }

  /**
   * The history of several teams on one scorecard since `sinceDay`, for
   * the burn-up of an initiative; `refs` are asked in chunks. `subjects`
   * (teams only by default) also admits org units, for who moved most.
   */
  async readHistoryOf(
    refs: string[],
    options: {
      sinceDay: string;
      scorecard?: ScorecardId;
      chunkSize?: number;
      subjects?: HistorySubject[];
    },
  ): Promise<
    Array<HistoryPoint & { entityRef: string; scorecard: ScorecardId }>
  > {
    const chunkSize = options.chunkSize ?? 500;
    const points: Array<
      HistoryPoint & { entityRef: string; scorecard: ScorecardId }
    > = [];
    for (let i = 0; i < refs.length; i += chunkSize) {
      const query = this.#db<HistoryRow>(HISTORY)
        .whereIn('entity_ref', refs.slice(i, i + chunkSize))
        .whereIn('subject', options.subjects ?? ['team'])
        .andWhere('day', '>=', options.sinceDay);
      if (options.scorecard) {
        query.andWhere('scorecard', options.scorecard);
      }
      for (const row of await query.select()) {
        points.push({
          entityRef: row.entity_ref,
          day: row.day,
          scorecard: row.scorecard,
          score: row.score === null ? null : Number(row.score),
          level: row.level,
          failingChecks: JSON.parse(row.failing_checks),
        });
      }
    }
    return points;
  }

  /**
   * The organisation's mean score per scorecard and day since `sinceDay`:
   * composition and adoption over teams, documentation over documented
   * entities. With `onlyRefs` (the entities a caller may see) only their
   * rows count, read in chunks of `chunkSize` refs: the cost follows what is
   * visible, never what is hidden.
   */
  async readTrends(options: {
    sinceDay: string;
    scorecard?: ScorecardId;
    onlyRefs?: Iterable<string>;
    chunkSize?: number;
  }): Promise<TrendPoint[]> {
    type AggregateRow = {
      day: string;
      scorecard: ScorecardId;
      total: string | number | null;
      scored: string | number | null;
    };
    const aggregate = async (refs?: string[]): Promise<AggregateRow[]> => {
      const query = this.#db(HISTORY)
        .select('day', 'scorecard')
        .sum({ total: 'score' })
        .count({ scored: 'score' })
        .where('day', '>=', options.sinceDay)
        .andWhere(inner =>
          inner
            .where(q =>
              q
                .where('subject', 'team')
                .whereIn('scorecard', ['composition', 'adoption']),
            )
            .orWhere(q =>
              q.where('subject', 'entity').where('scorecard', 'documentation'),
            ),
        )
        .groupBy('day', 'scorecard');
      if (options.scorecard) {
        query.andWhere('scorecard', options.scorecard);
      }
      if (refs) {
        query.whereIn('entity_ref', refs);
      }
      return (await query) as unknown as AggregateRow[];
    };

    const sums = new Map<
      string,
      { day: string; scorecard: ScorecardId; total: number; count: number }
    >();
    const add = (rows: AggregateRow[]) => {
      for (const row of rows) {
        const key = `${row.day}|${row.scorecard}`;
        const sum = sums.get(key) ?? {
          day: row.day,
          scorecard: row.scorecard,
          total: 0,
          count: 0,
        };
        sum.total += Number(row.total ?? 0);
        sum.count += Number(row.scored ?? 0);
        sums.set(key, sum);
      }
    };
    if (options.onlyRefs === undefined) {
      add(await aggregate());
    } else {
      // The chunks are disjoint, so their sums add up.
      const refs = [...new Set(options.onlyRefs)];
      const chunkSize = options.chunkSize ?? 5000;
      for (let i = 0; i < refs.length; i += chunkSize) {
        add(await aggregate(refs.slice(i, i + chunkSize)));
      }
    }

    return [...sums.values()]
      .map(sum => ({
        day: sum.day,
        scorecard: sum.scorecard,
        score:
          sum.count > 0 ? Math.round((10 * sum.total) / sum.count) / 10 : null,
        count: sum.count,
      }))
      .sort((a, b) =>
        a.day === b.day
          ? compare(a.scorecard, b.scorecard)
          : compare(a.day, b.day),
      );
  }
}

function compare(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
