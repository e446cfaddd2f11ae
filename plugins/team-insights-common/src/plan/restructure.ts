/**
 * The changes that reshape teams: splitting one, merging several, creating
 * one. Members, owned entities and child groups go where a person editing
 * catalog-info.yaml would put them.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_DECLINED_PRODUCTS,
  ANNOTATION_PREFIX,
  ANNOTATION_SKILLS,
  ANNOTATION_TEAM_TYPE,
} from '../annotations';
import { parseSkillsAnnotation } from '../parsers';
import { annotationOf, entityRefOf } from '../util';
import { DECLINED_SEPARATOR } from './adoption';
import { Draft, setAnnotation, setSpec, specList } from './draft';
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
import type { PlanChange } from './types';

export function split(
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

export function merge(
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

export function createTeam(
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
