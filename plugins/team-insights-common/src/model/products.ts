/**
 * The entities with a documentation scorecard, which of them are platform
 * products, and who adopts or declines each product.
 */
import type { EntityView } from '../customChecks';
import { newFinding } from '../findingCodes';
import { DOCUMENTED_KINDS, PRODUCT_KINDS } from '../lint';
import { declinedProductUnresolvedFinding } from '../report/adoption';
import type { Finding } from '../types';
import { normalizeRef, sortedUnique, specString } from '../util';
import { titleOf } from './entities';
import { type Index, add, listOf } from './indexes';
import type { CatalogIndexes } from './lookups';
import type { Relations } from './relations';
import type { TeamInfo } from './teamInfo';

/** The documented entities by ref, each with its owner and product flags. */
export function buildDocumentables(
  { entities, annotations, relations }: CatalogIndexes,
  teamsByRef: ReadonlyMap<string, TeamInfo>,
): Map<string, EntityView> {
  const documentables = new Map<string, EntityView>();
  for (const [ref, a] of annotations) {
    if (!DOCUMENTED_KINDS.includes(a.kind)) continue;
    const entity = entities.get(ref)!;
    const owners = listOf(relations.owners, ref);
    const specOwner = specString(entity, 'owner');
    const owner =
      owners[0] ??
      (specOwner && specOwner.length <= 1024
        ? normalizeRef(specOwner, {
            defaultKind: 'group',
            defaultNamespace: String(entity.metadata.namespace || 'default'),
          })
        : undefined);
    const isProductKind = PRODUCT_KINDS.includes(a.kind);
    const ownedByCentralized = owners.some(
      o => teamsByRef.get(o)?.teamType === 'centralized',
    );
    const product = isProductKind && (a.product ?? ownedByCentralized);
    documentables.set(ref, {
      entityRef: ref,
      entity,
      kind: a.kind,
      title: titleOf(entity),
      owner,
      product,
      mandatory: product && a.mandatory === true,
      concern: isProductKind ? a.concern : undefined,
    });
  }
  return documentables;
}

/** Who declined which product, and why. */
export interface Declines {
  declinedBy: Index;
  /** Why a team declined a product, by `product ref\nteam ref`. */
  declineReasons: Map<string, string>;
  /** Declined entities that are no product or do not exist. */
  findings: Finding[];
}

/**
 * Resolves each team's declined products (setting the team's
 * `declinedProducts`); a ref that names no product becomes a finding.
 */
export function resolveDeclinedProducts(
  entities: ReadonlyMap<string, unknown>,
  teams: Iterable<TeamInfo>,
  documentables: ReadonlyMap<string, EntityView>,
): Declines {
  const declines: Declines = {
    declinedBy: new Map(),
    declineReasons: new Map(),
    findings: [],
  };
  for (const team of teams) {
    const resolved: string[] = [];
    for (const ref of team.annotations.declinedProducts) {
      const target = documentables.get(ref);
      if (!entities.has(ref)) {
        declines.findings.push(
          declinedProductUnresolvedFinding(team.entityRef, ref),
        );
      } else if (!target?.product) {
        declines.findings.push(
          newFinding({
            code: 'declined-products.not-a-product',
            entityRef: team.entityRef,
            annotation: 'team-insights.io/declined-products',
            message: `'${ref}' is not a platform product, so there is nothing to decline; remove it from the list`,
            params: { product: ref },
            entityRefs: [ref],
          }),
        );
      } else {
        resolved.push(ref);
        add(declines.declinedBy, ref, team.entityRef);
        const reason = team.annotations.declineReasons[ref];
        if (reason !== undefined) {
          declines.declineReasons.set(`${ref}\n${team.entityRef}`, reason);
        }
      }
    }
    team.declinedProducts = sortedUnique(resolved);
  }
  return declines;
}

/**
 * The teams adopting each product (owning something that depends on it or
 * on an API it provides, without owning the product), and the products by
 * concern.
 */
export function buildAdopters(
  relations: Relations,
  teamsByRef: ReadonlyMap<string, TeamInfo>,
  documentables: ReadonlyMap<string, EntityView>,
): { adopters: Index; productsByConcern: Index } {
  const adopters: Index = new Map();
  const productsByConcern: Index = new Map();
  for (const view of documentables.values()) {
    if (!view.product) continue;
    if (view.concern) {
      add(productsByConcern, view.concern, view.entityRef);
    }
    const productOwners = listOf(relations.owners, view.entityRef);
    const users = new Set<string>();
    for (const d of relations.dependents.get(view.entityRef) ?? [])
      users.add(d);
    for (const api of relations.provides.get(view.entityRef) ?? []) {
      for (const d of relations.dependents.get(api) ?? []) users.add(d);
    }
    const teams = new Set<string>();
    for (const user of users) {
      for (const owner of relations.owners.get(user) ?? []) {
        if (teamsByRef.has(owner) && !productOwners.includes(owner)) {
          teams.add(owner);
        }
      }
    }
    adopters.set(view.entityRef, sortedUnique(teams));
  }
  return { adopters, productsByConcern };
}
