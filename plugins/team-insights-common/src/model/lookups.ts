/**
 * What the model's builders read (the entities, their annotations and the
 * relations between them) and the look-ups over the relations that both the
 * builders and the model answer with.
 */
import type { Entity } from '@backstage/catalog-model';
import type { TeamInsightsConfig } from '../config';
import type { EntityAnnotations } from '../lint';
import { listOf } from './indexes';
import type { Relations } from './relations';

/** The catalog as the model's builders read it; lower-case refs. */
export interface CatalogIndexes {
  entities: ReadonlyMap<string, Entity>;
  annotations: ReadonlyMap<string, EntityAnnotations>;
  relations: Relations;
  config: TeamInsightsConfig;
}

/** Members of a group that exist as Users, sorted. */
export function userMembersOf(
  relations: Relations,
  annotations: ReadonlyMap<string, EntityAnnotations>,
  ref: string,
): string[] {
  return listOf(relations.members, ref).filter(
    m => annotations.get(m)?.kind === 'user',
  );
}

/** Ancestors of a group, breadth first (nearest first), without cycles. */
export function ancestorsOf(relations: Relations, ref: string): string[] {
  const seen = new Set<string>([ref]);
  const result: string[] = [];
  let frontier = [ref];
  while (frontier.length) {
    const next: string[] = [];
    for (const r of frontier) {
      for (const p of listOf(relations.parents, r)) {
        if (seen.has(p)) continue;
        seen.add(p);
        result.push(p);
        next.push(p);
      }
    }
    frontier = next;
  }
  return result;
}
