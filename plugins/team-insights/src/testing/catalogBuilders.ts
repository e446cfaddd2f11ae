import type { Entity } from '@backstage/catalog-model';

/*
 * Small builders of catalog entities for the fixture catalog, with the
 * relations the catalog's built-in processor adds to them.
 */

type Annotations = Record<string, string>;
type Spec = NonNullable<Entity['spec']>;

const API_VERSION = 'backstage.io/v1alpha1';
const TI = 'team-insights.io';

/** The team-insights.io annotations of a Group. */
export interface GroupAnnotations {
  teamType?: string;
  skills?: string;
  declinedProducts?: string;
  waivers?: string;
}

export function group(
  name: string,
  title: string,
  options: GroupAnnotations & { type?: string; parent?: string } = {},
): Entity {
  const annotations: Annotations = {};
  if (options.teamType) annotations[`${TI}/team-type`] = options.teamType;
  if (options.skills) annotations[`${TI}/skills`] = options.skills;
  if (options.declinedProducts) {
    annotations[`${TI}/declined-products`] = options.declinedProducts;
  }
  if (options.waivers) annotations[`${TI}/waivers`] = options.waivers;
  return {
    apiVersion: API_VERSION,
    kind: 'Group',
    metadata: { name, annotations },
    spec: {
      type: options.type ?? 'team',
      profile: { displayName: title },
      ...(options.parent ? { parent: options.parent } : {}),
      children: [],
    },
  };
}

/**
 * The Users of a team, `<prefix>-engineer-1` onwards, one per skills
 * annotation (`undefined`: the member declares none).
 */
export function members(
  team: string,
  prefix: string,
  skills: Array<string | undefined>,
): Entity[] {
  return skills.map((value, index): Entity => {
    const annotations: Annotations = {};
    if (value !== undefined) annotations[`${TI}/skills`] = value;
    return {
      apiVersion: API_VERSION,
      kind: 'User',
      metadata: { name: `${prefix}-engineer-${index + 1}`, annotations },
      spec: { memberOf: [team] },
    };
  });
}

/** `count` members with the same skills annotation. */
export const times = (count: number, skills: string): string[] =>
  Array<string>(count).fill(skills);

/** A short OpenAPI definition of one POST operation. */
export function openApi(title: string, route: string, summary: string): string {
  return [
    'openapi: 3.0.0',
    `info:\n  title: ${title}\n  version: 1.0.0`,
    `paths:\n  ${route}:\n    post:\n      summary: ${summary}`,
  ].join('\n');
}

/** A documentation field an entity can leave out. */
export type Gap =
  | 'description'
  | 'techdocs'
  | 'source'
  | 'lifecycle'
  | 'system'
  | 'links'
  | 'tags';

export interface DocumentableOptions {
  title: string;
  owner: string;
  description: string;
  /** What the entity leaves out; everything else is filled in. */
  missing?: Gap[];
  system?: string;
  tags?: string[];
  /** Further team-insights.io annotations, by name without the prefix. */
  insights?: Annotations;
  /** Further spec fields (type, dependsOn, consumesApis, definition, …). */
  spec?: Spec;
}

type DocumentableKind = 'Component' | 'API' | 'Resource' | 'System';

function documentable(
  kind: DocumentableKind,
  name: string,
  options: DocumentableOptions,
): Entity {
  const has = (field: Gap) => !options.missing?.includes(field);
  const annotations: Annotations = {};
  if (has('techdocs')) annotations['backstage.io/techdocs-ref'] = 'dir:.';
  if (has('source')) {
    annotations[
      'backstage.io/source-location'
    ] = `url:https://git.example.com/ml/${name}/`;
  }
  for (const [key, value] of Object.entries(options.insights ?? {})) {
    annotations[`${TI}/${key}`] = value;
  }
  const spec: Spec = { owner: options.owner };
  if (kind === 'Component' || kind === 'API') {
    spec.lifecycle = has('lifecycle') ? 'production' : '';
  }
  if (kind !== 'System' && has('system')) {
    spec.system = options.system ?? 'recommendations';
  }
  return {
    apiVersion: API_VERSION,
    kind,
    metadata: {
      name,
      title: options.title,
      ...(has('description') ? { description: options.description } : {}),
      annotations,
      ...(has('links')
        ? {
            links: [
              {
                url: `https://dashboards.example.com/d/${name}`,
                title: 'Dashboard',
              },
            ],
          }
        : {}),
      ...(has('tags') ? { tags: options.tags ?? ['machine-learning'] } : {}),
    },
    spec: { ...spec, ...options.spec },
  };
}

export const component = (name: string, options: DocumentableOptions) =>
  documentable('Component', name, {
    ...options,
    spec: { type: 'service', ...options.spec },
  });

export const api = (name: string, options: DocumentableOptions) =>
  documentable('API', name, {
    ...options,
    spec: { type: 'openapi', ...options.spec },
  });

export const resource = (name: string, options: DocumentableOptions) =>
  documentable('Resource', name, {
    ...options,
    spec: { type: 'kubernetes-cluster', ...options.spec },
  });

export const system = (name: string, options: DocumentableOptions) =>
  documentable('System', name, options);

function refOf(entity: Entity): string {
  const namespace = entity.metadata.namespace ?? 'default';
  return `${entity.kind}:${namespace}/${entity.metadata.name}`.toLowerCase();
}

function fullRef(ref: string, defaultKind: string): string {
  const colon = ref.indexOf(':');
  const kind = colon >= 0 ? ref.slice(0, colon) : defaultKind;
  const rest = colon >= 0 ? ref.slice(colon + 1) : ref;
  const name = rest.includes('/') ? rest : `default/${rest}`;
  return `${kind}:${name}`.toLowerCase();
}

/** The relation pairs the catalog derives from spec fields. */
const SPEC_RELATIONS: Array<{
  field: string;
  kinds?: string[];
  defaultKind: string;
  forward: string;
  reverse: string;
}> = [
  {
    field: 'owner',
    defaultKind: 'group',
    forward: 'ownedBy',
    reverse: 'ownerOf',
  },
  {
    field: 'memberOf',
    kinds: ['User'],
    defaultKind: 'group',
    forward: 'memberOf',
    reverse: 'hasMember',
  },
  {
    field: 'parent',
    kinds: ['Group'],
    defaultKind: 'group',
    forward: 'childOf',
    reverse: 'parentOf',
  },
  {
    field: 'system',
    defaultKind: 'system',
    forward: 'partOf',
    reverse: 'hasPart',
  },
  {
    field: 'dependsOn',
    defaultKind: 'component',
    forward: 'dependsOn',
    reverse: 'dependencyOf',
  },
  {
    field: 'consumesApis',
    defaultKind: 'api',
    forward: 'consumesApi',
    reverse: 'apiConsumedBy',
  },
  {
    field: 'providesApis',
    defaultKind: 'api',
    forward: 'providesApi',
    reverse: 'apiProvidedBy',
  },
];

/** Copies of the entities with `relations` in both directions, as the catalog emits them. */
export function withRelations(entities: Entity[]): Entity[] {
  const copies = entities.map(entity => ({
    ...entity,
    relations: [] as Array<{ type: string; targetRef: string }>,
  }));
  const byRef = new Map(copies.map(entity => [refOf(entity), entity]));
  for (const entity of copies) {
    const from = refOf(entity);
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    for (const relation of SPEC_RELATIONS) {
      if (relation.kinds && !relation.kinds.includes(entity.kind)) continue;
      const value = spec[relation.field];
      const targets = Array.isArray(value) ? value : [value];
      for (const target of targets) {
        if (typeof target !== 'string' || !target) continue;
        const to = fullRef(target, relation.defaultKind);
        entity.relations.push({ type: relation.forward, targetRef: to });
        byRef
          .get(to)
          ?.relations.push({ type: relation.reverse, targetRef: from });
      }
    }
  }
  return copies;
}
