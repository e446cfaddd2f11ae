import type { Level, Report } from '@team-insights/plugin-team-insights-common';
import { Paint } from './colors';
import { levelText, worstCheck } from './checks';
import { renderTextTable, TextColumn } from './textTable';

/** Widest the table output gets, in columns. */
export const TABLE_WIDTH = 100;

const LEVELS: readonly Level[] = ['gold', 'silver', 'bronze', 'none'];

function levelColumn(
  title: string,
  levels: Array<Level | null>,
  p: Paint,
): TextColumn {
  return {
    title,
    min: 6,
    style: (text, row) => p.level(levels[row] ?? null, text),
  };
}

function countLevels(levels: Array<Level | null>): string {
  return LEVELS.map(
    level => `${level} ${levels.filter(l => l === level).length}`,
  ).join(' · ');
}

/**
 * The report as text tables for a terminal: one row per team with its
 * three levels and its worst check, then the organisational units, then the
 * selected entities; at most {@link TABLE_WIDTH} columns wide.
 *
 * @param showEntities - list the report's entities (when they were selected).
 */
export function formatTable(
  report: Report,
  p: Paint,
  showEntities: boolean,
): string {
  const out: string[] = [];

  if (report.teams.length) {
    const worst = report.teams.map(team => worstCheck(team.scorecards));
    const rows = report.teams.map((team, i) => {
      const w = worst[i];
      return [
        team.title || team.entityRef,
        `${team.teamType}${team.teamTypeDeclared ? '' : '*'}`,
        String(team.size),
        levelText(team.scorecards.composition),
        levelText(team.scorecards.adoption),
        levelText(team.scorecards.documentation),
        w ? `${w.check.status === 'fail' ? '✖' : '!'} ${w.check.id}` : '',
      ];
    });
    const columns: TextColumn[] = [
      { title: 'TEAM', min: 12 },
      { title: 'TYPE', min: 7 },
      { title: 'SIZE', min: 4, align: 'right' },
      levelColumn(
        'COMPOSITION',
        report.teams.map(t => t.scorecards.composition?.level ?? null),
        p,
      ),
      levelColumn(
        'ADOPTION',
        report.teams.map(t => t.scorecards.adoption?.level ?? null),
        p,
      ),
      levelColumn(
        'DOCS',
        report.teams.map(t => t.scorecards.documentation?.level ?? null),
        p,
      ),
      {
        title: 'WORST CHECK',
        min: 12,
        style: (text, row) =>
          worst[row]?.check.status === 'fail' ? p.red(text) : p.yellow(text),
      },
    ];
    out.push(...renderTextTable(columns, rows, TABLE_WIDTH));
    if (report.teams.some(t => !t.teamTypeDeclared)) {
      out.push(
        p.dim(
          '* team type not declared (team-insights.io/team-type): evaluated as a feature team',
        ),
      );
    }
  } else {
    out.push(
      'No teams: no Group has a team-insights.io/team-type or spec.type team.',
    );
  }

  if (report.orgUnits.length) {
    out.push('');
    const rows = report.orgUnits.map(unit => [
      unit.title || unit.entityRef,
      String(unit.teams),
      levelText(unit.scorecards.composition),
      levelText(unit.scorecards.adoption),
      levelText(unit.scorecards.documentation),
    ]);
    out.push(
      ...renderTextTable(
        [
          { title: 'ORGANISATIONAL UNIT', min: 12 },
          { title: 'TEAMS', min: 5, align: 'right' },
          levelColumn(
            'COMPOSITION',
            report.orgUnits.map(u => u.scorecards.composition?.level ?? null),
            p,
          ),
          levelColumn(
            'ADOPTION',
            report.orgUnits.map(u => u.scorecards.adoption?.level ?? null),
            p,
          ),
          levelColumn(
            'DOCS',
            report.orgUnits.map(u => u.scorecards.documentation?.level ?? null),
            p,
          ),
        ],
        rows,
        TABLE_WIDTH,
      ),
    );
  }

  if (showEntities && report.entities.length) {
    out.push('');
    const worst = report.entities.map(e => worstCheck(e.scorecards));
    const rows = report.entities.map((entity, i) => [
      entity.entityRef,
      entity.owner ?? '',
      levelText(entity.scorecards.documentation),
      worst[i]
        ? `${worst[i]!.check.status === 'fail' ? '✖' : '!'} ${
            worst[i]!.check.id
          }`
        : '',
    ]);
    out.push(
      ...renderTextTable(
        [
          { title: 'ENTITY', min: 16 },
          { title: 'OWNER', min: 10 },
          levelColumn(
            'DOCS',
            report.entities.map(e => e.scorecards.documentation.level),
            p,
          ),
          {
            title: 'WORST CHECK',
            min: 12,
            style: (text, row) =>
              worst[row]?.check.status === 'fail'
                ? p.red(text)
                : p.yellow(text),
          },
        ],
        rows,
        TABLE_WIDTH,
      ),
    );
  }

  out.push('');
  const documented = report.entities.map(e => e.scorecards.documentation.level);
  out.push(
    `${report.entities.length} ${
      report.entities.length === 1 ? 'entity' : 'entities'
    } with a documentation score: ${countLevels(documented)}`,
  );
  const errors = report.findings.filter(f => f.severity === 'error').length;
  if (report.findings.length) {
    out.push(
      `${report.findings.length} ${
        report.findings.length === 1 ? 'finding' : 'findings'
      } (${errors} ${
        errors === 1 ? 'error' : 'errors'
      }): run team-insights lint to see where`,
    );
  }
  return `${out.join('\n')}\n`;
}
