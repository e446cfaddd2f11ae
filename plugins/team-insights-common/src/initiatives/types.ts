import type { Level, ScorecardId, TeamType } from '../types';

/**
 * The teams an initiative covers: the teams below an organisational unit
 * (optionally only some team types), or a list of teams.
 * @public
 */
export type InitiativeTeams =
  | { orgUnit: string; teamTypes?: TeamType[] }
  | { refs: string[] };

/**
 * What a covered team must reach: a level (or better) on a scorecard, or a
 * list of checks that pass (or are waived).
 * @public
 */
export type InitiativeTarget =
  | { scorecard: ScorecardId; level: Exclude<Level, 'none'> }
  | { checks: string[] };

/**
 * A goal with a deadline that a set of teams must reach
 * (`teamInsights.initiatives`).
 * @public
 */
export interface Initiative {
  id: string;
  title: string;
  description?: string;
  teams: InitiativeTeams;
  target: InitiativeTarget;
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** Last day, `YYYY-MM-DD`. */
  deadline: string;
}

/** Where an initiative stands in time. @public */
export type InitiativePhase = 'upcoming' | 'active' | 'ended';

/** One covered team against an initiative's target. @public */
export interface InitiativeTeamStatus {
  entityRef: string;
  title: string;
  teamType: TeamType;
  atTarget: boolean;
  /**
   * The team's level on the target scorecard (for a `checks` target, on the
   * scorecard of the first check); null when the scorecard has no level.
   */
  level: Level | null;
  /**
   * What holds the team back: the checks of the target that neither pass
   * nor are waived (for a scorecard target, its failing and warning checks),
   * heaviest first. Empty for a team at target.
   */
  failingChecks: string[];
}

/** One day of an initiative's burn-up. @public */
export interface InitiativeHistoryPoint {
  /** `YYYY-MM-DD`. */
  date: string;
  teamsAtTarget: number;
  teamsTotal: number;
}

/** An initiative in a list. @public */
export interface InitiativeSummary {
  id: string;
  title: string;
  description?: string;
  start: string;
  deadline: string;
  target: InitiativeTarget;
  phase: InitiativePhase;
  teamsTotal: number;
  teamsAtTarget: number;
}

/** An initiative with its teams, burn-up and projection. @public */
export interface InitiativeDetail extends InitiativeSummary {
  teams: InitiativeTeamStatus[];
  history: InitiativeHistoryPoint[];
  /**
   * The day every covered team is expected at target at the pace of the
   * last 28 days of history (the day it happened when all are); null when
   * nothing moves or there is no history.
   */
  projectedCompletion: string | null;
  /** Whether the projected completion is on or before the deadline. */
  onTrack: boolean | null;
}

/** `GET /v1/initiatives`. @public */
export interface InitiativesResponse {
  items: InitiativeSummary[];
}

/** `GET /v1/initiatives/{id}`. @public */
export type InitiativeResponse = InitiativeDetail;

/** An invalid initiative in the configuration, with its key path. @public */
export interface InitiativeProblem {
  path: string;
  message: string;
}
