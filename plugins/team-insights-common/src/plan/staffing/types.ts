import type { TeamInsightsConfig } from '../../config';
import type { Level } from '../../types';
import { PlanChange } from '../types';

/**
 * A gap in a team's composition: a required cluster nobody holds, or one
 * fewer people hold than `thresholds.redundancyMinPeople`.
 * @public
 */
export interface StaffingGap {
  team: string;
  cluster: string;
  gap: 'missing' | 'single-point-of-failure';
}

/**
 * One hire or move, with the gaps it closes and the plan change that makes
 * it (a head count for a hire, a move for a person).
 * @public
 */
export interface StaffingSuggestion {
  kind: 'hire' | 'move';
  /** The cluster the person brings that closes the gaps. */
  cluster: string;
  /** The team the person joins. */
  team: string;
  /** For a move: the person and the team they leave. */
  user?: string;
  from?: string;
  closes: StaffingGap[];
  /** The composition level of the teams involved, before and after. */
  levels: Array<{ team: string; before: Level | null; after: Level | null }>;
  change: PlanChange;
  /** One sentence for people. */
  text: string;
}

/**
 * Staffing suggestions for a set of teams.
 * @public
 */
export interface StaffingPlan {
  /** The teams considered. */
  teams: string[];
  gapsBefore: number;
  suggestions: StaffingSuggestion[];
  /** Gaps no suggestion closes (e.g. the team is at its size limit). */
  remaining: StaffingGap[];
  /** Hires grouped by cluster, for a headline. */
  summary: string[];
}

/**
 * Options of {@link suggestStaffing}.
 * @public
 */
export interface StaffingOptions {
  config?: TeamInsightsConfig;
  now?: Date;
  /** Team refs to staff; default every team. An org unit's teams, say. */
  teams?: string[];
  /** Most suggestions. Default 20. */
  limit?: number;
}
