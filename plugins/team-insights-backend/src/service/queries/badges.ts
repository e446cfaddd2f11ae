import type {
  Level,
  Report,
  ScorecardId,
} from '@team-insights/plugin-team-insights-common';
import type { CallerContext } from './context';
import { levelIn, scoredItemOf } from './reportIndex';

/**
 * The level of one scorecard of an entity, for a badge: `{ level }` (null
 * when the scorecard has no level or does not apply to the entity) for an
 * entity the caller may see, undefined for one without scorecards or one
 * the caller cannot see — deliberately the same answer, so that a badge
 * does not tell whether a hidden entity exists. Nothing but the level.
 */
export function badgeLevel(
  { report, filter }: CallerContext,
  entityRef: string,
  scorecard: ScorecardId,
): { level: Level | null } | undefined {
  const ref = entityRef.toLowerCase();
  if (!filter.isVisible(ref)) {
    return undefined;
  }
  return levelIn(report, ref, scorecard);
}

/**
 * The level for a public badge, whoever asks: a team, organisational unit
 * or documented entity annotated `team-insights.io/public-badge: "true"`,
 * or among `publicRefs` (lower case), answers its level (nothing else);
 * anything else is undefined alike, so a public badge cannot probe what
 * exists.
 */
export function publicBadgeLevel(
  report: Report,
  publicRefs: ReadonlySet<string>,
  entityRef: string,
  scorecard: ScorecardId,
): { level: Level | null } | undefined {
  const ref = entityRef.toLowerCase();
  const item = scoredItemOf(report, ref);
  if (!item?.publicBadge && !publicRefs.has(ref)) {
    return undefined;
  }
  return levelIn(report, ref, scorecard);
}
