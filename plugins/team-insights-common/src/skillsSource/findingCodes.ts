/**
 * The kinds of finding a skills source has, each with a stable code: a
 * sibling of the engine's registry (../findingCodes.ts), since a source's
 * findings are about a file's rows, not about entities. A code, once
 * published, keeps its meaning; new kinds get new codes. docs/annotations.md
 * lists them with how to fix each.
 */
import type { FindingSeverity } from '../types';
import {
  FINDING_CODES,
  type FindingCode,
  type FindingCodeInfo,
} from '../findingCodes';
import type { SkillsSourceFinding } from './model';

/**
 * The code of a finding about a skills source or one of its rows.
 * @public
 */
export type SkillsSourceFindingCode =
  | 'not-text'
  | 'source-too-long'
  | 'yaml-too-long'
  | 'too-many-rows'
  | 'empty-source'
  | 'missing-columns'
  | 'team-type-column'
  | 'csv-unclosed-quote'
  | 'csv-text-after-quote'
  | 'yaml-syntax-error'
  | 'yaml-not-a-list'
  | 'yaml-row-not-a-mapping'
  | 'yaml-value-not-text'
  | 'yaml-empty-row'
  | 'missing-user'
  | 'invalid-user'
  | 'duplicate-user'
  | 'unknown-user'
  | 'missing-skills'
  | 'skills-too-long';

/**
 * The codes of findings about a row's skills cell: the cell is read as a
 * User's `team-insights.io/skills` annotation is, and its findings keep the
 * annotation's codes (see {@link FINDING_CODES}).
 * @public
 */
export type SkillsCellFindingCode = Extract<
  FindingCode,
  | 'skills.unknown-cluster'
  | 'skills.duplicate-cluster'
  | 'skills.unexpected-count'
  | 'annotation.too-many-items'
>;

const CELL_CODES: readonly SkillsCellFindingCode[] = [
  'skills.unknown-cluster',
  'skills.duplicate-cluster',
  'skills.unexpected-count',
  'annotation.too-many-items',
];

/** Whether an annotation finding's code is one a skills cell can have. */
export function isSkillsCellCode(
  code: FindingCode,
): code is SkillsCellFindingCode {
  return (CELL_CODES as readonly FindingCode[]).includes(code);
}

/**
 * Every code of a skills source's own findings, with its severity and what
 * it means. Findings about a skills cell carry a {@link SkillsCellFindingCode}
 * instead, listed in {@link FINDING_CODES}.
 * @public
 */
export const SKILLS_SOURCE_FINDING_CODES: Readonly<
  Record<SkillsSourceFindingCode, FindingCodeInfo>
> = Object.freeze({
  'not-text': {
    severity: 'error',
    description: 'The source is not text; nothing was read from it.',
  },
  'source-too-long': {
    severity: 'error',
    description:
      'A source over 16 MiB; nothing was read from it. Split it into several sources.',
  },
  'yaml-too-long': {
    severity: 'error',
    description:
      'A YAML source over 16 KiB; nothing was read from it. Write large mappings as CSV.',
  },
  'too-many-rows': {
    severity: 'error',
    description: 'More than 100000 rows; the rest was ignored.',
  },
  'empty-source': {
    severity: 'error',
    description: 'A CSV source without a header row.',
  },
  'missing-columns': {
    severity: 'error',
    description:
      'A CSV header row without the columns "user" and "skills"; nothing was read from the source.',
  },
  'team-type-column': {
    severity: 'warning',
    description:
      'A team type column, which is not read: a team declares its type on its Group.',
  },
  'csv-unclosed-quote': {
    severity: 'error',
    description:
      'A quoted CSV field that is never closed; the rest of the file was read as its value.',
  },
  'csv-text-after-quote': {
    severity: 'error',
    description:
      'Characters between the closing quote of a field and the next comma.',
  },
  'yaml-syntax-error': {
    severity: 'error',
    description: 'A YAML syntax error; nothing was read from the source.',
  },
  'yaml-not-a-list': {
    severity: 'error',
    description:
      'A YAML source that is not a list of rows; nothing was read from it.',
  },
  'yaml-row-not-a-mapping': {
    severity: 'error',
    description: 'A YAML row that is not a mapping; it was ignored.',
  },
  'yaml-value-not-text': {
    severity: 'error',
    description:
      'A "user" or "skills" that is not text (or, for skills, a list of ids); the row was ignored.',
  },
  'yaml-empty-row': {
    severity: 'error',
    description: 'A YAML row without "user" and "skills"; it was ignored.',
  },
  'missing-user': {
    severity: 'error',
    description: 'A row without a user; it was ignored.',
  },
  'invalid-user': {
    severity: 'error',
    description:
      'A user that is neither an entity ref, a user name nor an e-mail address; the row was ignored.',
  },
  'duplicate-user': {
    severity: 'error',
    description:
      'A row naming a person an earlier row (of this source or an earlier one) names; the earlier row is used.',
  },
  'unknown-user': {
    severity: 'warning',
    description: 'A row that names no User of the catalog; it was not used.',
  },
  'missing-skills': {
    severity: 'warning',
    description: 'A row without skills; it was ignored.',
  },
  'skills-too-long': {
    severity: 'error',
    description: 'Skills over 4096 characters; the row was ignored.',
  },
});

/** The severity findings of a source's or a cell's code have. */
function severityOf(
  code: SkillsSourceFindingCode | SkillsCellFindingCode,
): FindingSeverity {
  return code in SKILLS_SOURCE_FINDING_CODES
    ? SKILLS_SOURCE_FINDING_CODES[code as SkillsSourceFindingCode].severity
    : FINDING_CODES[code as SkillsCellFindingCode].severity;
}

/** A finding of `code`, with the code's severity. */
export function sourceFinding(
  code: SkillsSourceFindingCode | SkillsCellFindingCode,
  finding: Omit<SkillsSourceFinding, 'severity' | 'code'>,
): SkillsSourceFinding {
  return { severity: severityOf(code), code, ...finding };
}
