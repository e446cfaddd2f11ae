import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** Largest annotation value the parsers look at, in UTF-16 code units. */
export const MAX_VALUE_LENGTH = 4096;
/** Largest number of list items the parsers accept. */
export const MAX_LIST_ITEMS = 200;
/** Longest id (cluster, check id, concern) the parsers accept. */
export const MAX_ID_LENGTH = 63;

/**
 * Compares by UTF-16 code units: the same order on every machine and locale.
 */
export function compareStrings(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/** Up to this length, {@link sortInPlace} sorts by insertion. */
const SHORT_LIST = 16;

/**
 * Sorts a list in place, stably, as `Array.prototype.sort` would; a short
 * list by insertion, without the copy `Array.prototype.sort` makes of every
 * list (the model seals tens of thousands of short lists).
 */
export function sortInPlace<T>(list: T[], compare: (a: T, b: T) => number) {
  if (list.length > SHORT_LIST) {
    list.sort(compare);
    return;
  }
  for (let i = 1; i < list.length; i++) {
    const item = list[i];
    let j = i - 1;
    while (j >= 0 && compare(list[j], item) > 0) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = item;
  }
}

/** A sorted, de-duplicated copy. */
export function sortedUnique(values: Iterable<string>): string[] {
  if (Array.isArray(values) && values.length < 2) return values.slice();
  const list = Array.from(new Set(values));
  sortInPlace(list, compareStrings);
  return list;
}

/** Keys that must never be used as ids: they are special on plain objects. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** True for `__proto__`, `constructor` and `prototype`. */
export function isPrototypeKey(value: string): boolean {
  return PROTOTYPE_KEYS.has(value);
}

const SLUG = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/** A lower-case slug of ASCII letters, digits and single `-`, `_` or `.`. */
export function isSlug(value: string): boolean {
  return value.length <= MAX_ID_LENGTH && SLUG.test(value);
}

/**
 * A value as written, cut to 57 characters and an ellipsis when longer than
 * 60: what {@link quote} shows, for a finding's params.
 */
export function clip(value: string): string {
  if (value.length <= 60) return value;
  // never cut a surrogate pair in half
  const end = /[\ud800-\udbff]/.test(value[56]) ? 56 : 57;
  return `${value.slice(0, end)}…`;
}

/**
 * Renders a user-supplied value for a message: quoted, cut to 60 characters,
 * with control and bidirectional-override characters escaped so that a
 * message always reads as it is.
 */
export function quote(value: string): string {
  const cut = clip(value);
  const safe = cut.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g,
    ch => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `'${safe.replace(/'/g, "\\'")}'`;
}

/**
 * Levenshtein distance, giving up (returning `limit + 1`) as soon as the
 * distance exceeds `limit`. Inputs are bounded by the callers.
 */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + cost,
      );
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/**
 * The closest candidate by edit distance (ties broken by code-unit order),
 * if it is close enough to be a plausible typo.
 */
export function closest(
  value: string,
  candidates: readonly string[],
): string | undefined {
  if (value.length > MAX_ID_LENGTH * 2) return undefined;
  const limit = Math.max(1, Math.min(3, Math.floor(value.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of [...candidates].sort(compareStrings)) {
    const distance = editDistance(value, candidate, limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (!best) {
    // a prefix or an abbreviation is also a good hint: "data-sci" → data-scientist
    best = [...candidates]
      .sort(compareStrings)
      .find(c => value.length >= 3 && c.startsWith(value));
  }
  return best;
}

/** The lower-case ref of an entity, as the catalog writes refs in relations. */
export function entityRefOf(entity: Entity): string {
  // what stringifyEntityRef gives, lower-cased, without its object
  const namespace = entity.metadata?.namespace || 'default';
  return `${String(entity.kind ?? 'unknown')}:${String(namespace)}/${String(
    entity.metadata?.name ?? '',
  )}`.toLowerCase();
}

const KIND = /^[a-zA-Z][a-zA-Z0-9]*$/;
const NAME = /^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$/;

/**
 * Parses a (possibly shorthand) entity ref into its lower-case full form,
 * or returns undefined when it does not parse.
 */
export function normalizeRef(
  ref: string,
  defaults: {
    defaultKind?: string;
    defaultNamespace?: string;
    /** Also require the catalog's rules for kind, namespace and name. */
    strict?: boolean;
  } = {},
): string | undefined {
  if (ref.indexOf(':') < 0 && ref.indexOf('/') < 0) {
    // a bare name, the most common shorthand: what parseEntityRef and
    // stringifyEntityRef give, without their objects
    const kind = defaults.defaultKind;
    const namespace = defaults.defaultNamespace || 'default';
    if (!kind || !ref) return undefined;
    if (
      defaults.strict &&
      !(
        KIND.test(kind) &&
        NAME.test(namespace) &&
        NAME.test(ref) &&
        namespace.length <= 63 &&
        ref.length <= 63
      )
    ) {
      return undefined;
    }
    return `${kind}:${namespace}/${ref}`.toLowerCase();
  }
  try {
    const parsed = parseEntityRef(ref, {
      defaultKind: defaults.defaultKind,
      defaultNamespace: defaults.defaultNamespace ?? 'default',
    });
    if (!parsed.name || !parsed.kind) return undefined;
    if (
      defaults.strict &&
      !(
        KIND.test(parsed.kind) &&
        NAME.test(parsed.namespace) &&
        NAME.test(parsed.name) &&
        parsed.namespace.length <= 63 &&
        parsed.name.length <= 63
      )
    ) {
      return undefined;
    }
    return stringifyEntityRef(parsed).toLowerCase();
  } catch {
    return undefined;
  }
}

/** Kind of a normalised ref (`component:default/x` → `component`). */
export function kindOfRef(ref: string): string {
  const colon = ref.indexOf(':');
  return colon < 0 ? '' : ref.slice(0, colon);
}

/** Reads an annotation as a string, or undefined. */
export function annotationOf(entity: Entity, key: string): string | undefined {
  const annotations = entity.metadata?.annotations;
  if (!annotations || typeof annotations !== 'object') return undefined;
  if (!Object.prototype.hasOwnProperty.call(annotations, key)) return undefined;
  const value = (annotations as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

/** Reads a string field of `spec`, or undefined. */
export function specString(entity: Entity, key: string): string | undefined {
  const spec = entity.spec;
  if (!spec || typeof spec !== 'object') return undefined;
  if (!Object.prototype.hasOwnProperty.call(spec, key)) return undefined;
  const value = (spec as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

/** `n(n-1)/2`, the communication paths of a team of n people. */
export function communicationPaths(n: number): number {
  return n < 2 ? 0 : (n * (n - 1)) / 2;
}

/** "1 person", "3 people": a count with the word that fits it. @public */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Renders a list of names for a message: "a, b and c". */
export function listNames(names: readonly string[], max = 10): string {
  if (names.length === 0) return '';
  const shown = names.slice(0, max);
  const rest = names.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length === 1) return shown[0];
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** Formats a share 0–1 as a whole percentage. */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
