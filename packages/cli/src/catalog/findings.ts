import type {
  FindingCode,
  FindingParams,
} from '@team-insights/plugin-team-insights-common';

/**
 * How much a finding matters: errors fail `lint`, warnings are shown but
 * pass, notes say what the CLI skipped on purpose.
 */
export type Severity = 'error' | 'warning' | 'note';

/** A finding with the place in a file (or folder) it is about. */
export interface LocatedFinding {
  severity: Severity;
  /** Absolute path of the file or folder. */
  path: string;
  /** 1-based; missing for findings about a whole file or folder. */
  line?: number;
  column?: number;
  entityRef?: string;
  annotation?: string;
  message: string;
  /** The engine's code for its findings (reading problems have none). */
  code?: FindingCode;
  params?: FindingParams;
  entityRefs?: string[];
}

/** A finding about a whole file or folder. */
export function fileFinding(
  severity: Severity,
  file: string,
  message: string,
): LocatedFinding {
  return { severity, path: file, message };
}
