import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_SKILLS, ANNOTATION_TEAM_TYPE } from '../annotations';
import { adopt, decline } from './adoption';
import { Draft, setAnnotation } from './draft';
import { editsOf } from './edits';
import { join, leave, membersOf } from './membership';
import { recomputeRelations } from './relations';
import { createTeam, merge, split } from './restructure';
import { EntityEdit, Plan, PlanChange } from './types';

/**
 * A plan applied to a catalog.
 * @public
 */
export interface AppliedPlan {
  /** The catalog after the changes, with the relations the catalog would emit. */
  entities: Entity[];
  /** What changed, per entity, as the fields a person edits. */
  edits: EntityEdit[];
}

/**
 * Applies a plan's changes, in order, to catalog entities, as a person would
 * edit their catalog-info.yaml; the entities given are not modified.
 * Relations are those the catalog's built-in processors would emit for the
 * edited fields; relations from other processors are kept as they were.
 *
 * Semantics of each change (see docs/planning.md): `move` rewrites the
 * membership where it is written (the user's `memberOf` or the team's
 * `members`); `split` and `merge` hand members, owned entities and child
 * groups to the new teams and remove the old ones; `createTeam` takes its
 * members out of the teams they were in; `adopt` adds the product to the
 * `dependsOn` (or, for an API, `consumesApis`) of the team's first owned
 * Component; `decline` adds it, with its reason, to `declined-products`.
 *
 * @throws InputError naming the change's index, e.g. for an unknown user.
 * @public
 */
export function applyPlan(
  entities: Entity[],
  plan: Plan | PlanChange[],
): AppliedPlan {
  const changes = Array.isArray(plan) ? plan : plan.changes;
  const draft = new Draft(entities);
  changes.forEach((change, index) => {
    const kind = Object.keys(change)[0];
    draft.label = `changes[${index}] (${kind})`;
    applyChange(draft, change);
  });
  const after = recomputeRelations(entities, draft);
  return { entities: after, edits: editsOf(draft) };
}

function applyChange(draft: Draft, change: PlanChange) {
  if ('move' in change) {
    const { user, from, to } = change.move;
    const [u, a, b] = [draft.user(user), draft.team(from), draft.team(to)];
    if (!membersOf(draft, a).includes(u)) {
      draft.fail(`'${user}' is not a member of '${from}'`);
    }
    leave(draft, u, a);
    join(draft, u, b);
  } else if ('skills' in change) {
    const u = draft.user(change.skills.user);
    setAnnotation(draft.edit(u), ANNOTATION_SKILLS, change.skills.skills);
  } else if ('headcount' in change) {
    const t = draft.team(change.headcount.team);
    setAnnotation(draft.edit(t), ANNOTATION_SKILLS, change.headcount.skills);
  } else if ('teamType' in change) {
    const t = draft.team(change.teamType.team);
    setAnnotation(draft.edit(t), ANNOTATION_TEAM_TYPE, change.teamType.type);
  } else if ('split' in change) {
    split(draft, change.split);
  } else if ('merge' in change) {
    merge(draft, change.merge);
  } else if ('createTeam' in change) {
    createTeam(draft, change.createTeam);
  } else if ('adopt' in change) {
    adopt(draft, change.adopt);
  } else if ('decline' in change) {
    decline(draft, change.decline);
  }
}
