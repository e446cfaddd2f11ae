import type { ProductAdoption, ReportMeta, ScoreLevel } from '../api';
import { compareStrings } from '../util';
import type {
  ConcernReport,
  EntityReport,
  ProductReport,
  TeamReport,
  TeamType,
} from '../types';
import { productAdoption } from './adoption';

/** A platform product named in a team's adoption. @public */
export interface TeamProductRef {
  entityRef: string;
  /** The product's title, or its ref when the report has no title for it. */
  title: string;
}

/** A product a team declined, and why. @public */
export interface TeamDeclinedProduct extends TeamProductRef {
  /** As the team wrote it; absent when it gave no reason. */
  reason?: string;
}

/** A concern a team builds itself although a product covers it. @public */
export interface TeamRebuiltConcern {
  concern: string;
  /** The products that cover it. */
  products: string[];
}

/**
 * One team's platform adoption: what it uses, declined and rebuilds, and the
 * products it owns with their adopters. Every list is sorted by ref.
 * @public
 */
export interface TeamAdoption {
  /** Products of other teams the team uses (adopts). */
  used: TeamProductRef[];
  /** Products the team declined in `team-insights.io/declined-products`. */
  declined: TeamDeclinedProduct[];
  /** Concerns whose verdict is `rebuilt` that the team builds itself. */
  rebuilt: TeamRebuiltConcern[];
  /**
   * Mandatory products of other teams the team does not use (declined ones
   * included): imposed, and still not adopted.
   */
  mandatoryMissing: TeamProductRef[];
  /**
   * The products the team owns, with their adopters, decliners (with
   * reasons) and adoption rate: what a centralized team's view shows.
   */
  products: ProductAdoption[];
}

/** One entity a team owns, as its Group tab lists it. @public */
export interface OwnedEntitySummary {
  entityRef: string;
  title: string;
  /** The entity's kind, as the report writes it (lower case). */
  kind: string;
  product: boolean;
  documentation: ScoreLevel;
}

/**
 * What a team's Group tab shows beside its scorecards, in one answer.
 * @public
 */
export interface TeamDetails {
  entityRef: string;
  title: string;
  teamType: TeamType;
  /** `thresholds.redundancyMinPeople`: fewer people make a cluster at risk. */
  redundancyMinPeople: number;
  /**
   * Required clusters the team holds, but with fewer than
   * `redundancyMinPeople` people: the single points of failure the
   * `composition.redundancy` check names. Sorted.
   */
  singlePointsOfFailure: string[];
  adoption: TeamAdoption;
  /** The documented entities the team owns, worst documented first. */
  owned: OwnedEntitySummary[];
}

/** `GET /teams/{namespace}/{name}/details` @public */
export type TeamDetailsResponse = ReportMeta & TeamDetails;

const lower = (ref: string) => ref.toLowerCase();
const byRef = (a: { entityRef: string }, b: { entityRef: string }) =>
  compareStrings(a.entityRef, b.entityRef);

/**
 * The required clusters of `team` held by at least one person but by fewer
 * than `minPeople` (`thresholds.redundancyMinPeople`), sorted: the clusters
 * the `composition.redundancy` check calls single points of failure.
 * @public
 */
export function singlePointsOfFailure(
  team: Pick<TeamReport, 'requiredSkills' | 'skills'>,
  minPeople: number,
): string[] {
  const held = new Map(team.skills.map(s => [s.cluster, s.people]));
  return team.requiredSkills
    .filter(cluster => {
      const people = held.get(cluster) ?? 0;
      return people > 0 && people < minPeople;
    })
    .sort(compareStrings);
}

/**
 * The documented entities among `owned` (a team's owned refs), from
 * `entities`, worst documented first (unscored last), then by ref. Refs
 * without an entity in `entities` (not documented, or not visible) are left
 * out.
 * @public
 */
export function ownedEntitySummaries(
  owned: readonly string[],
  entities: readonly EntityReport[],
): OwnedEntitySummary[] {
  const byKey = new Map(entities.map(e => [lower(e.entityRef), e]));
  const seen = new Set<string>();
  const rows: OwnedEntitySummary[] = [];
  for (const ref of owned) {
    const key = lower(ref);
    const entity = byKey.get(key);
    if (!entity || seen.has(key)) continue;
    seen.add(key);
    const { score, level } = entity.scorecards.documentation;
    rows.push({
      entityRef: entity.entityRef,
      title: entity.title,
      kind: entity.kind,
      product: entity.product,
      documentation: { score, level },
    });
  }
  return rows.sort(
    (a, b) =>
      (a.documentation.score ?? 101) - (b.documentation.score ?? 101) ||
      byRef(a, b),
  );
}

/**
 * One team's adoption over the given teams, products, entities and
 * concerns: give it what a caller may see and it names nothing else.
 * `entities` only give products their titles.
 * @public
 */
export function teamAdoption(input: {
  teamRef: string;
  teams: readonly TeamReport[];
  products: readonly ProductReport[];
  entities: readonly EntityReport[];
  concerns: readonly ConcernReport[];
}): TeamAdoption {
  const ref = lower(input.teamRef);
  const titles = new Map(input.entities.map(e => [lower(e.entityRef), e]));
  const named = (product: ProductReport): TeamProductRef => ({
    entityRef: product.entityRef,
    title: titles.get(lower(product.entityRef))?.title ?? product.entityRef,
  });
  const includes = (refs: readonly string[]) =>
    refs.some(r => lower(r) === ref);
  const products = [...input.products].sort(byRef);
  const others = products.filter(p => lower(p.owner ?? '') !== ref);

  const used = others.filter(p => includes(p.adopters));
  const declined = others
    .filter(p => includes(p.declinedBy))
    .map(product => {
      const row: TeamDeclinedProduct = named(product);
      const reason = product.declineReasons?.find(
        r => lower(r.teamRef) === ref,
      )?.reason;
      if (reason !== undefined) row.reason = reason;
      return row;
    });
  const rebuilt = input.concerns
    .filter(c => c.verdict === 'rebuilt' && includes(c.builtBy))
    .map(c => ({ concern: c.concern, products: [...c.products] }))
    .sort((a, b) => compareStrings(a.concern, b.concern));
  const mandatoryMissing = others
    .filter(p => p.mandatory && !includes(p.adopters))
    .map(named);
  const own = products.filter(p => lower(p.owner ?? '') === ref);
  const ownAdoption = productAdoption({
    teams: input.teams,
    products: own,
    entities: input.entities,
  }).products.sort(byRef);

  return {
    used: used.map(named),
    declined,
    rebuilt,
    mandatoryMissing,
    products: ownAdoption,
  };
}

/**
 * What a team's Group tab shows beside its scorecards: its adoption (see
 * {@link teamAdoption}), its owned entities' documentation (see
 * {@link ownedEntitySummaries}) and its single points of failure by the
 * configured `redundancyMinPeople` (see {@link singlePointsOfFailure}), so
 * the tab and the `composition.redundancy` check always agree. Give it what
 * a caller may see and it names nothing else.
 * @public
 */
export function teamDetails(input: {
  team: TeamReport;
  teams: readonly TeamReport[];
  products: readonly ProductReport[];
  entities: readonly EntityReport[];
  concerns: readonly ConcernReport[];
  redundancyMinPeople: number;
}): TeamDetails {
  const { team, redundancyMinPeople } = input;
  return {
    entityRef: team.entityRef,
    title: team.title,
    teamType: team.teamType,
    redundancyMinPeople,
    singlePointsOfFailure: singlePointsOfFailure(team, redundancyMinPeople),
    adoption: teamAdoption({ ...input, teamRef: team.entityRef }),
    owned: ownedEntitySummaries(team.owned, input.entities),
  };
}
