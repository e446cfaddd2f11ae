import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_DECLINED_PRODUCTS,
  ANNOTATION_PREFIX,
  ANNOTATION_SKILLS,
  ANNOTATION_TEAM_TYPE,
} from '../annotations';
import { parseDeclinedProducts, parseSkillsAnnotation } from '../parsers';
import { annotationOf, entityRefOf, kindOfRef } from '../util';
import { Draft, setAnnotation, setSpec, specList } from './draft';
import { editsOf } from './edits';
import {
  childrenOf,
  join,
  leave,
  membersOf,
  newTeam,
  ownedBy,
  parentOf,
  removeGroup,
  reparent,
  setOwner,
} from './membership';
import { recomputeRelations } from './relations';
import { EntityEdit, Plan, PlanChange } from './types';

/** What separates the items of `declined-products`, reasons and all. */
const DECLINED_SEPARATOR = /[,;]/;

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

function split(
  draft: Draft,
  change: Extract<PlanChange, { split: unknown }>['split'],
) {
  const team = draft.team(change.team);
  const members = membersOf(draft, team);
  const owned = ownedBy(draft, team);
  const assigned = new Map<string, number>();
  const owns = new Map<string, number>();
  change.into.forEach((part, index) => {
    for (const name of part.members) {
      const user = draft.user(name);
      if (!members.includes(user)) {
        draft.fail(`'${name}' is not a member of '${change.team}'`);
      }
      if (assigned.has(user)) draft.fail(`'${name}' is in two parts`);
      assigned.set(user, index);
    }
    for (const name of part.owns ?? []) {
      const ref = draft.product(name);
      if (!owned.includes(ref)) {
        draft.fail(`'${name}' is not owned by '${change.team}'`);
      }
      owns.set(ref, index);
    }
  });
  const left = members.filter(user => !assigned.has(user));
  if (left.length) {
    draft.fail(
      `every member must go to one part; not placed: ${left
        .map(ref => ref.slice(ref.indexOf('/') + 1))
        .join(', ')}`,
    );
  }
  const old = draft.get(team)!;
  const parent = parentOf(draft, team);
  const children = childrenOf(draft, team);
  const refs = change.into.map((part, index) => {
    const ref = draft.newGroupRef(part.name);
    const annotations = teamAnnotations(old);
    // head counts are people: they stay with the first part
    if (index > 0) delete annotations[ANNOTATION_SKILLS];
    const created = newTeam(part.name, annotations, {
      type: (old.spec as any)?.type,
    });
    draft.add(created);
    if (parent) reparent(draft, ref, parent);
    return ref;
  });
  for (const [user, index] of assigned) {
    leave(draft, user, team);
    join(draft, user, refs[index]);
  }
  for (const ref of owned) setOwner(draft, ref, refs[owns.get(ref) ?? 0]);
  for (const child of children) reparent(draft, child, refs[0]);
  replaceInChildren(draft, parent, team, refs);
  removeGroup(draft, team);
}

function merge(
  draft: Draft,
  change: Extract<PlanChange, { merge: unknown }>['merge'],
) {
  const teams = [...new Set(change.teams.map(name => draft.team(name)))];
  if (teams.length < 2) draft.fail('name at least two different teams');
  const intoRef = draft.newGroupRef(change.into);
  const keep = teams.includes(intoRef);
  const first = draft.get(teams[0])!;
  const parent = parentOf(draft, teams[0]);
  if (!keep) {
    if (draft.get(intoRef)) draft.fail(`'${change.into}' already exists`);
    draft.add(
      newTeam(change.into, teamAnnotations(first), {
        type: (first.spec as any)?.type,
      }),
    );
    if (parent) reparent(draft, intoRef, parent);
  }
  const headCounts: Record<string, number> = {};
  const declined: string[] = [];
  for (const team of teams) {
    const entity = draft.get(team)!;
    const skills = parseSkillsAnnotation(
      annotationOf(entity, ANNOTATION_SKILLS),
      { kind: 'group' },
    ).value.headCounts;
    for (const [cluster, count] of Object.entries(skills)) {
      headCounts[cluster] = (headCounts[cluster] ?? 0) + count;
    }
    const raw = annotationOf(entity, ANNOTATION_DECLINED_PRODUCTS);
    for (const item of raw?.split(DECLINED_SEPARATOR) ?? []) {
      if (item.trim() && !declined.includes(item.trim())) {
        declined.push(item.trim());
      }
    }
    if (team === intoRef) continue;
    for (const user of membersOf(draft, team)) {
      leave(draft, user, team);
      join(draft, user, intoRef);
    }
    for (const ref of ownedBy(draft, team)) setOwner(draft, ref, intoRef);
    for (const child of childrenOf(draft, team)) {
      if (!teams.includes(child)) reparent(draft, child, intoRef);
    }
  }
  const into = draft.edit(intoRef);
  setAnnotation(
    into,
    ANNOTATION_SKILLS,
    Object.entries(headCounts)
      .map(([cluster, count]) => `${cluster}=${count}`)
      .join(', '),
  );
  setAnnotation(into, ANNOTATION_DECLINED_PRODUCTS, declined.join(', '));
  for (const team of teams) {
    if (team === intoRef) continue;
    replaceInChildren(draft, parentOf(draft, team), team, [intoRef]);
    removeGroup(draft, team);
  }
}

function createTeam(
  draft: Draft,
  change: Extract<PlanChange, { createTeam: unknown }>['createTeam'],
) {
  const ref = draft.newGroupRef(change.name);
  const parent = change.parent ? draft.team(change.parent) : undefined;
  const members = (change.members ?? []).map(name => draft.user(name));
  const owns = (change.owns ?? []).map(name => draft.product(name));
  draft.add(newTeam(change.name, { [ANNOTATION_TEAM_TYPE]: change.type }, {}));
  if (parent) reparent(draft, ref, parent);
  for (const user of members) {
    // a person moves: out of the teams they were in, into the new one
    for (const group of draft.all()) {
      const groupRef = entityRefOf(group);
      if (
        groupRef !== ref &&
        draft.isTeam(groupRef) &&
        membersOf(draft, groupRef).includes(user)
      ) {
        leave(draft, user, groupRef);
      }
    }
    join(draft, user, ref);
  }
  for (const owned of owns) setOwner(draft, owned, ref);
}

function adopt(
  draft: Draft,
  change: Extract<PlanChange, { adopt: unknown }>['adopt'],
) {
  const team = draft.team(change.team);
  const product = draft.product(change.product);
  const isApi = kindOfRef(product) === 'api';
  const owned = ownedBy(draft, team).filter(ref =>
    isApi
      ? kindOfRef(ref) === 'component'
      : ['component', 'resource'].includes(kindOfRef(ref)),
  );
  if (!owned.length) {
    draft.fail(
      `'${change.team}' owns no ${
        isApi ? 'Component' : 'Component or Resource'
      } that could use '${change.product}'`,
    );
  }
  const field = isApi ? 'consumesApis' : 'dependsOn';
  const user = draft.edit(owned[0]);
  const already = specList(user, field).some(
    value => draft.refIn(user, value, isApi ? 'api' : '') === product,
  );
  if (!already) {
    setSpec(user, field, [
      ...specList(user, field),
      // dependsOn has no default kind: always the full ref there
      isApi
        ? draft.writeRef(user, product, 'api')
        : draft.writeRef(user, product, ''),
    ]);
  }
  removeDeclined(draft, team, product);
}

function decline(
  draft: Draft,
  change: Extract<PlanChange, { decline: unknown }>['decline'],
) {
  const team = draft.team(change.team);
  const product = draft.product(change.product);
  removeDeclined(draft, team, product);
  const entity = draft.edit(team);
  const current = annotationOf(entity, ANNOTATION_DECLINED_PRODUCTS);
  const item = `${draft.writeRef(entity, product, 'component')}${
    change.reason ? `: ${change.reason}` : ''
  }`;
  setAnnotation(
    entity,
    ANNOTATION_DECLINED_PRODUCTS,
    current?.trim() ? `${current.trim()}, ${item}` : item,
  );
}

/** Drops the product from the team's `declined-products`, if listed. */
function removeDeclined(draft: Draft, team: string, product: string) {
  const entity = draft.get(team)!;
  const raw = annotationOf(entity, ANNOTATION_DECLINED_PRODUCTS);
  if (!raw) return;
  const namespace = entity.metadata.namespace || 'default';
  const items = raw.split(DECLINED_SEPARATOR);
  const kept = items.filter(
    item =>
      parseDeclinedProducts(item, { defaultNamespace: namespace }).value[0] !==
      product,
  );
  if (kept.length === items.length) return;
  setAnnotation(
    draft.edit(team),
    ANNOTATION_DECLINED_PRODUCTS,
    kept
      .map(item => item.trim())
      .filter(Boolean)
      .join(', '),
  );
}

/**
 * The Team Insights annotations of a team, for a team made from it; the
 * catalog's own (locations, source) belong to where an entity is defined.
 */
function teamAnnotations(team: Entity): Record<string, string> {
  return Object.fromEntries(
    Object.entries(team.metadata.annotations ?? {}).filter(([k]) =>
      k.startsWith(ANNOTATION_PREFIX),
    ),
  );
}

/** In the parent's `children`, replaces `old` with the new groups. */
function replaceInChildren(
  draft: Draft,
  parent: string | undefined,
  old: string,
  refs: string[],
) {
  const entity = parent ? draft.get(parent) : undefined;
  if (!parent || !entity) return;
  const list = specList(entity, 'children');
  if (!list.some(value => draft.refIn(entity, value, 'group') === old)) return;
  const edited = draft.edit(parent);
  setSpec(edited, 'children', [
    ...list.filter(value => draft.refIn(edited, value, 'group') !== old),
    ...refs.map(ref => draft.writeRef(edited, ref, 'group')),
  ]);
}
