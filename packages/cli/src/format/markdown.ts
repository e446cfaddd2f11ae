import type {
  CheckResult,
  Level,
  Report,
  ScorecardResult,
  ScorecardId,
} from '@team-insights/plugin-team-insights-common';
import { levelText, problemChecks, SCORECARDS } from './checks';

/** First line of the comment, for workflows that update their own comment. */
export const MARKDOWN_MARKER = '<!-- team-insights-report -->';

const BADGE: Record<Level, string> = {
  gold: '🥇',
  silver: '🥈',
  bronze: '🥉',
  none: '🔴',
};

const TITLES: Record<ScorecardId, string> = {
  composition: 'Composition',
  adoption: 'Adoption',
  documentation: 'Documentation',
};

const MAX_FINDINGS = 50;

/** Escapes text for a Markdown paragraph or table cell. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]|<>#]/g, ch => `\\${ch}`)
    .replace(/\r?\n/g, ' ');
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function cell(card: { score: number | null; level: Level | null } | undefined) {
  if (!card || card.level === null) {
    return '–';
  }
  return `${BADGE[card.level]} ${levelText(card)}`;
}

function checkBlock(check: CheckResult): string[] {
  const mark = check.status === 'fail' ? '❌' : '⚠️';
  const lines = [
    `${mark} **${escapeMarkdown(check.title)}** (\`${check.id}\`, weight ${
      check.weight
    }): ${escapeMarkdown(check.message)}`,
  ];
  if (check.remediation) {
    // The remediation is Markdown from the engine (with fenced YAML); kept
    // as it is, outside of any list so that the fences render.
    lines.push('', check.remediation.trim());
  }
  return lines;
}

function problemsSection(
  heading: string,
  scorecards: Partial<Record<ScorecardId, ScorecardResult>>,
): string[] {
  const problems = problemChecks(scorecards);
  if (!problems.length) {
    return [];
  }
  const failing = problems.filter(p => p.check.status === 'fail').length;
  const warning = problems.length - failing;
  const counts = [
    failing ? `${failing} failing` : '',
    warning ? `${warning} ${warning === 1 ? 'warning' : 'warnings'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const out = [
    '<details>',
    `<summary><strong>${escapeHtml(heading)}</strong>: ${counts}</summary>`,
    '',
  ];
  for (const scorecard of SCORECARDS) {
    const checks = problems.filter(p => p.scorecard === scorecard);
    if (!checks.length) {
      continue;
    }
    out.push(`#### ${TITLES[scorecard]}: ${cell(scorecards[scorecard])}`, '');
    for (const { check } of checks) {
      out.push(...checkBlock(check), '');
    }
  }
  out.push('</details>', '');
  return out;
}

/**
 * The report as Markdown for a pull-request comment: a summary table of the
 * teams (and organisational units and selected entities), then per team and
 * entity the failing and warning checks with their remediations in
 * collapsible sections, then the findings.
 *
 * @param showEntities - include the report's entities (when they were selected).
 */
export function formatMarkdown(report: Report, showEntities: boolean): string {
  const out: string[] = [MARKDOWN_MARKER, '## Team Insights', ''];

  if (report.teams.length) {
    out.push(
      '| Team | Type | Size | Composition | Adoption | Documentation |',
      '| --- | --- | ---: | --- | --- | --- |',
    );
    for (const team of report.teams) {
      out.push(
        `| ${escapeMarkdown(team.title || team.entityRef)} (\`${
          team.entityRef
        }\`) | ${team.teamType}${
          team.teamTypeDeclared ? '' : ' (not declared)'
        } | ${team.size} | ${cell(team.scorecards.composition)} | ${cell(
          team.scorecards.adoption,
        )} | ${cell(team.scorecards.documentation)} |`,
      );
    }
    out.push('');
  } else {
    out.push('No teams found in the files read.', '');
  }

  if (report.orgUnits.length) {
    out.push(
      '| Organisational unit | Teams | Composition | Adoption | Documentation |',
      '| --- | ---: | --- | --- | --- |',
    );
    for (const unit of report.orgUnits) {
      out.push(
        `| ${escapeMarkdown(unit.title || unit.entityRef)} (\`${
          unit.entityRef
        }\`) | ${unit.teams} | ${cell(unit.scorecards.composition)} | ${cell(
          unit.scorecards.adoption,
        )} | ${cell(unit.scorecards.documentation)} |`,
      );
    }
    out.push('');
  }

  if (showEntities && report.entities.length) {
    out.push('| Entity | Owner | Documentation |', '| --- | --- | --- |');
    for (const entity of report.entities) {
      out.push(
        `| \`${entity.entityRef}\` | ${
          entity.owner ? `\`${entity.owner}\`` : '–'
        } | ${cell(entity.scorecards.documentation)} |`,
      );
    }
    out.push('');
  }

  const details: string[] = [];
  for (const team of report.teams) {
    details.push(
      ...problemsSection(team.title || team.entityRef, team.scorecards),
    );
  }
  if (showEntities) {
    for (const entity of report.entities) {
      details.push(...problemsSection(entity.entityRef, entity.scorecards));
    }
  }
  if (details.length) {
    out.push('### What to change', '', ...details);
  }

  if (report.findings.length) {
    const errors = report.findings.filter(f => f.severity === 'error').length;
    out.push(
      '<details>',
      `<summary><strong>Annotation findings</strong>: ${errors} ${
        errors === 1 ? 'error' : 'errors'
      }, ${report.findings.length - errors} ${
        report.findings.length - errors === 1 ? 'warning' : 'warnings'
      }</summary>`,
      '',
    );
    for (const f of report.findings.slice(0, MAX_FINDINGS)) {
      out.push(
        `- ${f.severity === 'error' ? '❌' : '⚠️'} \`${f.entityRef}\`${
          f.annotation ? ` (\`${f.annotation}\`)` : ''
        }: ${escapeMarkdown(f.message)}`,
      );
    }
    if (report.findings.length > MAX_FINDINGS) {
      out.push(
        `- … and ${
          report.findings.length - MAX_FINDINGS
        } more: run \`team-insights lint\` to see them all`,
      );
    }
    out.push('', '</details>', '');
  }

  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
