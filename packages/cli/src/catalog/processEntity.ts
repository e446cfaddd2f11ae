import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  makeValidator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import {
  EmittedRelation,
  emitRelations,
  RelationRefError,
} from '@team-insights/plugin-team-insights-common';
import {
  PlaceholderError,
  PlaceholderOptions,
  resolvePlaceholders,
  UnresolvedPlaceholder,
  ValuePath,
} from './placeholders';
import { isObject, setOwn } from '../util';

/** The kinds the catalog knows without extra processors. */
export const BUILT_IN_KINDS: readonly string[] = [
  'API',
  'Component',
  'Domain',
  'Group',
  'Location',
  'Resource',
  'System',
  'User',
];

/**
 * The catalog asks each built-in kind's validator in turn. A validator only
 * answers for the kind its schema names (`kind: { enum: [Component] }`):
 * for any other kind it returns false without looking further, so asking
 * the one for the entity's own kind gives the same outcome at an eighth
 * of the cost.
 */
const KIND_VALIDATORS: ReadonlyMap<
  string,
  { check(data: Entity): Promise<boolean> }
> = new Map([
  ['API', apiEntityV1alpha1Validator],
  ['Component', componentEntityV1alpha1Validator],
  ['Resource', resourceEntityV1alpha1Validator],
  ['Group', groupEntityV1alpha1Validator],
  ['Location', locationEntityV1alpha1Validator],
  ['User', userEntityV1alpha1Validator],
  ['System', systemEntityV1alpha1Validator],
  ['Domain', domainEntityV1alpha1Validator],
]);

// The catalog's default policies (CatalogBuilder.buildEntityPolicy).
const POLICY = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(makeValidator()),
]);

// Fields the catalog's BuiltinKindsEntityProcessor sorts before processing.
const SORTED_SPEC_FIELDS = [
  'providesApis',
  'consumesApis',
  'dependsOn',
  'dependencyOf',
  'memberOf',
  'children',
  'members',
];

/** An entity as the catalog would store it, before stitching. */
export interface ProcessedEntity {
  outcome: 'accepted';
  entity: Entity;
  relations: EmittedRelation[];
  /** Placeholders left as they are; their values are missing from `entity`. */
  unresolvedPlaceholders: UnresolvedPlaceholder[];
}

/** An entity the catalog would refuse, and why. */
export interface RejectedEntity {
  outcome: 'rejected';
  message: string;
  /** Where in the entity the problem is, when known. */
  path?: ValuePath;
}

/** An entity of a kind that only other catalog processors know. */
export interface ForeignEntity {
  outcome: 'foreign';
}

/** What the catalog would make of one entity. @public */
export type ProcessingOutcome =
  | ProcessedEntity
  | RejectedEntity
  | ForeignEntity;

const ROOT_FIELDS = new Set([
  'apiVersion',
  'kind',
  'metadata',
  'spec',
  'relations',
  'status',
]);

/**
 * Finds the field a catalog validation message is about: JSON pointers
 * (`/spec/type must be string`) and quoted field paths (`"metadata.name" is
 * not valid`, `"tags.0" is not valid`, which is below metadata).
 */
export function pathOfMessage(message: string): ValuePath | undefined {
  const toPath = (parts: string[]): ValuePath =>
    parts.map(part => (/^\d+$/.test(part) ? Number(part) : part));
  const pointer = /(?:^|, )(\/[^\s]+) /.exec(message);
  if (pointer) {
    return toPath(pointer[1].split('/').slice(1));
  }
  const quoted = /^"([^"\s]+)" is not valid/.exec(message);
  if (quoted) {
    const parts = quoted[1].split('.');
    return toPath(ROOT_FIELDS.has(parts[0]) ? parts : ['metadata', ...parts]);
  }
  return undefined;
}

function shortMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\. To learn more about .*$/s, '');
}

function rejected(error: unknown, path?: ValuePath): RejectedEntity {
  const message = shortMessage(error);
  return { outcome: 'rejected', message, path: path ?? pathOfMessage(message) };
}

function parentOf(target: unknown, valuePath: ValuePath) {
  let node = target as Record<string | number, unknown>;
  for (const part of valuePath.slice(0, -1)) {
    node = node[part] as Record<string | number, unknown>;
  }
  return node;
}

function setPath(target: unknown, valuePath: ValuePath, value: unknown) {
  parentOf(target, valuePath)[valuePath[valuePath.length - 1]] = value;
}

/** Removes the values at the paths (list items too, last first). */
function removePaths(target: unknown, paths: ValuePath[]) {
  const sorted = [...paths].sort((a, b) => {
    const last = (p: ValuePath) => p[p.length - 1];
    return typeof last(a) === 'number' && typeof last(b) === 'number'
      ? (last(b) as number) - (last(a) as number)
      : 0;
  });
  for (const valuePath of sorted) {
    if (!valuePath.length) {
      continue;
    }
    const parent = parentOf(target, valuePath);
    const key = valuePath[valuePath.length - 1];
    if (Array.isArray(parent) && typeof key === 'number') {
      parent.splice(key, 1);
    } else {
      delete parent[key];
    }
  }
}

/**
 * Does to one entity read from a file what the catalog does while
 * processing it: sets the location annotations (`file:` locations, as for
 * the catalog's file locations), resolves placeholders, sorts the relation
 * fields, applies the default entity policies (namespace `default` when
 * missing; field formats), validates the kind's schema and emits the
 * relations of the built-in kinds. Anything the catalog would fail on makes
 * the entity `rejected`, as the catalog then keeps none of it.
 *
 * @param raw - an entity whose envelope (apiVersion, kind, metadata.name)
 *   is valid.
 * Placeholders the CLI does not resolve (URLs, files it may not read,
 * `--no-placeholders`) stand in as their argument while the entity is
 * validated, so that the rest of it is still checked, and are missing from
 * the entity that is scored: their content is never guessed at.
 *
 * @param raw - an entity whose envelope (apiVersion, kind, metadata.name)
 *   is valid.
 * @param file - the absolute path of the file it was read from.
 * @param placeholders - what placeholders may read.
 */
export async function processEntity(
  raw: Entity,
  file: string,
  placeholders: PlaceholderOptions,
): Promise<ProcessingOutcome> {
  const annotations = raw.metadata.annotations ?? {};
  if (!isObject(annotations)) {
    return rejected(new Error('metadata.annotations must be a valid object'), [
      'metadata',
      'annotations',
    ]);
  }
  const location = `file:${file}`;
  const withLocation: Entity = {
    ...raw,
    metadata: {
      ...raw.metadata,
      annotations: {
        ...(annotations as Record<string, string>),
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [ANNOTATION_LOCATION]: location,
      },
    },
  };

  let entity: Entity;
  let unresolvedPlaceholders: UnresolvedPlaceholder[];
  try {
    const resolved = await resolvePlaceholders(
      withLocation,
      file,
      placeholders,
    );
    entity = resolved.value as Entity;
    unresolvedPlaceholders = resolved.unresolved;
  } catch (error) {
    if (error instanceof PlaceholderError) {
      return rejected(error, error.path);
    }
    throw error;
  }

  const spec = entity.spec;
  if (isObject(spec)) {
    for (const field of SORTED_SPEC_FIELDS) {
      const value = spec[field];
      if (Array.isArray(value) && value.every(v => typeof v === 'string')) {
        setOwn(spec, field, [...value].sort());
      }
    }
  }

  let candidate = entity;
  if (unresolvedPlaceholders.length) {
    candidate = JSON.parse(JSON.stringify(entity));
    for (const placeholder of unresolvedPlaceholders) {
      setPath(candidate, placeholder.path, placeholder.target);
    }
    removePaths(
      entity,
      unresolvedPlaceholders.map(p => p.path),
    );
  }

  try {
    const enforced = await POLICY.enforce(candidate);
    if (!enforced) {
      return rejected(new Error('the entity policies returned no entity'));
    }
    // The policies have checked the entity schema (SchemaValidEntityPolicy)
    // and only added a valid namespace since: checking it again could not
    // fail.
    const validator = KIND_VALIDATORS.get(enforced.kind);
    const known = validator ? await validator.check(enforced) : false;
    if (!known) {
      if (
        BUILT_IN_KINDS.some(k => k.toLowerCase() === raw.kind.toLowerCase())
      ) {
        return rejected(
          new Error(
            `No processor recognized kind '${raw.kind}' with apiVersion '${
              raw.apiVersion
            }': built-in kinds are spelled ${BUILT_IN_KINDS.join(
              ', ',
            )} and use backstage.io/v1alpha1 (or v1beta1)`,
          ),
          raw.kind !==
            BUILT_IN_KINDS.find(k => k.toLowerCase() === raw.kind.toLowerCase())
            ? ['kind']
            : ['apiVersion'],
        );
      }
      return { outcome: 'foreign' };
    }
    entity.metadata.namespace = enforced.metadata.namespace;
    const relations = emitRelations(enforced);
    return {
      outcome: 'accepted',
      entity,
      relations,
      unresolvedPlaceholders,
    };
  } catch (error) {
    if (error instanceof RelationRefError) {
      return rejected(
        error,
        error.index === undefined
          ? ['spec', error.field]
          : ['spec', error.field, error.index],
      );
    }
    return rejected(error);
  }
}
