import {
  CompoundEntityRef,
  Entity,
  EntityRelation,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CHILD_OF,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_HAS_PART,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PARENT_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { compareStrings } from '../util';

/**
 * One relation as the catalog's processors emit it: both ends are full
 * references, stored by the catalog as lower-cased strings.
 *
 * @public
 */
export interface EmittedRelation {
  source: string;
  type: string;
  target: string;
}

interface RelationField {
  /** Path below `spec`. */
  field: string;
  defaultKind?: string;
  outgoing: string;
  incoming: string;
}

const owner = (): RelationField => ({
  field: 'owner',
  defaultKind: 'Group',
  outgoing: RELATION_OWNED_BY,
  incoming: RELATION_OWNER_OF,
});
const system = (): RelationField => ({
  field: 'system',
  defaultKind: 'System',
  outgoing: RELATION_PART_OF,
  incoming: RELATION_HAS_PART,
});
// The catalog gives `dependsOn` and `dependencyOf` no default kind: a target
// without one ("my-service" instead of "component:my-service") is an error.
const dependsOn = (): RelationField => ({
  field: 'dependsOn',
  outgoing: RELATION_DEPENDS_ON,
  incoming: RELATION_DEPENDENCY_OF,
});
const dependencyOf = (): RelationField => ({
  field: 'dependencyOf',
  outgoing: RELATION_DEPENDENCY_OF,
  incoming: RELATION_DEPENDS_ON,
});

/**
 * The relation fields of each built-in kind, in the order and with the
 * defaults of the catalog's `BuiltinKindsEntityProcessor`.
 */
const RELATION_FIELDS: Record<string, RelationField[]> = {
  Component: [
    owner(),
    {
      field: 'subcomponentOf',
      defaultKind: 'Component',
      outgoing: RELATION_PART_OF,
      incoming: RELATION_HAS_PART,
    },
    {
      field: 'providesApis',
      defaultKind: 'API',
      outgoing: RELATION_PROVIDES_API,
      incoming: RELATION_API_PROVIDED_BY,
    },
    {
      field: 'consumesApis',
      defaultKind: 'API',
      outgoing: RELATION_CONSUMES_API,
      incoming: RELATION_API_CONSUMED_BY,
    },
    dependsOn(),
    dependencyOf(),
    system(),
  ],
  API: [owner(), system()],
  Resource: [owner(), dependsOn(), dependencyOf(), system()],
  User: [
    {
      field: 'memberOf',
      defaultKind: 'Group',
      outgoing: RELATION_MEMBER_OF,
      incoming: RELATION_HAS_MEMBER,
    },
  ],
  Group: [
    {
      field: 'parent',
      defaultKind: 'Group',
      outgoing: RELATION_CHILD_OF,
      incoming: RELATION_PARENT_OF,
    },
    {
      field: 'children',
      defaultKind: 'Group',
      outgoing: RELATION_PARENT_OF,
      incoming: RELATION_CHILD_OF,
    },
    {
      field: 'members',
      defaultKind: 'User',
      outgoing: RELATION_HAS_MEMBER,
      incoming: RELATION_MEMBER_OF,
    },
  ],
  System: [
    owner(),
    {
      field: 'domain',
      defaultKind: 'Domain',
      outgoing: RELATION_PART_OF,
      incoming: RELATION_HAS_PART,
    },
  ],
  Domain: [
    owner(),
    {
      field: 'subdomainOf',
      defaultKind: 'Domain',
      outgoing: RELATION_PART_OF,
      incoming: RELATION_HAS_PART,
    },
  ],
};

/**
 * Thrown when a relation field holds a reference the catalog cannot parse;
 * the catalog then rejects the whole entity.
 * @public
 */
export class RelationRefError extends Error {
  /** The field below `spec`, e.g. `dependsOn`. */
  readonly field: string;
  /** Index in the field when it is a list. */
  readonly index?: number;

  constructor(message: string, field: string, index?: number) {
    super(message);
    this.name = 'RelationRefError';
    this.field = field;
    this.index = index;
  }
}

/**
 * The relations the catalog's `BuiltinKindsEntityProcessor` emits while
 * processing one entity: for every reference in a relation field the
 * outgoing relation from the entity and the incoming one from the target,
 * whether or not the target exists. Kind and namespace default as in the
 * catalog (the namespace always defaults to the entity's own).
 *
 * @throws RelationRefError when a reference does not parse (the catalog
 *   rejects the entity then, so it emits nothing at all).
 *
 * @public
 */
export function emitRelations(entity: Entity): EmittedRelation[] {
  const fields = RELATION_FIELDS[entity.kind];
  if (!fields) {
    return [];
  }
  const self = getCompoundEntityRef(entity);
  const selfRef = stringifyEntityRef(self);
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const result: EmittedRelation[] = [];
  for (const { field, defaultKind, outgoing, incoming } of fields) {
    const value = spec[field];
    if (!value) {
      continue;
    }
    const targets = [value].flat();
    targets.forEach((target, index) => {
      let targetRef: CompoundEntityRef;
      try {
        targetRef = parseEntityRef(target as string, {
          defaultKind,
          defaultNamespace: self.namespace,
        });
      } catch (error) {
        throw new RelationRefError(
          `spec.${field}: ${(error as Error).message}`,
          field,
          Array.isArray(value) ? index : undefined,
        );
      }
      const targetString = stringifyEntityRef(targetRef);
      result.push({ source: selfRef, type: outgoing, target: targetString });
      result.push({ source: targetString, type: incoming, target: selfRef });
    });
  }
  return result;
}

/**
 * Gives each entity the `relations` the catalog would return for it: the
 * distinct (type, target) pairs of all emitted relations whose source is
 * the entity, sorted by type, then target. Existing `relations` are replaced,
 * as the catalog's stitching does.
 *
 * @public
 */
export function attachRelations(
  entities: Entity[],
  emitted: Iterable<EmittedRelation>,
): void {
  const bySource = new Map<string, Map<string, EntityRelation>>();
  for (const { source, type, target } of emitted) {
    let relations = bySource.get(source);
    if (!relations) {
      relations = new Map();
      bySource.set(source, relations);
    }
    relations.set(`${type}\u0000${target}`, { type, targetRef: target });
  }
  for (const entity of entities) {
    const relations = bySource.get(stringifyEntityRef(entity));
    entity.relations = relations
      ? [...relations.values()].sort(
          (a, b) =>
            compareStrings(a.type, b.type) ||
            compareStrings(a.targetRef, b.targetRef),
        )
      : [];
  }
}
