/**
 * The changes about platform products: a team adopts one (a dependency of a
 * Component it owns) or declines it (with a reason, in `declined-products`).
 */
import { ANNOTATION_DECLINED_PRODUCTS } from '../annotations';
import { parseDeclinedProducts } from '../parsers';
import { annotationOf, kindOfRef } from '../util';
import { Draft, setAnnotation, setSpec, specList } from './draft';
import { ownedBy } from './membership';
import type { PlanChange } from './types';

/** What separates the items of `declined-products`, reasons and all. */
export const DECLINED_SEPARATOR = /[,;]/;

export function adopt(
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

export function decline(
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
