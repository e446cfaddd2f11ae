import type { Entity } from '@backstage/catalog-model';
import { builtInCheck } from '../catalogue';
import { TeamInsightsConfig, weightOf } from '../config';
import type { CheckResult, CheckStatus } from '../types';
import { sortedUnique, specString } from '../util';

/** A fenced YAML block for a remediation. */
export function yaml(snippet: string): string {
  let end = snippet.length;
  while (end > 0 && snippet.charCodeAt(end - 1) === 10 /* \n */) end--;
  return `\`\`\`yaml\n${snippet.slice(0, end)}\n\`\`\``;
}

/** A snippet setting annotations in `metadata.annotations`. */
export function annotationsYaml(values: Record<string, string>): string {
  const lines = Object.keys(values).map(
    key => `    ${key}: ${yamlScalar(values[key])}`,
  );
  return yaml(`metadata:\n  annotations:\n${lines.join('\n')}`);
}

/**
 * A value the reader has to supply, in a snippet otherwise filled with the
 * entity's own values: `<your-system>`, with a comment that says what goes
 * there.
 */
export function placeholder(name: string, hint: string): string {
  return `<your-${name}> # placeholder: ${hint}`;
}

/** Annotations the catalog writes itself: never part of catalog-info.yaml. */
const CATALOG_ANNOTATIONS = new Set([
  'backstage.io/managed-by-location',
  'backstage.io/managed-by-origin-location',
  'backstage.io/orphan',
  'backstage.io/view-url',
  'backstage.io/edit-url',
]);

/**
 * The annotations an entity's catalog-info.yaml declares, as far as the
 * catalog lets us tell: without those the catalog adds when it reads the
 * file (the location, and the source location it derives from a `url:` one).
 */
export function ownAnnotations(entity: Entity): Record<string, string> {
  const all = entity.metadata?.annotations ?? {};
  const fromUrl = String(all['backstage.io/managed-by-location'] ?? '')
    .trim()
    .startsWith('url:');
  const own: Record<string, string> = {};
  for (const [key, value] of Object.entries(all)) {
    if (typeof value !== 'string' || CATALOG_ANNOTATIONS.has(key)) continue;
    if (fromUrl && key === 'backstage.io/source-location') continue;
    own[key] = value;
  }
  return own;
}

/**
 * The `annotations:` lines of a snippet (for {@link entityYaml}): the ones the
 * entity already declares, then those to add, each value quoted where YAML
 * needs it; a comment per added key marks a placeholder.
 */
export function annotationLines(
  entity: Entity,
  added: Record<string, string>,
  comments: Record<string, string> = {},
): string[] {
  const own = ownAnnotations(entity);
  const lines = Object.keys(own)
    .filter(key => !(key in added))
    .map(key => `  ${key}: ${yamlScalar(own[key])}`);
  for (const key of Object.keys(added)) {
    const comment = comments[key] ? ` # ${comments[key]}` : '';
    lines.push(`  ${key}: ${yamlScalar(added[key])}${comment}`);
  }
  return ['annotations:', ...lines];
}

const SPEC_CONTEXT = ['type', 'owner', 'system'];

/** Whether one of a snippet's lines sets `key` (`key: …`). */
function setsKey(lines: readonly string[], key: string): boolean {
  const prefix = `${key}:`;
  return lines.some(line => line.startsWith(prefix));
}

/**
 * A remediation snippet in the shape of the entity's own catalog-info.yaml:
 * its kind, name and namespace, the type, owner and system it already has,
 * and the lines to change (`metadata` and `spec` lines, indented relative to
 * those keys), so readers see which file to edit and what goes where.
 */
export function entityYaml(
  entity: Entity,
  change: { metadata?: string[]; spec?: string[] },
): string {
  const metadata = change.metadata ?? [];
  const changedSpec = change.spec ?? [];
  let text = `apiVersion: ${entity.apiVersion || 'backstage.io/v1alpha1'}
kind: ${entity.kind}
metadata:
  name: ${yamlScalar(String(entity.metadata?.name ?? ''))}`;
  const namespace = entity.metadata?.namespace;
  if (typeof namespace === 'string' && namespace && namespace !== 'default') {
    text += `\n  namespace: ${yamlScalar(namespace)}`;
  }
  if (
    !setsKey(metadata, 'title') &&
    typeof entity.metadata?.title === 'string'
  ) {
    text += `\n  title: ${yamlScalar(entity.metadata.title)}`;
  }
  for (const line of metadata) text += `\n  ${line}`;
  let spec = '';
  for (const key of SPEC_CONTEXT) {
    if (setsKey(changedSpec, key)) continue;
    const value = specString(entity, key)?.trim();
    if (value) spec += `\n  ${key}: ${yamlScalar(value)}`;
  }
  for (const line of changedSpec) spec += `\n  ${line}`;
  if (spec) text += `\nspec:${spec}`;
  return yaml(text);
}

/**
 * A ref as a Group's `spec.members` (or any field whose default kind is
 * `kind`) would write it: the bare name in the same namespace, else
 * `namespace/name`; the full ref for another kind.
 */
export function refIn(ref: string, kind: string, namespace: string): string {
  const match = /^([^:]+):([^/]+)\/(.+)$/.exec(ref);
  if (!match) return ref;
  const [, refKind, refNamespace, name] = match;
  if (refKind !== kind.toLocaleLowerCase('en-US')) return ref;
  return refNamespace === namespace.toLocaleLowerCase('en-US')
    ? name
    : `${refNamespace}/${name}`;
}

/** The namespace of an entity, `default` when it has none. */
export function namespaceOf(entity: Entity): string {
  const namespace = entity.metadata?.namespace;
  return typeof namespace === 'string' && namespace ? namespace : 'default';
}

/**
 * The targets of an entity's relations of one type (`dependsOn`,
 * `consumesApi`, …): what its `spec` lists, read from the relations, the
 * only part of `spec` the engine is given for it.
 */
export function relationTargets(entity: Entity, type: string): string[] {
  return sortedUnique(
    (entity.relations ?? [])
      .filter(r => r.type === type && typeof r.targetRef === 'string')
      .map(r => r.targetRef.toLocaleLowerCase('en-US')),
  );
}

/**
 * A team's snippet ({@link entityYaml} of its Group) with its parent, from
 * the relations, before the `spec` lines that change, so readers see which
 * team's file it is and where the team sits.
 */
export function teamYaml(
  team: { entity: Entity; parent?: string },
  change: { metadata?: string[]; spec?: string[] },
): string {
  const parent = team.parent
    ? [
        `parent: ${yamlScalar(
          refIn(team.parent, 'group', namespaceOf(team.entity)),
        )}`,
      ]
    : [];
  return entityYaml(team.entity, {
    metadata: change.metadata,
    spec: [...parent, ...(change.spec ?? [])],
  });
}

/** A YAML scalar: quoted when plain style would change its meaning. */
export function yamlScalar(value: string): string {
  if (
    /^(true|false|yes|no|on|off|null|~|[-+]?[0-9.]+)$/i.test(value) ||
    /^[\s\-?:,[\]{}#&*!|>'"%@`]|[:#]\s|\s$/.test(value) ||
    value === ''
  ) {
    return `'${value.replace(/'/g, "''")}'`;
  }
  return value;
}

/** pass at or above `pass`, warn at or above `warn`, else fail. */
export function grade(value: number, pass: number, warn: number): CheckStatus {
  if (value >= pass) return 'pass';
  if (value >= warn) return 'warn';
  return 'fail';
}

/** pass at or below `pass`, warn at or below `warn`, else fail. */
export function gradeAtMost(
  value: number,
  pass: number,
  warn: number,
): CheckStatus {
  if (value <= pass) return 'pass';
  if (value <= warn) return 'warn';
  return 'fail';
}

/**
 * Builds the result of a built-in check. The remediation is kept only when
 * the check does not pass; given as a function, it is only written then.
 */
export function builtIn(
  config: TeamInsightsConfig,
  id: string,
  status: CheckStatus,
  message: string,
  remediation?: string | (() => string),
  entities?: Iterable<string>,
): CheckResult {
  const info = builtInCheck(id);
  const result: CheckResult = {
    id,
    title: info.title,
    status,
    weight: weightOf(config, id, info.weight),
    message,
  };
  if (remediation && status !== 'pass' && status !== 'not-applicable') {
    const text =
      typeof remediation === 'function' ? remediation() : remediation;
    if (text) result.remediation = text;
  }
  if (entities) {
    const list = sortedUnique(entities);
    if (list.length) result.entities = list;
  }
  return result;
}
