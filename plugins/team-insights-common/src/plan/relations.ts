import type { Entity, EntityRelation } from '@backstage/catalog-model';
import { EmittedRelation, emitRelations } from '../catalog/relations';
import { compareStrings, entityRefOf } from '../util';
import { Draft } from './draft';

const key = (source: string, type: string, target: string) =>
  `${source}\u0000${type}\u0000${target.toLowerCase()}`;

function emitted(entities: Iterable<Entity>): Set<string> {
  const result = new Set<string>();
  for (const entity of entities) {
    let relations: EmittedRelation[];
    try {
      relations = emitRelations(entity);
    } catch {
      // a reference that does not parse: the catalog rejects such an
      // entity, so it emits nothing
      continue;
    }
    for (const { source, type, target } of relations) {
      result.add(key(source.toLowerCase(), type, target));
    }
  }
  return result;
}

/**
 * The relations of the draft's entities: those the built-in processors
 * emit for the fields as they are now, beside the relations other
 * processors had given them. Only entities whose relations change are
 * copied; the others are returned as they were.
 */
export function recomputeRelations(original: Entity[], draft: Draft): Entity[] {
  const touched = draft.touched();
  if (!touched.length) return draft.entities();
  const before = emitted(touched.flatMap(t => t.before ?? []));
  const after = emitted(touched.flatMap(t => t.after ?? []));
  // relations that unchanged entities emit stay, whatever changed
  const unchanged = new Set(touched.map(t => t.ref));
  const others = emitted(
    original.filter(entity => !unchanged.has(entityRefOf(entity))),
  );
  const gone = [...before].filter(k => !after.has(k) && !others.has(k));
  const added = [...after].filter(k => !before.has(k));
  const changes = new Map<string, { gone: Set<string>; added: string[] }>();
  const sourceOf = (k: string) => k.slice(0, k.indexOf('\u0000'));
  for (const [list, kind] of [
    [gone, 'gone'],
    [added, 'added'],
  ] as const) {
    for (const k of list) {
      const source = sourceOf(k);
      let change = changes.get(source);
      if (!change) {
        change = { gone: new Set(), added: [] };
        changes.set(source, change);
      }
      if (kind === 'gone') change.gone.add(k);
      else change.added.push(k);
    }
  }
  return draft.entities().map(entity => {
    const ref = entityRefOf(entity);
    const change = changes.get(ref);
    if (!change) return entity;
    const relations = new Map<string, EntityRelation>();
    for (const relation of entity.relations ?? []) {
      const k = key(ref, relation.type, relation.targetRef);
      if (!change.gone.has(k)) relations.set(k, relation);
    }
    for (const k of change.added) {
      const [, type, targetRef] = k.split('\u0000');
      if (!relations.has(k)) relations.set(k, { type, targetRef });
    }
    return {
      ...entity,
      relations: [...relations.values()].sort(
        (a, b) =>
          compareStrings(a.type, b.type) ||
          compareStrings(a.targetRef, b.targetRef),
      ),
    };
  });
}
