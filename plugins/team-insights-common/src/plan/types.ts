import type { TeamType } from '../types';

/**
 * One change of a plan: what a person would edit in the catalog's YAML to
 * reshape the organisation. Teams, users and products are short names
 * (`ivo`, `pricing`, `model-serving`) or full entity refs.
 * @public
 */
export type PlanChange =
  | { move: { user: string; from: string; to: string } }
  | { skills: { user: string; skills: string } }
  | { headcount: { team: string; skills: string } }
  | { teamType: { team: string; type: TeamType } }
  | {
      split: {
        team: string;
        into: Array<{ name: string; members: string[]; owns?: string[] }>;
      };
    }
  | { merge: { teams: string[]; into: string } }
  | {
      createTeam: {
        name: string;
        type: TeamType;
        parent?: string;
        members?: string[];
        owns?: string[];
      };
    }
  | { adopt: { team: string; product: string } }
  | { decline: { team: string; product: string; reason?: string } };

/**
 * The kinds of change, in the order the planner offers them.
 * @public
 */
export const PLAN_CHANGE_KINDS = [
  'move',
  'skills',
  'headcount',
  'teamType',
  'split',
  'merge',
  'createTeam',
  'adopt',
  'decline',
] as const;

/**
 * A kind of plan change.
 * @public
 */
export type PlanChangeKind = (typeof PLAN_CHANGE_KINDS)[number];

/**
 * A plan: changes applied in order. The change file that
 * `team-insights plan --changes` reads and the planner exports.
 * @public
 */
export interface Plan {
  changes: PlanChange[];
}

/**
 * What a plan changes in one catalog entity: the fields a person edits in
 * its catalog-info.yaml, each with its value before and after (undefined
 * when absent). A created entity has every field; a removed one none.
 * @public
 */
export interface EntityEdit {
  entityRef: string;
  action: 'update' | 'create' | 'delete';
  /** Where the entity is defined, when the catalog says. */
  source?: string;
  fields: Array<{ path: string; before?: unknown; after?: unknown }>;
}
