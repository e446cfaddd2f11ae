import type { TeamInsightsConfig } from '../../config';
import type { OrganisationModel } from '../../model';
import type { CheckResult } from '../../types';
import {
  daysSince,
  longerThan,
  own,
  type CentralizedTeamTimelineEntry,
  type ProductTimelineEntry,
} from '../../timeline';
import { plural } from '../../util';
import { builtIn } from '../helpers';

/**
 * What the timeline knows about a centralized team, for
 * `adoption.not-too-early`; absent when evaluated without a timeline.
 */
export interface TeamTiming {
  now: Date;
  /** When the team was first seen centralized, and the demand then. */
  entry: CentralizedTeamTimelineEntry;
  /** Feature teams building on its concerns now. */
  featureTeamsNow: number;
  /** First adopter of each product, when known. */
  products: Record<string, ProductTimelineEntry>;
}

const day = (iso: string) => iso.slice(0, 10);

/** The built-in check `adoption.not-too-early`. */
export function notTooEarlyCheck(
  products: string[],
  model: OrganisationModel,
  config: TeamInsightsConfig,
  timing: TeamTiming | undefined,
): CheckResult {
  const id = 'adoption.not-too-early';
  if (!timing) {
    return builtIn(
      config,
      id,
      'not-applicable',
      'No history of the organisation is known yet, so when the team became centralized cannot be judged.',
    );
  }
  const { entry, now } = timing;
  const since = day(entry.since);
  const age = daysSince(entry.since, now);
  const limit = config.thresholds.prematureCentralizationDays;
  const adopted = products.filter(p => model.adopterRefs(p).length > 0);
  const reasons: string[] = [];
  if (longerThan(entry.since, limit, now) && adopted.length === 0) {
    reasons.push(
      `it has been centralized since ${since} (${plural(
        age,
        'day',
        'days',
      )}, more than ${limit}) and ${
        products.length
          ? `none of its ${plural(
              products.length,
              'product has',
              'products have',
            )} an adopter`
          : 'it exposes no product anybody could adopt'
      }`,
    );
  }
  if (entry.featureTeams < 2 && timing.featureTeamsNow < 2) {
    reasons.push(
      `when it was first seen centralized (${since}), ${
        entry.featureTeams === 0
          ? 'no feature team'
          : `only ${plural(
              entry.featureTeams,
              'feature team',
              'feature teams',
            )}`
      } built on its concerns, and ${
        timing.featureTeamsNow === entry.featureTeams
          ? 'that has not changed'
          : `${timing.featureTeamsNow} ${
              timing.featureTeamsNow === 1 ? 'does' : 'do'
            } now`
      }`,
    );
  }
  if (reasons.length) {
    return builtIn(
      config,
      id,
      'fail',
      `Premature centralization: ${reasons.join(
        '; ',
      )}. A centralized team pays off once a concern is evident in several feature teams; before that, it builds a product nobody needs and adds communication paths.`,
      `Centralize a concern only when it has become evident that many feature teams need it: wait until at least two feature teams build it themselves (the Concerns tab shows them), then extract it. Until then, let a feature team own it end to end. If the team stays, find the feature teams that need its products and make them self-service, or move its people back into the feature teams that need the skill.`,
      products.length ? products : undefined,
    );
  }
  const firstAdopted = adopted
    .map(p => own(timing.products, p)?.firstAdopterAt)
    .filter((t): t is string => typeof t === 'string')
    .sort()[0];
  return builtIn(
    config,
    id,
    'pass',
    `Centralized since ${since} (${plural(age, 'day', 'days')}); ${plural(
      Math.max(entry.featureTeams, timing.featureTeamsNow),
      'feature team builds',
      'feature teams build',
    )} on its concerns${
      firstAdopted
        ? `, and its first product adopter came on ${day(firstAdopted)}`
        : ''
    }.`,
  );
}
