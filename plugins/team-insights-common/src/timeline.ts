import type { ConcernReport, ProductReport, TeamType } from './types';
import { compareStrings } from './util';

/**
 * When a concern became a centralize-candidate.
 * @public
 */
export interface ConcernTimelineEntry {
  /** ISO 8601 time of the first evaluation that saw it as a candidate. */
  candidateSince: string;
}

/**
 * When a team was first seen as centralized, and the demand for its concern
 * at that moment.
 * @public
 */
export interface CentralizedTeamTimelineEntry {
  /** ISO 8601 time of the first evaluation that saw the team centralized. */
  since: string;
  /**
   * Feature teams that built on the team's concerns then: teams building a
   * concern of its products themselves, or adopting one of its products.
   */
  featureTeams: number;
  /** Whether any of its products had an adopter then. */
  hadAdopters: boolean;
}

/**
 * When a product got its first adopter.
 * @public
 */
export interface ProductTimelineEntry {
  /** ISO 8601 time of the first evaluation that saw an adopter. */
  firstAdopterAt: string;
}

/**
 * What earlier evaluations saw (SPEC §5.3, the timing rules): the input of
 * `evaluate()` that makes "extract when evident" and "not too early"
 * judgeable. Keys are concern names and entity refs.
 * @public
 */
export interface TeamInsightsTimeline {
  concerns: Record<string, ConcernTimelineEntry>;
  centralizedTeams: Record<string, CentralizedTeamTimelineEntry>;
  products: Record<string, ProductTimelineEntry>;
}

/** The facts of one evaluation that the timeline records. */
interface TimelineFacts {
  candidates: string[];
  centralized: Map<string, { featureTeams: number; hasAdopters: boolean }>;
  adopted: string[];
}

/**
 * The parts of a report (or of a report in progress) the timeline is
 * advanced from.
 * @public
 */
export interface TimelineInput {
  teams: ReadonlyArray<{ entityRef: string; teamType: TeamType }>;
  products: readonly ProductReport[];
  concerns: readonly ConcernReport[];
}

/** An empty timeline. @public */
export function emptyTimeline(): TeamInsightsTimeline {
  return { concerns: {}, centralizedTeams: {}, products: {} };
}

/**
 * Per centralized team: the feature teams building on its concerns now, and
 * whether any of its products has an adopter.
 */
export function centralizedDemand(
  input: TimelineInput,
): Map<string, { featureTeams: number; hasAdopters: boolean }> {
  return timelineFacts(input).centralized;
}

function timelineFacts(input: TimelineInput): TimelineFacts {
  const featureTeams = new Set(
    input.teams.filter(t => t.teamType === 'feature').map(t => t.entityRef),
  );
  const builtBy = new Map(input.concerns.map(c => [c.concern, c.builtBy]));
  const centralized = new Map<
    string,
    { featureTeams: number; hasAdopters: boolean }
  >();
  for (const team of input.teams) {
    if (team.teamType !== 'centralized') continue;
    const demand = new Set<string>();
    let hasAdopters = false;
    for (const product of input.products) {
      if (product.owner !== team.entityRef) continue;
      if (product.adopters.length) hasAdopters = true;
      for (const ref of [
        ...product.adopters,
        ...(product.concern ? builtBy.get(product.concern) ?? [] : []),
      ]) {
        if (featureTeams.has(ref)) demand.add(ref);
      }
    }
    centralized.set(team.entityRef, {
      featureTeams: demand.size,
      hasAdopters,
    });
  }
  return {
    candidates: input.concerns
      .filter(c => c.verdict === 'centralize-candidate')
      .map(c => c.concern),
    centralized,
    adopted: input.products
      .filter(p => p.adopters.length)
      .map(p => p.entityRef),
  };
}

function sortedRecord<T>(entries: Array<[string, T]>): Record<string, T> {
  return Object.fromEntries(entries.sort((a, b) => compareStrings(a[0], b[0])));
}

/** An own entry of a record (never one of Object.prototype). */
export function own<T>(record: Record<string, T> | undefined, key: string) {
  return record && Object.prototype.hasOwnProperty.call(record, key)
    ? record[key]
    : undefined;
}

/**
 * The timeline after an evaluation at `now`: first-seen times already known
 * are kept, new ones are `now`; a concern that is no longer a candidate, a
 * team no longer centralized and a product without adopters are dropped, so
 * that a later re-appearance starts afresh. Pure: the backend stores the
 * result and passes it to the next `evaluate()`.
 * @public
 */
export function advanceTimeline(
  previous: TeamInsightsTimeline | undefined,
  report: TimelineInput,
  now: Date,
): TeamInsightsTimeline {
  const at = now.toISOString();
  const facts = timelineFacts(report);
  return {
    concerns: sortedRecord(
      facts.candidates.map(concern => [
        concern,
        {
          candidateSince:
            own(previous?.concerns, concern)?.candidateSince ?? at,
        },
      ]),
    ),
    centralizedTeams: sortedRecord(
      Array.from(facts.centralized.entries()).map(([ref, now_]) => [
        ref,
        own(previous?.centralizedTeams, ref) ?? {
          since: at,
          featureTeams: now_.featureTeams,
          hadAdopters: now_.hasAdopters,
        },
      ]),
    ),
    products: sortedRecord(
      facts.adopted.map(ref => [
        ref,
        own(previous?.products, ref) ?? { firstAdopterAt: at },
      ]),
    ),
  };
}

const DAY = 86_400_000;

/** Whole days from an ISO time to `now` (0 when unparsable or later). */
export function daysSince(iso: string, now: Date): number {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return 0;
  return Math.max(0, Math.floor((now.getTime() - time) / DAY));
}

/** Whether more than `days` days have passed from an ISO time to `now`. */
export function longerThan(iso: string, days: number, now: Date): boolean {
  const time = Date.parse(iso);
  return Number.isFinite(time) && now.getTime() - time > days * DAY;
}
