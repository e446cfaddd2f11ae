import type {
  CheckStatus,
  ConcernVerdict,
  Level,
  Report,
  ScorecardId,
  TeamReport,
} from '../types';
import { SCORECARD_IDS } from '../types';
import { compareStrings } from '../util';

/**
 * A score and level, before or after a plan.
 * @public
 */
export interface PlanScore {
  score: number | null;
  level: Level | null;
}

/**
 * One team before and after a plan; `before` is absent for a team the plan
 * creates, `after` for one it removes.
 * @public
 */
export interface PlanTeamChange {
  entityRef: string;
  title: string;
  before?: {
    size: number;
    communicationPaths: number;
    scores: Record<ScorecardId, PlanScore>;
  };
  after?: {
    size: number;
    communicationPaths: number;
    scores: Record<ScorecardId, PlanScore>;
  };
  /** Checks whose status changed (absent means the check did not apply). */
  checks: Array<{
    scorecard: ScorecardId;
    id: string;
    title: string;
    before?: CheckStatus;
    after?: CheckStatus;
  }>;
}

/**
 * What a plan changes in the scorecards: only what differs is listed.
 * @public
 */
export interface PlanComparison {
  teams: PlanTeamChange[];
  orgUnits: Array<{
    entityRef: string;
    title: string;
    before?: Record<ScorecardId, PlanScore>;
    after?: Record<ScorecardId, PlanScore>;
  }>;
  concerns: Array<{
    concern: string;
    before?: ConcernVerdict;
    after?: ConcernVerdict;
  }>;
}

function teamSide(team: TeamReport) {
  const scores = {} as Record<ScorecardId, PlanScore>;
  for (const id of SCORECARD_IDS) {
    scores[id] = {
      score: team.scorecards[id].score,
      level: team.scorecards[id].level,
    };
  }
  return {
    size: team.size,
    communicationPaths: team.communicationPaths,
    scores,
  };
}

function checkStatuses(team: TeamReport | undefined) {
  const result = new Map<
    string,
    { scorecard: ScorecardId; title: string; status: CheckStatus }
  >();
  for (const id of SCORECARD_IDS) {
    for (const check of team?.scorecards[id].checks ?? []) {
      result.set(`${id}\u0000${check.id}`, {
        scorecard: id,
        title: check.title,
        status: check.waived ? 'pass' : check.status,
      });
    }
  }
  return result;
}

function same(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function byRef<T extends { entityRef: string }>(items: T[]) {
  return new Map(items.map(item => [item.entityRef, item]));
}

/**
 * Compares the report of a catalog with the report of the same catalog after
 * a plan: the teams, org units and concerns whose scorecards, sizes or
 * verdicts differ, in ref order.
 * @public
 */
export function comparePlan(before: Report, after: Report): PlanComparison {
  const teamsBefore = byRef(before.teams);
  const teamsAfter = byRef(after.teams);
  const teamRefs = [
    ...new Set([...teamsBefore.keys(), ...teamsAfter.keys()]),
  ].sort(compareStrings);
  const teams: PlanTeamChange[] = [];
  for (const ref of teamRefs) {
    const a = teamsBefore.get(ref);
    const b = teamsAfter.get(ref);
    const statusesA = checkStatuses(a);
    const statusesB = checkStatuses(b);
    const checks: PlanTeamChange['checks'] = [];
    for (const k of new Set([...statusesA.keys(), ...statusesB.keys()])) {
      const x = statusesA.get(k);
      const y = statusesB.get(k);
      if (x?.status === y?.status) continue;
      checks.push({
        scorecard: (x ?? y)!.scorecard,
        id: k.slice(k.indexOf('\u0000') + 1),
        title: (y ?? x)!.title,
        ...(x ? { before: x.status } : {}),
        ...(y ? { after: y.status } : {}),
      });
    }
    const sideA = a ? teamSide(a) : undefined;
    const sideB = b ? teamSide(b) : undefined;
    if (!checks.length && same(sideA, sideB)) continue;
    teams.push({
      entityRef: ref,
      title: (b ?? a)!.title,
      ...(sideA ? { before: sideA } : {}),
      ...(sideB ? { after: sideB } : {}),
      checks,
    });
  }

  const unitsBefore = byRef(before.orgUnits);
  const unitsAfter = byRef(after.orgUnits);
  const orgUnits: PlanComparison['orgUnits'] = [];
  for (const ref of [
    ...new Set([...unitsBefore.keys(), ...unitsAfter.keys()]),
  ].sort(compareStrings)) {
    const side = (unit = unitsBefore.get(ref)) => {
      if (!unit) return undefined;
      const scores = {} as Record<ScorecardId, PlanScore>;
      for (const id of SCORECARD_IDS) {
        const { score, level } = unit.scorecards[id];
        scores[id] = { score, level };
      }
      return scores;
    };
    const x = side(unitsBefore.get(ref));
    const y = side(unitsAfter.get(ref));
    if (same(x, y)) continue;
    orgUnits.push({
      entityRef: ref,
      title: (unitsAfter.get(ref) ?? unitsBefore.get(ref))!.title,
      ...(x ? { before: x } : {}),
      ...(y ? { after: y } : {}),
    });
  }

  const concernsBefore = new Map(
    before.concerns.map(c => [c.concern, c.verdict]),
  );
  const concernsAfter = new Map(
    after.concerns.map(c => [c.concern, c.verdict]),
  );
  const concerns: PlanComparison['concerns'] = [];
  for (const concern of [
    ...new Set([...concernsBefore.keys(), ...concernsAfter.keys()]),
  ].sort(compareStrings)) {
    const x = concernsBefore.get(concern);
    const y = concernsAfter.get(concern);
    if (x === y) continue;
    concerns.push({
      concern,
      ...(x ? { before: x } : {}),
      ...(y ? { after: y } : {}),
    });
  }
  return { teams, orgUnits, concerns };
}
