import type {
  Level,
  Report,
  ScorecardId,
  ScorecardResult,
} from '@team-insights/plugin-team-insights-common';
import { utcDay } from '@team-insights/plugin-team-insights-common';

/** Longest entity ref the history table holds. */
const MAX_REF_LENGTH = 255;

/** Who a history row is about. */
export type HistorySubject = 'team' | 'org-unit' | 'entity';

/** One row of `team_insights_history`. */
export interface HistoryRow {
  entity_ref: string;
  subject: HistorySubject;
  scorecard: ScorecardId;
  day: string;
  score: number | null;
  level: Level | null;
  failing_checks: string;
  evaluated_at: string;
}

/** A history row's entity and scorecard: what identifies it within its day. */
export function historyKey(row: HistoryRow): string {
  return `${row.entity_ref}\u0000${row.scorecard}`;
}

/** The entity ref of a {@link historyKey}. */
export function historyKeyRef(key: string): string {
  return key.slice(0, key.indexOf('\u0000'));
}

/** What a history row says, apart from when it was evaluated. */
export function historyValue(row: HistoryRow): string {
  return `${row.subject}\u0000${row.score}\u0000${row.level}\u0000${row.failing_checks}`;
}

function failingCheckIds(scorecard: ScorecardResult): string[] {
  return scorecard.checks
    .filter(check => check.status === 'fail' && !check.waived)
    .map(check => check.id);
}

/**
 * The rows of one day of history for a report: three per team and per
 * organisational unit, one per documented entity.
 */
export function historyRowsOf(report: Report): HistoryRow[] {
  const day = utcDay(new Date(report.evaluatedAt));
  const rows: HistoryRow[] = [];
  const push = (
    entityRef: string,
    subject: HistorySubject,
    scorecard: ScorecardId,
    score: number | null,
    level: Level | null,
    failing: string[],
  ) => {
    if (entityRef.length > MAX_REF_LENGTH) {
      return;
    }
    rows.push({
      entity_ref: entityRef,
      subject,
      scorecard,
      day,
      score,
      level,
      failing_checks: JSON.stringify(failing),
      evaluated_at: report.evaluatedAt,
    });
  };
  for (const team of report.teams) {
    for (const id of Object.keys(team.scorecards) as ScorecardId[]) {
      const scorecard = team.scorecards[id];
      push(
        team.entityRef,
        'team',
        id,
        scorecard.score,
        scorecard.level,
        failingCheckIds(scorecard),
      );
    }
  }
  for (const unit of report.orgUnits) {
    for (const id of Object.keys(unit.scorecards) as ScorecardId[]) {
      const scorecard = unit.scorecards[id];
      push(
        unit.entityRef,
        'org-unit',
        id,
        scorecard.score,
        scorecard.level,
        [],
      );
    }
  }
  for (const entity of report.entities) {
    const scorecard = entity.scorecards.documentation;
    push(
      entity.entityRef,
      'entity',
      'documentation',
      scorecard.score,
      scorecard.level,
      failingCheckIds(scorecard),
    );
  }
  return rows;
}
