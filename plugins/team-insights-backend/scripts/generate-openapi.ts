/*
 * Writes src/schema/openapi.yaml from the document that src/schema/openapi.ts
 * builds out of the zod schemas. `yarn schema:generate` (here or at the
 * root) runs it; src/schema/openapi.test.ts fails when the committed file is
 * not what this writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Document, isScalar, visit } from 'yaml';
import { openApiDocument } from '../src/schema/openapi';

/** Where the document is published (package.json `files`). */
export const OPENAPI_YAML = path.resolve(
  __dirname,
  '../src/schema/openapi.yaml',
);

/** openapi.yaml as `yarn schema:generate` writes it (Prettier leaves it as is). */
export function openApiYaml(): string {
  const doc = new Document(openApiDocument());
  // Prose as folded blocks (`>-`), which Prettier keeps as they are.
  visit(doc, {
    Pair(_, pair) {
      const value = pair.value;
      if (
        isScalar(value) &&
        typeof value.value === 'string' &&
        value.value.length > 60
      ) {
        value.type = 'BLOCK_FOLDED';
      }
    },
  });
  return `# Generated from src/schema/ by \`yarn schema:generate\` in this package.\n# Do not edit: change the zod schemas or operations.ts and run it again.\n${doc.toString(
    { lineWidth: 80, singleQuote: true },
  )}`;
}

if (require.main === module) {
  fs.writeFileSync(OPENAPI_YAML, openApiYaml());
  process.stdout.write(`wrote ${path.relative(process.cwd(), OPENAPI_YAML)}\n`);
}
