/**
 * `z.enum` wants a non-empty tuple; the vocabularies of -common are plain
 * readonly arrays. One helper for the REST API's zod and the actions' zod,
 * which are different instances.
 */
export function tuple<T extends string>(values: readonly T[]): [T, ...T[]] {
  return [...values] as [T, ...T[]];
}
