import { compareStrings } from '../util';
import type { HistoryPoint, MyTeam, MyTeamRelation, TeamSummary } from '../api';
import { SCORECARD_IDS } from '../types';

/** How many days back `GET /my-teams` counts the changes from. @public */
export const MY_TEAMS_DELTA_DAYS = 7;

/** How many of the caller's teams `GET /my-teams` answers with by default. @public */
export const MY_TEAMS_DEFAULT_LIMIT = 20;

/**
 * The refs that make a team the caller's: the team is one of them (the
 * caller belongs to it, or owns it as their own group), or it sits under one
 * of them (an organisational unit the caller belongs to). Keyed by team ref
 * (lower case); the team's own ref wins over an organisational unit.
 * @public
 */
export function selectMyTeams(
  teams: readonly TeamSummary[],
  ownershipRefs: readonly string[],
): Map<string, { team: TeamSummary; relation: MyTeamRelation; via: string }> {
  const owned = new Set(ownershipRefs.map(ref => ref.toLowerCase()));
  const selected = new Map<
    string,
    { team: TeamSummary; relation: MyTeamRelation; via: string }
  >();
  for (const team of teams) {
    const ref = team.entityRef.toLowerCase();
    if (owned.has(ref)) {
      selected.set(ref, { team, relation: 'member', via: team.entityRef });
      continue;
    }
    const unit = team.orgUnits.find(u => owned.has(u.toLowerCase()));
    if (unit) {
      selected.set(ref, { team, relation: 'org-unit', via: unit });
    }
  }
  return selected;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * The caller's teams (see {@link selectMyTeams}) with their levels and
 * scores now and how each changed since `sinceDay`: the baseline of a
 * scorecard is its stored history point on `sinceDay`, or the earliest one
 * after it when that day was not recorded. Points of today (`today`) never
 * count as a baseline, so a team first recorded today shows no change. The
 * caller's own teams come first, then the others, each by title; at most
 * `limit`.
 * @public
 */
export function myTeams(options: {
  teams: readonly TeamSummary[];
  ownershipRefs: readonly string[];
  history: ReadonlyArray<HistoryPoint & { entityRef: string }>;
  sinceDay: string;
  today: string;
  limit?: number;
}): { items: MyTeam[]; totalCount: number } {
  const selected = selectMyTeams(options.teams, options.ownershipRefs);
  const baseline = new Map<string, HistoryPoint>();
  for (const point of options.history) {
    if (point.day < options.sinceDay || point.day >= options.today) continue;
    const key = `${point.entityRef.toLowerCase()}\u0000${point.scorecard}`;
    const kept = baseline.get(key);
    if (!kept || point.day < kept.day) baseline.set(key, point);
  }
  const rank = (relation: MyTeamRelation) => (relation === 'member' ? 0 : 1);
  const items = [...selected.values()]
    .sort(
      (a, b) =>
        rank(a.relation) - rank(b.relation) ||
        compareStrings(a.team.title.toLowerCase(), b.team.title.toLowerCase()),
    )
    .map(({ team, relation, via }): MyTeam => {
      const scores = {} as MyTeam['scores'];
      for (const id of SCORECARD_IDS) {
        const now = team.scores[id] ?? { score: null, level: null };
        const then = baseline.get(`${team.entityRef.toLowerCase()}\u0000${id}`);
        const previousScore = then?.score ?? null;
        scores[id] = {
          score: now.score,
          level: now.level,
          previousScore,
          previousLevel: then?.level ?? null,
          delta:
            now.score === null || previousScore === null
              ? null
              : round1(now.score - previousScore),
        };
      }
      return {
        entityRef: team.entityRef,
        title: team.title,
        teamType: team.teamType,
        relation,
        via,
        scores,
      };
    });
  const limit = options.limit ?? MY_TEAMS_DEFAULT_LIMIT;
  return { items: items.slice(0, limit), totalCount: items.length };
}
