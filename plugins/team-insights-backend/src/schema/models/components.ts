import { z } from 'zod/v4';

/**
 * The named schemas of the REST API: each one becomes
 * `#/components/schemas/<id>` in openapi.yaml, and the MCP actions build
 * their output schemas from the same entries (see actionSchemas.ts).
 */
export const apiComponents = z.registry<{ id: string }>();

/** Registers `schema` as the component `id` and returns it. */
export function component<T extends z.ZodType>(id: string, schema: T): T {
  apiComponents.add(schema, { id });
  return schema;
}

/**
 * Replaces the schema's JSON Schema in the document with `jsonSchema`, for
 * the few query parameters whose wire form (a string) is not what zod
 * parses it into.
 */
export function documentedAs<T extends z.ZodType>(
  schema: T,
  jsonSchema: Record<string, unknown>,
): T {
  return schema.meta({ openapi: jsonSchema });
}
