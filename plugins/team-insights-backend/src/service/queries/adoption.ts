import { NotFoundError } from '@backstage/errors';
import {
  teamAdoption,
  type ProductReport,
  type ReportMeta,
  type ScorecardResult,
  type TeamType,
} from '@team-insights/plugin-team-insights-common';
import type { CallerContext } from './context';
import { indexOf } from './reportIndex';

/** The adoption of a product, or of a team's products. */
export type AdoptionAnswer = ReportMeta & {
  entityRef: string;
  /** `product` for a platform product, `team` for a team. */
  type: 'product' | 'team';
  title: string;
  teamType?: TeamType;
  /** The product itself, or the products the team owns. */
  products: ProductReport[];
  /** For a team: its adoption scorecard. */
  scorecard?: ScorecardResult;
  /** For a team: the products of other teams it uses. */
  adopts?: string[];
  /** For a team: the products it declined. */
  declines?: string[];
};

/**
 * The adoption of a platform product (its adopters and declines), or of a
 * team: the products it owns with theirs, its adoption scorecard, and the
 * products of others it uses or declined. Throws NotFoundError for anything
 * else, or anything the caller cannot see.
 */
export function adoptionOf(
  { report, filter, meta }: CallerContext,
  entityRef: string,
): AdoptionAnswer {
  const ref = entityRef.toLowerCase();
  // An entity the caller may not read is answered like one that does not
  // exist, with the same words.
  const neither = () =>
    new NotFoundError(
      `${ref} is neither a platform product nor a team in the catalog, or you cannot see it`,
    );
  if (!filter.isVisible(ref)) {
    throw neither();
  }
  const index = indexOf(report);
  const product = index.products.get(ref);
  if (product) {
    return {
      ...meta,
      entityRef: product.entityRef,
      type: 'product',
      title: index.entities.get(ref)?.title ?? product.entityRef,
      products: filter.products([product]),
    };
  }
  const found = index.teams.get(ref);
  if (found) {
    const [team] = filter.teams([found]);
    const owned = report.products.filter(p => p.owner?.toLowerCase() === ref);
    const { used, declined } = teamAdoption({
      teamRef: team.entityRef,
      teams: [],
      products: filter.products(report.products),
      entities: [],
      concerns: [],
    });
    return {
      ...meta,
      entityRef: team.entityRef,
      type: 'team',
      title: team.title,
      teamType: team.teamType,
      products: filter.products(owned),
      scorecard: team.scorecards.adoption,
      adopts: used.map(p => p.entityRef),
      declines: declined.map(p => p.entityRef),
    };
  }
  throw neither();
}
