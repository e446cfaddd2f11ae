import type { TeamInsightsTimeline } from '@team-insights/plugin-team-insights-common';
import type { Knex } from 'knex';
import { TIMELINE } from './tables';

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
 * What earlier evaluations saw, for the engine's timing rules
 * (`team_insights_timeline`): when a concern, a centralized team or a
 * product was first seen.
 */
export class TimelineStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

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
}
