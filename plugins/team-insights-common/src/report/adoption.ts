import { ANNOTATION_DECLINED_PRODUCTS } from '../annotations';
import { newFinding } from '../findingCodes';
import { compareStrings } from '../util';
import type { DeclinedBy, ProductAdoption, ScoreLevel } from '../api';
import type {
  EntityReport,
  Finding,
  ProductReport,
  TeamReport,
} from '../types';

/**
 * What a product's adoption rate is made of, over some feature teams: the
 * feature teams among `adopters`, and the feature teams that could adopt it
 * (all but the owner). For "2 of 4 feature teams (50 %)".
 * @public
 */
export function adoptionCounts(
  product: Pick<ProductReport, 'owner' | 'adopters'>,
  featureTeams: ReadonlySet<string>,
): { adopted: number; eligible: number } {
  const owner = product.owner?.toLowerCase();
  const eligible =
    featureTeams.size -
    (owner !== undefined && featureTeams.has(owner) ? 1 : 0);
  const adopted = product.adopters.filter(ref =>
    featureTeams.has(ref.toLowerCase()),
  ).length;
  return { adopted, eligible };
}

/**
 * A product's adoption rate over some teams, as the engine computes it over
 * all of them: the feature teams among `adopters`, divided by the feature
 * teams that do not own the product; 0 when there are none. Rounded to four
 * decimals.
 * @public
 */
export function adoptionRateOver(
  product: Pick<ProductReport, 'owner' | 'adopters'>,
  featureTeams: ReadonlySet<string>,
): number {
  const { adopted, eligible } = adoptionCounts(product, featureTeams);
  return eligible > 0 ? Math.round((adopted / eligible) * 10000) / 10000 : 0;
}

/**
 * The feature teams among `teams`, by lower-case ref.
 * @public
 */
export function featureTeamRefs(
  teams: readonly TeamReport[],
): ReadonlySet<string> {
  return new Set(
    teams
      .filter(team => team.teamType === 'feature')
      .map(team => team.entityRef.toLowerCase()),
  );
}

/** Products nobody adopts first, then by adoption rate, then by ref. */
function compareProducts(a: ProductAdoption, b: ProductAdoption): number {
  return (
    Number(a.adopters.length > 0) - Number(b.adopters.length > 0) ||
    a.adoptionRate - b.adoptionRate ||
    compareStrings(a.entityRef, b.entityRef)
  );
}

/**
 * The adoption of each platform product over the given teams: its title,
 * owner, adopters and decliners (only those among `teams`; decliners also by
 * title with the reason each gave), and its
 * adoption rate over the feature teams among `teams`; plus those feature
 * teams. Give it the teams, products and entities a caller may see and
 * everything it says is about them only. Products nobody adopts come first.
 * @public
 */
export function productAdoption(input: {
  teams: readonly TeamReport[];
  products: readonly ProductReport[];
  entities: readonly EntityReport[];
}): {
  products: ProductAdoption[];
  featureTeams: Array<{ entityRef: string; title: string }>;
} {
  const titles = new Map<string, string>();
  for (const team of input.teams) {
    titles.set(team.entityRef.toLowerCase(), team.title);
  }
  const entities = new Map<string, EntityReport>();
  for (const entity of input.entities) {
    entities.set(entity.entityRef.toLowerCase(), entity);
    titles.set(entity.entityRef.toLowerCase(), entity.title);
  }
  const known = new Set(input.teams.map(t => t.entityRef.toLowerCase()));
  const among = (refs: string[]) =>
    refs.filter(ref => known.has(ref.toLowerCase()));
  const features = featureTeamRefs(input.teams);

  const products = input.products.map(product => {
    const key = product.entityRef.toLowerCase();
    const docs = entities.get(key)?.scorecards.documentation;
    const documentation: ScoreLevel = {
      score: docs?.score ?? product.documentationScore,
      level: docs?.level ?? null,
    };
    const declinedBy = among(product.declinedBy);
    const reasons = new Map(
      (product.declineReasons ?? []).map(r => [
        r.teamRef.toLowerCase(),
        r.reason,
      ]),
    );
    const row: ProductAdoption = {
      entityRef: product.entityRef,
      title: titles.get(key) ?? product.entityRef,
      mandatory: product.mandatory,
      adopters: among(product.adopters),
      declinedBy,
      declined: declinedBy
        .map(teamRef => {
          const item: DeclinedBy = {
            teamRef,
            title: titles.get(teamRef.toLowerCase()) ?? teamRef,
          };
          const reason = reasons.get(teamRef.toLowerCase());
          if (reason !== undefined) item.reason = reason;
          return item;
        })
        .sort(
          (a, b) =>
            a.title.localeCompare(b.title, 'en') ||
            compareStrings(a.teamRef, b.teamRef),
        ),
      adoptionRate: adoptionRateOver(product, features),
      documentation,
    };
    if (product.owner) {
      row.owner = product.owner;
      const ownerTitle = titles.get(product.owner.toLowerCase());
      if (ownerTitle) row.ownerTitle = ownerTitle;
    }
    if (product.concern) row.concern = product.concern;
    return row;
  });

  return {
    products: products.sort(compareProducts),
    featureTeams: input.teams
      .filter(team => team.teamType === 'feature')
      .map(team => ({ entityRef: team.entityRef, title: team.title }))
      .sort((a, b) => a.title.localeCompare(b.title, 'en')),
  };
}

/**
 * The finding's message for a `team-insights.io/declined-products` entry
 * that names no platform product the reader can see: the same words for an
 * entity that does not exist and one the reader may not see, so that the
 * annotation cannot be used to probe which entities exist.
 * @public
 */
export function declinedProductUnresolved(ref: string): string {
  return `'${ref}' does not resolve to a platform product you can see in the catalog; check the kind, namespace and name`;
}

/**
 * The finding for a `team-insights.io/declined-products` entry of `teamRef`
 * that names no platform product the reader can see (see
 * {@link declinedProductUnresolved}): the product's ref is in
 * `params.product`, and in no `entityRefs`, since it names no entity the
 * reader can see.
 * @public
 */
export function declinedProductUnresolvedFinding(
  teamRef: string,
  productRef: string,
): Finding {
  return newFinding({
    code: 'declined-products.unresolved',
    entityRef: teamRef,
    annotation: ANNOTATION_DECLINED_PRODUCTS,
    message: declinedProductUnresolved(productRef),
    params: { product: productRef },
  });
}
