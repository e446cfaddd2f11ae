import {
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CHILD_OF,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PARENT_OF,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';
import { compareStrings, normalizeRef, sortInPlace } from '../util';

/**
 * A small index built after the relations (adopters, decliners, products
 * by concern): ref → related refs, sorted and de-duplicated once by
 * {@link seal}, so that every read afterwards is a plain look-up.
 */
export type Index = Map<string, string[]>;

const NONE: readonly string[] = Object.freeze([]);

export function add(index: Index, key: string, value: string) {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

/** Drops the duplicates of a sorted list, in place. */
function dropRepeats<T>(list: T[]) {
  let kept = 1;
  for (let i = 1; i < list.length; i++) {
    if (list[i] !== list[kept - 1]) list[kept++] = list[i];
  }
  list.length = Math.min(kept, list.length);
}

/** Sorts every list of an index and drops duplicates, in place. */
export function seal(index: Index) {
  for (const list of index.values()) {
    if (list.length < 2) continue;
    sortInPlace(list, compareStrings);
    dropRepeats(list);
  }
}

/**
 * Every ref the relations mention, numbered: the catalog's entities first,
 * in sorted order, then refs to entities that are not in the catalog, in
 * the order they are met. Relation indexes hold these numbers, so reading a
 * relation costs one look-up of its target instead of one per index.
 */
export class RefTable {
  readonly refs: string[];
  readonly #ids = new Map<string, number>();
  /** Sort position of each ref; undefined while only catalog refs exist. */
  rank?: Int32Array;

  constructor(sortedRefs: string[]) {
    this.refs = sortedRefs;
    for (let i = 0; i < sortedRefs.length; i++) {
      this.#ids.set(sortedRefs[i], i);
    }
  }

  idOf(ref: string): number | undefined {
    return this.#ids.get(ref);
  }

  /** The number of a ref, numbering it when it is new. */
  intern(ref: string): number {
    let id = this.#ids.get(ref);
    if (id === undefined) {
      id = this.refs.length;
      this.refs.push(ref);
      this.#ids.set(ref, id);
    }
    return id;
  }

  /** Ranks every ref once the relations are read (see {@link rank}). */
  rankAll(catalogSize: number) {
    if (this.refs.length === catalogSize) return;
    const order = Array.from(this.refs.keys()).sort((a, b) =>
      compareStrings(this.refs[a], this.refs[b]),
    );
    this.rank = new Int32Array(order.length);
    order.forEach((id, position) => {
      this.rank![id] = position;
    });
  }
}

/** One relation index: ref number → sorted, de-duplicated ref numbers. */
export class RelationIndex {
  readonly #ids: Array<number[] | undefined> = [];
  readonly #lists: Array<readonly string[] | undefined> = [];

  constructor(private readonly table: RefTable) {}

  add(key: number, value: number) {
    const list = this.#ids[key];
    if (list) list.push(value);
    else this.#ids[key] = [value];
  }

  seal() {
    const rank = this.table.rank;
    const byRank = rank
      ? (a: number, b: number) => rank[a] - rank[b]
      : (a: number, b: number) => a - b;
    for (const list of this.#ids) {
      if (!list || list.length < 2) continue;
      sortInPlace(list, byRank);
      dropRepeats(list);
    }
  }

  /** The related refs, sorted; the same array on every call. */
  get(ref: string): readonly string[] | undefined {
    const id = this.table.idOf(ref);
    if (id === undefined) return undefined;
    let list = this.#lists[id];
    if (list === undefined) {
      const ids = this.#ids[id];
      const refs = this.table.refs;
      list = ids ? ids.map(i => refs[i]) : NONE;
      this.#lists[id] = list;
    }
    return list.length ? list : undefined;
  }
}

export const INDEXED_RELATIONS = new Set<unknown>([
  RELATION_MEMBER_OF,
  RELATION_HAS_MEMBER,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_CHILD_OF,
  RELATION_PARENT_OF,
  RELATION_DEPENDS_ON,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_API_CONSUMED_BY,
  RELATION_PROVIDES_API,
  RELATION_API_PROVIDED_BY,
]);

/** Whether a sorted list holds a value (binary search). */
export function containsSorted(
  list: readonly string[],
  value: string,
): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const item = list[middle];
    if (item === value) return true;
    if (item < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

export function listOf(
  index: { get(key: string): readonly string[] | undefined },
  key: string,
): readonly string[] {
  return index.get(key) ?? NONE;
}

export function targetOf(relation: unknown): string | undefined {
  if (!relation || typeof relation !== 'object') return undefined;
  const r = relation as {
    targetRef?: unknown;
    target?: { kind?: unknown; namespace?: unknown; name?: unknown };
  };
  if (typeof r.targetRef === 'string' && r.targetRef.length <= 1024) {
    const raw = r.targetRef;
    // the catalog writes full refs (kind:namespace/name): the same result
    // as normalizeRef, without parsing
    const colon = raw.indexOf(':');
    const slash = raw.indexOf('/');
    if (colon > 0 && slash > colon + 1 && slash < raw.length - 1) {
      return raw.toLowerCase();
    }
    return normalizeRef(raw);
  }
  const t = r.target;
  if (t && typeof t === 'object' && typeof t.name === 'string') {
    return normalizeRef(
      `${String(t.kind ?? '')}:${String(t.namespace ?? 'default')}/${t.name}`,
    );
  }
  return undefined;
}
