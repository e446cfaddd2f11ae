import type {
  AdoptionResponse,
  CheckTally,
  Report,
  ReportMeta,
  SkillsResponse,
  TeamsQuery,
} from '@team-insights/plugin-team-insights-common';
import { createHash } from 'node:crypto';

/** Serialised pages of `GET /teams` kept per report, at most. */
const TEAM_PAGES_KEPT = 200;

/** `GET /report` serialised for callers who may see everything. */
export interface ReportBody {
  body: Buffer;
  /** A strong ETag of the body, for a body kept between requests. */
  etag?: string;
}

/** Aggregates for callers who see everything, per report. */
interface Aggregates {
  skills?: Omit<SkillsResponse, keyof ReportMeta>;
  adoption?: Omit<AdoptionResponse, keyof ReportMeta>;
  checks?: CheckTally[];
}

/**
 * Answers that are the same for every caller who may see everything, kept
 * per report: they go with the report they were computed from, so a new
 * report starts afresh and an old one's answers are garbage collected.
 */
export class ResponseCache {
  readonly #teamPages = new WeakMap<Report, Map<string, string>>();
  readonly #aggregates = new WeakMap<Report, Aggregates>();
  /** The one serialised report kept: that of the report served last. */
  #reportBody?: { report: Report; stale: boolean; value: ReportBody };

  /**
   * The whole report serialised with its staleness, with an ETag; one kept
   * at a time, that of the current report.
   */
  reportBody(report: Report, stale: boolean): ReportBody {
    const kept = this.#reportBody;
    if (kept && kept.report === report && kept.stale === stale) {
      return kept.value;
    }
    const value = keptBody(JSON.stringify({ ...report, stale }));
    this.#reportBody = { report, stale, value };
    return value;
  }

  /** A page of `GET /teams`, serialised once per report, query and staleness. */
  teamsPage(
    report: Report,
    stale: boolean,
    query: TeamsQuery,
    compute: () => unknown,
  ): string {
    let pages = this.#teamPages.get(report);
    if (!pages) {
      pages = new Map();
      this.#teamPages.set(report, pages);
    }
    const key = JSON.stringify([
      stale,
      Object.keys(query)
        .sort()
        .map(k => [k, query[k as keyof TeamsQuery]]),
    ]);
    let body = pages.get(key);
    if (body === undefined) {
      body = JSON.stringify(compute());
      if (pages.size >= TEAM_PAGES_KEPT) pages.clear();
      pages.set(key, body);
    }
    return body;
  }

  /** An aggregate of the report, computed once. */
  aggregate<K extends keyof Aggregates>(
    report: Report,
    name: K,
    compute: () => NonNullable<Aggregates[K]>,
  ): NonNullable<Aggregates[K]> {
    let kept = this.#aggregates.get(report);
    if (!kept) {
      kept = {};
      this.#aggregates.set(report, kept);
    }
    const value = kept[name] ?? compute();
    kept[name] = value;
    return value;
  }
}

function keptBody(json: string): ReportBody {
  const body = Buffer.from(json);
  const etag = `"${createHash('sha1')
    .update(body)
    .digest('base64url')
    .slice(0, 27)}"`;
  return { body, etag };
}
