import { Entity } from '@backstage/catalog-model';
import { stringify } from 'yaml';

const CATALOG_ANNOTATIONS = [
  'backstage.io/managed-by-location',
  'backstage.io/managed-by-origin-location',
];

/**
 * The entity as its owners would write it in `catalog-info.yaml`: without
 * the fields the catalog adds while ingesting (`relations`, `metadata.uid`,
 * `metadata.etag`, the managed-by-location annotations). The input is not
 * changed.
 *
 * @public
 */
export function toSourceEntity(entity: Entity): Entity {
  const { uid, etag, annotations, ...metadata } = entity.metadata;
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(annotations ?? {})) {
    if (!CATALOG_ANNOTATIONS.includes(key)) kept[key] = value;
  }
  const source: Entity = {
    apiVersion: entity.apiVersion,
    kind: entity.kind,
    metadata: {
      ...metadata,
      ...(Object.keys(kept).length > 0 ? { annotations: kept } : {}),
    },
  };
  if (entity.spec) source.spec = entity.spec;
  return source;
}

/**
 * Entities as one multi-document catalog YAML file, ready to be registered
 * as a `file` location of the catalog, which then builds the relations.
 *
 * @public
 */
export function toCatalogYaml(entities: Iterable<Entity>): string {
  const documents: string[] = [];
  for (const entity of entities) {
    documents.push(
      stringify(toSourceEntity(entity), {
        lineWidth: 0,
        aliasDuplicateObjects: false,
      }),
    );
  }
  return `---\n${documents.join('---\n')}`;
}
