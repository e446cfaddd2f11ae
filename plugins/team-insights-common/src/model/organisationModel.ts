import { Entity } from '@backstage/catalog-model';
import type { TeamInsightsConfig } from '../config';
import type { EntityView, OrganisationView } from '../customChecks';
import {
  DOCUMENTED_KINDS,
  EntityAnnotations,
  LintOptions,
  PRODUCT_KINDS,
  readEntityAnnotations,
} from '../lint';
import type { Finding, TeamType } from '../types';
import { newFinding } from '../findingCodes';
import { declinedProductUnresolvedFinding } from '../report/adoption';
import {
  compareStrings,
  normalizeRef,
  sortedUnique,
  specString,
} from '../util';
import { type TeamInfo } from './teamInfo';
import { type Index, add, containsSorted, listOf, seal } from './indexes';
import { peopleOf, skillHoldings } from './people';
import { Relations } from './relations';
import { titleOf, uniqueByRef } from './entities';

/** The organisation model: indexes, teams, org units, products. */
export class OrganisationModel implements OrganisationView {
  readonly entities = new Map<string, Entity>();
  readonly annotations = new Map<string, EntityAnnotations>();
  readonly teamsByRef = new Map<string, TeamInfo>();
  readonly orgUnitRefs: string[] = [];
  readonly documentables = new Map<string, EntityView>();
  /** Findings that need the whole catalog (e.g. unresolved refs). */
  readonly contextFindings: Finding[] = [];

  private readonly relations: Relations;
  private readonly adopters: Index = new Map();
  private readonly declinedBy: Index = new Map();
  /** Why a team declined a product, by `product ref\nteam ref`. */
  private readonly declineReasons = new Map<string, string>();
  private readonly productsByConcern: Index = new Map();
  private sortedTeams?: TeamInfo[];

  constructor(
    entities: Entity[],
    readonly config: TeamInsightsConfig,
    lintOptions: LintOptions,
  ) {
    const byRef = uniqueByRef(entities);
    const sortedRefs = Array.from(byRef.keys()).sort(compareStrings);
    for (const ref of sortedRefs) {
      this.entities.set(ref, byRef.get(ref)!);
    }
    this.relations = new Relations(sortedRefs);

    for (const [ref, entity] of this.entities) {
      this.annotations.set(
        ref,
        readEntityAnnotations(entity, lintOptions, ref),
      );
    }
    this.relations.index(this.entities.values());
    this.buildTeams();
    this.buildDocumentables();
    this.resolveDeclinedProducts();
    this.buildAdopters();
    seal(this.declinedBy);
    seal(this.productsByConcern);
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
      const members = this.userMembersOf(ref);
      const headCounts = annotations.skills.headCounts;
      const { people, membersDeclaringSkills, headCount } = peopleOf(
        members,
        member => this.annotations.get(member)!.skills,
        headCounts,
      );
      const owned = listOf(this.relations.owns, ref).slice();
      const dependsOn = new Set<string>();
      for (const o of owned) {
        for (const d of this.relations.deps.get(o) ?? []) dependsOn.add(d);
      }
      const parents = listOf(this.relations.parents, ref);
      this.teamsByRef.set(ref, {
        entityRef: ref,
        entity,
        title: titleOf(entity),
        teamType,
        teamTypeDeclared: declared.has(ref),
        members,
        headCounts: { ...headCounts },
        size: members.length + headCount,
        skills: skillHoldings(people),
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
    return listOf(this.relations.parents, ref)[0];
  }

  /** Ancestors of a group, breadth first (nearest first), without cycles. */
  ancestors(ref: string): string[] {
    const seen = new Set<string>([ref]);
    const result: string[] = [];
    let frontier = [ref];
    while (frontier.length) {
      const next: string[] = [];
      for (const r of frontier) {
        for (const p of listOf(this.relations.parents, r)) {
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
      const owners = listOf(this.relations.owners, ref);
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
          this.contextFindings.push(
            declinedProductUnresolvedFinding(team.entityRef, ref),
          );
        } else if (!target?.product) {
          this.contextFindings.push(
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
          add(this.declinedBy, ref, team.entityRef);
          const reason = team.annotations.declineReasons[ref];
          if (reason !== undefined) {
            this.declineReasons.set(`${ref}\n${team.entityRef}`, reason);
          }
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
      const productOwners = listOf(this.relations.owners, view.entityRef);
      const users = new Set<string>();
      for (const d of this.relations.dependents.get(view.entityRef) ?? [])
        users.add(d);
      for (const api of this.relations.provides.get(view.entityRef) ?? []) {
        for (const d of this.relations.dependents.get(api) ?? []) users.add(d);
      }
      const teams = new Set<string>();
      for (const user of users) {
        for (const owner of this.relations.owners.get(user) ?? []) {
          if (this.teamsByRef.has(owner) && !productOwners.includes(owner)) {
            teams.add(owner);
          }
        }
      }
      this.adopters.set(view.entityRef, sortedUnique(teams));
    }
  }

  // --- OrganisationView -------------------------------------------------
  // The public methods accept refs in any case and return copies, so that a
  // custom check cannot change the model. The checks inside this package
  // call the `…Refs` methods, which take lower-case refs (as the model
  // stores them) and return the model's own sorted lists without copying.

  entity(ref: string): Entity | undefined {
    return this.entities.get(ref.toLowerCase());
  }

  team(ref: string): TeamInfo | undefined {
    return this.teamsByRef.get(ref.toLowerCase());
  }

  teams(): TeamInfo[] {
    this.sortedTeams ??= Array.from(this.teamsByRef.values()).sort((a, b) =>
      compareStrings(a.entityRef, b.entityRef),
    );
    return this.sortedTeams.slice();
  }

  documentable(ref: string): EntityView | undefined {
    return this.documentables.get(ref.toLowerCase());
  }

  ownersOf(ref: string): string[] {
    return listOf(this.relations.owners, ref.toLowerCase()).slice();
  }

  dependenciesOf(ref: string): string[] {
    return listOf(this.relations.deps, ref.toLowerCase()).slice();
  }

  dependentsOf(ref: string): string[] {
    return listOf(this.relations.dependents, ref.toLowerCase()).slice();
  }

  providedApisOf(ref: string): string[] {
    return listOf(this.relations.provides, ref.toLowerCase()).slice();
  }

  /** Components that provide an API, sorted. */
  providersOf(apiRef: string): string[] {
    return listOf(this.relations.providers, apiRef.toLowerCase()).slice();
  }

  products(): EntityView[] {
    return Array.from(this.documentables.values())
      .filter(v => v.product)
      .sort((a, b) => compareStrings(a.entityRef, b.entityRef));
  }

  /** Products carrying a concern, sorted. */
  productsWithConcern(concern: string): EntityView[] {
    return listOf(this.productsByConcern, concern).map(
      r => this.documentables.get(r)!,
    );
  }

  adoptersOf(productRef: string): string[] {
    return listOf(this.adopters, productRef.toLowerCase()).slice();
  }

  declinersOf(productRef: string): string[] {
    return listOf(this.declinedBy, productRef).slice();
  }

  /** The reasons the decliners of a product gave, by team ref. */
  declineReasonsOf(
    productRef: string,
  ): Array<{ teamRef: string; reason: string }> {
    return this.declinersOf(productRef).flatMap(teamRef => {
      const reason = this.declineReasons.get(`${productRef}\n${teamRef}`);
      return reason === undefined ? [] : [{ teamRef, reason }];
    });
  }

  /** Members of a group that exist as Users, sorted. */
  membersOf(ref: string): string[] {
    return this.userMembersOf(ref);
  }

  /** Groups a User is a direct member of, sorted. */
  groupsOfMember(userRef: string): string[] {
    return listOf(this.relations.memberships, userRef.toLowerCase()).slice();
  }

  // --- without copies, for the built-in checks ---------------------------

  /** Owners of an entity (lower-case ref), sorted; do not modify. */
  ownerRefs(ref: string): readonly string[] {
    return listOf(this.relations.owners, ref);
  }

  /** Components providing an API (lower-case ref), sorted; do not modify. */
  providerRefs(apiRef: string): readonly string[] {
    return listOf(this.relations.providers, apiRef);
  }

  /** APIs a Component (lower-case ref) provides, sorted; do not modify. */
  providedApiRefs(ref: string): readonly string[] {
    return listOf(this.relations.provides, ref);
  }

  /** Whether a team adopts a product (both lower-case refs). */
  isAdopter(teamRef: string, productRef: string): boolean {
    return containsSorted(listOf(this.adopters, productRef), teamRef);
  }

  /** Teams adopting a product (lower-case ref), sorted; do not modify. */
  adopterRefs(productRef: string): readonly string[] {
    return listOf(this.adopters, productRef);
  }

  private userMembersOf(ref: string): string[] {
    return listOf(this.relations.members, ref).filter(
      m => this.annotations.get(m)?.kind === 'user',
    );
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
