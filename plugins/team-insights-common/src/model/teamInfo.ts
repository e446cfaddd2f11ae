import type { TeamView } from '../customChecks';
import { EntityAnnotations } from '../lint';

/** One person of a team: a User member or one head count. */
export interface Person {
  /** The User's ref, or undefined for a head count. */
  ref?: string;
  clusters: string[];
  primary?: string;
}

/** A team with everything the checks need. */
export interface TeamInfo extends TeamView {
  annotations: EntityAnnotations;
  people: Person[];
  /** Members whose skills annotation has at least one item. */
  membersDeclaringSkills: string[];
}
