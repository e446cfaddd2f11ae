import type {
  EntityScorecardsResponse,
  Finding,
} from '@team-insights/plugin-team-insights-common';
import { summarizeTeam } from '@team-insights/plugin-team-insights-common';
import type { CallerContext } from './context';
import { indexOf, notFound } from './reportIndex';

/**
 * The scorecards of a team, organisational unit or documented entity
 * (`GET /scorecards/:kind/:namespace/:name`), with the findings the caller
 * may see on it and on what it relates to. Throws NotFoundError for an
 * entity without scorecards or one the caller cannot see, alike.
 */
export function entityScorecards(
  { report, filter, meta }: CallerContext,
  entityRef: string,
): EntityScorecardsResponse {
  const ref = entityRef.toLowerCase();
  if (!filter.isVisible(ref)) {
    notFound(ref);
  }
  const index = indexOf(report);
  const findingsFor = (refs: string[]) => {
    const seen = new Set<string>();
    const found: Finding[] = [];
    for (const r of refs) {
      const key = r.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(...(index.findingsByRef.get(key) ?? []));
    }
    return filter.findingsOf(found, refs);
  };

  const team = index.teams.get(ref);
  const unit = index.orgUnits.get(ref);
  const entity = index.entities.get(ref);
  if (team) {
    const related = [team.entityRef, ...team.owned];
    for (const card of Object.values(team.scorecards)) {
      for (const check of card.checks) related.push(...(check.entities ?? []));
    }
    return {
      ...meta,
      type: 'team',
      team: filter.teams([team])[0],
      findings: findingsFor(related),
    };
  }
  if (unit) {
    const teams = filter
      .teams(
        unit.teamRefs
          .map(r => index.teams.get(r.toLowerCase()))
          .filter(<T>(t: T | undefined): t is T => t !== undefined),
      )
      .map(summarizeTeam);
    return {
      ...meta,
      type: 'org-unit',
      orgUnit: filter.orgUnits([unit])[0],
      teams,
      findings: findingsFor([unit.entityRef]),
    };
  }
  if (entity) {
    const product = index.products.get(ref);
    return {
      ...meta,
      type: 'entity',
      entity: filter.entities([entity])[0],
      ...(product ? { product: filter.products([product])[0] } : {}),
      findings: findingsFor([entity.entityRef]),
    };
  }
  return notFound(ref);
}
