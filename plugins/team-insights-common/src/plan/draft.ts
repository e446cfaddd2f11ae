import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { ANNOTATION_TEAM_TYPE } from '../annotations';
import { entityRefOf, kindOfRef, normalizeRef, specString } from '../util';

const PRODUCT_KINDS = ['component', 'api', 'resource'];

/**
 * The catalog while a plan is applied: entities by lower-case ref, copied
 * before their first change so the caller's entities stay untouched.
 */
export class Draft {
  readonly #entities = new Map<string, Entity>();
  readonly #original = new Map<string, Entity>();
  readonly #order: string[] = [];
  readonly #copied = new Set<string>();
  /** The label of the change being applied, for error messages. */
  label = '';

  constructor(entities: Entity[]) {
    for (const entity of entities) {
      const ref = entityRefOf(entity);
      if (this.#entities.has(ref)) continue;
      this.#entities.set(ref, entity);
      this.#original.set(ref, entity);
      this.#order.push(ref);
    }
  }

  fail(problem: string): never {
    throw new InputError(`${this.label}: ${problem}`);
  }

  get(ref: string): Entity | undefined {
    return this.#entities.get(ref);
  }

  /** The entity to change, copied on its first change. */
  edit(ref: string): Entity {
    const entity = this.#entities.get(ref);
    if (!entity) return this.fail(`no entity ${ref}`);
    if (this.#copied.has(ref)) return entity;
    const copy = JSON.parse(JSON.stringify(entity)) as Entity;
    copy.metadata = copy.metadata ?? ({} as Entity['metadata']);
    this.#entities.set(ref, copy);
    this.#copied.add(ref);
    return copy;
  }

  add(entity: Entity): string {
    const ref = entityRefOf(entity);
    if (this.#entities.has(ref)) this.fail(`${ref} already exists`);
    this.#entities.set(ref, entity);
    this.#copied.add(ref);
    this.#order.push(ref);
    return ref;
  }

  remove(ref: string) {
    this.#entities.delete(ref);
  }

  entities(): Entity[] {
    return this.#order.flatMap(ref => this.#entities.get(ref) ?? []);
  }

  /** Refs of entities that were added, changed or removed, in catalog order. */
  touched(): Array<{ ref: string; before?: Entity; after?: Entity }> {
    return this.#order
      .filter(ref => this.#copied.has(ref) || !this.#entities.has(ref))
      .map(ref => ({
        ref,
        before: this.#original.get(ref),
        after: this.#entities.get(ref),
      }));
  }

  all(): Entity[] {
    return [...this.#entities.values()];
  }

  #resolve(name: string, kind: string, what: string): string {
    const ref = normalizeRef(name, { defaultKind: kind });
    if (!ref || kindOfRef(ref) !== kind || !this.#entities.has(ref)) {
      return this.fail(`unknown ${what} '${name}'`);
    }
    return ref;
  }

  team(name: string): string {
    return this.#resolve(name, 'group', 'team');
  }

  user(name: string): string {
    return this.#resolve(name, 'user', 'user');
  }

  /** A Component, API or Resource, by full ref or by a name unique among them. */
  product(name: string): string {
    if (name.includes(':')) {
      const ref = normalizeRef(name);
      if (ref && PRODUCT_KINDS.includes(kindOfRef(ref)) && this.get(ref)) {
        return ref;
      }
      return this.fail(`unknown product '${name}'`);
    }
    const matches = PRODUCT_KINDS.map(kind =>
      normalizeRef(name, { defaultKind: kind }),
    ).filter((ref): ref is string => !!ref && this.#entities.has(ref));
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) {
      return this.fail(
        `'${name}' names ${matches.join(' and ')}; write the full ref`,
      );
    }
    return this.fail(`unknown product '${name}'`);
  }

  /** The ref a new Group named `name` would have (the default namespace). */
  newGroupRef(name: string): string {
    const ref = normalizeRef(name, { defaultKind: 'group', strict: true });
    if (!ref || kindOfRef(ref) !== 'group') {
      return this.fail(
        `'${name}' is not a valid name; use letters, digits and dashes`,
      );
    }
    return ref;
  }

  /** Resolves a ref written in a field of `entity`, as the catalog would. */
  refIn(entity: Entity, value: unknown, defaultKind: string) {
    return typeof value === 'string'
      ? normalizeRef(value, {
          defaultKind,
          defaultNamespace: entity.metadata?.namespace || 'default',
        })
      : undefined;
  }

  /** How `ref` is written in a field of `entity`: short when unambiguous. */
  writeRef(entity: Entity, ref: string, defaultKind: string): string {
    const [kind, rest] = [kindOfRef(ref), ref.slice(ref.indexOf(':') + 1)];
    const [namespace, name] = rest.split('/');
    const own = (entity.metadata?.namespace || 'default').toLowerCase();
    const target = this.#entities.get(ref);
    const realName = target?.metadata?.name ?? name;
    if (kind === defaultKind && namespace === own) return realName;
    return `${kind}:${namespace}/${realName}`;
  }

  /** Whether a Group is a team (a team type, or `spec.type: team`). */
  isTeam(ref: string): boolean {
    const entity = this.#entities.get(ref);
    if (!entity || kindOfRef(ref) !== 'group') return false;
    return (
      entity.metadata?.annotations?.[ANNOTATION_TEAM_TYPE] !== undefined ||
      specString(entity, 'type')?.trim().toLowerCase() === 'team'
    );
  }
}

/** A list field of `spec`, as an array (empty when absent). */
export function specList(entity: Entity, field: string): unknown[] {
  const value = (entity.spec as Record<string, unknown> | undefined)?.[field];
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Sets a field of `spec`; undefined or an empty list removes it, except a
 * Group's `children`, which the catalog requires.
 */
export function setSpec(entity: Entity, field: string, value: unknown) {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  entity.spec = spec as Entity['spec'];
  const required =
    entity.kind?.toLowerCase() === 'group' && field === 'children';
  if (
    value === undefined ||
    (Array.isArray(value) && value.length === 0 && !required)
  ) {
    delete spec[field];
  } else {
    spec[field] = value;
  }
}

/** Sets an annotation; an empty value or undefined removes it. */
export function setAnnotation(
  entity: Entity,
  key: string,
  value: string | undefined,
) {
  const annotations = { ...(entity.metadata.annotations ?? {}) };
  if (value === undefined || value === '') delete annotations[key];
  else annotations[key] = value;
  if (Object.keys(annotations).length)
    entity.metadata.annotations = annotations;
  else delete entity.metadata.annotations;
}
