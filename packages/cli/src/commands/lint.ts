import { Entity } from '@backstage/catalog-model';
import {
  BUILT_IN_CHECKS,
  evaluate,
  Finding,
  lintEntity,
  plural,
  TeamInsightsCheck,
} from '@team-insights/plugin-team-insights-common';
import { version } from '../../package.json';
import { LocatedFinding } from '../catalog/loadCatalog';
import { locate, quotedToken, SourceDocument } from '../catalog/positions';
import {
  CodeHostFormat,
  formatForCodeHost,
  isCodeHostFormat,
  lintHostReport,
} from '../format/codeHost';
import { paint } from '../format/colors';
import { CommandContext } from '../io';
import { compareCodeUnits } from '../util';
import { CheckModuleOptions, loadCheckModules } from './checkModules';
import { CommonOptions, Inputs, readInputs } from './inputs';

/** Options of `team-insights lint`. */
export interface LintOptions extends CommonOptions, CheckModuleOptions {
  format: 'text' | 'json' | CodeHostFormat;
}

/** A finding as `lint` reports it; the position is missing only for findings about entities not read from a file. */
export interface LintFinding
  extends Omit<LocatedFinding, 'path' | 'line' | 'column'> {
  path?: string;
  line?: number;
  column?: number;
}

/**
 * Places an engine finding in the files: at the value of the annotation it
 * is about (at the quoted item of the message when the value holds it), else
 * at the entity's name.
 */
export function placeFinding(
  finding: Finding,
  sources: Map<string, SourceDocument>,
): LintFinding {
  const source = sources.get(finding.entityRef.toLowerCase());
  const base: LintFinding = {
    severity: finding.severity,
    entityRef: finding.entityRef,
    ...(finding.annotation ? { annotation: finding.annotation } : {}),
    message: finding.message,
    ...(finding.code ? { code: finding.code } : {}),
    ...(finding.params ? { params: finding.params } : {}),
    ...(finding.entityRefs ? { entityRefs: finding.entityRefs } : {}),
  };
  if (!source) {
    return base;
  }
  const position = finding.annotation
    ? locate(
        source,
        ['metadata', 'annotations', finding.annotation],
        quotedToken(finding.message),
      )
    : locate(source, ['metadata', 'name']);
  return {
    ...base,
    path: source.file.path,
    line: position.line,
    column: position.column,
  };
}

/**
 * The engine's findings for the entities: those of each entity on its own
 * (`lintEntity`) and those that need the rest of the catalog (`evaluate`,
 * e.g. declined products that do not resolve), each once.
 */
export function engineFindings(
  inputs: Inputs,
  customChecks: TeamInsightsCheck[] = [],
): Finding[] {
  const { catalog, config, now } = inputs;
  const checkIds = [...BUILT_IN_CHECKS, ...customChecks].map(c => c.id);
  const seen = new Set<string>();
  const out: Finding[] = [];
  const add = (finding: Finding) => {
    const key = JSON.stringify([
      finding.severity,
      finding.entityRef,
      finding.annotation ?? '',
      finding.message,
    ]);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(finding);
    }
  };
  catalog.entities.forEach((entity: Entity) =>
    lintEntity(entity, { config, now, checkIds }).forEach(add),
  );
  evaluate(catalog.entities, { config, now, customChecks }).findings.forEach(
    add,
  );
  return out;
}

function compareFindings(a: LintFinding, b: LintFinding): number {
  return (
    compareCodeUnits(a.path ?? '\uffff', b.path ?? '\uffff') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareCodeUnits(a.severity, b.severity) ||
    compareCodeUnits(a.entityRef ?? '', b.entityRef ?? '') ||
    compareCodeUnits(a.message, b.message)
  );
}

/** Every finding for the files: reading problems and the engine's. */
export function lintFindings(
  inputs: Inputs,
  customChecks: TeamInsightsCheck[] = [],
): LintFinding[] {
  const placed = engineFindings(inputs, customChecks).map(finding =>
    placeFinding(finding, inputs.catalog.sources),
  );
  return [...inputs.catalog.problems, ...placed].sort(compareFindings);
}

/**
 * A message on one line, for `path:line:col` output: the text before any
 * fenced snippet (JSON output keeps the whole message), white space
 * collapsed.
 */
export function oneLine(message: string): string {
  const [text] = message.split(/\n\s*```/);
  return text.replace(/\s+/g, ' ').trim().replace(/:$/, '');
}

/**
 * Where a finding is, as `path:line:col` (just the path for a whole file or
 * folder, the entity ref for a finding about an entity not read from a
 * file).
 */
export function findingPlace(
  finding: Pick<LintFinding, 'path' | 'line' | 'column' | 'entityRef'>,
  display: (absolute: string) => string,
): string {
  if (!finding.path) {
    return finding.entityRef ?? '-';
  }
  const shown = display(finding.path);
  return finding.line === undefined
    ? shown
    : `${shown}:${finding.line}:${finding.column ?? 1}`;
}

/** `team-insights lint [paths…]`; returns the exit code. */
export async function runLint(
  paths: string[],
  options: LintOptions,
  ctx: CommandContext,
): Promise<number> {
  const customChecks = loadCheckModules(options.checks, ctx);
  const inputs = await readInputs(paths, options, ctx);
  const findings = lintFindings(inputs, customChecks);
  const errors = findings.filter(f => f.severity === 'error').length;
  const notes = findings.filter(f => f.severity === 'note').length;
  const warnings = findings.length - errors - notes;

  if (isCodeHostFormat(options.format)) {
    const report = lintHostReport(
      findings,
      inputs.catalog.sources,
      ctx.display,
    );
    ctx.stdout.write(formatForCodeHost(options.format, report, version));
    return errors ? 1 : 0;
  }

  if (options.format === 'json') {
    const output = {
      findings: findings.map(f => ({
        path: f.path ? ctx.display(f.path) : null,
        line: f.line ?? null,
        column: f.column ?? null,
        severity: f.severity,
        entityRef: f.entityRef ?? null,
        annotation: f.annotation ?? null,
        message: f.message,
        ...(f.code ? { code: f.code } : {}),
        ...(f.params ? { params: f.params } : {}),
        ...(f.entityRefs ? { entityRefs: f.entityRefs } : {}),
      })),
      errors,
      warnings,
      notes,
      files: inputs.catalog.fileCount,
      entities: inputs.catalog.entities.length,
    };
    ctx.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return errors ? 1 : 0;
  }

  const p = paint(ctx.color);
  for (const f of findings) {
    const where = findingPlace(f, ctx.display);
    let severity = p.dim('note   ');
    if (f.severity === 'error') {
      severity = p.red('error  ');
    } else if (f.severity === 'warning') {
      severity = p.yellow('warning');
    }
    const annotation = f.annotation ? `  ${p.dim(`(${f.annotation})`)}` : '';
    ctx.stdout.write(
      `${where}  ${severity}  ${oneLine(f.message)}${annotation}\n`,
    );
  }
  const entityCount = inputs.catalog.entities.length;
  const scope = `${plural(entityCount, 'entity', 'entities')} in ${plural(
    inputs.catalog.fileCount,
    'file',
    'files',
  )}`;
  const problemCount = errors + warnings;
  if (problemCount) {
    const summary = `${plural(problemCount, 'problem', 'problems')} (${plural(
      errors,
      'error',
      'errors',
    )}, ${plural(warnings, 'warning', 'warnings')}) in ${scope}`;
    ctx.stdout.write(`\n${errors ? p.red(summary) : p.yellow(summary)}\n`);
  } else {
    ctx.stdout.write(
      `${notes ? '\n' : ''}${p.green('No problems')} in ${scope}\n`,
    );
  }
  return errors ? 1 : 0;
}
