import type { Entity } from '@backstage/catalog-model';
import { compareStrings, entityRefOf } from '../util';

/**
 * The entities by ref, without those that have no name. Deterministic
 * whatever the input order: of two entities with one ref, the one whose JSON
 * sorts first wins.
 */
export function uniqueByRef(entities: Entity[]): Map<string, Entity> {
  const byRef = new Map<string, Entity>();
  const duplicateKeys = new Map<string, string>();
  for (const entity of entities) {
    if (!entity || typeof entity !== 'object' || !entity.metadata) continue;
    if (typeof entity.metadata.name !== 'string') continue;
    const ref = entityRefOf(entity);
    const previous = byRef.get(ref);
    if (!previous) {
      byRef.set(ref, entity);
    } else {
      const key = duplicateKeys.get(ref) ?? JSON.stringify(previous);
      const candidate = JSON.stringify(entity);
      if (compareStrings(candidate, key) < 0) {
        byRef.set(ref, entity);
        duplicateKeys.set(ref, candidate);
      } else {
        duplicateKeys.set(ref, key);
      }
    }
  }
  return byRef;
}

/** The name people read: the title, a User's display name, or the name. */
export function titleOf(entity: Entity): string {
  const title = entity.metadata?.title;
  if (typeof title === 'string' && title.trim()) return title.trim();
  const profile = (entity.spec as { profile?: { displayName?: unknown } })
    ?.profile;
  if (
    profile &&
    typeof profile === 'object' &&
    typeof profile.displayName === 'string' &&
    profile.displayName.trim()
  ) {
    return profile.displayName.trim();
  }
  return String(entity.metadata?.name ?? '');
}
