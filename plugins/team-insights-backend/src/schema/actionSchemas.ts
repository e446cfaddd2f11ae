import type { z as z3 } from 'zod/v3';
import type { z as z4 } from 'zod/v4';
import { apiComponents } from './models';
import { componentSchemas, inputSchemaOf } from './openapi';

/**
 * The MCP actions' schemas, made from the API's own: the actions registry
 * wants zod 3 schemas built with the `z` it hands over (it lists them as
 * JSON Schema and parses every input and output with them), so the JSON
 * Schema openapi.yaml publishes is read back into that `z`. An action's
 * output is then exactly what the REST API documents for the same view.
 */

/** The zod the actions registry hands to schema functions. */
export type Zod = typeof z3;

type Json = Record<string, any>;

let components: Record<string, Json> | undefined;
const built = new WeakMap<Zod, Map<string, z3.ZodTypeAny>>();
// The registry asks for an action's schemas on every call: the JSON Schema
// of a query is worked out once.
const queryJson = new WeakMap<z4.ZodType, Json>();

function componentJson(id: string): Json {
  components ??= componentSchemas();
  const schema = components[id];
  if (!schema) throw new Error(`No API schema '${id}'`);
  return schema;
}

/** The component `id` in the registry's zod, built once per zod. */
function componentIn(z: Zod, id: string): z3.ZodTypeAny {
  let cache = built.get(z);
  if (!cache) {
    cache = new Map();
    built.set(z, cache);
  }
  let schema = cache.get(id);
  if (!schema) {
    schema = fromJsonSchema(z, componentJson(id));
    cache.set(id, schema);
  }
  return schema;
}

/**
 * A zod 3 schema for the JSON Schema subset that zod 4's `toJSONSchema`
 * writes for the API's schemas. Objects drop what they do not name (the
 * registry's parse keeps only named fields) unless the document leaves
 * them open.
 */
export function fromJsonSchema(z: Zod, json: Json): z3.ZodTypeAny {
  const schema = build(z, json);
  return json.description ? schema.describe(json.description) : schema;
}

function build(z: Zod, json: Json): z3.ZodTypeAny {
  if (typeof json.$ref === 'string') {
    return componentIn(z, json.$ref.split('/').pop()!);
  }
  const options: Json[] | undefined = json.anyOf ?? json.oneOf;
  if (options) {
    const nonNull = options.filter(o => o.type !== 'null');
    const inner =
      nonNull.length === 1
        ? fromJsonSchema(z, nonNull[0])
        : z.union(
            nonNull.map(o => fromJsonSchema(z, o)) as [
              z3.ZodTypeAny,
              z3.ZodTypeAny,
              ...z3.ZodTypeAny[],
            ],
          );
    return nonNull.length < options.length ? inner.nullable() : inner;
  }
  if (json.const !== undefined) return z.literal(json.const);
  if (Array.isArray(json.enum)) {
    return json.enum.every((v: unknown) => typeof v === 'string')
      ? z.enum(json.enum as [string, ...string[]])
      : z.union(
          json.enum.map((v: any) => z.literal(v)) as unknown as [
            z3.ZodTypeAny,
            z3.ZodTypeAny,
            ...z3.ZodTypeAny[],
          ],
        );
  }
  if (Array.isArray(json.type)) {
    const types: string[] = json.type.filter((t: string) => t !== 'null');
    const inner =
      types.length === 1
        ? build(z, { ...json, type: types[0] })
        : z.union(
            types.map(type => build(z, { ...json, type })) as [
              z3.ZodTypeAny,
              z3.ZodTypeAny,
              ...z3.ZodTypeAny[],
            ],
          );
    return types.length < json.type.length ? inner.nullable() : inner;
  }
  switch (json.type) {
    case 'string': {
      let s = z.string();
      if (json.minLength !== undefined) s = s.min(json.minLength);
      if (json.maxLength !== undefined) s = s.max(json.maxLength);
      if (json.pattern) s = s.regex(new RegExp(json.pattern));
      return s;
    }
    case 'number':
    case 'integer': {
      let n = z.number();
      if (json.type === 'integer') n = n.int();
      if (json.minimum !== undefined) n = n.min(json.minimum);
      if (json.maximum !== undefined) n = n.max(json.maximum);
      return n;
    }
    case 'boolean':
      return z.boolean();
    case 'null':
      return z.null();
    case 'array':
      return z.array(fromJsonSchema(z, json.items ?? {}));
    case 'object':
      return objectOf(z, json);
    default:
      return z.unknown();
  }
}

function objectOf(z: Zod, json: Json): z3.ZodTypeAny {
  const properties: Record<string, Json> = json.properties ?? {};
  const extra = json.additionalProperties;
  if (!Object.keys(properties).length && extra && typeof extra === 'object') {
    return z.record(z.string(), fromJsonSchema(z, extra));
  }
  const required = new Set<string>(json.required ?? []);
  const shape = Object.fromEntries(
    Object.entries(properties).map(([key, value]) => {
      const field = fromJsonSchema(z, value);
      return [key, required.has(key) ? field : field.optional()];
    }),
  );
  const object = z.object(shape);
  return extra === false ? object : object.passthrough();
}

/** An object schema whose parsed value has the type `T`. */
export type ObjectSchema<T> = z3.ZodObject<any, any, any, T, T>;

/** A registered API schema (models/) in the registry's zod. */
export function apiSchema<T extends z4.ZodType>(
  z: Zod,
  schema: T,
): z3.ZodType<z4.output<T>> {
  const id = apiComponents.get(schema)?.id;
  if (!id) throw new Error('Not a registered API schema');
  return componentIn(z, id);
}

/** A registered API object schema (models/) in the registry's zod. */
export function apiObject<T extends z4.ZodType>(
  z: Zod,
  schema: T,
): ObjectSchema<z4.output<T>> {
  const object = apiSchema(z, schema);
  if (!(object instanceof z.ZodObject)) {
    throw new Error('Not an object schema');
  }
  return object as unknown as ObjectSchema<z4.output<T>>;
}

/**
 * Some fields of a route's query as an action's input, each optional, in
 * the registry's zod: the same names, ranges and descriptions as the route.
 */
export function queryInput<T extends z4.ZodType, K extends string>(
  z: Zod,
  query: T,
  keys: readonly K[],
): ObjectSchema<Partial<Pick<z4.output<T>, K & keyof z4.output<T>>>> {
  let json = queryJson.get(query);
  if (!json) {
    json = inputSchemaOf(query);
    queryJson.set(query, json);
  }
  const properties = Object.fromEntries(
    keys.map(key => {
      const field = json.properties?.[key];
      if (!field) throw new Error(`The query has no field '${key}'`);
      const { default: _default, ...rest } = field;
      return [key, rest];
    }),
  );
  return fromJsonSchema(z, {
    type: 'object',
    properties,
    additionalProperties: false,
  }) as unknown as ObjectSchema<any>;
}
