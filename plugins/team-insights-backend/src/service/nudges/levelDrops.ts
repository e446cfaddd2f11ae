import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import {
  Level,
  LEVELS,
  Report,
  SCORECARD_IDS,
  SCORECARD_TITLES,
  ScorecardId,
  TeamReport,
} from '@team-insights/plugin-team-insights-common';
import { stateKey } from '../NudgeStore';
import { Nudge, NudgeState, teamInsightsTabOf, TOPICS } from './kinds';

function levelRank(level: string): number {
  const rank = LEVELS.indexOf(level as Level);
  return rank < 0 ? -1 : rank;
}

/** A team's level on a scorecard is lower than at the last refresh. */
export function levelDrops(
  report: Report,
  { previous: state, next }: NudgeState,
  enabled: boolean,
): Nudge[] {
  const nudges: Nudge[] = [];
  for (const team of report.teams) {
    for (const id of SCORECARD_IDS) {
      const scorecard = team.scorecards[id];
      const topic = `level:${id}`;
      const key = stateKey(team.entityRef, topic);
      const previous = state.get(key) ?? null;
      const level = scorecard?.level ?? null;
      // a scorecard without a level keeps the last level it had
      next.set(key, {
        subjectRef: team.entityRef,
        topic,
        value: level ?? previous,
      });
      if (
        !enabled ||
        level === null ||
        previous === null ||
        levelRank(level) <= levelRank(previous)
      ) {
        continue;
      }
      nudges.push({
        kind: 'level-drop',
        subjectRef: team.entityRef,
        detail: id,
        recipientRef: team.entityRef,
        payload: levelDropPayload(team, id, previous, level),
        state: {
          key,
          previous: { subjectRef: team.entityRef, topic, value: previous },
        },
      });
    }
  }
  return nudges;
}

function levelDropPayload(
  team: TeamReport,
  id: ScorecardId,
  previous: string,
  level: Level,
): NotificationPayload {
  const scorecard = team.scorecards[id];
  const failing = scorecard.checks
    .filter(check => check.status === 'fail' && !check.waived)
    .sort((a, b) => b.weight - a.weight)
    .map(check => check.title);
  const warning = scorecard.checks
    .filter(check => check.status === 'warn' && !check.waived)
    .sort((a, b) => b.weight - a.weight)
    .map(check => check.title);
  const parts = [
    `The ${id} scorecard of ${team.title} is ${level} now (score ${scorecard.score}), down from ${previous}.`,
  ];
  if (failing.length) parts.push(`Failing: ${failing.join(', ')}.`);
  if (warning.length) parts.push(`Warning: ${warning.join(', ')}.`);
  parts.push(
    'The Team Insights tab says what to change, with the YAML to paste.',
  );
  return {
    title: `${team.title}: ${SCORECARD_TITLES[id]} dropped from ${previous} to ${level}`,
    description: parts.join(' '),
    link: teamInsightsTabOf(team.entityRef),
    severity: level === 'none' ? 'high' : 'normal',
    topic: TOPICS['level-drop'],
    scope: `team-insights:level-drop:${team.entityRef}:${id}`,
  };
}
