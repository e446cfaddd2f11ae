import type { OrganisationModel } from '../../model';
import { kindOfRef } from '../../util';
import {
  annotationLines,
  annotationsYaml,
  entityYaml,
  relationTargets,
  yamlScalar,
} from '../helpers';

/**
 * `intro`, then the catalog-info.yaml of the first of `refs` the model has,
 * with `annotations` set ("…, e.g. component:default/x:" and its snippet);
 * the bare annotations when none of them is known.
 */
export function annotateFirst(
  intro: string,
  refs: readonly string[],
  model: OrganisationModel,
  annotations: Record<string, string>,
): string {
  for (const ref of refs) {
    const entity = model.entity(ref);
    if (!entity) continue;
    return `${intro}${refs.length > 1 ? `, e.g. ${ref}` : ''}:\n\n${entityYaml(
      entity,
      { metadata: annotationLines(entity, annotations) },
    )}`;
  }
  return `${intro}:\n\n${annotationsYaml(annotations)}`;
}

/** The `spec` field through which an entity uses `product`. */
export const usesField = (product: string) =>
  kindOfRef(product) === 'api' ? 'consumesApis' : 'dependsOn';

/**
 * The catalog-info.yaml of the entity that rebuilds a concern, using the
 * product that covers it instead (after the entities it already uses).
 */
export function adoptYaml(
  adopt: { ref: string; product: string },
  model: OrganisationModel,
): string {
  const entity = model.entity(adopt.ref);
  if (!entity) return '.';
  const field = usesField(adopt.product);
  const uses = [
    ...relationTargets(
      entity,
      field === 'consumesApis' ? 'consumesApi' : 'dependsOn',
    ),
    adopt.product,
  ];
  return `, e.g. ${adopt.ref} using ${adopt.product}:\n\n${entityYaml(entity, {
    spec: [`${field}:`, ...uses.map(ref => `  - ${yamlScalar(ref)}`)],
  })}`;
}
