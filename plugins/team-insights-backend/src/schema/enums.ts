/**
 * `z.enum` wants a non-empty tuple; the vocabularies of -common are plain
 * readonly arrays.
 */
export function tuple<T extends string>(values: readonly T[]): [T, ...T[]] {
  return [...values] as [T, ...T[]];
}
