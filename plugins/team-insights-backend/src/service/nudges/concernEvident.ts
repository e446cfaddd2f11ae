import { plural, Report } from '@team-insights/plugin-team-insights-common';
import { Nudge } from './kinds';

/**
 * The organisational units to tell about a concern: the deepest unit that
 * holds every team building it, else the root units holding any of them.
 */
function recipientsOf(report: Report, builtBy: string[]): string[] {
  const depth = (ref: string): number => {
    let d = 0;
    let unit = report.orgUnits.find(u => u.entityRef === ref);
    const seen = new Set<string>();
    while (unit?.parent && !seen.has(unit.entityRef)) {
      seen.add(unit.entityRef);
      d += 1;
      const parent = unit.parent;
      unit = report.orgUnits.find(u => u.entityRef === parent);
    }
    return d;
  };
  const common = report.orgUnits
    .filter(u => builtBy.every(t => u.teamRefs.includes(t)))
    .sort((a, b) => depth(b.entityRef) - depth(a.entityRef));
  if (common.length) return [common[0].entityRef];
  return report.orgUnits
    .filter(u => !u.parent && builtBy.some(t => u.teamRefs.includes(t)))
    .map(u => u.entityRef);
}

/**
 * A concern has been a centralize-candidate for longer than
 * `thresholds.extractWhenEvidentDays`: it is evident, extract it. Sent once
 * per concern to the owners of the organisational unit its builders share.
 */
export function concernEvident(report: Report, enabled: boolean): Nudge[] {
  if (!enabled) return [];
  const nudges: Nudge[] = [];
  for (const concern of report.concerns) {
    if (!concern.evident || !concern.candidateSince) continue;
    const since = concern.candidateSince.slice(0, 10);
    for (const recipientRef of recipientsOf(report, concern.builtBy)) {
      nudges.push({
        kind: 'concern-evident',
        subjectRef: concern.concern,
        detail: since,
        recipientRef,
        payload: {
          title: `${concern.concern}: evident, extract it`,
          description: [
            `${plural(concern.builtBy.length, 'team builds', 'teams build')} ${
              concern.concern
            } themselves, and no product covers it; it has been a candidate for a centralized team since ${since}.`,
            'Extract cross-cutting concerns to a centralized team when it becomes evident that many teams need them: as a product — opt-in, self-service, requiring no communication — not by taking over the task.',
          ].join(' '),
          link: '/team-insights/concerns',
          severity: 'normal',
          topic: 'Concern evident',
          scope: `team-insights:concern-evident:${concern.concern}`,
        },
      });
    }
  }
  return nudges;
}
