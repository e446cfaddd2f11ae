/**
 * Test-only builders for catalog entities, with relations as the catalog
 * emits them. Not exported from the package.
 */
import type { Entity } from '@backstage/catalog-model';
import type { CheckResult, Report, TeamReport } from '../types';

type Annotations = Record<string, string>;

export interface GroupOptions {
  type?: string;
  teamType?: string;
  skills?: string;
  requiredSkills?: string;
  declinedProducts?: string;
  waivers?: string;
  parent?: string;
  title?: string;
  annotations?: Annotations;
}

export function group(name: string, options: GroupOptions = {}): Entity {
  const annotations: Annotations = { ...options.annotations };
  if (options.teamType !== undefined) {
    annotations['team-insights.io/team-type'] = options.teamType;
  }
  if (options.skills !== undefined) {
    annotations['team-insights.io/skills'] = options.skills;
  }
  if (options.requiredSkills !== undefined) {
    annotations['team-insights.io/required-skills'] = options.requiredSkills;
  }
  if (options.declinedProducts !== undefined) {
    annotations['team-insights.io/declined-products'] =
      options.declinedProducts;
  }
  if (options.waivers !== undefined) {
    annotations['team-insights.io/waivers'] = options.waivers;
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      ...(options.title ? { title: options.title } : {}),
      annotations,
    },
    spec: {
      type: options.type ?? 'team',
      children: [],
      ...(options.parent ? { parent: options.parent } : {}),
    },
  };
}

export function user(
  name: string,
  options: { skills?: string; memberOf?: string[] } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name,
      annotations:
        options.skills !== undefined
          ? { 'team-insights.io/skills': options.skills }
          : {},
    },
    spec: { memberOf: options.memberOf ?? [] },
  };
}

export interface ComponentOptions {
  owner?: string;
  type?: string;
  product?: string;
  mandatory?: string;
  concern?: string;
  waivers?: string;
  dependsOn?: string[];
  consumesApis?: string[];
  providesApis?: string[];
  description?: string;
  annotations?: Annotations;
  /** Fill every documentation field, so the entity scores 100. */
  documented?: boolean;
  lifecycle?: string;
  system?: string;
}

function productAnnotations(options: ComponentOptions): Annotations {
  const annotations: Annotations = {};
  if (options.documented) {
    annotations['backstage.io/techdocs-ref'] = 'dir:.';
    annotations['backstage.io/source-location'] =
      'url:https://example.com/repo/tree/main/';
  }
  if (options.product !== undefined) {
    annotations['team-insights.io/product'] = options.product;
  }
  if (options.mandatory !== undefined) {
    annotations['team-insights.io/mandatory'] = options.mandatory;
  }
  if (options.concern !== undefined) {
    annotations['team-insights.io/concern'] = options.concern;
  }
  if (options.waivers !== undefined) {
    annotations['team-insights.io/waivers'] = options.waivers;
  }
  return { ...annotations, ...options.annotations };
}

function documentedMetadata(name: string, options: ComponentOptions) {
  return {
    name,
    ...(options.description !== undefined || options.documented
      ? {
          description:
            options.description ??
            `The ${name} service, used by the teams that need it.`,
        }
      : {}),
    ...(options.documented
      ? {
          tags: ['ml'],
          links: [{ url: `https://example.com/${name}`, title: 'Dashboard' }],
        }
      : {}),
    annotations: productAnnotations(options),
  };
}

export function component(
  name: string,
  options: ComponentOptions = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: documentedMetadata(name, options),
    spec: {
      type: options.type ?? 'service',
      ...(options.owner ? { owner: options.owner } : {}),
      lifecycle: options.lifecycle ?? (options.documented ? 'production' : ''),
      ...(options.system || options.documented
        ? { system: options.system ?? 'ml' }
        : {}),
      ...(options.dependsOn ? { dependsOn: options.dependsOn } : {}),
      ...(options.consumesApis ? { consumesApis: options.consumesApis } : {}),
      ...(options.providesApis ? { providesApis: options.providesApis } : {}),
    },
  };
}

export function api(
  name: string,
  options: ComponentOptions & { definition?: string } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: documentedMetadata(name, options),
    spec: {
      type: 'openapi',
      ...(options.owner ? { owner: options.owner } : {}),
      lifecycle: options.documented ? 'production' : '',
      ...(options.documented ? { system: 'ml' } : {}),
      definition:
        options.definition ??
        (options.documented ? `openapi: 3.0.0\n${'#'.repeat(120)}` : ''),
    },
  };
}

export function resource(name: string, options: ComponentOptions = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: documentedMetadata(name, options),
    spec: {
      type: 'database',
      ...(options.owner ? { owner: options.owner } : {}),
      ...(options.documented ? { system: 'ml' } : {}),
      ...(options.dependsOn ? { dependsOn: options.dependsOn } : {}),
    },
  };
}

export function system(name: string, options: ComponentOptions = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: documentedMetadata(name, options),
    spec: { ...(options.owner ? { owner: options.owner } : {}) },
  };
}

function full(ref: string, defaultKind: string, namespace = 'default'): string {
  let kind = defaultKind;
  let rest = ref;
  const colon = ref.indexOf(':');
  if (colon >= 0) {
    kind = ref.slice(0, colon);
    rest = ref.slice(colon + 1);
  }
  const slash = rest.indexOf('/');
  const ns = slash >= 0 ? rest.slice(0, slash) : namespace;
  const name = slash >= 0 ? rest.slice(slash + 1) : rest;
  return `${kind}:${ns}/${name}`.toLowerCase();
}

export function refOf(entity: Entity): string {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLowerCase();
}

/**
 * Which directions of each relation pair to emit: `both` like the catalog,
 * or only the forward (`memberOf`, `ownedBy`, `childOf`, `dependsOn`, …) or
 * reverse (`hasMember`, `ownerOf`, `parentOf`, `dependencyOf`, …) one.
 */
export type Directions = 'both' | 'forward' | 'reverse';

/**
 * Adds `relations` computed from the spec fields, as the catalog's built-in
 * processor does.
 */
export function withRelations(
  entities: Entity[],
  directions: Directions = 'both',
): Entity[] {
  const copies = entities.map(e => ({
    ...e,
    relations: [] as Array<{ type: string; targetRef: string }>,
  }));
  const byRef = new Map(copies.map(e => [refOf(e), e]));
  const relate = (
    from: string,
    forward: string,
    reverse: string,
    to: string,
  ) => {
    if (directions !== 'reverse') {
      byRef.get(from)?.relations.push({ type: forward, targetRef: to });
    }
    if (directions !== 'forward') {
      byRef.get(to)?.relations.push({ type: reverse, targetRef: from });
    }
  };
  for (const e of copies) {
    const ref = refOf(e);
    const spec = (e.spec ?? {}) as Record<string, any>;
    const ns = e.metadata.namespace ?? 'default';
    if (typeof spec.owner === 'string') {
      relate(ref, 'ownedBy', 'ownerOf', full(spec.owner, 'group', ns));
    }
    if (e.kind === 'User') {
      for (const g of spec.memberOf ?? []) {
        relate(ref, 'memberOf', 'hasMember', full(g, 'group', ns));
      }
    }
    if (e.kind === 'Group' && typeof spec.parent === 'string') {
      relate(ref, 'childOf', 'parentOf', full(spec.parent, 'group', ns));
    }
    for (const d of spec.dependsOn ?? []) {
      relate(ref, 'dependsOn', 'dependencyOf', full(d, 'component', ns));
    }
    for (const a of spec.consumesApis ?? []) {
      relate(ref, 'consumesApi', 'apiConsumedBy', full(a, 'api', ns));
    }
    for (const a of spec.providesApis ?? []) {
      relate(ref, 'providesApi', 'apiProvidedBy', full(a, 'api', ns));
    }
  }
  return copies;
}

/** `n` users of the team with the given skills annotation. */
export function members(
  team: string,
  skills: Array<string | undefined>,
  prefix = team,
): Entity[] {
  return skills.map((s, i) =>
    user(`${prefix}-${i + 1}`, { skills: s, memberOf: [team] }),
  );
}

/** The report of one team, by name. */
export function teamOf(report: Report, name: string): TeamReport {
  const team = report.teams.find(t => t.entityRef === `group:default/${name}`);
  if (!team) throw new Error(`no team ${name} in the report`);
  return team;
}

/** One check of a scorecard, by id. */
export function checkOf(
  scorecard: { checks: CheckResult[] },
  id: string,
): CheckResult {
  const check = scorecard.checks.find(c => c.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return check;
}

/** Today, for tests that involve waivers. */
export const NOW = new Date('2026-03-15T12:00:00Z');
