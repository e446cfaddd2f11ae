import type { z } from 'zod/v4';

/*
 * Where the API's values name catalog entities, read off the models.
 *
 * A model marks a field that holds an entity ref with `entityRefField` (the
 * `EntityRef` primitive is marked). From a model, `refVisitor` builds a
 * function that finds every ref in a value, and `refFilter` one that takes
 * out the refs a caller may not see. Both walk only the parts of the model
 * that can hold a ref, so a part without refs costs nothing.
 *
 * This is how visibility follows the schema: a new report field typed as
 * `EntityRef` (or an array of them) in its model is checked against the
 * catalog for each caller and taken out of what a caller may not see,
 * without an edit to the visibility code.
 */

const refSchemas = new WeakSet<z.ZodType>();

/** Marks `schema` (a string schema) as holding a catalog entity ref. */
export function entityRefField<T extends z.ZodType>(schema: T): T {
  refSchemas.add(schema);
  return schema;
}

/** Called with each ref found and where it was found, e.g. `teams[3].owned[0]`. */
export type RefVisit = (ref: string, path: string) => void;

type Visitor = (value: unknown, visit: RefVisit, path: string) => void;

/** What a filter returns for a value that must go. */
const DROP = Symbol('drop');
type Filter = (value: unknown, keep: (ref: string) => boolean) => unknown;

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The wrappers whose value is the inner schema's value, or absent. */
const WRAPPERS = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'nonoptional',
  'readonly',
  'catch',
]);

function isOptional(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (def.type === 'optional') return true;
  return WRAPPERS.has(def.type) && isOptional(def.innerType!);
}

/**
 * One compiler for both walks: `leaf` handles a ref, `array`, `object` and
 * `record` combine the compiled parts; a part without refs compiles to
 * undefined.
 */
interface Compiler<F> {
  leaf(): F;
  array(element: F): F;
  object(fields: [string, F, boolean][]): F;
  record(value: F): F;
  nullish(inner: F): F;
}

function compile<F>(
  schema: z.ZodType,
  compiler: Compiler<F>,
  seen: Map<z.ZodType, F | undefined>,
): F | undefined {
  if (refSchemas.has(schema)) return compiler.leaf();
  if (seen.has(schema)) return seen.get(schema);
  const def = defOf(schema);
  let result: F | undefined;
  if (WRAPPERS.has(def.type)) {
    const inner = compile(def.innerType!, compiler, seen);
    result = inner && compiler.nullish(inner);
  } else if (def.type === 'array') {
    const element = compile(def.element!, compiler, seen);
    result = element && compiler.array(element);
  } else if (def.type === 'object') {
    const fields: [string, F, boolean][] = [];
    for (const [key, field] of Object.entries(def.shape!)) {
      const compiled = compile(field, compiler, seen);
      if (compiled) fields.push([key, compiled, isOptional(field)]);
    }
    result = fields.length ? compiler.object(fields) : undefined;
  } else if (def.type === 'record') {
    const value = compile(def.valueType!, compiler, seen);
    result = value && compiler.record(value);
  } else if (def.type === 'pipe') {
    result = compile(def.in!, compiler, seen);
  } else if (def.type === 'lazy') {
    throw new Error('a recursive schema is not walked for entity refs');
  } else if (def.type === 'union') {
    if (def.options!.some(option => compile(option, compiler, seen))) {
      // which option a value took is not known without parsing it
      throw new Error('a union whose options hold entity refs is not walked');
    }
  }
  seen.set(schema, result);
  return result;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const visitors: Compiler<Visitor> = {
  leaf: () => (value, visit, path) => {
    if (typeof value === 'string') visit(value, path);
  },
  nullish: inner => (value, visit, path) => {
    if (value !== undefined && value !== null) inner(value, visit, path);
  },
  array: element => (value, visit, path) => {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < value.length; i++) {
      element(value[i], visit, `${path}[${i}]`);
    }
  },
  object: fields => (value, visit, path) => {
    if (!isObject(value)) return;
    for (const [key, field] of fields) {
      field(value[key], visit, path ? `${path}.${key}` : key);
    }
  },
  record: inner => (value, visit, path) => {
    if (!isObject(value)) return;
    for (const [key, item] of Object.entries(value)) {
      inner(item, visit, `${path}.${key}`);
    }
  },
};

const filters: Compiler<Filter> = {
  leaf: () => (value, keep) =>
    typeof value === 'string' && !keep(value) ? DROP : value,
  nullish: inner => (value, keep) =>
    value === undefined || value === null ? value : inner(value, keep),
  array: element => (value, keep) => {
    if (!Array.isArray(value)) return value;
    let result: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = element(value[i], keep);
      if (item !== value[i] && !result) result = value.slice(0, i);
      if (result && item !== DROP) result.push(item);
    }
    return result ?? value;
  },
  object: fields => (value, keep) => {
    if (!isObject(value)) return value;
    let result: Record<string, unknown> | undefined;
    for (const [key, field, optional] of fields) {
      if (!(key in value)) continue;
      const item = field(value[key], keep);
      if (item === value[key]) continue;
      if (item === DROP && !optional) return DROP;
      result ??= { ...value };
      if (item === DROP) delete result[key];
      else result[key] = item;
    }
    return result ?? value;
  },
  record: inner => (value, keep) => {
    if (!isObject(value)) return value;
    let result: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const next = inner(item, keep);
      if (next === item) continue;
      result ??= { ...value };
      if (next === DROP) delete result[key];
      else result[key] = next;
    }
    return result ?? value;
  },
};

/**
 * A function that calls `visit` with every entity ref a value of `schema`
 * holds, in document order.
 */
export function refVisitor(
  schema: z.ZodType,
): (value: unknown, visit: RefVisit) => void {
  const visitor = compile(schema, visitors, new Map());
  return (value, visit) => visitor?.(value, visit, '');
}

/**
 * A function that returns a value of `schema` without the refs `keep` turns
 * down: they leave arrays, an optional field holding one is removed, and an
 * object with a required field holding one leaves its array (at the top,
 * the function returns undefined). Unchanged parts are the same objects;
 * nothing is changed in place.
 */
export function refFilter<T>(
  schema: z.ZodType,
): (value: T, keep: (ref: string) => boolean) => T | undefined {
  const filter = compile(schema, filters, new Map());
  return (value, keep) => {
    if (!filter) return value;
    const result = filter(value, keep);
    return result === DROP ? undefined : (result as T);
  };
}
