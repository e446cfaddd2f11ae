import {
  coveredTeams,
  Initiative,
  initiativePhase,
  plural,
  Report,
  teamStatus,
  utcDay,
} from '@team-insights/plugin-team-insights-common';
import { Nudge, TOPICS } from './kinds';

/** Where the digest points: the portal's list of initiatives. */
export const INITIATIVES_PAGE = '/team-insights/initiatives';

/**
 * The ISO week of a day, e.g. `2026-W49`: the digest goes out once per org
 * unit and week, whichever refresh of the week comes first.
 */
export function isoWeek(date: Date): string {
  const day = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()),
  );
  // the Thursday of the same week decides the year
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** One line of a digest: an initiative over the org unit's teams. */
export interface DigestLine {
  id: string;
  title: string;
  atTarget: number;
  teams: number;
  deadline: string;
}

/**
 * The weekly digest of the initiatives an organisational unit owns: to each
 * org unit (its Group, so its members, who lead it) with at least one active
 * initiative covering some of its teams, the initiatives with how many of
 * those teams are at target and the deadline, soonest deadline first. One a
 * week: the detail is the ISO week, and the store records it as sent.
 */
export function initiativesDigest(
  report: Report,
  initiatives: readonly Initiative[],
  now: Date,
): Nudge[] {
  const today = utcDay(now);
  const week = isoWeek(now);
  const active = initiatives
    .filter(initiative => initiativePhase(initiative, today) === 'active')
    .map(initiative => ({
      initiative,
      teams: coveredTeams(initiative, report),
    }));
  if (active.length === 0) return [];

  const nudges: Nudge[] = [];
  for (const unit of report.orgUnits) {
    const unitTeams = new Set(unit.teamRefs.map(ref => ref.toLowerCase()));
    const lines: DigestLine[] = [];
    for (const { initiative, teams } of active) {
      const mine = teams.filter(team =>
        unitTeams.has(team.entityRef.toLowerCase()),
      );
      if (mine.length === 0) continue;
      lines.push({
        id: initiative.id,
        title: initiative.title,
        atTarget: mine.filter(team => teamStatus(initiative, team).atTarget)
          .length,
        teams: mine.length,
        deadline: initiative.deadline,
      });
    }
    if (lines.length === 0) continue;
    lines.sort((a, b) =>
      a.deadline === b.deadline
        ? a.title.localeCompare(b.title)
        : a.deadline.localeCompare(b.deadline),
    );
    nudges.push({
      kind: 'initiatives-digest',
      subjectRef: unit.entityRef,
      detail: week,
      recipientRef: unit.entityRef,
      payload: {
        title: `${unit.title}: ${plural(
          lines.length,
          'initiative',
          'initiatives',
        )} this week`,
        description: lines
          .map(
            line =>
              `"${line.title}": ${line.atTarget} of ${plural(
                line.teams,
                'team',
                'teams',
              )} at target, deadline ${line.deadline}.`,
          )
          .join(' '),
        link: INITIATIVES_PAGE,
        severity: 'low',
        topic: TOPICS['initiatives-digest'],
        scope: `team-insights:initiatives-digest:${unit.entityRef}:${week}`,
      },
    });
  }
  return nudges;
}
