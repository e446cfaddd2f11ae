/**
 * The kinds of finding the engine emits, each with a stable code. Code reads
 * the code (and the finding's `params` and `entityRefs`); people read the
 * message. A code, once published, keeps its meaning; new kinds get new
 * codes. docs/annotations.md lists them with how to fix each.
 */
import type { Finding, FindingSeverity } from './types';

/**
 * What a finding code means: the severity its findings have and one line on
 * what it says.
 * @public
 */
export interface FindingCodeInfo {
  /** The severity of every finding of the code. */
  severity: FindingSeverity;
  /** What a finding of the code says, in one line. */
  description: string;
}

/**
 * A finding's stable code, e.g. `skills.unknown-cluster`: what kind of
 * finding it is, for code that groups, hides or acts on findings.
 * @public
 */
export type FindingCode =
  | 'annotation.unknown'
  | 'annotation.unknown-more'
  | 'annotation.wrong-kind'
  | 'annotation.not-a-string'
  | 'annotation.too-long'
  | 'annotation.too-many-items'
  | 'annotation.not-a-boolean'
  | 'team-type.unknown'
  | 'team-type.missing'
  | 'skills.unknown-cluster'
  | 'skills.duplicate-cluster'
  | 'skills.unexpected-count'
  | 'skills.missing-head-count'
  | 'skills.invalid-head-count'
  | 'required-skills.none-valid'
  | 'declined-products.invalid-ref'
  | 'declined-products.reason-missing-space'
  | 'declined-products.empty-reason'
  | 'declined-products.reason-too-long'
  | 'declined-products.unresolved'
  | 'declined-products.not-a-product'
  | 'product.mandatory-not-product'
  | 'concern.empty'
  | 'concern.several'
  | 'concern.invalid'
  | 'waiver.unreadable'
  | 'waiver.unknown-check'
  | 'waiver.missing-date'
  | 'waiver.invalid-date'
  | 'waiver.missing-reason'
  | 'waiver.reason-too-long'
  | 'waiver.too-long'
  | 'waiver.duplicate'
  | 'waiver.expired'
  | 'waiver.no-effect'
  | 'check.failed'
  | 'check.invalid-result';

/**
 * Every finding code the engine emits, with its severity and what it means.
 * @public
 */
export const FINDING_CODES: Readonly<Record<FindingCode, FindingCodeInfo>> =
  Object.freeze({
    'annotation.unknown': {
      severity: 'warning',
      description:
        'An annotation under team-insights.io/ that Team Insights does not know; it has no effect.',
    },
    'annotation.unknown-more': {
      severity: 'warning',
      description:
        'More unknown team-insights.io/ annotations on the entity than are reported one by one.',
    },
    'annotation.wrong-kind': {
      severity: 'warning',
      description:
        'An annotation on a kind of entity it does not apply to; it has no effect.',
    },
    'annotation.not-a-string': {
      severity: 'error',
      description: 'An annotation value that is not a string.',
    },
    'annotation.too-long': {
      severity: 'error',
      description: 'An annotation value over 4 KiB; it was ignored.',
    },
    'annotation.too-many-items': {
      severity: 'error',
      description:
        'A list with more than 200 items; only the first 200 were used.',
    },
    'annotation.not-a-boolean': {
      severity: 'error',
      description:
        'A true/false annotation with another value; the default applies.',
    },
    'team-type.unknown': {
      severity: 'error',
      description:
        'A team type that is none of the team types or their aliases.',
    },
    'team-type.missing': {
      severity: 'warning',
      description:
        'A Group of type team without a valid team type; it is evaluated as a feature team.',
    },
    'skills.unknown-cluster': {
      severity: 'error',
      description:
        'A skill cluster id (or alias) the vocabulary does not have.',
    },
    'skills.duplicate-cluster': {
      severity: 'warning',
      description:
        'A cluster listed more than once (on a Group, the head counts were added up).',
    },
    'skills.unexpected-count': {
      severity: 'error',
      description:
        "A cluster=count item where only cluster ids belong: a User's skills or required skills.",
    },
    'skills.missing-head-count': {
      severity: 'error',
      description: "A cluster without =count in a Group's head counts.",
    },
    'skills.invalid-head-count': {
      severity: 'error',
      description: 'A head count that is not a whole number from 1 to 1000.',
    },
    'required-skills.none-valid': {
      severity: 'warning',
      description:
        "Required skills without one valid cluster; the team type's required clusters apply.",
    },
    'declined-products.invalid-ref': {
      severity: 'error',
      description: 'A declined product that is not an entity ref.',
    },
    'declined-products.reason-missing-space': {
      severity: 'warning',
      description:
        'A reason after a colon without the space that should follow it.',
    },
    'declined-products.empty-reason': {
      severity: 'warning',
      description: 'A declined product with a colon and no reason after it.',
    },
    'declined-products.reason-too-long': {
      severity: 'warning',
      description: 'A reason for declining over 200 characters; it was cut.',
    },
    'declined-products.unresolved': {
      severity: 'error',
      description:
        'A declined product that names no platform product the reader can see.',
    },
    'declined-products.not-a-product': {
      severity: 'warning',
      description: 'A declined entity that is not a platform product.',
    },
    'product.mandatory-not-product': {
      severity: 'warning',
      description: 'Mandatory on an entity marked as not a product.',
    },
    'concern.empty': {
      severity: 'warning',
      description: 'An empty concern.',
    },
    'concern.several': {
      severity: 'error',
      description: 'A concern that lists several concerns.',
    },
    'concern.invalid': {
      severity: 'error',
      description: 'A concern that is not a slug.',
    },
    'waiver.unreadable': {
      severity: 'error',
      description:
        "A waiver that does not read as '<check-id> until <YYYY-MM-DD>: <reason>'.",
    },
    'waiver.unknown-check': {
      severity: 'error',
      description: 'A waiver for a check id that does not exist.',
    },
    'waiver.missing-date': {
      severity: 'error',
      description: 'A waiver without an end date.',
    },
    'waiver.invalid-date': {
      severity: 'error',
      description: 'A waiver whose date is not a calendar date YYYY-MM-DD.',
    },
    'waiver.missing-reason': {
      severity: 'error',
      description: 'A waiver without a reason.',
    },
    'waiver.reason-too-long': {
      severity: 'error',
      description: 'A waiver whose reason is over 1000 characters.',
    },
    'waiver.too-long': {
      severity: 'error',
      description: 'A waiver that lasts longer than maxWaiverDays.',
    },
    'waiver.duplicate': {
      severity: 'warning',
      description: 'A check waived more than once; the first waiver is used.',
    },
    'waiver.expired': {
      severity: 'warning',
      description: 'A waiver whose date has passed; the check counts again.',
    },
    'waiver.no-effect': {
      severity: 'warning',
      description:
        'A waiver for a check of a scorecard the entity does not have.',
    },
    'check.failed': {
      severity: 'error',
      description:
        'A custom check that threw; it is reported as not applicable.',
    },
    'check.invalid-result': {
      severity: 'error',
      description:
        'A custom check that returned no valid status and message; it is reported as not applicable.',
    },
  });

/**
 * Structured values a finding's message was built from, by name: e.g.
 * `value` (the item as written), `suggestion`, `checkId`, `until`,
 * `product` (an entity ref). docs/annotations.md lists them per code.
 * @public
 */
export type FindingParams = Record<string, string | number>;

/** What {@link newFinding} takes: a finding without its severity. */
export interface NewFinding {
  code: FindingCode;
  entityRef: string;
  annotation?: string;
  message: string;
  /** Values left undefined are left out. */
  params?: Record<string, string | number | undefined>;
  entityRefs?: readonly string[];
}

/**
 * A finding of `code`, with the code's severity; params without a value and
 * an empty list of refs are left out.
 */
export function newFinding(input: NewFinding): Finding {
  const finding: Finding = {
    severity: FINDING_CODES[input.code].severity,
    code: input.code,
    entityRef: input.entityRef,
    ...(input.annotation !== undefined ? { annotation: input.annotation } : {}),
    message: input.message,
  };
  const params = Object.entries(input.params ?? {}).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined,
  );
  if (params.length) finding.params = Object.fromEntries(params);
  if (input.entityRefs?.length) finding.entityRefs = [...input.entityRefs];
  return finding;
}
