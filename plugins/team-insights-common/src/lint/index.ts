/**
 * Reads and checks the Team Insights annotations of one entity: a short
 * dispatcher over one module per subject (keys, Groups and Users, products,
 * waivers).
 */
import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_PUBLIC_BADGE } from '../annotations';
import { defaultTeamInsightsConfig } from '../config';
import { parseBooleanAnnotation } from '../parsers';
import type { Finding } from '../types';
import { annotationOf, entityRefOf } from '../util';
import { lintAnnotationKeys } from './annotationKeys';
import { readGroupAnnotations, readSkills } from './groups';
import { PRODUCT_KINDS } from './kinds';
import { readProductAnnotations } from './products';
import { sortFindings } from './sortFindings';
import type { EntityAnnotations, LintOptions, ReadContext } from './types';
import { readWaivers } from './waivers';

export { DOCUMENTED_KINDS, PRODUCT_KINDS } from './kinds';
export { sortFindings } from './sortFindings';
export type { EntityAnnotations, LintOptions } from './types';

/** Reads and checks all Team Insights annotations of one entity. */
export function readEntityAnnotations(
  entity: Entity,
  options: LintOptions = {},
  /** The entity's ref, when the caller has it already. */
  knownRef?: string,
): EntityAnnotations {
  const ref = knownRef ?? entityRefOf(entity);
  const kind = String(entity.kind ?? '').toLowerCase();
  const ctx: ReadContext = {
    entity,
    ref,
    kind,
    config: options.config ?? defaultTeamInsightsConfig,
    read: key => annotationOf(entity, key),
  };
  const result: EntityAnnotations = {
    ref,
    kind,
    teamTypePresent: false,
    skills: { clusters: [], declared: false, headCounts: {} },
    declinedProducts: [],
    declineReasons: {},
    waivers: [],
    findings: lintAnnotationKeys(entity, ref, kind),
  };

  if (kind === 'group') {
    readGroupAnnotations(ctx, result);
  } else if (kind === 'user') {
    readSkills(ctx, result, 'user');
  } else if (PRODUCT_KINDS.includes(kind)) {
    readProductAnnotations(ctx, result);
  }

  const publicBadge = parseBooleanAnnotation(
    ctx.read(ANNOTATION_PUBLIC_BADGE),
    {
      entityRef: ref,
      config: ctx.config,
      annotation: ANNOTATION_PUBLIC_BADGE,
    },
  );
  result.findings.push(...publicBadge.findings);
  result.publicBadge = publicBadge.value;

  readWaivers(ctx, result, options);
  return result;
}

/**
 * The annotation findings of one entity, without catalog context: parse
 * errors, unknown annotations, annotations on the wrong kind, a team without
 * a team type, and waivers. Used by the catalog processor and the CLI; never
 * throws.
 * @public
 */
export function lintEntity(entity: Entity, options?: LintOptions): Finding[] {
  try {
    return sortFindings(readEntityAnnotations(entity, options).findings);
  } catch (error) {
    // a malformed entity (e.g. no metadata) is not ours to report; the
    // catalog's own validation does that
    return [];
  }
}
