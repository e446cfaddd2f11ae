import {
  adoptionCounts,
  type ProductAdoption,
} from '@team-insights/plugin-team-insights-common';
import { formatPercent } from '../common';

/** "2 of 4 feature teams (50 %)": the rate with what it counts. */
export function rateText(
  product: ProductAdoption,
  featureTeams: ReadonlySet<string>,
): string {
  const { adopted, eligible } = adoptionCounts(product, featureTeams);
  if (eligible === 0) return 'No feature team to adopt it';
  return `${adopted} of ${eligible} feature ${
    eligible === 1 ? 'team' : 'teams'
  } (${formatPercent(product.adoptionRate)})`;
}
