import { NotFoundError } from '@backstage/errors';
import {
  teamDetails,
  type EntityReport,
  type TeamDetailsResponse,
  type TeamInsightsConfig,
} from '@team-insights/plugin-team-insights-common';
import type { CallerContext } from './context';
import { indexOf } from './reportIndex';

/**
 * What a team's Group tab shows beside its scorecards
 * (`GET /teams/:namespace/:name/details`): its adoption, its owned
 * entities' documentation and its single points of failure by the
 * configured threshold, over what the caller may see. Throws NotFoundError,
 * in the same words, for a ref that is not a team and for a team the caller
 * cannot see.
 */
export function teamDetailsOf(
  { report, filter, meta }: CallerContext,
  config: Pick<TeamInsightsConfig, 'thresholds'>,
  teamRef: string,
): TeamDetailsResponse {
  const ref = teamRef.toLowerCase();
  const index = indexOf(report);
  const found = filter.isVisible(ref) ? index.teams.get(ref) : undefined;
  if (!found) {
    throw new NotFoundError(
      `No Team Insights team ${ref}: it is not a team in the catalog, or you cannot see it`,
    );
  }
  const [team] = filter.teams([found]);
  const products = filter.products(report.products);
  // Only the entities the answer may name: the team's own and the products.
  const wanted = new Set(
    [...team.owned, ...products.map(p => p.entityRef)].map(r =>
      r.toLowerCase(),
    ),
  );
  const entities = filter.entities(
    [...wanted]
      .map(r => index.entities.get(r))
      .filter((e): e is EntityReport => e !== undefined),
  );
  // Titles, types and adoption rates only: the visible teams as evaluated.
  const teams = report.teams.filter(t => filter.isVisible(t.entityRef));
  return {
    ...meta,
    ...teamDetails({
      team,
      teams,
      products,
      entities,
      concerns: filter.concerns(report.concerns),
      redundancyMinPeople: config.thresholds.redundancyMinPeople,
    }),
  };
}
