import { z } from 'zod/v4';
import { entityRefField } from '../entityRefs';
import { component } from './components';
import {
  byScorecard,
  CheckStatus,
  Count,
  DateTime,
  Day,
  EntityRef,
  NullableLevel,
  NullableScore,
  TeamType,
} from './primitives';

/** The parts of the report (`GET /v1/report`), as -common's types.ts has them. */

export const Finding = component(
  'Finding',
  z.object({
    severity: z.enum(['error', 'warning']),
    code: z
      .string()
      .regex(/^[a-z][a-z-]*\.[a-z][a-z-]*$/)
      .optional()
      .describe(
        'What kind of finding it is, stable across releases, e.g. `skills.unknown-cluster` (docs/annotations.md lists them). Absent only in reports stored by a release before codes existed.',
      ),
    entityRef: entityRefField(z.string()),
    annotation: z.string().optional(),
    message: z
      .string()
      .describe('For people; decide on `code`, `params` and `entityRefs`.'),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .optional()
      .describe('The values the message was built from, by name.'),
    entityRefs: z
      .array(entityRefField(z.string()))
      .optional()
      .describe('The catalog entities the finding names besides `entityRef`.'),
  }),
);

export const Waiver = component(
  'Waiver',
  z.object({ until: Day, reason: z.string() }),
);

export const CheckResult = component(
  'CheckResult',
  z.object({
    id: z.string(),
    title: z.string(),
    status: CheckStatus,
    weight: z.number().min(0),
    message: z.string().describe('What was found, in numbers and names.'),
    remediation: z
      .string()
      .optional()
      .describe(
        'What to change; a fenced YAML snippet when a catalog-info.yaml change fixes it.',
      ),
    waived: Waiver.optional(),
    entities: z.array(EntityRef).optional(),
  }),
);

export const ScorecardResult = component(
  'ScorecardResult',
  z.object({
    score: NullableScore,
    level: NullableLevel,
    checks: z.array(CheckResult),
  }),
);

export const SkillHolding = component(
  'SkillHolding',
  z.object({ cluster: z.string(), people: Count, primary: Count }),
);

const publicBadge = z
  .literal(true)
  .optional()
  .describe(
    'The entity opted in to public badges (`team-insights.io/public-badge`).',
  );

export const TeamReport = component(
  'TeamReport',
  z.object({
    entityRef: EntityRef,
    title: z.string(),
    teamType: TeamType,
    teamTypeDeclared: z.boolean(),
    size: Count,
    members: Count,
    headCount: Count,
    communicationPaths: Count,
    parent: EntityRef.optional(),
    orgUnits: z.array(EntityRef),
    requiredSkills: z.array(z.string()),
    missingSkills: z.array(z.string()),
    skills: z.array(SkillHolding),
    owned: z.array(EntityRef),
    scorecards: z.object(byScorecard(ScorecardResult).shape),
    publicBadge,
  }),
);

export const RollupScorecard = component(
  'RollupScorecard',
  z.object({
    score: NullableScore,
    level: NullableLevel,
    byLevel: z.strictObject({
      gold: Count,
      silver: Count,
      bronze: Count,
      none: Count,
    }),
  }),
);

export const OrgUnitReport = component(
  'OrgUnitReport',
  z.object({
    entityRef: EntityRef,
    title: z.string(),
    parent: EntityRef.optional(),
    teams: Count,
    teamRefs: z.array(EntityRef),
    scorecards: z.object(byScorecard(RollupScorecard).shape),
    publicBadge,
  }),
);

export const EntityReport = component(
  'EntityReport',
  z.object({
    entityRef: EntityRef,
    kind: z.string(),
    title: z.string(),
    owner: EntityRef.optional(),
    product: z.boolean(),
    scorecards: z.object({ documentation: ScorecardResult }),
    publicBadge,
  }),
);

export const DeclineReason = component(
  'DeclineReason',
  z.strictObject({ teamRef: EntityRef, reason: z.string().max(200) }),
);

export const ProductReport = component(
  'ProductReport',
  z.object({
    entityRef: EntityRef,
    owner: EntityRef.optional(),
    mandatory: z.boolean(),
    concern: z.string().optional(),
    adopters: z.array(EntityRef),
    declinedBy: z.array(EntityRef),
    declineReasons: z
      .array(DeclineReason)
      .optional()
      .describe(
        'Why teams of declinedBy declined the product, for those that gave a reason in team-insights.io/declined-products. Absent when none did.',
      ),
    adoptionRate: z.number().min(0).max(1),
    documentationScore: NullableScore,
  }),
);

export const ConcernReport = component(
  'ConcernReport',
  z.object({
    concern: z.string(),
    builtBy: z.array(EntityRef),
    products: z.array(EntityRef),
    declined: z
      .array(EntityRef)
      .optional()
      .describe(
        'The teams of builtBy that declined every product of products: they build it themselves by choice. Absent when there are none.',
      ),
    verdict: z.enum(['rebuilt', 'covered', 'centralize-candidate', 'local']),
    candidateSince: DateTime.nullable()
      .optional()
      .describe(
        'Since when the concern has been a centralize-candidate (null when it is not one). Present once the backend has a timeline.',
      ),
    evident: z
      .boolean()
      .optional()
      .describe(
        'A candidate for longer than teamInsights.thresholds.extractWhenEvidentDays (90): extract it.',
      ),
  }),
);

export const ReportResponse = component(
  'ReportResponse',
  z.strictObject({
    version: z.literal(1),
    evaluatedAt: DateTime,
    stale: z.boolean(),
    teams: z.array(TeamReport),
    orgUnits: z.array(OrgUnitReport),
    entities: z.array(EntityReport),
    products: z.array(ProductReport),
    concerns: z.array(ConcernReport),
    findings: z.array(Finding),
  }),
);
