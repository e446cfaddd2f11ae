import { addDays, daysBetween } from '../days';
import { LEVELS, SCORECARD_IDS } from '../types';
import type {
  CheckResult,
  Level,
  Report,
  ScorecardId,
  TeamReport,
} from '../types';
import type {
  Initiative,
  InitiativeHistoryPoint,
  InitiativePhase,
  InitiativeTeamStatus,
} from './types';

/**
 * Days of history the projected completion's pace is measured over.
 * @public
 */
export const INITIATIVE_PACE_DAYS = 28;

function rank(level: Level | null): number {
  return level === null ? LEVELS.length : LEVELS.indexOf(level);
}

/** The scorecard an initiative's target is measured on. @public */
export function initiativeScorecard(initiative: Initiative): ScorecardId {
  const target = initiative.target;
  if ('scorecard' in target) return target.scorecard;
  const prefix = target.checks[0].split('.')[0] as ScorecardId;
  return SCORECARD_IDS.includes(prefix) ? prefix : 'composition';
}

/** Whether a level is the target level or better. @public */
export function meetsLevel(level: Level | null, target: Level): boolean {
  return level !== null && rank(level) <= rank(target);
}

/**
 * Whether a team is covered by an initiative: listed by ref, or below its
 * organisational unit with one of its team types (a team without a valid
 * type counts as a feature team, as the report says).
 * @public
 */
export function coversTeam(initiative: Initiative, team: TeamReport): boolean {
  const teams = initiative.teams;
  const ref = team.entityRef.toLowerCase();
  if ('refs' in teams) return teams.refs.includes(ref);
  const below =
    ref === teams.orgUnit ||
    team.orgUnits.some(unit => unit.toLowerCase() === teams.orgUnit) ||
    team.parent?.toLowerCase() === teams.orgUnit;
  return below && (!teams.teamTypes || teams.teamTypes.includes(team.teamType));
}

/** The teams of a report an initiative covers, in the report's order. @public */
export function coveredTeams(
  initiative: Initiative,
  report: Pick<Report, 'teams'>,
): TeamReport[] {
  return report.teams.filter(team => coversTeam(initiative, team));
}

function holdsBack(check: CheckResult): boolean {
  return !check.waived && (check.status === 'fail' || check.status === 'warn');
}

/** Failing before warning checks, then heaviest first. */
function byWeight(a: CheckResult, b: CheckResult) {
  const severity = (c: CheckResult) => (c.status === 'fail' ? 0 : 1);
  return (
    severity(a) - severity(b) || b.weight - a.weight || (a.id < b.id ? -1 : 1)
  );
}

/**
 * One team against an initiative's target. For a scorecard target the team
 * is at target when its level is the target level or better. For a checks
 * target it is when each listed check passes, is waived or does not apply
 * to the team (a check that judges nothing holds nobody back); a listed
 * check the team was not evaluated on counts as not met.
 * @public
 */
export function teamStatus(
  initiative: Initiative,
  team: TeamReport,
): InitiativeTeamStatus {
  const scorecard = initiativeScorecard(initiative);
  const level = team.scorecards[scorecard]?.level ?? null;
  const target = initiative.target;
  let atTarget: boolean;
  let failingChecks: string[];
  if ('scorecard' in target) {
    atTarget = meetsLevel(level, target.level);
    failingChecks = atTarget
      ? []
      : (team.scorecards[scorecard]?.checks ?? [])
          .filter(holdsBack)
          .sort(byWeight)
          .map(check => check.id);
  } else {
    const all = new Map<string, CheckResult>();
    for (const card of Object.values(team.scorecards)) {
      for (const check of card.checks) all.set(check.id, check);
    }
    failingChecks = target.checks.filter(id => {
      const check = all.get(id);
      if (!check) return true;
      return (
        !check.waived &&
        check.status !== 'pass' &&
        check.status !== 'not-applicable'
      );
    });
    atTarget = failingChecks.length === 0;
  }
  return {
    entityRef: team.entityRef,
    title: team.title,
    teamType: team.teamType,
    atTarget,
    level,
    failingChecks,
  };
}

/** Where an initiative stands on a day (`YYYY-MM-DD`). @public */
export function initiativePhase(
  initiative: Initiative,
  today: string,
): InitiativePhase {
  if (today < initiative.start) return 'upcoming';
  return today > initiative.deadline ? 'ended' : 'active';
}

/**
 * The covered teams of a report against an initiative's target, sorted
 * with the teams not at target first, then by title.
 * @public
 */
export function evaluateInitiative(
  initiative: Initiative,
  report: Pick<Report, 'teams'>,
): {
  teams: InitiativeTeamStatus[];
  teamsTotal: number;
  teamsAtTarget: number;
} {
  const teams = coveredTeams(initiative, report)
    .map(team => teamStatus(initiative, team))
    .sort(
      (a, b) =>
        Number(a.atTarget) - Number(b.atTarget) ||
        a.title.localeCompare(b.title) ||
        (a.entityRef < b.entityRef ? -1 : 1),
    );
  return {
    teams,
    teamsTotal: teams.length,
    teamsAtTarget: teams.filter(team => team.atTarget).length,
  };
}

/** What the stored history says about one team on one day and scorecard. @public */
export interface InitiativeHistoryRow {
  entityRef: string;
  day: string;
  scorecard: ScorecardId;
  level: Level | null;
  /** The scorecard's failing checks that day (waived ones left out). */
  failingChecks: string[];
}

/**
 * The burn-up of an initiative: for each day of the stored history, how many
 * of `teamRefs` (the covered teams) had a row that day and how many of them
 * were at target. History keeps levels and failing checks only, so for a
 * checks target a team counts as at target on a day when none of the
 * listed checks failed (a warning is not remembered).
 * @public
 */
export function initiativeBurnUp(
  initiative: Initiative,
  teamRefs: Iterable<string>,
  rows: Iterable<InitiativeHistoryRow>,
): InitiativeHistoryPoint[] {
  const covered = new Set([...teamRefs].map(ref => ref.toLowerCase()));
  const target = initiative.target;
  const days = new Map<string, Map<string, boolean>>();
  const note = (day: string, ref: string, atTarget: boolean) => {
    let teams = days.get(day);
    if (!teams) {
      teams = new Map();
      days.set(day, teams);
    }
    teams.set(ref, (teams.get(ref) ?? true) && atTarget);
  };
  for (const row of rows) {
    const ref = row.entityRef.toLowerCase();
    if (!covered.has(ref)) continue;
    if ('scorecard' in target) {
      if (row.scorecard !== target.scorecard) continue;
      note(row.day, ref, meetsLevel(row.level, target.level));
    } else {
      note(
        row.day,
        ref,
        !row.failingChecks.some(id => target.checks.includes(id)),
      );
    }
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, teams]) => ({
      date,
      teamsTotal: teams.size,
      teamsAtTarget: [...teams.values()].filter(Boolean).length,
    }));
}

/**
 * When every covered team will be at target at the current pace: the pace
 * is the teams gained per day over the last {@link INITIATIVE_PACE_DAYS}
 * days of the burn-up. Returns the first day all were at target when they
 * are; null without history or when the pace is not positive.
 * @public
 */
export function projectCompletion(
  history: InitiativeHistoryPoint[],
  deadline: string,
): { projectedCompletion: string | null; onTrack: boolean | null } {
  const last = history[history.length - 1];
  if (!last || last.teamsTotal === 0) {
    return { projectedCompletion: null, onTrack: null };
  }
  if (last.teamsAtTarget >= last.teamsTotal) {
    let first = history.length - 1;
    while (
      first > 0 &&
      history[first - 1].teamsTotal > 0 &&
      history[first - 1].teamsAtTarget >= history[first - 1].teamsTotal
    ) {
      first -= 1;
    }
    const done = history[first].date;
    return { projectedCompletion: done, onTrack: done <= deadline };
  }
  const since = addDays(last.date, -INITIATIVE_PACE_DAYS);
  const first = history.find(point => point.date >= since) ?? last;
  const days = daysBetween(first.date, last.date);
  const gained = last.teamsAtTarget - first.teamsAtTarget;
  if (days <= 0 || gained <= 0) {
    return {
      projectedCompletion: null,
      onTrack: last.date > deadline ? false : null,
    };
  }
  const remaining = last.teamsTotal - last.teamsAtTarget;
  const projected = addDays(last.date, Math.ceil((remaining * days) / gained));
  return { projectedCompletion: projected, onTrack: projected <= deadline };
}
