import type {
  CheckResult,
  FindingCode,
  Report,
  ScorecardId,
  TeamInsightsCheck,
  Waiver,
} from '@team-insights/plugin-team-insights-common';
import { locate, quotedToken, SourceDocument } from '../../catalog/positions';
import { compareCodeUnits } from '../../util';
import { SCORECARDS } from '../checks';
import { checkRules, HostRule, lintRule, lintRuleId } from './rules';

/** A place in a file: a path as shown to the user, 1-based line and column. */
export interface HostLocation {
  path: string;
  line: number;
  column: number;
}

/** One problem, as every code-host format reports it. */
export interface HostResult {
  ruleId: string;
  /** `note` for what lint reports as neither error nor warning. */
  level: 'error' | 'warning' | 'note';
  /** What was found. */
  message: string;
  /** What to change, when the check says. */
  remediation?: string;
  entityRef?: string;
  location?: HostLocation;
  /**
   * What tells two problems of one rule and entity apart without positions
   * (the quoted item of the message, e.g. a misspelt cluster).
   */
  discriminator?: string;
}

/** One entity judged by one check (or linted for one rule), for JUnit. */
export interface HostCase {
  /** The suite: a file, or a scorecard. */
  suite: string;
  /** The entity ref (or the file, for problems of no entity). */
  subject: string;
  /** The check id or rule id. */
  name: string;
  outcome: 'passed' | 'failed' | 'skipped';
  message?: string;
  /** The full text: messages, remediation, warnings. */
  details?: string;
  waived?: Waiver & { status: string };
  location?: HostLocation;
}

/** What a code-host format is given. */
export interface HostReport {
  /** `lint` or `score`. */
  command: string;
  rules: HostRule[];
  results: HostResult[];
  cases: HostCase[];
}

/** The finding of `lint`, as the command has placed it. */
export interface PlacedFinding {
  severity: string;
  entityRef?: string | null;
  annotation?: string | null;
  message: string;
  /** The engine's finding code; reading problems have none. */
  code?: FindingCode;
  path?: string | null;
  line?: number | null;
  column?: number | null;
}

function levelOf(severity: string): HostResult['level'] {
  return severity === 'error' || severity === 'warning' ? severity : 'note';
}

type Display = (absolute: string) => string;

function placeOf(
  f: { path?: string | null; line?: number | null; column?: number | null },
  display: Display,
): HostLocation | undefined {
  return f.path
    ? { path: display(f.path), line: f.line ?? 1, column: f.column ?? 1 }
    : undefined;
}

function lowerCaseKeys<T>(map: Map<string, T>): Map<string, T> {
  return new Map([...map].map(([key, value]) => [key.toLowerCase(), value]));
}

function usedRules(
  results: HostResult[],
  cases: HostCase[],
  ruleOf: (id: string) => HostRule,
): HostRule[] {
  const ids = new Set([
    ...results.map(r => r.ruleId),
    ...cases.map(c => c.name),
  ]);
  return [...ids].sort(compareCodeUnits).map(ruleOf);
}

/**
 * The code-host view of `lint`: one result per finding; one test case per
 * entity and rule with findings (failed on errors, passed with the warnings
 * noted), a passing one for entities without findings, grouped by file.
 */
export function lintHostReport(
  findings: PlacedFinding[],
  sources: Map<string, SourceDocument>,
  display: Display,
): HostReport {
  const results: HostResult[] = findings.map(f => ({
    ruleId: lintRuleId({
      annotation: f.annotation ?? undefined,
      message: f.message,
      code: f.code,
    }),
    level: levelOf(f.severity),
    message: f.message,
    ...(f.entityRef ? { entityRef: f.entityRef } : {}),
    ...(f.path ? { location: placeOf(f, display) } : {}),
    ...(quotedToken(f.message)
      ? { discriminator: quotedToken(f.message) }
      : {}),
  }));

  const bySubject = new Map<
    string,
    {
      suite: string;
      subject: string;
      location?: HostLocation;
      byRule: Map<string, HostResult[]>;
    }
  >();
  const subjectOf = (suite: string, subject: string, at?: HostLocation) => {
    const key = JSON.stringify([suite, subject]);
    let entry = bySubject.get(key);
    if (!entry) {
      entry = { suite, subject, location: at, byRule: new Map() };
      bySubject.set(key, entry);
    }
    return entry;
  };
  const lowerSources = lowerCaseKeys(sources);
  for (const [ref, source] of lowerSources) {
    const at = locate(source, ['metadata', 'name']);
    const path = display(source.file.path);
    subjectOf(path, ref, { path, ...at });
  }
  for (const result of results) {
    const sourceOf = result.entityRef
      ? lowerSources.get(result.entityRef.toLowerCase())
      : undefined;
    const suite =
      result.location?.path ??
      (sourceOf ? display(sourceOf.file.path) : '(no file)');
    const subject = result.entityRef?.toLowerCase() ?? suite;
    const entry = subjectOf(suite, subject, result.location);
    const list = entry.byRule.get(result.ruleId) ?? [];
    list.push(result);
    entry.byRule.set(result.ruleId, list);
  }

  const cases: HostCase[] = [];
  for (const entry of bySubject.values()) {
    if (!entry.byRule.size) {
      cases.push({
        suite: entry.suite,
        subject: entry.subject,
        name: 'annotations',
        outcome: 'passed',
        location: entry.location,
      });
      continue;
    }
    for (const [ruleId, list] of entry.byRule) {
      const errors = list.filter(r => r.level === 'error');
      const lines = list.map(
        r =>
          `${r.location ? `${r.location.line}:${r.location.column} ` : ''}${
            r.level
          }: ${r.message}`,
      );
      cases.push({
        suite: entry.suite,
        subject: entry.subject,
        name: ruleId,
        outcome: errors.length ? 'failed' : 'passed',
        ...(errors.length ? { message: errors[0].message } : {}),
        details: lines.join('\n'),
        location: list[0].location ?? entry.location,
      });
    }
  }
  cases.sort(
    (a, b) =>
      compareCodeUnits(a.suite, b.suite) ||
      compareCodeUnits(a.subject, b.subject) ||
      compareCodeUnits(a.name, b.name),
  );
  return {
    command: 'lint',
    rules: usedRules(results, [], lintRule),
    results,
    cases,
  };
}

/** Where a check's problem is best pointed at in an entity's YAML. */
const CHECK_FIELDS: Record<string, string[]> = {
  'docs.description': ['metadata', 'description'],
  'docs.owner': ['spec', 'owner'],
  'docs.techdocs': ['metadata', 'annotations'],
  'docs.source': ['metadata', 'annotations'],
  'docs.lifecycle': ['spec', 'lifecycle'],
  'docs.system': ['spec', 'system'],
  'docs.links': ['metadata', 'links'],
  'docs.tags': ['metadata', 'tags'],
  'docs.api-definition': ['spec', 'definition'],
  'docs.provides-api': ['spec', 'providesApis'],
};

interface Judged {
  suite: ScorecardId;
  entityRef: string;
  title: string;
  check: CheckResult;
}

function judgedChecks(report: Report): Judged[] {
  const out: Judged[] = [];
  for (const team of report.teams) {
    // A team's documentation scorecard summarises the checks of the
    // entities it owns, which are reported per entity below.
    for (const scorecard of SCORECARDS.filter(s => s !== 'documentation')) {
      for (const check of team.scorecards[scorecard]?.checks ?? []) {
        out.push({
          suite: scorecard,
          entityRef: team.entityRef,
          title: team.title,
          check,
        });
      }
    }
  }
  for (const entity of report.entities) {
    for (const check of entity.scorecards.documentation.checks) {
      out.push({
        suite: 'documentation',
        entityRef: entity.entityRef,
        title: entity.title,
        check,
      });
    }
  }
  return out;
}

/**
 * The code-host view of `score`: a result for every failing or warning
 * check that counts (waived checks count as passed) of a team or entity;
 * a test case for every check of every team (composition and adoption) and
 * entity (documentation), grouped by scorecard.
 */
export function scoreHostReport(
  report: Report,
  sources: Map<string, SourceDocument>,
  display: Display,
  customChecks: readonly TeamInsightsCheck[] = [],
): HostReport {
  const lowerSources = lowerCaseKeys(sources);
  const rules = checkRules(customChecks);
  const results: HostResult[] = [];
  const cases: HostCase[] = [];

  for (const { suite, entityRef, title, check } of judgedChecks(report)) {
    const source = lowerSources.get(entityRef.toLowerCase());
    const location = source
      ? {
          path: display(source.file.path),
          ...locate(source, CHECK_FIELDS[check.id] ?? ['metadata', 'name']),
        }
      : undefined;
    const counts = !check.waived;
    if (counts && (check.status === 'fail' || check.status === 'warn')) {
      results.push({
        ruleId: check.id,
        level: check.status === 'fail' ? 'error' : 'warning',
        message: `${title}: ${check.message}`,
        ...(check.remediation ? { remediation: check.remediation } : {}),
        entityRef,
        ...(location ? { location } : {}),
      });
    }
    const details = [
      `${check.status}: ${check.message}`,
      check.remediation ? `Remediation: ${check.remediation}` : '',
      check.waived
        ? `Waived until ${check.waived.until}: ${check.waived.reason}`
        : '',
    ]
      .filter(Boolean)
      .join('\n');
    let outcome: HostCase['outcome'] = 'passed';
    if (check.status === 'not-applicable') outcome = 'skipped';
    else if (check.status === 'fail' && counts) outcome = 'failed';
    cases.push({
      suite,
      subject: entityRef,
      name: check.id,
      outcome,
      message: check.message,
      details,
      ...(check.waived
        ? { waived: { ...check.waived, status: check.status } }
        : {}),
      ...(location ? { location } : {}),
    });
  }

  const ruleOf = (id: string): HostRule =>
    rules.get(id) ?? { id, title: id, description: id, help: id };
  return {
    command: 'score',
    rules: usedRules(results, cases, ruleOf),
    results,
    cases,
  };
}
