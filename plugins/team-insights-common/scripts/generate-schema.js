#!/usr/bin/env node
/*
 * Writes schema/catalog-info.schema.json: the JSON Schema for
 * catalog-info.yaml, built from the engine's vocabulary on top of the entity
 * schema of the installed @backstage/catalog-model (embedded, so that editors
 * validate offline). `yarn generate:schema` in this package runs it; a test
 * fails when the committed file is out of date.
 */
/* eslint-disable no-restricted-syntax */
const fs = require('node:fs');
const path = require('node:path');

const OUTPUT = path.resolve(__dirname, '../schema/catalog-info.schema.json');

/** Loads one of catalog-model's bundled JSON schemas. */
function bundled(name) {
  const root = path.dirname(
    require.resolve('@backstage/catalog-model/package.json'),
  );
  // eslint-disable-next-line import/no-dynamic-require
  return require(path.join(root, 'dist/schema', `${name}.schema.json.cjs.js`))
    .default;
}

/**
 * The catalog's Entity, EntityMeta and shared definitions, with `$id`s
 * dropped and references rewritten to `#/definitions/backstage…`.
 */
function catalogModelDefinitions() {
  const common = bundled('shared/common');
  const names = {
    EntityMeta: 'backstageEntityMeta',
  };
  for (const key of Object.keys(common.definitions)) {
    const local = `backstage${key[0].toUpperCase()}${key.slice(1)}`;
    names[`common#${key}`] = local;
    names[`#${key}`] = local;
  }
  const rewrite = value => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (!value || typeof value !== 'object') return value;
    const out = {};
    for (const [key, child] of Object.entries(value)) {
      if (key === '$id' || key === '$schema' || key === 'examples') continue;
      if (key === '$ref' && typeof child === 'string') {
        if (!names[child]) throw new Error(`unexpected $ref ${child}`);
        out.$ref = `#/definitions/${names[child]}`;
        continue;
      }
      out[key] = rewrite(child);
    }
    return out;
  };
  const definitions = {
    backstageEntity: rewrite(bundled('Entity')),
    backstageEntityMeta: rewrite(bundled('EntityMeta')),
  };
  for (const [key, value] of Object.entries(common.definitions)) {
    definitions[names[`#${key}`]] = rewrite(value);
  }
  return definitions;
}

/** The file's text, from the builder in src/schema. */
function schemaText(catalogInfoJsonSchema) {
  const schema = catalogInfoJsonSchema({
    catalogModel: catalogModelDefinitions(),
  });
  return `${JSON.stringify(schema, null, 2)}\n`;
}

module.exports = { OUTPUT, catalogModelDefinitions, schemaText };

if (require.main === module) {
  require('@backstage/cli/config/nodeTransform.cjs');
  const { catalogInfoJsonSchema } = require('../src/schema');
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  const prettier = require('prettier');
  const text = prettier.format(schemaText(catalogInfoJsonSchema), {
    ...prettier.resolveConfig.sync(OUTPUT),
    parser: 'json',
  });
  fs.writeFileSync(OUTPUT, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), OUTPUT)}\n`);
}
