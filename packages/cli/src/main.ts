import { Command, CommanderError, Option } from 'commander';
import { isError } from '@backstage/errors';
import { checksOption } from './commands/checkModules';
import { CODE_HOST_FORMATS } from './format/codeHost';
import { version } from '../package.json';
import { runLint, runScore } from './commands';
import { CliIo, commandContext } from './io';
import { runSchema } from './commands/schema';
import { runPlan } from './commands/plan';
import {
  skillsPrecedenceOption,
  skillsSourceOption,
} from './commands/skillsSource';

const COMMON_HELP = `
Paths are catalog files or folders; folders are searched for *.yaml and
*.yml (skipping node_modules, dot folders, paths matched by --ignore or by a
.team-insightsignore file in a folder given, and the skeletons of Scaffolder
templates). Default: the current folder. Nothing outside the paths given is
read: $text, $json and $yaml placeholders that point elsewhere, and links
that lead out, are findings.`;

/** The options lint and score share. */
function commonOptions(command: Command): Command {
  return command
    .option(
      '-c, --config <file>',
      'app-config YAML file whose teamInsights section to use',
    )
    .addOption(
      new Option(
        '--ignore <glob>',
        'leave out paths matching this glob, as in .gitignore, relative to the current folder (repeatable)',
      ).argParser(collect),
    )
    .option(
      '--no-placeholders',
      'do not read files named by $text, $json and $yaml placeholders',
    );
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * Runs the `team-insights` command line with the given arguments (without
 * the node and script paths) and returns the exit code: 0 when all is well,
 * 1 when `lint` finds errors or `score --fail-below` is not met, 2 for usage
 * errors and unreadable files. Never throws; errors are reported on stderr
 * as one line.
 *
 * @public
 */
export async function main(
  argv: string[],
  io: Partial<CliIo> = {},
): Promise<number> {
  const ctx = commandContext(io);
  let exitCode = 0;

  const program = new Command('team-insights')
    .description(
      'Lint and score Backstage catalog files with Team Insights, offline: ' +
        'team composition, platform adoption and documentation.',
    )
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: text => ctx.stdout.write(text),
      writeErr: text => ctx.stderr.write(text),
      // One line, like every other error: "team-insights: unknown option …"
      outputError: (text, write) =>
        write(
          `team-insights: ${text
            .replace(/^error: /, '')
            .replace(/\n\(Did you mean/, ' (did you mean')}`,
        ),
    });

  commonOptions(program.command('lint'))
    .description(
      'Check the Team Insights annotations (and what the catalog would reject) ' +
        'and print each finding at its place: path:line:col severity message.',
    )
    .argument('[paths...]', 'catalog files or folders')
    .addOption(checksOption())
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['text', 'json', ...CODE_HOST_FORMATS])
        .default('text'),
    )
    .option(
      '--now <date>',
      'evaluate waivers as of this day (YYYY-MM-DD) instead of today',
    )
    .addOption(skillsSourceOption())
    .addOption(skillsPrecedenceOption())
    .addHelpText(
      'after',
      `${COMMON_HELP}

Exit codes: 0 no errors (warnings and notes allowed), 1 error findings, 2
usage error or a path given that does not exist.

--format sarif, junit, github and gitlab write reports for code hosts:
SARIF 2.1.0 for code scanning, JUnit XML, GitHub workflow commands, GitLab
Code Quality JSON. --checks loads custom checks from a JavaScript module
and runs its code: name only modules from a tree you trust.

Examples:
  team-insights lint catalog-info.yaml
  team-insights lint . --format json
  team-insights lint . --format sarif > team-insights-lint.sarif`,
    )
    .action(async (paths: string[], options) => {
      exitCode = await runLint(paths, options, ctx);
    });

  commonOptions(program.command('score'))
    .description(
      'Score the teams and entities in the files: composition, adoption and ' +
        'documentation, with levels gold, silver, bronze and none.',
    )
    .argument('[paths...]', 'catalog files or folders')
    .addOption(checksOption())
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['table', 'json', 'markdown', ...CODE_HOST_FORMATS])
        .default('table'),
    )
    .addOption(
      new Option(
        '-e, --entity <ref>',
        'only this team or entity (repeatable), e.g. group:default/search-ranking',
      ).argParser(collect),
    )
    .addOption(
      new Option(
        '--fail-below <level>',
        'exit 1 when a (selected) team has a scorecard below this level',
      ).choices(['bronze', 'silver', 'gold']),
    )
    .option(
      '--initiative <id>',
      'exit 1 when a team this initiative of the --config file covers is not at its target',
    )
    .option(
      '--now <date>',
      'evaluate as of this day (YYYY-MM-DD), for reproducible CI runs',
    )
    .addOption(skillsSourceOption())
    .addOption(skillsPrecedenceOption())
    .addHelpText(
      'after',
      `${COMMON_HELP}

--format json prints the report of the Team Insights REST API. Scorecards
with nothing to judge (no score) never fail --fail-below. --format sarif,
junit, github and gitlab report the failing and warning checks for code
hosts (exit codes unchanged). --checks loads custom checks from a
JavaScript module and runs its code: name only modules you trust.

Exit codes: 0 success, 1 --fail-below not met or a team of --initiative not
at target, 2 usage error or a path given that does not exist.

Examples:
  team-insights score .
  team-insights score . --entity group:default/search-ranking --fail-below bronze
  team-insights score catalog/ --format markdown > comment.md
  team-insights score . --checks ./checks.js --format gitlab > gl-code-quality.json
  team-insights score . --initiative ml-feature-teams --config app-config.yaml`,
    )
    .action(async (paths: string[], options) => {
      exitCode = await runScore(
        paths,
        { ...options, entity: options.entity ?? [] },
        ctx,
      );
    });

  commonOptions(program.command('plan'))
    .description(
      'Score the organisation before and after a change file (moves, skills, ' +
        'splits, merges, new teams, adoption) and print what changes, with ' +
        'the catalog-info.yaml edits it implies.',
    )
    .argument('[paths...]', 'catalog files or folders')
    .requiredOption(
      '--changes <file>',
      'YAML change file: { changes: [ { move: { user, from, to } }, … ] }',
    )
    .addOption(checksOption())
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['text', 'json', 'markdown'])
        .default('text'),
    )
    .option(
      '--now <date>',
      'evaluate as of this day (YYYY-MM-DD), for reproducible CI runs',
    )
    .addOption(skillsSourceOption())
    .addOption(skillsPrecedenceOption())
    .addHelpText(
      'after',
      `${COMMON_HELP}

Changes apply in order; teams, users and products are short names or full
refs. Kinds: move, skills, headcount, teamType, split, merge, createTeam,
adopt, decline (see docs/planning.md). --format json prints
{ "before": REPORT, "after": REPORT, "changes": [...] }, each report as
score --format json prints it.

Exit codes: 0 success, 2 usage error, an invalid change file, or a change
naming a user, team or product that does not exist (no plan is printed).

Examples:
  team-insights plan --changes plan.yaml .
  team-insights plan --changes plan.yaml catalog/ --format markdown > plan.md`,
    )
    .action(async (paths: string[], options) => {
      exitCode = await runPlan(paths, options, ctx);
    });

  program
    .command('schema')
    .description(
      'Print the JSON Schema for catalog-info.yaml: the catalog entity with ' +
        'the Team Insights annotations, for completion and validation in editors.',
    )
    .option(
      '-c, --config <file>',
      'app-config YAML file whose teamInsights skill clusters to offer',
    )
    .addHelpText(
      'after',
      `
Examples:
  team-insights schema > catalog-info.schema.json
  # then, first line of catalog-info.yaml:
  # yaml-language-server: $schema=./catalog-info.schema.json`,
    )
    .action(async options => {
      exitCode = await runSchema(options, ctx);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit with 0; everything else commander rejects is
      // a usage error, already reported by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    const message = isError(error) ? error.message : String(error);
    ctx.stderr.write(`team-insights: ${message}\n`);
    return 2;
  }
}
