import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CONCERN,
  ANNOTATION_DECLINED_PRODUCTS,
  ANNOTATION_MANDATORY,
  ANNOTATION_PUBLIC_BADGE,
  ANNOTATION_PREFIX,
  ANNOTATION_PRODUCT,
  ANNOTATION_REQUIRED_SKILLS,
  ANNOTATION_SKILLS,
  ANNOTATION_TEAM_TYPE,
  ANNOTATION_WAIVERS,
  TEAM_INSIGHTS_ANNOTATIONS,
} from './annotations';
import { BUILT_IN_CHECKS, BUILT_IN_CHECK_IDS } from './catalogue';
import { defaultTeamInsightsConfig, TeamInsightsConfig } from './config';
import {
  ParsedWaiver,
  parseBooleanAnnotation,
  parseConcern,
  parseDeclineReasons,
  parseRequiredSkills,
  parseSkillsAnnotation,
  parseTeamType,
  parseWaivers,
  SkillsAnnotation,
} from './parsers';
import { newFinding } from './findingCodes';
import type { Finding, TeamType } from './types';
import {
  annotationOf,
  clip,
  closest,
  compareStrings,
  entityRefOf,
  quote,
  specString,
} from './util';

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

const KIND_OF_ANNOTATION: Record<string, { kinds: string[]; label: string }> = {
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

/** Unknown annotations reported one by one; the rest are counted. */
const MAX_UNKNOWN_REPORTED = 20;

/** Everything the engine reads from one entity's own annotations. */
export interface EntityAnnotations {
  ref: string;
  kind: string;
  /** Declared (valid) team type of a Group. */
  teamType?: TeamType;
  /** Whether the team-type annotation is present at all. */
  teamTypePresent: boolean;
  skills: SkillsAnnotation;
  requiredSkills?: string[];
  declinedProducts: string[];
  /** Why the team declined a product, by the product's ref (lower case). */
  declineReasons: Record<string, string>;
  product?: boolean;
  mandatory?: boolean;
  concern?: string;
  /** `team-insights.io/public-badge`. */
  publicBadge?: boolean;
  waivers: ParsedWaiver[];
  findings: Finding[];
}

/** Options of {@link lintEntity}. @public */
export interface LintOptions {
  config?: TeamInsightsConfig;
  /** "Today" for waiver expiry; defaults to the current time. */
  now?: Date;
  /**
   * Every known check id (built-in plus custom ones); waivers for other ids
   * are errors. Defaults to the built-in checks.
   */
  checkIds?: string[];
}

function isTeamSpec(entity: Entity): boolean {
  const type = specString(entity, 'type');
  return type !== undefined && type.trim().toLowerCase() === 'team';
}

/** Reads and checks all Team Insights annotations of one entity. */
export function readEntityAnnotations(
  entity: Entity,
  options: LintOptions = {},
  /** The entity's ref, when the caller has it already. */
  knownRef?: string,
): EntityAnnotations {
  const config = options.config ?? defaultTeamInsightsConfig;
  const ref = knownRef ?? entityRefOf(entity);
  const kind = String(entity.kind ?? '').toLowerCase();
  const namespace = String(entity.metadata?.namespace || 'default');
  const findings: Finding[] = [];
  const base = { entityRef: ref, config };
  const read = (key: string) => annotationOf(entity, key);

  const result: EntityAnnotations = {
    ref,
    kind,
    teamTypePresent: false,
    skills: { clusters: [], declared: false, headCounts: {} },
    declinedProducts: [],
    declineReasons: {},
    waivers: [],
    findings,
  };

  // annotations under our prefix that we do not know, or on the wrong kind
  const annotations = entity.metadata?.annotations;
  if (annotations && typeof annotations === 'object') {
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
            message:
              'annotation values must be strings; quote the value in YAML',
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
  }

  if (kind === 'group') {
    const teamType = read(ANNOTATION_TEAM_TYPE);
    result.teamTypePresent = teamType !== undefined;
    const parsedType = parseTeamType(teamType, base);
    findings.push(...parsedType.findings);
    result.teamType = parsedType.value;
    if (!result.teamType && isTeamSpec(entity)) {
      findings.push(
        newFinding({
          code: 'team-type.missing',
          entityRef: ref,
          annotation: ANNOTATION_TEAM_TYPE,
          message: `team without a valid team type; it is evaluated as a feature team. Declare what kind of team it is:\n\n\`\`\`yaml\nmetadata:\n  annotations:\n    ${ANNOTATION_TEAM_TYPE}: feature # or centralized, expertise\n\`\`\``,
        }),
      );
    }
    const skills = parseSkillsAnnotation(read(ANNOTATION_SKILLS), {
      ...base,
      kind: 'group',
    });
    findings.push(...skills.findings);
    result.skills = skills.value;
    const required = parseRequiredSkills(
      read(ANNOTATION_REQUIRED_SKILLS),
      base,
    );
    findings.push(...required.findings);
    result.requiredSkills = required.value;
    const declined = parseDeclineReasons(read(ANNOTATION_DECLINED_PRODUCTS), {
      ...base,
      defaultNamespace: namespace,
    });
    findings.push(...declined.findings);
    result.declinedProducts = declined.value.map(d => d.productRef);
    for (const { productRef, reason } of declined.value) {
      if (reason !== undefined) result.declineReasons[productRef] = reason;
    }
  } else if (kind === 'user') {
    const skills = parseSkillsAnnotation(read(ANNOTATION_SKILLS), {
      ...base,
      kind: 'user',
    });
    findings.push(...skills.findings);
    result.skills = skills.value;
  } else if (PRODUCT_KINDS.includes(kind)) {
    const product = parseBooleanAnnotation(read(ANNOTATION_PRODUCT), {
      ...base,
      annotation: ANNOTATION_PRODUCT,
    });
    findings.push(...product.findings);
    result.product = product.value;
    const mandatory = parseBooleanAnnotation(read(ANNOTATION_MANDATORY), {
      ...base,
      annotation: ANNOTATION_MANDATORY,
    });
    findings.push(...mandatory.findings);
    result.mandatory = mandatory.value;
    if (mandatory.value === true && product.value === false) {
      findings.push(
        newFinding({
          code: 'product.mandatory-not-product',
          entityRef: ref,
          annotation: ANNOTATION_MANDATORY,
          message: `${ANNOTATION_MANDATORY} has no effect: the entity is marked as not a product (${ANNOTATION_PRODUCT}: 'false')`,
        }),
      );
    }
    const concern = parseConcern(read(ANNOTATION_CONCERN), base);
    findings.push(...concern.findings);
    result.concern = concern.value;
  }

  const publicBadge = parseBooleanAnnotation(read(ANNOTATION_PUBLIC_BADGE), {
    ...base,
    annotation: ANNOTATION_PUBLIC_BADGE,
  });
  findings.push(...publicBadge.findings);
  result.publicBadge = publicBadge.value;

  const waivers = parseWaivers(read(ANNOTATION_WAIVERS), {
    ...base,
    now: options.now,
    checkIds: options.checkIds ?? BUILT_IN_CHECK_IDS,
  });
  findings.push(...waivers.findings);
  result.waivers = waivers.value;
  if (waivers.value.length) {
    const applicable = waivableScorecards(kind, isTeamOrUnit(result, entity));
    for (const waiver of waivers.value) {
      const builtIn = BUILT_IN_CHECKS.find(c => c.id === waiver.checkId);
      if (builtIn && !applicable.includes(builtIn.scorecard)) {
        findings.push(
          newFinding({
            code: 'waiver.no-effect',
            entityRef: ref,
            annotation: ANNOTATION_WAIVERS,
            params: { checkId: waiver.checkId, scorecard: builtIn.scorecard },
            message: `waiver for '${
              waiver.checkId
            }' has no effect on a ${kindLabel(entity)}: it has no ${
              builtIn.scorecard
            } scorecard`,
          }),
        );
      }
    }
  }
  return result;
}

/** The entity's kind for a message, if it is a plain word. */
function kindLabel(entity: Entity): string {
  const kind = String(entity.kind ?? '');
  return /^[A-Za-z][A-Za-z0-9]{0,62}$/.test(kind)
    ? kind
    : 'entity of this kind';
}

function isTeamOrUnit(result: EntityAnnotations, entity: Entity): boolean {
  return (
    result.kind === 'group' &&
    (result.teamType !== undefined || isTeamSpec(entity))
  );
}

function waivableScorecards(kind: string, isTeam: boolean): string[] {
  if (kind === 'group') {
    return isTeam ? ['composition', 'adoption', 'documentation'] : [];
  }
  if (DOCUMENTED_KINDS.includes(kind)) return ['documentation'];
  return [];
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

/** Sorts findings by entity ref, annotation, severity and message. @public */
export function sortFindings(findings: Finding[]): Finding[] {
  const key = (f: Finding) => [
    f.entityRef,
    f.annotation ?? '',
    f.severity === 'error' ? '0' : '1',
    f.message,
  ];
  return [...findings].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const c = compareStrings(ka[i], kb[i]);
      if (c) return c;
    }
    return 0;
  });
}
