import type { Entity } from '@backstage/catalog-model';
import type { TeamInsightsConfig } from './config';
import type { CheckStatus, ScorecardId, SkillHolding, TeamType } from './types';

/**
 * A team as the engine sees it, for custom checks.
 * @public
 */
export interface TeamView {
  entityRef: string;
  entity: Entity;
  title: string;
  teamType: TeamType;
  teamTypeDeclared: boolean;
  /** User members (direct `memberOf`), sorted refs. */
  members: string[];
  /** Head counts from the Group's `team-insights.io/skills`, by cluster. */
  headCounts: Record<string, number>;
  /** Members plus head counts. */
  size: number;
  /** Held clusters, sorted by cluster id. */
  skills: SkillHolding[];
  /** Required clusters, sorted. */
  requiredSkills: string[];
  /** Entities the team owns (direct `ownedBy`), sorted refs. */
  owned: string[];
  /** Targets of `dependsOn` / `consumesApi` of the owned entities, sorted. */
  dependsOn: string[];
  /** Parent group, if any. */
  parent?: string;
  /** Organisational units above the team, nearest first. */
  orgUnits: string[];
  /** Products the team declared it does not use, sorted refs. */
  declinedProducts: string[];
}

/**
 * A Component, API, Resource, System or Domain as the engine sees it.
 * @public
 */
export interface EntityView {
  entityRef: string;
  entity: Entity;
  /** Lower-case kind, e.g. `component`. */
  kind: string;
  title: string;
  /** Owner ref (from `ownedBy`, else `spec.owner`), if any. */
  owner?: string;
  product: boolean;
  mandatory: boolean;
  concern?: string;
}

/**
 * Read access to the organisation model of SPEC §3. All refs are lower-case
 * full refs (`kind:namespace/name`), as the catalog writes them in relations.
 * @public
 */
export interface OrganisationView {
  /** The entity with this ref, if it was part of the evaluation. */
  entity(ref: string): Entity | undefined;
  /** The team with this ref, if it is a team. */
  team(ref: string): TeamView | undefined;
  /** Every team, sorted by ref. */
  teams(): TeamView[];
  /** The documentable entity (Component, API, Resource, System, Domain). */
  documentable(ref: string): EntityView | undefined;
  /** Owners (direct `ownedBy`) of an entity, sorted. */
  ownersOf(ref: string): string[];
  /** Targets of `dependsOn` and `consumesApi` of an entity, sorted. */
  dependenciesOf(ref: string): string[];
  /** Entities that depend on or consume this entity, sorted. */
  dependentsOf(ref: string): string[];
  /** APIs a Component provides, sorted. */
  providedApisOf(ref: string): string[];
  /** Components that provide an API, sorted. */
  providersOf(apiRef: string): string[];
  /** Groups a User is a direct member of, sorted. */
  groupsOfMember(userRef: string): string[];
  /** Every product, sorted by ref. */
  products(): EntityView[];
  /** Teams (not the owner) adopting a product, sorted. */
  adoptersOf(productRef: string): string[];
}

/**
 * What a check found.
 * @public
 */
export interface CheckOutcome {
  status: CheckStatus;
  /** What was found, in numbers and names. */
  message: string;
  /** What to change; may contain a fenced YAML snippet. */
  remediation?: string;
  /** Refs the outcome is about (failing entities, named teams…). */
  entities?: string[];
}

/**
 * What a custom check is given: a team (composition and adoption scorecards)
 * or an entity (documentation scorecard), and the organisation.
 * @public
 */
export type TeamInsightsCheckContext =
  | {
      subject: 'team';
      team: TeamView;
      org: OrganisationView;
      config: TeamInsightsConfig;
    }
  | {
      subject: 'entity';
      entity: EntityView;
      org: OrganisationView;
      config: TeamInsightsConfig;
    };

/**
 * A check added by a backend module (SPEC §4.4). It runs in the same engine
 * as the built-in ones: weights, waivers, scores, levels and roll-ups apply.
 *
 * Checks of the `composition` and `adoption` scorecards are evaluated for
 * every team (`subject: 'team'`); checks of the `documentation` scorecard for
 * every Component, API, Resource, System and Domain (`subject: 'entity'`),
 * and a team's documentation scorecard reports their pass rate across the
 * entities it owns. Return `not-applicable` for subjects the check does not
 * judge. A check that throws is reported as `not-applicable` with an error
 * finding; it never stops the evaluation.
 * @public
 */
export interface TeamInsightsCheck {
  /** Unique id, e.g. `composition.on-call`. */
  id: string;
  scorecard: ScorecardId;
  title: string;
  /** The rule, for the check catalogue. */
  description: string;
  /** Why the rule matters. */
  rationale?: string;
  /** Default weight; config `teamInsights.weights` overrides it. */
  weight: number;
  /**
   * Extra catalog fields the check reads (see TEAM_INSIGHTS_ENTITY_FIELDS);
   * the backend adds them when it reads the catalog.
   */
  fields?: string[];
  evaluate(context: TeamInsightsCheckContext): CheckOutcome;
}
