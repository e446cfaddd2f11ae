import fs from 'node:fs/promises';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  defaultTeamInsightsConfig,
  readTeamInsightsConfig,
  TeamInsightsConfig,
} from '@team-insights/plugin-team-insights-common';
import { parse } from 'yaml';
import { findCatalogFiles, unreadable } from '../catalog/files';
import {
  loadCatalog,
  LoadedCatalog,
  LoadOptions,
} from '../catalog/loadCatalog';
import { CommandContext } from '../io';
import { isObject } from '../util';
import { applySkillsSourceOptions, SkillsSourceOptions } from './skillsSource';

/** Options every command takes. */
export interface CommonOptions extends SkillsSourceOptions {
  config?: string;
  now?: string;
  /** `--ignore` globs. */
  ignore?: string[];
  /** `false` with `--no-placeholders`. */
  placeholders?: boolean;
}

/** What a command works on. */
export interface Inputs {
  catalog: LoadedCatalog;
  config: TeamInsightsConfig;
  now?: Date;
}

/**
 * Parses `--now YYYY-MM-DD` into midnight UTC of that day.
 * @throws InputError for anything else.
 */
export function parseNow(value: string | undefined): Date | undefined {
  if (value === undefined) {
    return undefined;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00.000Z`) : undefined;
  if (
    !date ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  ) {
    throw new InputError(
      `--now must be a date as YYYY-MM-DD, e.g. 2026-01-31; got '${value}'`,
    );
  }
  return date;
}

/**
 * Reads an app-config YAML file as a mapping.
 * @throws InputError when the file cannot be read or parsed.
 */
export async function readConfigData(
  file: string,
  ctx: CommandContext,
): Promise<Record<string, unknown>> {
  const full = path.resolve(ctx.cwd, file);
  let text: string;
  try {
    text = await fs.readFile(full, 'utf8');
  } catch (error) {
    throw unreadable(file, error);
  }
  let data: unknown;
  try {
    data = parse(text, { merge: false, prettyErrors: false });
  } catch (error) {
    throw new InputError(
      `cannot parse config file '${file}': ${(error as Error).message}`,
    );
  }
  if (data === null || data === undefined) {
    data = {};
  }
  if (!isObject(data)) {
    throw new InputError(
      `config file '${file}' must hold a YAML mapping, like app-config.yaml`,
    );
  }
  return data as Record<string, unknown>;
}

/**
 * Reads the `teamInsights` section of an app-config YAML file.
 * @throws InputError when the file cannot be read or parsed, or holds
 *   invalid Team Insights settings.
 */
export async function readConfigFile(
  file: string,
  ctx: CommandContext,
): Promise<TeamInsightsConfig> {
  const data = await readConfigData(file, ctx);
  try {
    return readTeamInsightsConfig(
      new ConfigReader(
        data as ConstructorParameters<typeof ConfigReader>[0],
        file,
      ),
    );
  } catch (error) {
    throw new InputError(`${file}: ${(error as Error).message}`);
  }
}

/**
 * Reads the files, the config and the date a command works on; `load`
 * tells how (see {@link LoadOptions}).
 * @throws InputError or NotFoundError for usage errors and unreadable paths.
 */
export async function readInputs(
  paths: string[],
  options: CommonOptions,
  ctx: CommandContext,
  load: Pick<LoadOptions, 'keepSyntaxTrees'> = {},
): Promise<Inputs> {
  const now = parseNow(options.now);
  const config = options.config
    ? await readConfigFile(options.config, ctx)
    : defaultTeamInsightsConfig;
  const given = paths.length ? paths : ['.'];
  const found = await findCatalogFiles(given, ctx.cwd, {
    ignore: options.ignore,
  });
  if (!found.files.length) {
    const why = found.problems
      .slice(0, 3)
      .map(p => ` (${ctx.display(p.path)}: ${p.message})`)
      .join('');
    throw new InputError(
      `no YAML files found in ${given
        .map(p => `'${p}'`)
        .join(', ')}; give catalog files or folders holding them${why}`,
    );
  }
  const catalog = await loadCatalog(found, ctx.display, {
    ...load,
    placeholders: options.placeholders,
  });
  await applySkillsSourceOptions(catalog, options, config, ctx);
  return { catalog, config, now };
}
