import { stringify } from 'yaml';
import { SCORECARD_IDS } from '../types';
import type { PlanComparison, PlanScore } from './comparePlan';
import { formatEntityEdit } from './edits';
import type { EntityEdit, PlanChange } from './types';

function score(s: PlanScore | undefined) {
  if (!s) return '—';
  return s.level === null ? 'n/a' : `${s.level} (${s.score})`;
}

/**
 * A plan as Markdown for a planning document or a pull request: a table of
 * the teams whose levels or sizes move, the concerns whose verdicts move,
 * and the catalog edits, each with where it is defined (`where`).
 * @public
 */
export function formatPlanMarkdown(
  comparison: PlanComparison,
  edits: EntityEdit[],
  where: (edit: EntityEdit) => string,
): string {
  const out: string[] = ['## Team Insights plan', ''];
  if (comparison.teams.length) {
    out.push(
      '| Team | Composition | Adoption | Documentation | Size |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const team of comparison.teams) {
      const cells = SCORECARD_IDS.map(
        id =>
          `${score(team.before?.scores[id])} → ${score(
            team.after?.scores[id],
          )}`,
      );
      out.push(
        `| ${team.title} | ${cells.join(' | ')} | ${
          team.before?.size ?? '—'
        } → ${team.after?.size ?? '—'} |`,
      );
    }
    out.push('');
  } else {
    out.push('No scorecard changes.', '');
  }
  for (const concern of comparison.concerns) {
    out.push(
      `- Concern **${concern.concern}**: ${concern.before ?? '—'} → ${
        concern.after ?? '—'
      }`,
    );
  }
  if (edits.length) {
    out.push('', '### Catalog edits', '');
    for (const edit of edits) {
      out.push(
        `**${edit.action}** \`${edit.entityRef}\` (${where(edit)})`,
        '',
        '```yaml',
        formatEntityEdit(edit).trimEnd(),
        '```',
        '',
      );
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * A plan as the change file `team-insights plan --changes` reads.
 * @public
 */
export function formatPlanYaml(changes: PlanChange[]): string {
  return stringify({ changes }, { lineWidth: 0 });
}
