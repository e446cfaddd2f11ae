import type { Entity } from '@backstage/catalog-model';

/** Pairs of relation types the catalog emits in both directions. */
const REVERSE: Record<string, string> = {
  ownedBy: 'ownerOf',
  memberOf: 'hasMember',
  childOf: 'parentOf',
  dependsOn: 'dependencyOf',
  consumesApi: 'apiConsumedBy',
  providesApi: 'apiProvidedBy',
};

function refOf(entity: Entity): string {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLowerCase();
}

/**
 * Adds the relations the catalog would emit for `links`, in both directions,
 * to the entities (matched by ref).
 */
export function withRelations(
  entities: Entity[],
  links: Array<[string, string, string]>,
): Entity[] {
  const byRef = new Map(entities.map(e => [refOf(e), e]));
  const add = (from: string, type: string, to: string) => {
    const entity = byRef.get(from);
    if (!entity) return;
    entity.relations = [...(entity.relations ?? []), { type, targetRef: to }];
  };
  for (const [from, type, to] of links) {
    add(from, type, to);
    add(to, REVERSE[type], from);
  }
  return entities;
}

function group(
  name: string,
  type: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', annotations },
    spec: { type, children: [] },
  };
}

function user(name: string, skills: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'team-insights.io/skills': skills },
    },
    spec: { memberOf: [] },
  };
}

function component(
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      description: `The ${name} service, described at some length.`,
      annotations,
    },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

/**
 * A small organisation:
 * - `group:default/ml` (organisational unit) above three teams;
 * - `group:default/search` (feature team, alice and bob) owning
 *   `component:default/search-api`, which depends on the platform's product;
 * - `group:default/secret-team` (feature team) owning
 *   `component:default/secret-svc`, which also adopts the product, and
 *   `component:default/secret-monitor` building the `monitoring` concern;
 * - `group:default/platform` (centralized) owning
 *   `component:default/feature-store` (a product).
 *
 * Restricted callers in the tests cannot see anything named `secret`.
 */
export function createOrg(): Entity[] {
  const entities = [
    group('ml', 'business-unit'),
    group('search', 'team', { 'team-insights.io/team-type': 'feature' }),
    group('secret-team', 'team', {
      'team-insights.io/team-type': 'feature',
      'team-insights.io/skills': 'data-scientist=2, data-engineer=1',
    }),
    group('platform', 'team', { 'team-insights.io/team-type': 'centralized' }),
    user('alice', 'data-scientist, analytics-translator'),
    user('bob', 'data-sceintist'),
    component('search-api', 'search'),
    component('secret-svc', 'secret-team'),
    component('secret-monitor', 'secret-team', {
      'team-insights.io/concern': 'monitoring',
    }),
    component('feature-store', 'platform', {
      'team-insights.io/concern': 'feature-store',
    }),
  ];
  return withRelations(entities, [
    ['group:default/search', 'childOf', 'group:default/ml'],
    ['group:default/secret-team', 'childOf', 'group:default/ml'],
    ['group:default/platform', 'childOf', 'group:default/ml'],
    ['user:default/alice', 'memberOf', 'group:default/search'],
    ['user:default/bob', 'memberOf', 'group:default/search'],
    ['component:default/search-api', 'ownedBy', 'group:default/search'],
    ['component:default/secret-svc', 'ownedBy', 'group:default/secret-team'],
    [
      'component:default/secret-monitor',
      'ownedBy',
      'group:default/secret-team',
    ],
    ['component:default/feature-store', 'ownedBy', 'group:default/platform'],
    [
      'component:default/search-api',
      'dependsOn',
      'component:default/feature-store',
    ],
    [
      'component:default/secret-svc',
      'dependsOn',
      'component:default/feature-store',
    ],
  ]);
}

/** Whether a restricted test caller may see the entity. */
export function isPublic(ref: string): boolean {
  return !ref.includes('secret');
}
