import type { NotificationSeverity } from '@backstage/plugin-notifications-common';
import {
  ANNOTATION_WAIVERS,
  CheckResult,
  daysBetween,
  plural,
  Report,
  SCORECARD_IDS,
  utcDay,
} from '@team-insights/plugin-team-insights-common';
import { isGroupRef, Nudge, teamInsightsTabOf, TOPICS } from './kinds';

/**
 * Waivers that end within the notice period, and those that have ended; a
 * waiver on a team goes to the team, one on a Component, API or Resource to
 * the Group that owns it.
 */
export function waiverNudges(
  report: Report,
  now: Date,
  options: { noticeDays: number; checkTitles: Map<string, string> },
): Nudge[] {
  const nudges: Nudge[] = [];
  const today = utcDay(now);
  const teams = new Map(report.teams.map(t => [t.entityRef.toLowerCase(), t]));
  const entities = new Map(
    report.entities.map(e => [e.entityRef.toLowerCase(), e]),
  );
  /** The Group a waiver on `ref` concerns, and what to call `ref`. */
  const recipientOf = (ref: string) => {
    const team = teams.get(ref.toLowerCase());
    if (team) return { group: team.entityRef, title: team.title };
    const entity = entities.get(ref.toLowerCase());
    if (entity && isGroupRef(entity.owner)) {
      return { group: entity.owner, title: entity.title };
    }
    return undefined;
  };

  const seen = new Set<string>();
  const ending = (subjectRef: string, check: CheckResult) => {
    const waived = check.waived;
    if (!waived) return;
    const daysLeft = daysBetween(today, waived.until);
    if (daysLeft < 0 || daysLeft > options.noticeDays) return;
    const detail = `${check.id} until ${waived.until}`;
    const key = `${subjectRef}\u0000${detail}`;
    if (seen.has(key)) return;
    seen.add(key);
    const recipient = recipientOf(subjectRef);
    if (!recipient) return;
    nudges.push({
      kind: 'waiver-expiring',
      subjectRef,
      detail,
      recipientRef: recipient.group,
      payload: {
        title: `${recipient.title}: the waiver for ${check.title} ends ${
          daysLeft === 0 ? 'today' : `on ${waived.until}`
        }`,
        description: `The waiver of ${check.id} on ${subjectRef} ("${
          waived.reason
        }") holds until ${waived.until}${
          daysLeft === 0
            ? ' (today)'
            : ` (${plural(daysLeft, 'day', 'days')} left)`
        }; after that the check counts as usual again. Fix what it excused, or agree on a new date — exceptions are meant to end.`,
        link: teamInsightsTabOf(recipient.group),
        severity: 'normal',
        topic: TOPICS['waiver-expiring'],
        scope: `team-insights:waiver:${subjectRef}:${check.id}`,
      },
    });
  };

  for (const team of report.teams) {
    for (const id of SCORECARD_IDS) {
      for (const check of team.scorecards[id]?.checks ?? []) {
        ending(team.entityRef, check);
      }
    }
  }
  for (const entity of report.entities) {
    for (const check of entity.scorecards.documentation.checks) {
      ending(entity.entityRef, check);
    }
  }

  for (const finding of report.findings) {
    if (finding.code !== 'waiver.expired') continue;
    const checkId = finding.params?.checkId;
    const until = finding.params?.until;
    if (typeof checkId !== 'string' || typeof until !== 'string') continue;
    const recipient = recipientOf(finding.entityRef);
    if (!recipient) continue;
    const checkTitle = options.checkTitles.get(checkId) ?? checkId;
    nudges.push({
      kind: 'waiver-expired',
      subjectRef: finding.entityRef,
      detail: `${checkId} until ${until}`,
      recipientRef: recipient.group,
      payload: {
        title: `${recipient.title}: the waiver for ${checkTitle} ended on ${until}`,
        description: `The waiver of ${checkId} on ${finding.entityRef} ended on ${until}: the check counts as usual again. Fix what it excused, or remove the waiver from ${ANNOTATION_WAIVERS}.`,
        link: teamInsightsTabOf(recipient.group),
        severity: 'high' as NotificationSeverity,
        topic: TOPICS['waiver-expired'],
        scope: `team-insights:waiver:${finding.entityRef}:${checkId}`,
      },
    });
  }
  return nudges;
}
