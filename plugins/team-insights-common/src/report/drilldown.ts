import type { ReportMeta } from '../api';
import type { BuiltInCheckInfo } from '../catalogue';
import type {
  CheckResult,
  CheckStatus,
  ScorecardId,
  TeamReport,
} from '../types';
import { SCORECARD_IDS } from '../types';

/**
 * What a drill-down asks of a check: its status, with a waived check (one an
 * active waiver makes count as a pass) apart from the checks that pass.
 * @public
 */
export type DrillDownStatus = CheckStatus | 'waived';

/** Every {@link DrillDownStatus}, worst first. @public */
export const DRILL_DOWN_STATUSES: readonly DrillDownStatus[] = [
  'fail',
  'warn',
  'waived',
  'pass',
  'not-applicable',
];

/**
 * A check's status for a drill-down: `waived` when an active waiver covers
 * it, else its own status.
 * @public
 */
export function drillDownStatusOf(check: CheckResult): DrillDownStatus {
  return check.waived ? 'waived' : check.status;
}

/** One team's result of one check. @public */
export interface TeamCheckStatus {
  id: string;
  scorecard: ScorecardId;
  title: string;
  status: DrillDownStatus;
  message: string;
  /** What to change, when the check fails or warns. */
  remediation?: string;
  /**
   * For a documentation check, the team's owned entities that fail it; for
   * other checks the teams, products or people it names.
   */
  entities?: string[];
}

/**
 * The result of a check for a team, or undefined when the team's scorecards
 * do not carry it.
 * @public
 */
export function teamCheckStatus(
  team: TeamReport,
  checkId: string,
): TeamCheckStatus | undefined {
  for (const scorecard of SCORECARD_IDS) {
    const check = team.scorecards[scorecard]?.checks.find(
      c => c.id === checkId,
    );
    if (!check) continue;
    const result: TeamCheckStatus = {
      id: check.id,
      scorecard,
      title: check.title,
      status: drillDownStatusOf(check),
      message: check.message,
    };
    if (check.remediation) result.remediation = check.remediation;
    if (check.entities?.length) result.entities = [...check.entities];
    return result;
  }
  return undefined;
}

/** Which teams a drill-down lists. @public */
export interface DrillDownQuery {
  /** A check id (built-in or custom). */
  check: string;
  /** Only teams with the check in this status. */
  status?: DrillDownStatus;
  /** Only teams below this organisational unit (entity ref). */
  orgUnit?: string;
}

/** One team of a drill-down. @public */
export interface DrillDownRow {
  team: TeamReport;
  check: TeamCheckStatus;
}

/**
 * The teams that carry a check, with its result for each, in the order
 * given: with `status` only those in that status, with `orgUnit` only those
 * below that unit. A team whose scorecards do not carry the check (e.g. a
 * check for another team type) is left out.
 * @public
 */
export function drillDown(
  teams: readonly TeamReport[],
  query: DrillDownQuery,
): DrillDownRow[] {
  const orgUnit = query.orgUnit?.toLowerCase();
  const rows: DrillDownRow[] = [];
  for (const team of teams) {
    if (orgUnit && !team.orgUnits.some(u => u.toLowerCase() === orgUnit)) {
      continue;
    }
    const check = teamCheckStatus(team, query.check);
    if (!check) continue;
    if (query.status && check.status !== query.status) continue;
    rows.push({ team, check });
  }
  return rows;
}

/** How many teams have a check in each status. @public */
export interface CheckTally extends BuiltInCheckInfo {
  /** Teams per drill-down status (teams without the check not counted). */
  teams: Record<DrillDownStatus, number>;
}

/** `GET /checks`: {@link checkTallies} over the teams a caller may see. @public */
export interface ChecksResponse extends ReportMeta {
  /** The check catalogue in catalogue order, then checks it lacks by id. */
  checks: CheckTally[];
}

/**
 * The check catalogue with, for each check, how many of the teams have it
 * in each status: the Checks view of the portal. Checks the teams carry
 * that the catalogue lacks (custom checks, when only the built-in catalogue
 * is at hand) follow, by id, with the title and weight of their results.
 * @public
 */
export function checkTallies(
  teams: readonly TeamReport[],
  catalogue: readonly BuiltInCheckInfo[],
): CheckTally[] {
  const infos = new Map(catalogue.map(info => [info.id, info]));
  const extra: BuiltInCheckInfo[] = [];
  const counts = new Map<string, Record<DrillDownStatus, number>>();
  const tallyOf = (id: string) => {
    let tally = counts.get(id);
    if (!tally) {
      tally = {} as Record<DrillDownStatus, number>;
      for (const status of DRILL_DOWN_STATUSES) tally[status] = 0;
      counts.set(id, tally);
    }
    return tally;
  };
  for (const info of catalogue) tallyOf(info.id);
  for (const team of teams) {
    for (const scorecard of SCORECARD_IDS) {
      for (const check of team.scorecards[scorecard]?.checks ?? []) {
        if (!infos.has(check.id)) {
          const info: BuiltInCheckInfo = {
            id: check.id,
            scorecard,
            title: check.title,
            description: '',
            rationale: '',
            weight: check.weight,
          };
          infos.set(check.id, info);
          extra.push(info);
        }
        tallyOf(check.id)[drillDownStatusOf(check)] += 1;
      }
    }
  }
  extra.sort((a, b) => (a.id < b.id ? -1 : Number(a.id > b.id)));
  return [...catalogue, ...extra].map(info => ({
    ...info,
    teams: counts.get(info.id)!,
  }));
}
