import fs from 'node:fs/promises';
import {
  catalogInfoJsonSchema,
  CatalogModelDefinitions,
} from '@team-insights/plugin-team-insights-common';
import { CommandContext } from '../io';
import { readConfigFile } from './inputs';

/** Options of `team-insights schema`. */
export interface SchemaOptions {
  config?: string;
}

/** The schema published with -common, for the built-in vocabulary. */
async function publishedSchema(): Promise<{
  definitions: CatalogModelDefinitions;
}> {
  const file = require.resolve(
    '@team-insights/plugin-team-insights-common/schema/catalog-info.schema.json',
  );
  return JSON.parse(await fs.readFile(file, 'utf8'));
}

/**
 * `team-insights schema`: prints the JSON Schema for catalog-info.yaml, for
 * editors. With `--config`, the skill clusters of that app-config replace
 * the built-in vocabulary; the catalog's entity schema stays the one
 * published with the engine. Returns the exit code.
 */
export async function runSchema(
  options: SchemaOptions,
  ctx: CommandContext,
): Promise<number> {
  const published = await publishedSchema();
  const schema = options.config
    ? catalogInfoJsonSchema({
        catalogModel: published.definitions,
        config: await readConfigFile(options.config, ctx),
      })
    : published;
  ctx.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
  return 0;
}
