import { InputError } from '@backstage/errors';
import {
  applyPlan,
  comparePlan,
  EntityEdit,
  evaluate,
  formatEntityEdit,
  formatPlanMarkdown,
  parsePlan,
  PlanComparison,
  PlanScore,
  SCORECARD_IDS,
  emptyTimeline,
} from '@team-insights/plugin-team-insights-common';
import { parse } from 'yaml';
import path from 'node:path';
import { unreadable } from '../catalog/files';
import {
  formatSize,
  MAX_NESTING,
  nestsDeeperThan,
  readLimited,
} from '../catalog/readLimited';
import { CommandContext } from '../io';
import { CheckModuleOptions, loadCheckModules } from './checkModules';
import { CommonOptions, readInputs } from './inputs';

/** Options of `team-insights plan`. */
export interface PlanOptions extends CommonOptions, CheckModuleOptions {
  changes: string;
  format: 'text' | 'json' | 'markdown';
}

/** Largest change file read. */
const MAX_PLAN_BYTES = 1024 * 1024;

async function readPlanFile(file: string, ctx: CommandContext) {
  let read;
  try {
    read = await readLimited(path.resolve(ctx.cwd, file), MAX_PLAN_BYTES);
  } catch (error) {
    throw unreadable(file, error);
  }
  if (read.kind !== 'text') {
    throw new InputError(
      read.kind === 'too-large'
        ? `the change file '${file}' is ${formatSize(
            read.size,
          )}, more than the ${formatSize(MAX_PLAN_BYTES)} the CLI reads`
        : `the change file '${file}' is not a regular file`,
    );
  }
  if (nestsDeeperThan(read.text, MAX_NESTING)) {
    throw new InputError(
      `the change file '${file}' nests more than ${MAX_NESTING} levels deep`,
    );
  }
  let document: unknown;
  try {
    document = parse(read.text, { prettyErrors: false, maxAliasCount: 100 });
  } catch (error) {
    throw new InputError(
      `cannot parse the change file '${file}': ${(error as Error).message}`,
    );
  }
  try {
    return parsePlan(document);
  } catch (error) {
    throw new InputError(`${file}: ${(error as Error).message}`);
  }
}

function score(s: PlanScore | undefined) {
  if (!s) return '—';
  return s.level === null ? 'n/a' : `${s.level} (${s.score})`;
}

function sourceOf(
  edit: EntityEdit,
  sources: Map<string, { file: { path: string } }>,
  ctx: CommandContext,
) {
  const source = sources.get(edit.entityRef);
  return source ? ctx.display(source.file.path) : 'a new entity';
}

function formatText(
  comparison: PlanComparison,
  edits: EntityEdit[],
  where: (edit: EntityEdit) => string,
): string {
  const lines: string[] = [];
  if (!comparison.teams.length && !comparison.orgUnits.length) {
    lines.push('No scorecard changes.');
  }
  for (const team of comparison.teams) {
    let status = '';
    if (!team.before) status = ' (new)';
    else if (!team.after) status = ' (removed)';
    lines.push(`${team.entityRef}${status}`);
    if (team.before && team.after && team.before.size !== team.after.size) {
      lines.push(
        `  size ${team.before.size} → ${team.after.size}, communication paths ${team.before.communicationPaths} → ${team.after.communicationPaths}`,
      );
    }
    for (const id of SCORECARD_IDS) {
      const before = score(team.before?.scores[id]);
      const after = score(team.after?.scores[id]);
      if (before !== after) lines.push(`  ${id}  ${before} → ${after}`);
    }
    // a new or removed team's checks are all new or gone: its levels say it
    for (const check of team.before && team.after ? team.checks : []) {
      lines.push(
        `    ${check.id}  ${check.before ?? '—'} → ${check.after ?? '—'}`,
      );
    }
  }
  for (const unit of comparison.orgUnits) {
    lines.push(`${unit.entityRef} (org unit)`);
    for (const id of SCORECARD_IDS) {
      const before = score(unit.before?.[id]);
      const after = score(unit.after?.[id]);
      if (before !== after) lines.push(`  ${id}  ${before} → ${after}`);
    }
  }
  for (const concern of comparison.concerns) {
    lines.push(
      `concern ${concern.concern}  ${concern.before ?? '—'} → ${
        concern.after ?? '—'
      }`,
    );
  }
  if (edits.length) {
    lines.push('', 'Catalog edits:');
    for (const edit of edits) {
      lines.push(
        '',
        `${edit.action} ${edit.entityRef} (${where(edit)})`,
        ...formatEntityEdit(edit)
          .trimEnd()
          .split('\n')
          .map(l => `  ${l}`),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `team-insights plan --changes FILE [paths…]`; returns the exit code. */
export async function runPlan(
  paths: string[],
  options: PlanOptions,
  ctx: CommandContext,
): Promise<number> {
  const customChecks = loadCheckModules(options.checks, ctx);
  const plan = await readPlanFile(options.changes, ctx);
  const { catalog, config, now } = await readInputs(paths, options, ctx);
  if (!catalog.entities.length) {
    throw new InputError('no catalog entities found to plan over');
  }
  const applied = applyPlan(catalog.entities, plan);
  // the same first sight as `score`: candidates and centralized teams are new
  const evaluateOptions = {
    config,
    now: now ?? new Date(),
    customChecks,
    timeline: emptyTimeline(),
  };
  const before = evaluate(catalog.entities, evaluateOptions);
  const after = evaluate(applied.entities, evaluateOptions);
  const where = (edit: EntityEdit) => sourceOf(edit, catalog.sources, ctx);
  switch (options.format) {
    case 'json':
      ctx.stdout.write(
        `${JSON.stringify(
          { before, after, changes: plan.changes },
          null,
          2,
        )}\n`,
      );
      break;
    case 'markdown':
      ctx.stdout.write(
        formatPlanMarkdown(comparePlan(before, after), applied.edits, where),
      );
      break;
    default:
      ctx.stdout.write(
        formatText(comparePlan(before, after), applied.edits, where),
      );
  }
  return 0;
}
