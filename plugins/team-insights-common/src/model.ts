/**
 * The organisation model of SPEC §3, built once from catalog entities and
 * their relations. Every index is a map keyed by lower-case entity ref, so the
 * whole model is linear in entities + relations; relations are read in both
 * directions the catalog may emit them (e.g. `memberOf` on the User or
 * `hasMember` on the Group), without assuming both exist.
 */
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
import type { TeamInsightsConfig } from './config';
import type { EntityView, OrganisationView, TeamView } from './customChecks';
import {
  DOCUMENTED_KINDS,
  EntityAnnotations,
  LintOptions,
  PRODUCT_KINDS,
  readEntityAnnotations,
} from './lint';
import type { Finding, SkillHolding, TeamType } from './types';
import {
  compareStrings,
  entityRefOf,
  kindOfRef,
  normalizeRef,
  sortedUnique,
  specString,
} from './util';

/** One person of a team: a User member or one head count. */
export interface Person {
  /** The User's ref, or undefined for a head count. */
  ref?: string;
  clusters: string[];
  primary?: string;
}

/** A team with everything the checks need. */
export interface TeamInfo extends TeamView {
  annotations: EntityAnnotations;
  people: Person[];
  /** Members whose skills annotation has at least one item. */
  membersDeclaringSkills: string[];
}

type Index = Map<string, Set<string>>;

function add(index: Index, key: string, value: string) {
  let set = index.get(key);
  if (!set) {
    set = new Set();
    index.set(key, set);
  }
  set.add(value);
}

function sortedOf(index: Index, key: string): string[] {
  const set = index.get(key);
  return set ? Array.from(set).sort(compareStrings) : [];
}

function targetOf(relation: unknown): string | undefined {
  if (!relation || typeof relation !== 'object') return undefined;
  const r = relation as {
    targetRef?: unknown;
    target?: { kind?: unknown; namespace?: unknown; name?: unknown };
  };
  if (typeof r.targetRef === 'string' && r.targetRef.length <= 1024) {
    return normalizeRef(r.targetRef);
  }
  const t = r.target;
  if (t && typeof t === 'object' && typeof t.name === 'string') {
    return normalizeRef(
      `${String(t.kind ?? '')}:${String(t.namespace ?? 'default')}/${t.name}`,
    );
  }
  return undefined;
}

function titleOf(entity: Entity): string {
  const title = entity.metadata?.title;
  if (typeof title === 'string' && title.trim()) return title.trim();
  const profile = (entity.spec as { profile?: { displayName?: unknown } })
    ?.profile;
  if (
    profile &&
    typeof profile === 'object' &&
    typeof profile.displayName === 'string' &&
    profile.displayName.trim()
  ) {
    return profile.displayName.trim();
  }
  return String(entity.metadata?.name ?? '');
}

/** The organisation model: indexes, teams, org units, products. */
export class OrganisationModel implements OrganisationView {
  readonly entities = new Map<string, Entity>();
  readonly annotations = new Map<string, EntityAnnotations>();
  readonly teamsByRef = new Map<string, TeamInfo>();
  readonly orgUnitRefs: string[] = [];
  readonly documentables = new Map<string, EntityView>();
  /** Findings that need the whole catalog (e.g. unresolved refs). */
  readonly contextFindings: Finding[] = [];

  private readonly members: Index = new Map();
  private readonly memberships: Index = new Map();
  private readonly owners: Index = new Map();
  private readonly owns: Index = new Map();
  private readonly parents: Index = new Map();
  private readonly deps: Index = new Map();
  private readonly dependents: Index = new Map();
  private readonly provides: Index = new Map();
  private readonly providers: Index = new Map();
  private readonly adopters = new Map<string, string[]>();
  private readonly declinedBy: Index = new Map();
  private readonly productsByConcern: Index = new Map();

  constructor(
    entities: Entity[],
    readonly config: TeamInsightsConfig,
    lintOptions: LintOptions,
  ) {
    // de-duplicate by ref deterministically, whatever the input order
    const byRef = new Map<string, { entity: Entity; key: string }>();
    for (const entity of entities) {
      if (!entity || typeof entity !== 'object' || !entity.metadata) continue;
      if (typeof entity.metadata.name !== 'string') continue;
      const ref = entityRefOf(entity);
      const previous = byRef.get(ref);
      if (!previous) {
        byRef.set(ref, { entity, key: '' });
      } else {
        const key = previous.key || JSON.stringify(previous.entity);
        const candidate = JSON.stringify(entity);
        byRef.set(
          ref,
          compareStrings(candidate, key) < 0
            ? { entity, key: candidate }
            : { entity: previous.entity, key },
        );
      }
    }
    for (const ref of Array.from(byRef.keys()).sort(compareStrings)) {
      this.entities.set(ref, byRef.get(ref)!.entity);
    }

    for (const [ref, entity] of this.entities) {
      this.annotations.set(ref, readEntityAnnotations(entity, lintOptions));
      this.indexRelations(ref, entity);
    }
    this.buildTeams();
    this.buildDocumentables();
    this.resolveDeclinedProducts();
    this.buildAdopters();
  }

  private indexRelations(ref: string, entity: Entity) {
    const relations = Array.isArray(entity.relations) ? entity.relations : [];
    const kind = kindOfRef(ref);
    for (const relation of relations) {
      const target = targetOf(relation);
      if (!target) continue;
      switch (relation.type) {
        case RELATION_MEMBER_OF:
          if (kind === 'user') {
            add(this.members, target, ref);
            add(this.memberships, ref, target);
          }
          break;
        case RELATION_HAS_MEMBER:
          if (kindOfRef(target) === 'user') {
            add(this.members, ref, target);
            add(this.memberships, target, ref);
          }
          break;
        case RELATION_OWNED_BY:
          add(this.owners, ref, target);
          add(this.owns, target, ref);
          break;
        case RELATION_OWNER_OF:
          add(this.owners, target, ref);
          add(this.owns, ref, target);
          break;
        case RELATION_CHILD_OF:
          add(this.parents, ref, target);
          break;
        case RELATION_PARENT_OF:
          add(this.parents, target, ref);
          break;
        case RELATION_DEPENDS_ON:
        case RELATION_CONSUMES_API:
          add(this.deps, ref, target);
          add(this.dependents, target, ref);
          break;
        case RELATION_DEPENDENCY_OF:
        case RELATION_API_CONSUMED_BY:
          add(this.deps, target, ref);
          add(this.dependents, ref, target);
          break;
        case RELATION_PROVIDES_API:
          add(this.provides, ref, target);
          add(this.providers, target, ref);
          break;
        case RELATION_API_PROVIDED_BY:
          add(this.provides, target, ref);
          add(this.providers, ref, target);
          break;
        default:
          break;
      }
    }
  }

  private buildTeams() {
    const teamTypes = new Map<string, TeamType>();
    const declared = new Set<string>();
    for (const [ref, a] of this.annotations) {
      if (a.kind !== 'group') continue;
      const entity = this.entities.get(ref)!;
      const specType = specString(entity, 'type');
      if (a.teamType) {
        teamTypes.set(ref, a.teamType);
        declared.add(ref);
      } else if (specType?.trim().toLowerCase() === 'team') {
        teamTypes.set(ref, 'feature');
      } else {
        this.orgUnitRefs.push(ref);
      }
    }
    for (const [ref, teamType] of teamTypes) {
      const entity = this.entities.get(ref)!;
      const annotations = this.annotations.get(ref)!;
      const members = sortedOf(this.members, ref).filter(
        m => this.annotations.get(m)?.kind === 'user',
      );
      const people: Person[] = [];
      const membersDeclaringSkills: string[] = [];
      for (const member of members) {
        const skills = this.annotations.get(member)!.skills;
        if (skills.declared) membersDeclaringSkills.push(member);
        people.push({
          ref: member,
          clusters: skills.clusters,
          primary: skills.primary,
        });
      }
      const headCounts = annotations.skills.headCounts;
      let headCount = 0;
      for (const cluster of Object.keys(headCounts).sort(compareStrings)) {
        const count = headCounts[cluster];
        headCount += count;
        for (let i = 0; i < count; i++) {
          people.push({ clusters: [cluster], primary: cluster });
        }
      }
      const holdings = new Map<string, SkillHolding>();
      for (const person of people) {
        for (const cluster of person.clusters) {
          let holding = holdings.get(cluster);
          if (!holding) {
            holding = { cluster, people: 0, primary: 0 };
            holdings.set(cluster, holding);
          }
          holding.people += 1;
          if (person.primary === cluster) holding.primary += 1;
        }
      }
      const owned = sortedOf(this.owns, ref);
      const dependsOn = new Set<string>();
      for (const o of owned) {
        for (const d of this.deps.get(o) ?? []) dependsOn.add(d);
      }
      const parents = sortedOf(this.parents, ref);
      this.teamsByRef.set(ref, {
        entityRef: ref,
        entity,
        title: titleOf(entity),
        teamType,
        teamTypeDeclared: declared.has(ref),
        members,
        headCounts: { ...headCounts },
        size: members.length + headCount,
        skills: Array.from(holdings.values()).sort((x, y) =>
          compareStrings(x.cluster, y.cluster),
        ),
        requiredSkills: sortedUnique(
          annotations.requiredSkills ??
            this.config.teamTypes[teamType].requiredSkills,
        ),
        owned,
        dependsOn: sortedUnique(dependsOn),
        parent: parents[0],
        orgUnits: [],
        declinedProducts: [],
        annotations,
        people,
        membersDeclaringSkills,
      });
    }
    // ancestors, nearest first; cycles in the catalog are tolerated
    for (const team of this.teamsByRef.values()) {
      team.orgUnits = this.ancestors(team.entityRef).filter(
        r =>
          !this.teamsByRef.has(r) && this.annotations.get(r)?.kind === 'group',
      );
    }
  }

  /** The first parent of a group (sorted), if any. */
  parentOf(ref: string): string | undefined {
    return sortedOf(this.parents, ref)[0];
  }

  /** Ancestors of a group, breadth first (nearest first), without cycles. */
  ancestors(ref: string): string[] {
    const seen = new Set<string>([ref]);
    const result: string[] = [];
    let frontier = [ref];
    while (frontier.length) {
      const next: string[] = [];
      for (const r of frontier) {
        for (const p of sortedOf(this.parents, r)) {
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

  private buildDocumentables() {
    for (const [ref, a] of this.annotations) {
      if (!DOCUMENTED_KINDS.includes(a.kind)) continue;
      const entity = this.entities.get(ref)!;
      const owners = sortedOf(this.owners, ref);
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
        o => this.teamsByRef.get(o)?.teamType === 'centralized',
      );
      const product = isProductKind && (a.product ?? ownedByCentralized);
      this.documentables.set(ref, {
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
  }

  private resolveDeclinedProducts() {
    for (const team of this.teamsByRef.values()) {
      const resolved: string[] = [];
      for (const ref of team.annotations.declinedProducts) {
        const target = this.documentables.get(ref);
        if (!this.entities.has(ref)) {
          this.contextFindings.push({
            severity: 'error',
            entityRef: team.entityRef,
            annotation: 'team-insights.io/declined-products',
            message: `'${ref}' does not resolve to an entity in the catalog; check the kind, namespace and name`,
          });
        } else if (!target?.product) {
          this.contextFindings.push({
            severity: 'warning',
            entityRef: team.entityRef,
            annotation: 'team-insights.io/declined-products',
            message: `'${ref}' is not a platform product, so there is nothing to decline; remove it from the list`,
          });
        } else {
          resolved.push(ref);
          add(this.declinedBy, ref, team.entityRef);
        }
      }
      team.declinedProducts = sortedUnique(resolved);
    }
  }

  private buildAdopters() {
    for (const view of this.documentables.values()) {
      if (!view.product) continue;
      if (view.concern) {
        add(this.productsByConcern, view.concern, view.entityRef);
      }
      const productOwners = new Set(sortedOf(this.owners, view.entityRef));
      const users = new Set<string>();
      for (const d of this.dependents.get(view.entityRef) ?? []) users.add(d);
      for (const api of this.provides.get(view.entityRef) ?? []) {
        for (const d of this.dependents.get(api) ?? []) users.add(d);
      }
      const teams = new Set<string>();
      for (const user of users) {
        for (const owner of this.owners.get(user) ?? []) {
          if (this.teamsByRef.has(owner) && !productOwners.has(owner)) {
            teams.add(owner);
          }
        }
      }
      this.adopters.set(view.entityRef, sortedUnique(teams));
    }
  }

  // --- OrganisationView -------------------------------------------------

  entity(ref: string): Entity | undefined {
    return this.entities.get(ref.toLowerCase());
  }

  team(ref: string): TeamInfo | undefined {
    return this.teamsByRef.get(ref.toLowerCase());
  }

  teams(): TeamInfo[] {
    return Array.from(this.teamsByRef.values()).sort((a, b) =>
      compareStrings(a.entityRef, b.entityRef),
    );
  }

  documentable(ref: string): EntityView | undefined {
    return this.documentables.get(ref.toLowerCase());
  }

  ownersOf(ref: string): string[] {
    return sortedOf(this.owners, ref.toLowerCase());
  }

  dependenciesOf(ref: string): string[] {
    return sortedOf(this.deps, ref.toLowerCase());
  }

  dependentsOf(ref: string): string[] {
    return sortedOf(this.dependents, ref.toLowerCase());
  }

  providedApisOf(ref: string): string[] {
    return sortedOf(this.provides, ref.toLowerCase());
  }

  /** Components that provide an API, sorted. */
  providersOf(apiRef: string): string[] {
    return sortedOf(this.providers, apiRef.toLowerCase());
  }

  products(): EntityView[] {
    return Array.from(this.documentables.values())
      .filter(v => v.product)
      .sort((a, b) => compareStrings(a.entityRef, b.entityRef));
  }

  /** Products carrying a concern, sorted. */
  productsWithConcern(concern: string): EntityView[] {
    return sortedOf(this.productsByConcern, concern).map(
      r => this.documentables.get(r)!,
    );
  }

  adoptersOf(productRef: string): string[] {
    return [...(this.adopters.get(productRef.toLowerCase()) ?? [])];
  }

  declinersOf(productRef: string): string[] {
    return sortedOf(this.declinedBy, productRef);
  }

  /** Members of a group that exist as Users, sorted. */
  membersOf(ref: string): string[] {
    return sortedOf(this.members, ref).filter(
      m => this.annotations.get(m)?.kind === 'user',
    );
  }

  /** Groups a User is a direct member of, sorted. */
  groupsOfMember(userRef: string): string[] {
    return sortedOf(this.memberships, userRef.toLowerCase());
  }

  /** Whether an entity (by ref) is a product. */
  isProduct(ref: string): boolean {
    return this.documentables.get(ref)?.product === true;
  }

  /** Display title of any entity in the model, or its ref. */
  titleOf(ref: string): string {
    const entity = this.entities.get(ref);
    return entity ? titleOf(entity) : ref;
  }
}
