/**
 * The keys under the Team Insights prefix: unknown ones, ones on a kind they
 * do not apply to, and values that are not strings.
 */
import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_PREFIX, TEAM_INSIGHTS_ANNOTATIONS } from '../annotations';
import { newFinding } from '../findingCodes';
import type { Finding } from '../types';
import { clip, closest, compareStrings, quote } from '../util';
import { KIND_OF_ANNOTATION, kindLabel } from './kinds';

/** Unknown annotations reported one by one; the rest are counted. */
const MAX_UNKNOWN_REPORTED = 20;

/** Findings about the entity's `team-insights.io/` keys themselves. */
export function lintAnnotationKeys(
  entity: Entity,
  ref: string,
  kind: string,
): Finding[] {
  const findings: Finding[] = [];
  const annotations = entity.metadata?.annotations;
  if (!annotations || typeof annotations !== 'object') return findings;
  const keys = Object.keys(annotations)
    .filter(k => k.startsWith(ANNOTATION_PREFIX))
    .sort(compareStrings);
  let unknown = 0;
  for (const key of keys) {
    if (!TEAM_INSIGHTS_ANNOTATIONS.includes(key)) {
      unknown += 1;
      if (unknown > MAX_UNKNOWN_REPORTED) continue;
      const suggestion = closest(key, TEAM_INSIGHTS_ANNOTATIONS);
      findings.push(
        newFinding({
          code: 'annotation.unknown',
          entityRef: ref,
          annotation: key.length > 200 ? `${key.slice(0, 200)}…` : key,
          message: `unknown annotation ${quote(key)}${
            suggestion ? ` (did you mean '${suggestion}'?)` : ''
          }; it has no effect`,
          params: { suggestion },
        }),
      );
      continue;
    }
    const applies = KIND_OF_ANNOTATION[key];
    if (applies && !applies.kinds.includes(kind)) {
      findings.push(
        newFinding({
          code: 'annotation.wrong-kind',
          entityRef: ref,
          annotation: key,
          message: `${key} applies to ${applies.label}; on a ${kindLabel(
            entity,
          )} it has no effect`,
          params: { kind: clip(kind) },
        }),
      );
    }
    if (typeof (annotations as Record<string, unknown>)[key] !== 'string') {
      findings.push(
        newFinding({
          code: 'annotation.not-a-string',
          entityRef: ref,
          annotation: key,
          message: 'annotation values must be strings; quote the value in YAML',
        }),
      );
    }
  }
  if (unknown > MAX_UNKNOWN_REPORTED) {
    findings.push(
      newFinding({
        code: 'annotation.unknown-more',
        entityRef: ref,
        message: `${
          unknown - MAX_UNKNOWN_REPORTED
        } more unknown ${ANNOTATION_PREFIX} annotations; they have no effect`,
        params: { count: unknown - MAX_UNKNOWN_REPORTED },
      }),
    );
  }
  return findings;
}
