import { plural, Report } from '@team-insights/plugin-team-insights-common';
import { stateKey } from '../NudgeStore';
import { Nudge, NudgeState, teamInsightsTabOf, TOPICS } from './kinds';

/** A product of a centralized team had adopters and has none now. */
export function lostAdopters(
  report: Report,
  { previous: state, next }: NudgeState,
  enabled: boolean,
): Nudge[] {
  const nudges: Nudge[] = [];
  const teams = new Map(report.teams.map(t => [t.entityRef.toLowerCase(), t]));
  const titles = new Map(
    report.entities.map(e => [e.entityRef.toLowerCase(), e.title]),
  );
  for (const product of report.products) {
    const topic = 'adopters';
    const key = stateKey(product.entityRef, topic);
    const previous = Number(state.get(key) ?? 0);
    const adopters = product.adopters.length;
    next.set(key, {
      subjectRef: product.entityRef,
      topic,
      value: String(adopters),
    });
    const owner = product.owner
      ? teams.get(product.owner.toLowerCase())
      : undefined;
    if (
      !enabled ||
      !owner ||
      owner.teamType !== 'centralized' ||
      !(previous > 0) ||
      adopters > 0
    ) {
      continue;
    }
    const title =
      titles.get(product.entityRef.toLowerCase()) ?? product.entityRef;
    const declined = product.declinedBy.length;
    nudges.push({
      kind: 'last-adopter-lost',
      subjectRef: product.entityRef,
      detail: '',
      recipientRef: owner.entityRef,
      payload: {
        title: `${title}: no team uses it any more`,
        description: [
          `${product.entityRef} had ${plural(
            previous,
            'adopting team',
            'adopting teams',
          )} at the last evaluation and has none now${
            declined
              ? `; ${plural(declined, 'team has', 'teams have')} declined it`
              : ''
          }.`,
          'Opt-in means a "no" is a signal to listen to: ask why, and make the product worth choosing — self-service, documented, usable without talking to your team.',
        ].join(' '),
        link: teamInsightsTabOf(owner.entityRef),
        severity: 'high',
        topic: TOPICS['last-adopter-lost'],
        scope: `team-insights:last-adopter-lost:${product.entityRef}`,
      },
      state: {
        key,
        previous: {
          subjectRef: product.entityRef,
          topic,
          value: String(previous),
        },
      },
    });
  }
  return nudges;
}
