import type { Entity } from '@backstage/catalog-model';
import { attachRelations, emitRelations } from '@team-insights/cli';

/**
 * Gives every entity the `relations` the catalog would serve for it, and
 * returns the number of relations attached.
 *
 * @remarks
 *
 * For each reference in a relation field the catalog emits the outgoing
 * relation from the entity and the incoming one from the target, with refs
 * in lower case (`stringifyEntityRef`), whether or not the target exists;
 * stitching then gives each existing entity the distinct relations whose
 * source it is, sorted by type and target. Relations towards a missing
 * entity therefore appear on the source only (dangling). Existing
 * `relations` are replaced.
 *
 * @public
 */
export function attachCatalogRelations(entities: Entity[]): number {
  // The CLI's relation building is the one that matches the catalog's
  // processor (a parity test checks it against the real catalog backend).
  attachRelations(entities, entities.flatMap(emitRelations));
  return entities.reduce((count, e) => count + (e.relations?.length ?? 0), 0);
}
