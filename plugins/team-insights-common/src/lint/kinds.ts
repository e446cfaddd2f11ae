/**
 * Which kinds of entity carry which Team Insights annotations, and how a
 * kind is named in a message.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CONCERN,
  ANNOTATION_DECLINED_PRODUCTS,
  ANNOTATION_MANDATORY,
  ANNOTATION_PRODUCT,
  ANNOTATION_REQUIRED_SKILLS,
  ANNOTATION_SKILLS,
  ANNOTATION_TEAM_TYPE,
} from '../annotations';
import { specString } from '../util';

/**
 * Kinds (lower case) that carry product, mandatory and concern.
 * @public
 */
export const PRODUCT_KINDS: readonly string[] = [
  'component',
  'api',
  'resource',
];
/**
 * Kinds (lower case) that get a documentation scorecard.
 * @public
 */
export const DOCUMENTED_KINDS: readonly string[] = [
  'component',
  'api',
  'resource',
  'system',
  'domain',
];

/** The kinds each kind-specific annotation applies to, for messages too. */
export const KIND_OF_ANNOTATION: Record<
  string,
  { kinds: string[]; label: string }
> = {
  [ANNOTATION_TEAM_TYPE]: { kinds: ['group'], label: 'Groups' },
  [ANNOTATION_SKILLS]: { kinds: ['group', 'user'], label: 'Groups and Users' },
  [ANNOTATION_REQUIRED_SKILLS]: { kinds: ['group'], label: 'Groups' },
  [ANNOTATION_DECLINED_PRODUCTS]: { kinds: ['group'], label: 'Groups' },
  [ANNOTATION_PRODUCT]: {
    kinds: [...PRODUCT_KINDS],
    label: 'Components, APIs and Resources',
  },
  [ANNOTATION_MANDATORY]: {
    kinds: [...PRODUCT_KINDS],
    label: 'Components, APIs and Resources',
  },
  [ANNOTATION_CONCERN]: {
    kinds: [...PRODUCT_KINDS],
    label: 'Components, APIs and Resources',
  },
};

/** Whether a Group says `spec.type: team`. */
export function isTeamSpec(entity: Entity): boolean {
  const type = specString(entity, 'type');
  return type !== undefined && type.trim().toLowerCase() === 'team';
}

/** The entity's kind for a message, if it is a plain word. */
export function kindLabel(entity: Entity): string {
  const kind = String(entity.kind ?? '');
  return /^[A-Za-z][A-Za-z0-9]{0,62}$/.test(kind)
    ? kind
    : 'entity of this kind';
}
