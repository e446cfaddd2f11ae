import { Entity } from '@backstage/catalog-model';

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
