import { Entity } from '@backstage/catalog-model';
import type { TeamInsightsConfig } from '../config';
import type { EntityView, OrganisationView } from '../customChecks';
import { EntityAnnotations, LintOptions, readEntityAnnotations } from '../lint';
import type { Finding } from '../types';
import { compareStrings } from '../util';
import { type TeamInfo } from './teamInfo';
import { type Index, containsSorted, listOf, seal } from './indexes';
import { Relations } from './relations';
import { titleOf, uniqueByRef } from './entities';
import { ancestorsOf, userMembersOf } from './lookups';
import {
  buildAdopters,
  buildDocumentables,
  resolveDeclinedProducts,
} from './products';
import { buildTeams } from './teams';

/**
 * The organisation model: indexes, teams, org units, products. Built by the
 * helpers of this folder (teams.ts, products.ts); the class answers the
 * look-ups.
 */
export class OrganisationModel implements OrganisationView {
  readonly entities = new Map<string, Entity>();
  readonly annotations = new Map<string, EntityAnnotations>();
  readonly teamsByRef: Map<string, TeamInfo>;
  readonly orgUnitRefs: string[];
  readonly documentables: Map<string, EntityView>;
  /** Findings that need the whole catalog (e.g. unresolved refs). */
  readonly contextFindings: Finding[];

  private readonly relations: Relations;
  private readonly adopters: Index;
  private readonly declinedBy: Index;
  /** Why a team declined a product, by `product ref\nteam ref`. */
  private readonly declineReasons: Map<string, string>;
  private readonly productsByConcern: Index;
  private readonly productViewsByConcern = new Map<
    string,
    readonly EntityView[]
  >();
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
    const catalog = {
      entities: this.entities,
      annotations: this.annotations,
      relations: this.relations,
      config,
    };
    ({ teamsByRef: this.teamsByRef, orgUnitRefs: this.orgUnitRefs } =
      buildTeams(catalog));
    this.documentables = buildDocumentables(catalog, this.teamsByRef);
    const declines = resolveDeclinedProducts(
      this.entities,
      this.teamsByRef.values(),
      this.documentables,
    );
    this.declinedBy = declines.declinedBy;
    this.declineReasons = declines.declineReasons;
    this.contextFindings = declines.findings;
    ({ adopters: this.adopters, productsByConcern: this.productsByConcern } =
      buildAdopters(this.relations, this.teamsByRef, this.documentables));
    seal(this.declinedBy);
    seal(this.productsByConcern);
  }

  /** The first parent of a group (sorted), if any. */
  parentOf(ref: string): string | undefined {
    return listOf(this.relations.parents, ref)[0];
  }

  /** Ancestors of a group, breadth first (nearest first), without cycles. */
  ancestors(ref: string): string[] {
    return ancestorsOf(this.relations, ref);
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

  /** Products carrying a concern, sorted; the same array on every call. */
  productsWithConcern(concern: string): readonly EntityView[] {
    let views = this.productViewsByConcern.get(concern);
    if (!views) {
      views = listOf(this.productsByConcern, concern).map(
        r => this.documentables.get(r)!,
      );
      this.productViewsByConcern.set(concern, views);
    }
    return views;
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
    return userMembersOf(this.relations, this.annotations, ref);
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
