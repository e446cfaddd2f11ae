import {
  Entity,
  EntityRelation,
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

interface RelationField {
  field: string;
  defaultKind?: string;
  outgoing: string;
  incoming: string;
}

const OWNER: RelationField = {
  field: 'owner',
  defaultKind: 'Group',
  outgoing: RELATION_OWNED_BY,
  incoming: RELATION_OWNER_OF,
};
const SYSTEM: RelationField = {
  field: 'system',
  defaultKind: 'System',
  outgoing: RELATION_PART_OF,
  incoming: RELATION_HAS_PART,
};
const DEPENDS_ON: RelationField = {
  field: 'dependsOn',
  outgoing: RELATION_DEPENDS_ON,
  incoming: RELATION_DEPENDENCY_OF,
};
const DEPENDENCY_OF: RelationField = {
  field: 'dependencyOf',
  outgoing: RELATION_DEPENDENCY_OF,
  incoming: RELATION_DEPENDS_ON,
};

/**
 * The relation fields of the built-in kinds, as the catalog's
 * `BuiltinKindsEntityProcessor` reads them.
 */
const RELATION_FIELDS: Record<string, RelationField[]> = {
  Component: [
    OWNER,
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
    DEPENDS_ON,
    DEPENDENCY_OF,
    SYSTEM,
  ],
  API: [OWNER, SYSTEM],
  Resource: [OWNER, DEPENDS_ON, DEPENDENCY_OF, SYSTEM],
  System: [
    OWNER,
    {
      field: 'domain',
      defaultKind: 'Domain',
      outgoing: RELATION_PART_OF,
      incoming: RELATION_HAS_PART,
    },
  ],
  Domain: [
    OWNER,
    {
      field: 'subdomainOf',
      defaultKind: 'Domain',
      outgoing: RELATION_PART_OF,
      incoming: RELATION_HAS_PART,
    },
  ],
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
};

function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

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
  const bySource = new Map<string, EntityRelation[]>();
  const add = (source: string, type: string, targetRef: string) => {
    const relations = bySource.get(source);
    if (relations) relations.push({ type, targetRef });
    else bySource.set(source, [{ type, targetRef }]);
  };

  for (const entity of entities) {
    const fields = RELATION_FIELDS[entity.kind];
    if (!fields) continue;
    const namespace = entity.metadata.namespace ?? 'default';
    const self = stringifyEntityRef({
      kind: entity.kind,
      namespace,
      name: entity.metadata.name,
    });
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    for (const { field, defaultKind, outgoing, incoming } of fields) {
      const value = spec[field];
      if (!value) continue;
      for (const target of [value].flat() as string[]) {
        const targetRef = stringifyEntityRef(
          parseEntityRef(target, { defaultKind, defaultNamespace: namespace }),
        );
        add(self, outgoing, targetRef);
        add(targetRef, incoming, self);
      }
    }
  }

  let count = 0;
  const byTypeThenTarget = (a: EntityRelation, b: EntityRelation) =>
    compareCodeUnits(a.type, b.type) ||
    compareCodeUnits(a.targetRef, b.targetRef);
  for (const entity of entities) {
    const emitted = bySource.get(stringifyEntityRef(entity));
    const relations: EntityRelation[] = [];
    if (emitted) {
      emitted.sort(byTypeThenTarget);
      for (const relation of emitted) {
        const last = relations[relations.length - 1];
        if (
          !last ||
          last.type !== relation.type ||
          last.targetRef !== relation.targetRef
        ) {
          relations.push(relation);
        }
      }
    }
    entity.relations = relations;
    count += relations.length;
  }
  return count;
}
