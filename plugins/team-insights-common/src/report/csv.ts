import type { TeamSummary } from '../api';
import type { InitiativeDetail } from '../initiatives/types';
import { SCORECARD_IDS } from '../types';

/**
 * CSV of the exports (teams table, drill-down, an initiative's teams):
 * RFC 4180 quoting, and formula-safe for spreadsheets.
 */

/** Cells a spreadsheet would read as a formula start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: a cell that starts like a formula (`=`, `+`, `-`, `@`, tab,
 * carriage return) gets a leading `'` so that a spreadsheet shows it as
 * text; a cell with a comma, quote or line break is quoted, with its quotes
 * doubled (RFC 4180). Numbers are written as they are.
 * @public
 */
export function csvCell(value: string | number | boolean | null | undefined) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A CSV document: a header row, then the rows, each line ended by CRLF
 * (RFC 4180).
 * @public
 */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<
    ReadonlyArray<string | number | boolean | null | undefined>
  >,
): string {
  return [header, ...rows]
    .map(row => row.map(cell => csvCell(cell)).join(','))
    .map(line => `${line}\r\n`)
    .join('');
}

/**
 * The CSV of teams rows (`GET /v1/teams` with `Accept: text/csv`): one line
 * per team in the order given; with a drill-down's check, its status,
 * message, remediation and the entities it names.
 * @public
 */
export function teamsCsv(items: readonly TeamSummary[]): string {
  const withCheck = items.some(item => item.check);
  const header = [
    'Team',
    'Entity ref',
    'Team type',
    'Size',
    ...SCORECARD_IDS.flatMap(id => [
      `${capitalize(id)} score`,
      `${capitalize(id)} level`,
    ]),
    'Org units',
    ...(withCheck
      ? ['Check', 'Check status', 'Message', 'Remediation', 'Entities']
      : []),
  ];
  const rows = items.map(item => [
    item.title,
    item.entityRef,
    item.teamType,
    item.size,
    ...SCORECARD_IDS.flatMap(id => [
      item.scores[id]?.score ?? null,
      item.scores[id]?.level ?? null,
    ]),
    item.orgUnits.join(' '),
    ...(withCheck
      ? [
          item.check?.id,
          item.check?.status,
          item.check?.message,
          item.check?.remediation,
          item.check?.entities?.join(' '),
        ]
      : []),
  ]);
  return toCsv(header, rows);
}

/**
 * The CSV of an initiative's teams (`GET /v1/initiatives/{id}` with
 * `Accept: text/csv`), in the order of the detail.
 * @public
 */
export function initiativeTeamsCsv(detail: InitiativeDetail): string {
  return toCsv(
    ['Team', 'Entity ref', 'Team type', 'Level', 'At target', 'Failing checks'],
    detail.teams.map(team => [
      team.title,
      team.entityRef,
      team.teamType,
      team.level,
      team.atTarget ? 'yes' : 'no',
      team.failingChecks.join(' '),
    ]),
  );
}

function capitalize(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}
