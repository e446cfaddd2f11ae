import { z } from 'zod/v4';
import { apiComponents } from './models';
import { ErrorStatus, OperationSpec, operations } from './operations';
import { entityParamsSchema, initiativeParamsSchema } from './queries';

/**
 * Builds openapi.yaml from the zod schemas (models/, queries.ts) and the
 * operations' texts (operations.ts): the schemas the router validates with
 * and the MCP actions answer with are the ones the document publishes.
 * `yarn schema:generate` in this package writes the file
 * (scripts/generate-openapi.ts); a unit test fails when the committed file
 * is not what the script writes.
 */

type Json = Record<string, any>;

const COMPONENT = '#/components/schemas/';

/** JSON Schema of every registered component, by id. */
export function componentSchemas(): Record<string, Json> {
  // Input mode: a z.object is open (no additionalProperties), as a reader of
  // the document should expect; z.strictObject is closed.
  const { schemas } = z.toJSONSchema(apiComponents, {
    target: 'draft-2020-12',
    io: 'input',
    uri: id => `${COMPONENT}${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => [id, tidy(schema)]),
  );
}

/**
 * Removes what zod writes that says nothing in the document (`$schema`,
 * `$id`, the safe-integer bounds of `.int()`, the open
 * `additionalProperties` of a loose object) and applies `documentedAs`.
 */
function tidy(node: unknown): any {
  if (Array.isArray(node)) return node.map(tidy);
  if (!node || typeof node !== 'object') return node;
  const { openapi, ...rest } = node as Json;
  if (openapi) return openapi;
  const out: Json = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === '$schema' || key === '$id') continue;
    if (key === 'maximum' && value === Number.MAX_SAFE_INTEGER) continue;
    if (key === 'minimum' && value === Number.MIN_SAFE_INTEGER) continue;
    if (
      key === 'additionalProperties' &&
      value &&
      typeof value === 'object' &&
      Object.keys(value).length === 0
    ) {
      continue;
    }
    if (key === 'propertyNames' && value?.type === 'string') continue;
    if (key === 'properties' && Object.keys(value).length === 0) continue;
    out[key] = tidy(value);
  }
  return out;
}

/** The JSON Schema of what a request may send, with components as refs. */
export function inputSchemaOf(schema: z.ZodType): Json {
  const registry = z.registry<{ id: string }>();
  for (const [id, component] of registeredComponents()) {
    registry.add(component, { id });
  }
  registry.add(schema, { id: '__input' });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    uri: id => `${COMPONENT}${id}`,
  });
  return tidy(schemas.__input);
}

function registeredComponents(): Array<[string, z.ZodType]> {
  return [...(apiComponents as any)._idmap.entries()];
}

/** One parameter per field of an object schema. */
function parametersOf(schema: z.ZodType, where: 'query' | 'path'): Json[] {
  const json = inputSchemaOf(schema);
  const required = new Set<string>(json.required ?? []);
  return Object.entries<Json>(json.properties ?? {}).map(([name, field]) => {
    const { description, ...fieldSchema } = field;
    return {
      name,
      in: where,
      ...(where === 'path' || required.has(name) ? { required: true } : {}),
      ...(description ? { description } : {}),
      schema: fieldSchema,
    };
  });
}

function idOf(schema: z.ZodType): string {
  const id = apiComponents.get(schema)?.id;
  if (!id) {
    throw new Error('A response body must be a registered component');
  }
  return id;
}

const errorResponses: Record<ErrorStatus, [string, string]> = {
  400: ['BadRequest', 'Invalid parameters (InputError).'],
  401: ['Unauthorized', 'No or invalid credentials (AuthenticationError).'],
  403: [
    'Forbidden',
    'The permission policy denied the request (NotAllowedError).',
  ],
  404: [
    'NotFound',
    'No scorecards for this entity, or the caller cannot see it (NotFoundError).',
  ],
  409: ['Conflict', 'A refresh is already running (ConflictError).'],
  503: [
    'Unavailable',
    'No report yet (the first evaluation failed, is backing off, or is still running), or what the caller may see could not be worked out in time (ServiceUnavailableError).',
  ],
};

function errorResponse(status: ErrorStatus): Json {
  const [, description] = errorResponses[status];
  return {
    description,
    ...(status === 503
      ? {
          headers: {
            'Retry-After': {
              description: 'Seconds after which a new request may succeed.',
              schema: { type: 'integer', minimum: 1 },
            },
          },
        }
      : {}),
    content: {
      'application/json': { schema: { $ref: `${COMPONENT}Error` } },
    },
  };
}

function operationObject(op: OperationSpec): Json {
  const { response } = op;
  const content: Json =
    response.body === 'svg'
      ? { 'image/svg+xml': { schema: { type: 'string' } } }
      : {
          'application/json': {
            schema: { $ref: `${COMPONENT}${idOf(response.body)}` },
          },
          ...(response.csv
            ? { 'text/csv': { schema: { $ref: `${COMPONENT}Csv` } } }
            : {}),
        };
  const headers: Json = {
    ...response.headers,
    ...(response.csv
      ? {
          'Content-Disposition': {
            description: response.csv,
            schema: { type: 'string' },
          },
        }
      : {}),
  };
  const parameters = [
    ...(op.pathParameters ?? []).map(p =>
      typeof p === 'string' ? { $ref: `#/components/parameters/${p}` } : p,
    ),
    ...(op.query ? parametersOf(op.query, 'query') : []),
  ];
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.security ? { security: op.security } : {}),
    ...(parameters.length ? { parameters } : {}),
    responses: {
      [String(response.status ?? 200)]: {
        description: response.description,
        ...(Object.keys(headers).length ? { headers } : {}),
        content,
      },
      ...Object.fromEntries(
        op.errors.map(status => [
          String(status),
          { $ref: `#/components/responses/${errorResponses[status][0]}` },
        ]),
      ),
    },
  };
}

/** The named path parameters, from the router's params schemas. */
function pathParameters(): Json {
  const [kind, namespace, name] = parametersOf(entityParamsSchema, 'path');
  const [id] = parametersOf(initiativeParamsSchema, 'path');
  return { Kind: kind, Namespace: namespace, Name: name, Id: id };
}

/** The OpenAPI document of the REST API. */
export function openApiDocument(): Json {
  const paths: Json = {};
  for (const op of operations) {
    paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) };
  }
  const used = new Set(operations.flatMap(op => op.errors));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Team Insights',
      version: '1.0.0',
      description:
        'Scorecards of team composition, platform adoption and documentation completeness over the Backstage catalog. Every route needs Backstage credentials (a user or service token) and the `team-insights.scorecards.read` permission (`POST /refresh`: `team-insights.scorecards.refresh`). Results only contain entities the caller may read in the catalog. The badge route alone may be opened to anonymous readers (`teamInsights.badges.public`). See docs/api.md for the full reference.',
      license: { name: 'Apache-2.0' },
    },
    servers: [{ url: '/api/team-insights' }],
    security: [{ BackstageToken: [] }],
    paths,
    components: {
      securitySchemes: {
        BackstageToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'A Backstage user or service token.',
        },
      },
      parameters: pathParameters(),
      responses: Object.fromEntries(
        (Object.keys(errorResponses) as unknown as ErrorStatus[])
          .map(Number)
          .filter(status => used.has(status as ErrorStatus))
          .map(status => [
            errorResponses[status as ErrorStatus][0],
            errorResponse(status as ErrorStatus),
          ]),
      ),
      schemas: componentSchemas(),
    },
  };
}
