import { InputError } from '@backstage/errors';
import {
  emptyTimeline,
  evaluate,
  Level,
} from '@team-insights/plugin-team-insights-common';
import { version } from '../../package.json';
import {
  CodeHostFormat,
  formatForCodeHost,
  isCodeHostFormat,
  scoreHostReport,
} from '../format/codeHost';
import { paint } from '../format/colors';
import { formatMarkdown } from '../format/markdown';
import { formatTable } from '../format/table';
import { CommandContext } from '../io';
import { CheckModuleOptions, loadCheckModules } from './checkModules';
import { CommonOptions, readInputs } from './inputs';
import { gateOnInitiative, readInitiativeOption } from './initiative';
import { findingPlace } from './lint';
import { resolveSelection, scorecardsBelow, selectReport } from './select';

/** Options of `team-insights score`. */
export interface ScoreOptions extends CommonOptions, CheckModuleOptions {
  format: 'table' | 'json' | 'markdown' | CodeHostFormat;
  entity: string[];
  failBelow?: Level;
  /** An initiative of the `--config` file to gate on. */
  initiative?: string;
}

const MAX_PROBLEMS_SHOWN = 20;

/** `team-insights score [paths…]`; returns the exit code. */
export async function runScore(
  paths: string[],
  options: ScoreOptions,
  ctx: CommandContext,
): Promise<number> {
  const customChecks = loadCheckModules(options.checks, ctx);
  // Only the code host formats place the checks' findings in the files;
  // the others need no syntax trees once the files are read.
  const inputs = await readInputs(paths, options, ctx, {
    keepSyntaxTrees: !isCodeHostFormat(options.format),
  });
  const initiative = options.initiative
    ? await readInitiativeOption(options.initiative, options.config, ctx)
    : undefined;
  const { catalog, config, now } = inputs;
  const selection = resolveSelection(options.entity, catalog.entities);

  // Errors first: they are what makes the scores differ from the portal's.
  const problems = [
    ...catalog.problems.filter(f => f.severity === 'error'),
    ...catalog.problems.filter(f => f.severity === 'warning'),
  ];
  problems.slice(0, MAX_PROBLEMS_SHOWN).forEach(f => {
    ctx.stderr.write(
      `${findingPlace(f, ctx.display)}  ${f.severity}  ${f.message}\n`,
    );
  });
  if (problems.length > MAX_PROBLEMS_SHOWN) {
    ctx.stderr.write(
      `… and ${
        problems.length - MAX_PROBLEMS_SHOWN
      } more problems reading the files: run team-insights lint to see them all\n`,
    );
  }
  if (!catalog.entities.length) {
    throw new InputError(
      `no catalog entities found in ${catalog.fileCount} YAML ${
        catalog.fileCount === 1 ? 'file' : 'files'
      }`,
    );
  }

  // A one-off evaluation is the organisation's first sight, as the backend's
  // first refresh is: candidates and centralized teams are first seen now.
  const report = evaluate(catalog.entities, {
    config,
    now,
    customChecks,
    timeline: emptyTimeline(),
  });
  const selected = selectReport(report, selection);
  const showEntities = Boolean(selection);

  switch (options.format) {
    case 'sarif':
    case 'junit':
    case 'github':
    case 'gitlab':
      ctx.stdout.write(
        formatForCodeHost(
          options.format,
          scoreHostReport(selected, catalog.sources, ctx.display, customChecks),
          version,
        ),
      );
      break;
    case 'json':
      ctx.stdout.write(`${JSON.stringify(selected, null, 2)}\n`);
      break;
    case 'markdown':
      ctx.stdout.write(formatMarkdown(selected, showEntities));
      break;
    default:
      ctx.stdout.write(formatTable(selected, paint(ctx.color), showEntities));
  }

  let code = 0;
  if (initiative) {
    code = gateOnInitiative(initiative, report, ctx);
  }
  if (options.failBelow) {
    const below = scorecardsBelow(report, options.failBelow, selection);
    if (below.length) {
      ctx.stderr.write(
        `team-insights: ${below.length} ${
          below.length === 1 ? 'scorecard is' : 'scorecards are'
        } below ${options.failBelow}:\n`,
      );
      for (const b of below) {
        ctx.stderr.write(
          `  ${b.entityRef}  ${b.scorecard}  ${b.level} (${b.score})\n`,
        );
      }
      return 1;
    }
  }
  return code;
}
