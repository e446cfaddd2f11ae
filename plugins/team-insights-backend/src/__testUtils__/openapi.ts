import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import fs from 'node:fs';
import path from 'node:path';
import type { Response } from 'supertest';
import { parse } from 'yaml';

/*
 * Validates responses against src/schema/openapi.yaml: finds the operation by
 * method and path, the response by status, and checks the JSON body against
 * its schema with ajv (JSON Schema 2020-12, which OpenAPI 3.1 uses).
 */

const SPEC_ID = 'openapi.yaml';
const spec = parse(
  fs.readFileSync(path.resolve(__dirname, '../schema/openapi.yaml'), 'utf8'),
);

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat(
  'date-time',
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/,
);
ajv.addSchema({ ...spec, $id: SPEC_ID });

const basePath: string = spec.servers[0].url;
const routes = Object.keys(spec.paths).map(template => ({
  template,
  pattern: new RegExp(
    `^${basePath}${template.replace(/\{[^}]+\}/g, '[^/]+')}$`,
  ),
}));

const validators = new Map<string, ValidateFunction>();

function pointer(ref: string): string {
  return `${SPEC_ID}${ref}`;
}

function resolve(node: any): any {
  if (node && typeof node.$ref === 'string') {
    const parts = node.$ref.replace(/^#\//, '').split('/');
    return resolve(parts.reduce((acc: any, key: string) => acc[key], spec));
  }
  return node;
}

/** The operations of the document, as `METHOD /path`. */
export function documentedOperations(): string[] {
  return Object.entries(spec.paths).flatMap(([template, item]: [string, any]) =>
    Object.keys(item)
      .filter(key => ['get', 'post', 'put', 'delete', 'patch'].includes(key))
      .map(method => `${method.toUpperCase()} ${template}`),
  );
}

/**
 * Throws unless the response is documented for its route and status and its
 * body validates. Returns the operation it matched, as `METHOD /path`.
 */
export function expectValidResponse(res: Response): string {
  const req = (res as any).req as { method: string; path: string };
  const urlPath = req.path.split('?')[0];
  const route = routes.find(r => r.pattern.test(urlPath));
  if (!route) {
    throw new Error(`No documented path matches ${urlPath}`);
  }
  const method = req.method.toLowerCase();
  const operation = spec.paths[route.template][method];
  if (!operation) {
    throw new Error(`${req.method} ${route.template} is not documented`);
  }
  const response = resolve(operation.responses[String(res.status)]);
  if (!response) {
    throw new Error(
      `Status ${res.status} of ${req.method} ${
        route.template
      } is not documented; body: ${JSON.stringify(res.body)}`,
    );
  }
  const contentType = String(res.headers['content-type'] ?? '');
  if (
    contentType.startsWith('image/svg+xml') &&
    response.content?.['image/svg+xml']
  ) {
    // an image: documented as such; its content is checked by its own tests
    return `${req.method} ${route.template}`;
  }
  if (contentType.startsWith('text/csv')) {
    if (!response.content?.['text/csv']) {
      throw new Error(`No text/csv for ${res.status} of ${route.template}`);
    }
    if (
      !/^attachment; filename="[^"]+\.csv"$/.test(
        String(res.headers['content-disposition'] ?? ''),
      )
    ) {
      throw new Error(`CSV of ${route.template} is not an attachment`);
    }
    return `${req.method} ${route.template}`;
  }
  const schemaNode = response.content?.['application/json']?.schema;
  if (!schemaNode) {
    throw new Error(`No JSON schema for ${res.status} of ${route.template}`);
  }
  const key = schemaNode.$ref ?? JSON.stringify(schemaNode);
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(
      schemaNode.$ref ? { $ref: pointer(schemaNode.$ref) } : schemaNode,
    );
    validators.set(key, validate);
  }
  if (!validate(res.body)) {
    throw new Error(
      `Response of ${req.method} ${urlPath} (${
        res.status
      }) does not match the OpenAPI schema: ${ajv.errorsText(validate.errors)}`,
    );
  }
  return `${req.method} ${route.template}`;
}
