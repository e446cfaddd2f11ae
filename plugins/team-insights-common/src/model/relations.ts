import {
  Entity,
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CHILD_OF,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PARENT_OF,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';
import {
  INDEXED_RELATIONS,
  RefTable,
  RelationIndex,
  targetOf,
} from './indexes';

/**
 * The catalog's relations between entities, one {@link RelationIndex} per
 * direction, over the entities' refs in `sortedRefs` order.
 */
export class Relations {
  readonly table: RefTable;
  readonly members: RelationIndex;
  readonly memberships: RelationIndex;
  readonly owners: RelationIndex;
  readonly owns: RelationIndex;
  readonly parents: RelationIndex;
  readonly deps: RelationIndex;
  readonly dependents: RelationIndex;
  readonly provides: RelationIndex;
  readonly providers: RelationIndex;

  constructor(sortedRefs: string[]) {
    const table = new RefTable(sortedRefs);
    this.table = table;
    this.members = new RelationIndex(table);
    this.memberships = new RelationIndex(table);
    this.owners = new RelationIndex(table);
    this.owns = new RelationIndex(table);
    this.parents = new RelationIndex(table);
    this.deps = new RelationIndex(table);
    this.dependents = new RelationIndex(table);
    this.provides = new RelationIndex(table);
    this.providers = new RelationIndex(table);
  }

  /**
   * Reads every relation into the indexes, in whichever direction the
   * catalog emitted it: `ownedBy` on a Component and `ownerOf` on its Group
   * both make the Group an owner of the Component. The catalog usually
   * emits both, so most pairs arrive twice; sealing sorts each list and
   * drops the duplicates. `entities` come in the order of the refs the
   * indexes were made with.
   */
  index(entities: Iterable<Entity>) {
    const table = this.table;
    const catalogSize = table.refs.length;
    let source = 0;
    for (const entity of entities) {
      const relations = entity.relations;
      const from = source++;
      if (!Array.isArray(relations)) continue;
      const fromUser = this.table.refs[from].startsWith('user:');
      for (const relation of relations) {
        const type = relation?.type;
        if (!INDEXED_RELATIONS.has(type)) continue;
        const target = targetOf(relation);
        if (!target) continue;
        switch (type) {
          case RELATION_MEMBER_OF:
            if (fromUser)
              this.link(
                this.memberships,
                this.members,
                from,
                table.intern(target),
              );
            break;
          case RELATION_HAS_MEMBER:
            if (target.startsWith('user:'))
              this.link(
                this.members,
                this.memberships,
                from,
                table.intern(target),
              );
            break;
          case RELATION_OWNED_BY:
            this.link(this.owners, this.owns, from, table.intern(target));
            break;
          case RELATION_OWNER_OF:
            this.link(this.owns, this.owners, from, table.intern(target));
            break;
          case RELATION_CHILD_OF:
            this.parents.add(from, table.intern(target));
            break;
          case RELATION_PARENT_OF:
            this.parents.add(table.intern(target), from);
            break;
          case RELATION_DEPENDS_ON:
          case RELATION_CONSUMES_API:
            this.link(this.deps, this.dependents, from, table.intern(target));
            break;
          case RELATION_DEPENDENCY_OF:
          case RELATION_API_CONSUMED_BY:
            this.link(this.dependents, this.deps, from, table.intern(target));
            break;
          case RELATION_PROVIDES_API:
            this.link(
              this.provides,
              this.providers,
              from,
              table.intern(target),
            );
            break;
          case RELATION_API_PROVIDED_BY:
            this.link(
              this.providers,
              this.provides,
              from,
              table.intern(target),
            );
            break;
          default:
            break;
        }
      }
    }
    table.rankAll(catalogSize);
    for (const index of [
      this.members,
      this.memberships,
      this.owners,
      this.owns,
      this.parents,
      this.deps,
      this.dependents,
      this.provides,
      this.providers,
    ]) {
      index.seal();
    }
  }

  /** `from` relates to `to` in `index`, and `to` to `from` in `inverse`. */
  private link(
    index: RelationIndex,
    inverse: RelationIndex,
    from: number,
    to: number,
  ) {
    index.add(from, to);
    inverse.add(to, from);
  }
}
