import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import {
  applySkillsSources,
  ConfiguredSkillsSource,
  MAX_SKILLS_SOURCE_LENGTH,
  parseSkillsSource,
  SKILLS_SOURCE_PRECEDENCES,
  SkillsSourceFinding,
  SkillsSourcePrecedence,
  TeamInsightsConfig,
} from '@team-insights/plugin-team-insights-common';
import { Option } from 'commander';
import { unreadable } from '../catalog/files';
import { LoadedCatalog, LocatedFinding } from '../catalog/loadCatalog';
import { CommandContext } from '../io';

/** The options `lint` and `score` take for skills sources. */
export interface SkillsSourceOptions {
  skillsSource?: string[];
  skillsPrecedence?: SkillsSourcePrecedence;
}

/** `--skills-source FILE`, repeatable. */
export function skillsSourceOption(): Option {
  return new Option(
    '--skills-source <file>',
    'CSV or YAML file mapping people to their skills, read as the catalog module reads teamInsights.skillsSources (repeatable; the first file listing a person wins)',
  ).argParser((value: string, previous: string[] | undefined) => [
    ...(previous ?? []),
    value,
  ]);
}

/** `--skills-precedence entity|source`. */
export function skillsPrecedenceOption(): Option {
  return new Option(
    '--skills-precedence <which>',
    'which wins when a User has its own team-insights.io/skills: the annotation (entity) or the skills source (source)',
  )
    .choices([...SKILLS_SOURCE_PRECEDENCES])
    .default('entity');
}

async function readSource(file: string, ctx: CommandContext): Promise<string> {
  const full = path.resolve(ctx.cwd, file);
  let text: string;
  try {
    const stat = await fs.stat(full);
    if (!stat.isFile()) {
      throw new InputError(`cannot read '${file}': not a file`);
    }
    if (stat.size > MAX_SKILLS_SOURCE_LENGTH) {
      throw new InputError(
        `cannot read '${file}': ${stat.size} bytes, more than the ${MAX_SKILLS_SOURCE_LENGTH} a skills source may have`,
      );
    }
    text = await fs.readFile(full, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw unreadable(file, error);
  }
  return text;
}

/** Rows naming no User listed one by one, per source; beyond, one summary. */
const MAX_UNKNOWN_USERS_LISTED = 10;

/**
 * The findings, with the rows that name no User summed up per source when
 * there are many: linting one team's files against the organisation's
 * skills export leaves most of its rows without a User, as expected.
 */
function summariseUnknownUsers(
  findings: SkillsSourceFinding[],
): SkillsSourceFinding[] {
  const unknown = new Map<string, SkillsSourceFinding[]>();
  for (const f of findings) {
    if (f.code === 'unknown-user') {
      unknown.set(f.source, [...(unknown.get(f.source) ?? []), f]);
    }
  }
  return findings.flatMap(f => {
    const all = f.code === 'unknown-user' ? unknown.get(f.source)! : [];
    if (all.length <= MAX_UNKNOWN_USERS_LISTED) return [f];
    if (f !== all[0]) return [];
    const lines = all.slice(0, 5).map(u => u.line);
    return [
      {
        ...f,
        message: `${
          all.length
        } rows name no User in the files read (lines ${lines.join(
          ', ',
        )}, …) and were not used; expected when the files hold only part of the organisation`,
      },
    ];
  });
}

/**
 * Reads the skills sources named on the command line (and nothing else),
 * gives the catalog's Users their skills and adds the findings of the
 * sources to the catalog's problems, at their file, line and column.
 *
 * @throws InputError or NotFoundError for a file that cannot be read.
 */
export async function applySkillsSourceOptions(
  catalog: LoadedCatalog,
  options: SkillsSourceOptions,
  config: TeamInsightsConfig,
  ctx: CommandContext,
): Promise<void> {
  const files = options.skillsSource ?? [];
  if (!files.length) return;
  const precedence = options.skillsPrecedence ?? 'entity';
  const sources: ConfiguredSkillsSource[] = [];
  const paths = new Map<string, string>();
  for (const file of files) {
    const full = path.resolve(ctx.cwd, file);
    const text = await readSource(file, ctx);
    const name = ctx.display(full);
    paths.set(name, full);
    sources.push({
      source: parseSkillsSource(text, { source: name, config }),
      precedence,
    });
  }
  const { entities, findings } = applySkillsSources(catalog.entities, sources);
  catalog.entities = entities;
  catalog.problems.push(
    ...summariseUnknownUsers(findings).map(
      (f): LocatedFinding => ({
        severity: f.severity,
        path: paths.get(f.source) ?? f.source,
        line: f.line,
        column: f.column ?? 1,
        message: f.message,
      }),
    ),
  );
}
