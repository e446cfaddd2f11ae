import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import {
  addDays,
  coveredTeams,
  Initiative,
  initiativePhase,
  plural,
  Report,
  teamStatus,
  utcDay,
} from '@team-insights/plugin-team-insights-common';
import { stateKey } from '../NudgeStore';
import { Nudge, NudgeState, TOPICS } from './kinds';

/** Days before its deadline that a team not at target is reminded. */
export const INITIATIVE_REMINDER_DAYS = 14;

/** The page of an initiative in the portal. */
export function initiativePageOf(id: string): string {
  return `/team-insights/initiatives/${encodeURIComponent(id)}`;
}

/**
 * Notifications about initiatives, to each covered team, each once: the
 * initiative has started; its deadline is 14 days away or less and the team
 * is not at target; the team has reached the target (after it was observed
 * below it, so a team at target from the start is not congratulated for
 * nothing). Nothing is sent before an initiative starts or after it ends.
 */
export function initiativeNudges(
  report: Report,
  initiatives: readonly Initiative[],
  { previous: state, next }: NudgeState,
  now: Date,
): Nudge[] {
  const nudges: Nudge[] = [];
  const today = utcDay(now);
  for (const initiative of initiatives) {
    const active = initiativePhase(initiative, today) === 'active';
    for (const team of coveredTeams(initiative, report)) {
      const status = teamStatus(initiative, team);
      const topic = `initiative:${initiative.id}`;
      const key = stateKey(team.entityRef, topic);
      const previous = state.get(key) ?? null;
      const value = status.atTarget ? 'at-target' : 'below';
      next.set(key, { subjectRef: team.entityRef, topic, value });
      if (!active) continue;
      const base = {
        subjectRef: team.entityRef,
        detail: initiative.id,
        recipientRef: team.entityRef,
      };
      nudges.push({
        ...base,
        kind: 'initiative-started',
        payload: payload(initiative, 'initiative-started', {
          title: `${team.title}: initiative "${initiative.title}" has started`,
          description: `${initiative.description ?? initiative.title} ${
            team.title
          } is one of the teams it covers, with ${describeTarget(
            initiative,
          )} by ${initiative.deadline}. ${
            status.atTarget
              ? `${team.title} is already there.`
              : holdsBack(status.failingChecks)
          }`,
          team: team.entityRef,
        }),
      });
      if (
        !status.atTarget &&
        today >= addDays(initiative.deadline, -INITIATIVE_REMINDER_DAYS)
      ) {
        nudges.push({
          ...base,
          kind: 'initiative-deadline',
          payload: payload(initiative, 'initiative-deadline', {
            title: `${team.title}: "${initiative.title}" ends on ${initiative.deadline}`,
            description: `${team.title} has not reached ${describeTarget(
              initiative,
            )} yet. ${holdsBack(status.failingChecks)}`,
            team: team.entityRef,
            severity: 'high',
          }),
        });
      }
      if (status.atTarget && previous === 'below') {
        nudges.push({
          ...base,
          kind: 'initiative-reached',
          state: {
            key,
            previous: { subjectRef: team.entityRef, topic, value: previous },
          },
          payload: payload(initiative, 'initiative-reached', {
            title: `${team.title} reached the target of "${initiative.title}"`,
            description: `${team.title} now has ${describeTarget(
              initiative,
            )}, ahead of the deadline of ${initiative.deadline}.`,
            team: team.entityRef,
          }),
        });
      }
    }
  }
  return nudges;
}

function describeTarget(initiative: Initiative): string {
  const target = initiative.target;
  return 'scorecard' in target
    ? `${target.level} or better on the ${target.scorecard} scorecard`
    : `the ${plural(
        target.checks.length,
        'check',
        'checks',
      )} ${target.checks.join(', ')} passing`;
}

function holdsBack(failing: string[]): string {
  return failing.length
    ? `What holds it back: ${failing.join(
        ', ',
      )}. The initiative's page and the team's Team Insights tab say what to change.`
    : "The initiative's page says where it stands.";
}

function payload(
  initiative: Initiative,
  kind: 'initiative-started' | 'initiative-deadline' | 'initiative-reached',
  content: {
    title: string;
    description: string;
    team: string;
    severity?: NotificationPayload['severity'];
  },
): NotificationPayload {
  return {
    title: content.title,
    description: content.description,
    link: initiativePageOf(initiative.id),
    severity: content.severity ?? 'normal',
    topic: TOPICS[kind],
    scope: `team-insights:${kind}:${initiative.id}:${content.team}`,
  };
}
