import { Entity } from '@backstage/catalog-model';
import { createDraft } from './draft';
import { declineProducts, linkEntities } from './links';
import { addOrgUnits } from './orgUnits';
import { addOwnedEntities } from './ownedEntities';
import { attachCatalogRelations } from './relations';
import { addTeams, TeamDraft } from './teams';
import { addUsers } from './users';

/** Options of {@link generateOrganisation}. @public */
export interface GenerateOrganisationOptions {
  /** Total number of entities, at least 100. */
  size: number;
  /** Seed of the PRNG; the same seed gives byte-identical output. Default 1. */
  seed?: number;
  /**
   * The day waivers are dated from, `YYYY-MM-DD`: active waivers end after
   * it, expired ones before it. Default `2026-06-01`.
   */
  referenceDate?: string;
}

/** What a synthetic organisation is made of. @public */
export interface OrganisationStats {
  /** Entities per kind. */
  byKind: Record<string, number>;
  /** Teams per declared team type; `undeclared` have no (valid) team type. */
  teamsByType: Record<
    'feature' | 'centralized' | 'expertise' | 'undeclared',
    number
  >;
  /** Groups that are not teams: the organisation, divisions and tribes. */
  orgUnits: number;
  /** Relations attached to entities, both directions counted. */
  relations: number;
  /** Deliberate mistakes, by kind, so that findings can be checked. */
  mistakes: Record<string, number>;
}

/** A generated organisation, as the catalog would serve it. @public */
export interface SyntheticOrganisation {
  size: number;
  seed: number;
  referenceDate: string;
  /**
   * Every entity with `relations` as the catalog stitches them, plus the
   * fields the catalog adds (`metadata.uid`, `metadata.etag`, the
   * `backstage.io/managed-by-location` annotations).
   */
  entities: Entity[];
  /** Refs of Groups with `spec.type: team`, sorted. */
  teamRefs: string[];
  /**
   * Relation targets that deliberately do not exist (an owner that left, a
   * dependency on a deleted component), sorted.
   */
  danglingRefs: string[];
  stats: OrganisationStats;
}

/** Drops undefined fields, as a YAML or JSON round trip through the catalog would. */
function dropUndefinedFields(entities: Entity[]): void {
  for (const entity of entities) {
    const metadata = entity.metadata as Record<string, unknown>;
    for (const key of Object.keys(metadata)) {
      if (metadata[key] === undefined) delete metadata[key];
    }
    const spec = entity.spec as Record<string, unknown>;
    for (const key of Object.keys(spec)) {
      if (spec[key] === undefined) delete spec[key];
    }
  }
}

/** Teams per declared team type: a misspelt type counts as undeclared. */
function countTeamsByType(
  teams: TeamDraft[],
): OrganisationStats['teamsByType'] {
  const teamsByType = {
    feature: 0,
    centralized: 0,
    expertise: 0,
    undeclared: 0,
  };
  for (const team of teams) {
    const declared =
      team.entity.metadata.annotations?.['team-insights.io/team-type'];
    teamsByType[declared === 'stream-alinged' ? 'undeclared' : team.type]++;
  }
  return teamsByType;
}

/**
 * Generates a synthetic organisation of exactly `size` entities from a
 * seed: organisational units, teams of the three types with members and
 * head counts, Components, APIs, Resources and Systems with ownership,
 * dependencies, API consumption, platform products, concerns, waivers and
 * a few annotation mistakes. The entities carry `relations` exactly as the
 * catalog would stitch them.
 *
 * @remarks
 *
 * The split per kind follows large real catalogs: about a third Users, a
 * twentieth teams, the rest mostly Components, APIs and Resources.
 * Everything is drawn from a mulberry32 PRNG: the same options give the
 * same entities, byte for byte.
 *
 * @public
 */
export function generateOrganisation(
  options: GenerateOrganisationOptions,
): SyntheticOrganisation {
  const size = options.size;
  if (!Number.isInteger(size) || size < 100 || size > 1_000_000) {
    throw new RangeError(
      `size must be an integer from 100 to 1000000, got ${size}`,
    );
  }
  const seed = options.seed ?? 1;
  const referenceDate = options.referenceDate ?? '2026-06-01';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) {
    throw new RangeError(
      `referenceDate must be YYYY-MM-DD, got ${referenceDate}`,
    );
  }

  // How many of each kind. Components take what is left, so the total is exact.
  const teamCount = Math.max(4, Math.round(size * 0.05));
  const divisionCount = Math.max(
    2,
    Math.min(40, Math.round(Math.sqrt(teamCount) / 2)),
  );
  const tribeCount = Math.max(divisionCount, Math.round(teamCount / 8));
  const orgUnitCount = 1 + divisionCount + tribeCount;
  const systemCount = Math.max(2, Math.round(size * 0.02));
  const userCount = Math.round(size * 0.33);
  const apiCount = Math.max(2, Math.round(size * 0.09));
  const resourceCount = Math.max(2, Math.round(size * 0.11));
  const componentCount =
    size -
    orgUnitCount -
    teamCount -
    systemCount -
    userCount -
    apiCount -
    resourceCount;

  const draft = createDraft(seed, referenceDate);
  const { entities } = draft;
  const tribes = addOrgUnits(draft, divisionCount, tribeCount);
  const teams = addTeams(draft, teamCount, tribes);
  addUsers(draft, userCount, teams.teams);
  const allComponents = addOwnedEntities(
    draft,
    {
      systems: systemCount,
      apis: apiCount,
      resources: resourceCount,
      components: componentCount,
    },
    teams,
  );
  linkEntities(draft, teams, allComponents);
  declineProducts(draft, teams);
  dropUndefinedFields(entities);
  const relations = attachCatalogRelations(entities);

  const byKind: Record<string, number> = {};
  for (const entity of entities) {
    byKind[entity.kind] = (byKind[entity.kind] ?? 0) + 1;
  }
  return {
    size,
    seed,
    referenceDate,
    entities,
    teamRefs: teams.teams.map(t => t.ref).sort(),
    danglingRefs: [...draft.dangling].sort(),
    stats: {
      byKind,
      teamsByType: countTeamsByType(teams.teams),
      orgUnits: orgUnitCount,
      relations,
      mistakes: draft.mistakes,
    },
  };
}
