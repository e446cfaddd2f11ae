import type { Entity } from '@backstage/catalog-model';
import { entityRefOf } from '../util';
import { Draft, setSpec, specList } from './draft';

/**
 * Who belongs to what, and what is owned by whom, read from the fields a
 * person edits (`memberOf`, `members`, `owner`, `parent`, `children`), so a
 * change is written where the catalog-info.yaml says it.
 */

/** Users who are members of the team, by either side's field. */
export function membersOf(draft: Draft, team: string): string[] {
  const result = new Set<string>();
  for (const entity of draft.all()) {
    if (entity.kind?.toLowerCase() !== 'user') continue;
    if (
      specList(entity, 'memberOf').some(
        value => draft.refIn(entity, value, 'group') === team,
      )
    ) {
      result.add(entityRefOf(entity));
    }
  }
  const group = draft.get(team);
  if (group) {
    for (const value of specList(group, 'members')) {
      const ref = draft.refIn(group, value, 'user');
      if (ref && draft.get(ref)) result.add(ref);
    }
  }
  return [...result].sort();
}

/** Takes the user out of the team, on whichever side lists it. */
export function leave(draft: Draft, user: string, team: string) {
  const person = draft.get(user);
  if (
    person &&
    specList(person, 'memberOf').some(
      value => draft.refIn(person, value, 'group') === team,
    )
  ) {
    const edited = draft.edit(user);
    setSpec(
      edited,
      'memberOf',
      specList(edited, 'memberOf').filter(
        value => draft.refIn(edited, value, 'group') !== team,
      ),
    );
  }
  const group = draft.get(team);
  if (
    group &&
    specList(group, 'members').some(
      value => draft.refIn(group, value, 'user') === user,
    )
  ) {
    const edited = draft.edit(team);
    setSpec(
      edited,
      'members',
      specList(edited, 'members').filter(
        value => draft.refIn(edited, value, 'user') !== user,
      ),
    );
  }
}

/** Makes the user a member of the team, in the user's `memberOf`. */
export function join(draft: Draft, user: string, team: string) {
  if (membersOf(draft, team).includes(user)) return;
  const person = draft.edit(user);
  setSpec(person, 'memberOf', [
    ...specList(person, 'memberOf'),
    draft.writeRef(person, team, 'group'),
  ]);
}

/** Entities whose `spec.owner` is the team. */
export function ownedBy(draft: Draft, team: string): string[] {
  return draft
    .all()
    .filter(
      entity =>
        entityRefOf(entity) !== team &&
        draft.refIn(entity, (entity.spec as any)?.owner, 'group') === team,
    )
    .map(entityRefOf)
    .sort();
}

export function setOwner(draft: Draft, ref: string, team: string) {
  const entity = draft.edit(ref);
  setSpec(entity, 'owner', draft.writeRef(entity, team, 'group'));
}

/** Groups below the team, by their `parent` or the team's `children`. */
export function childrenOf(draft: Draft, team: string): string[] {
  const result = new Set<string>();
  for (const entity of draft.all()) {
    if (
      entity.kind?.toLowerCase() === 'group' &&
      draft.refIn(entity, (entity.spec as any)?.parent, 'group') === team
    ) {
      result.add(entityRefOf(entity));
    }
  }
  const group = draft.get(team);
  if (group) {
    for (const value of specList(group, 'children')) {
      const ref = draft.refIn(group, value, 'group');
      if (ref && draft.get(ref)) result.add(ref);
    }
  }
  return [...result].sort();
}

/** Moves a child Group from one parent to another. */
export function reparent(draft: Draft, child: string, to: string) {
  const entity = draft.edit(child);
  setSpec(entity, 'parent', draft.writeRef(entity, to, 'group'));
}

/** The parent Group of a group, by its `parent` or a parent's `children`. */
export function parentOf(draft: Draft, group: string): string | undefined {
  const entity = draft.get(group);
  const own = entity
    ? draft.refIn(entity, (entity.spec as any)?.parent, 'group')
    : undefined;
  if (own) return own;
  const parent = draft
    .all()
    .find(
      e =>
        e.kind?.toLowerCase() === 'group' &&
        specList(e, 'children').some(
          value => draft.refIn(e, value, 'group') === group,
        ),
    );
  return parent ? entityRefOf(parent) : undefined;
}

/**
 * Removes a Group from the draft, dropping it from every `children`,
 * `members`… list that names it, so nothing points at what is gone.
 */
export function removeGroup(draft: Draft, group: string) {
  for (const entity of draft.all()) {
    const ref = entityRefOf(entity);
    if (ref === group) continue;
    for (const field of ['children', 'memberOf']) {
      const list = specList(entity, field);
      if (list.some(value => draft.refIn(entity, value, 'group') === group)) {
        const edited = draft.edit(ref);
        setSpec(
          edited,
          field,
          specList(edited, field).filter(
            value => draft.refIn(edited, value, 'group') !== group,
          ),
        );
      }
    }
  }
  draft.remove(group);
}

/** A new team Group, in the default namespace. */
export function newTeam(
  name: string,
  annotations: Record<string, string>,
  spec: { parent?: string; type?: string },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    spec: {
      type: spec.type ?? 'team',
      ...(spec.parent ? { parent: spec.parent } : {}),
      children: [],
    },
  };
}
