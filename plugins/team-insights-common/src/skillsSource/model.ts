/**
 * The shapes of a parsed skills source and the limits on what is read.
 */
import type { TeamInsightsConfig } from '../config';
import type { FindingSeverity } from '../types';
import type {
  SkillsCellFindingCode,
  SkillsSourceFindingCode,
} from './findingCodes';

/** Most rows a source may have; the rest is ignored with a finding. @public */
export const MAX_SKILLS_SOURCE_ROWS = 100_000;

/** Largest source read, in characters. @public */
export const MAX_SKILLS_SOURCE_LENGTH = 16 * 1024 * 1024;

/**
 * Largest YAML source read, in characters (about 250 rows). YAML is parsed
 * in one piece, which takes a few tens of milliseconds for that many rows:
 * larger mappings belong in CSV, which is read in slices.
 * @public
 */
export const MAX_YAML_SKILLS_SOURCE_LENGTH = 16 * 1024;

/**
 * Something wrong with a row (or the whole) of a skills source, at its
 * place in the file.
 * @public
 */
export interface SkillsSourceFinding {
  severity: FindingSeverity;
  /** The source as configured or given: a URL or a path. */
  source: string;
  /** 1-based; 1 for findings about the whole source. */
  line: number;
  /** 1-based column of the cell the finding is about, when known. */
  column?: number;
  /** The `user` value of the row, when the finding is about a row. */
  user?: string;
  /**
   * What kind of finding it is, stable, for code that groups, hides or acts
   * on findings (the message is for people and may be reworded): e.g.
   * `unknown-user` for a row that names no User of the catalog. See
   * {@link SKILLS_SOURCE_FINDING_CODES}; a finding about the skills cell
   * has the annotation's code, e.g. `skills.unknown-cluster`.
   */
  code: SkillsSourceFindingCode | SkillsCellFindingCode;
  message: string;
}

/**
 * A usable row: the person and the annotation value to give them.
 * @public
 */
export interface SkillsSourceEntry {
  /** The `user` cell as written. */
  user: string;
  /**
   * The key the row matches on, lower case: a full ref
   * (`user:default/jdoe`), an e-mail address or a `metadata.name`.
   */
  key: string;
  keyType: 'ref' | 'email' | 'name';
  /** The valid clusters, primary first, as an annotation value. */
  skills: string;
  line: number;
  column: number;
}

/**
 * A parsed skills source.
 * @public
 */
export interface SkillsSource {
  source: string;
  entries: SkillsSourceEntry[];
  findings: SkillsSourceFinding[];
}

/**
 * Options of {@link parseSkillsSource}.
 * @public
 */
export interface ParseSkillsSourceOptions {
  /** The source's name in findings: a URL or a path. */
  source: string;
  /** Default: from the name's extension (`.yaml`, `.yml`), else sniffed. */
  format?: 'csv' | 'yaml';
  /** The skill-cluster vocabulary; default {@link defaultTeamInsightsConfig}. */
  config?: TeamInsightsConfig;
}

/** A row as read, before it is checked. */
export interface RawRow {
  line: number;
  user?: { value: string; line: number; column: number };
  skills?: { value: string; line: number; column: number };
}
