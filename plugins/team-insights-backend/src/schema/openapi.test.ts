import fs from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { openApiDocument } from './openapi';
// The script that writes the file, outside src/ so that yaml stays a dev
// dependency.
import { OPENAPI_YAML, openApiYaml } from '../../scripts/generate-openapi';

describe('openapi.yaml', () => {
  it('is what `yarn schema:generate` writes from the zod schemas', () => {
    // When this fails: run `yarn schema:generate` in
    // plugins/team-insights-backend and commit src/schema/openapi.yaml.
    expect(fs.readFileSync(OPENAPI_YAML, 'utf8')).toBe(openApiYaml());
  });

  it('reads back as the document it was written from', () => {
    expect(parse(openApiYaml())).toEqual(openApiDocument());
  });

  it('has schemas that compile, and every reference resolves', () => {
    const doc = openApiDocument();
    const ajv = new Ajv2020({ strict: false });
    ajv.addFormat('date-time', true);
    ajv.addSchema({ ...doc, $id: 'openapi.yaml' });
    const refs = new Set<string>();
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') refs.add(value);
          else walk(value);
        }
      }
    };
    walk(doc);
    for (const ref of refs) {
      const target = ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<any>((node, key) => node?.[key], doc);
      expect({ ref, found: target !== undefined }).toEqual({
        ref,
        found: true,
      });
    }
    for (const id of Object.keys(doc.components.schemas)) {
      expect(() =>
        ajv.compile({ $ref: `openapi.yaml#/components/schemas/${id}` }),
      ).not.toThrow();
    }
  });
});
