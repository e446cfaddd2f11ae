import type { TeamInsightsCheck } from './customChecks';

/**
 * The catalog fields the engine reads: stream the catalog with exactly these
 * (`fields` of the catalog client) and {@link evaluate} sees everything it
 * needs. Nothing else of an entity is read.
 * @public
 */
export const TEAM_INSIGHTS_ENTITY_FIELDS: string[] = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.description',
  'metadata.annotations',
  'metadata.tags',
  'metadata.links',
  'spec.type',
  'spec.owner',
  'spec.lifecycle',
  'spec.system',
  'spec.definition',
  'spec.profile',
  'spec.providesApis',
  'relations',
];

/**
 * {@link TEAM_INSIGHTS_ENTITY_FIELDS} plus the fields custom checks declare.
 * @public
 */
export function teamInsightsEntityFields(
  customChecks: readonly TeamInsightsCheck[] = [],
): string[] {
  const fields = new Set(TEAM_INSIGHTS_ENTITY_FIELDS);
  for (const check of customChecks) {
    for (const field of check.fields ?? []) {
      if (typeof field === 'string' && field) fields.add(field);
    }
  }
  return Array.from(fields);
}

/**
 * The fields the planner needs besides the engine's: the relation fields a
 * plan edits (memberships, ownership, hierarchy, dependencies), so that a
 * draft changes them where the catalog-info.yaml holds them.
 * @public
 */
export const PLAN_ENTITY_FIELDS: string[] = [
  ...TEAM_INSIGHTS_ENTITY_FIELDS,
  'apiVersion',
  'spec.memberOf',
  'spec.members',
  'spec.parent',
  'spec.children',
  'spec.dependsOn',
  'spec.dependencyOf',
  'spec.consumesApis',
  'spec.subcomponentOf',
  'spec.domain',
  'spec.subdomainOf',
];
