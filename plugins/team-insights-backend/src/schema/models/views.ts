import { z } from 'zod/v4';
import { component } from './components';
import {
  byScorecard,
  CheckStatus,
  Count,
  Day,
  DrillDownStatus,
  EntityRef,
  NullableLevel,
  NullableScore,
  reportMeta,
  ScoreLevel,
  ScorecardId,
  TeamType,
} from './primitives';
import {
  ConcernReport,
  EntityReport,
  Finding,
  OrgUnitReport,
  ProductReport,
  SkillHolding,
  TeamReport,
} from './report';

/** The answers of the read routes other than the whole report. */

/** One value per team type. */
function byTeamType<T extends z.ZodType>(schema: T) {
  return z.strictObject({
    feature: schema,
    centralized: schema,
    expertise: schema,
  });
}

export const TeamSummary = component(
  'TeamSummary',
  z.strictObject({
    entityRef: EntityRef,
    title: z.string(),
    teamType: TeamType,
    teamTypeDeclared: z.boolean(),
    size: Count,
    parent: EntityRef.optional(),
    orgUnits: z.array(EntityRef),
    scores: byScorecard(ScoreLevel),
    worstCheck: z
      .strictObject({
        scorecard: ScorecardId,
        id: z.string(),
        title: z.string(),
        status: CheckStatus,
      })
      .optional(),
    check: z
      .strictObject({
        id: z.string(),
        scorecard: ScorecardId,
        title: z.string(),
        status: DrillDownStatus,
        message: z.string(),
        remediation: z.string().optional(),
        entities: z
          .array(EntityRef)
          .optional()
          .describe(
            'For a documentation check, the owned entities that fail it.',
          ),
      })
      .optional()
      .describe('With `check` in the query, its result for the team.'),
  }),
);

export const LevelCounts = component(
  'LevelCounts',
  z.strictObject({
    gold: Count,
    silver: Count,
    bronze: Count,
    none: Count,
    'n/a': Count,
  }),
);

export const TeamsPage = component(
  'TeamsPage',
  z.strictObject({
    ...reportMeta,
    items: z.array(TeamSummary),
    totalCount: Count.describe('Teams matching the filters, across pages.'),
    nextCursor: z
      .string()
      .optional()
      .describe('The cursor of the next page; absent on the last one.'),
    levelCounts: byScorecard(LevelCounts),
  }),
);

export const EntityScorecardsResponse = component(
  'EntityScorecardsResponse',
  z.union([
    z.strictObject({
      ...reportMeta,
      type: z.literal('team'),
      team: TeamReport,
      findings: z.array(Finding),
    }),
    z.strictObject({
      ...reportMeta,
      type: z.literal('org-unit'),
      orgUnit: OrgUnitReport,
      teams: z.array(TeamSummary),
      findings: z.array(Finding),
    }),
    z.strictObject({
      ...reportMeta,
      type: z.literal('entity'),
      entity: EntityReport,
      product: ProductReport.optional(),
      findings: z.array(Finding),
    }),
  ]),
);

export const HistoryPoint = component(
  'HistoryPoint',
  z.strictObject({
    day: Day,
    scorecard: ScorecardId,
    score: NullableScore,
    level: NullableLevel,
    failingChecks: z.array(z.string()),
  }),
);

export const HistoryResponse = component(
  'HistoryResponse',
  z.strictObject({ entityRef: EntityRef, points: z.array(HistoryPoint) }),
);

export const TrendPoint = component(
  'TrendPoint',
  z.strictObject({
    day: Day,
    scorecard: ScorecardId,
    score: NullableScore,
    count: Count,
  }),
);

export const TrendsResponse = component(
  'TrendsResponse',
  z.strictObject({
    orgUnit: z
      .string()
      .optional()
      .describe('With `orgUnit=`, the org unit the points are about.'),
    points: z.array(TrendPoint),
  }),
);

export const Mover = component(
  'Mover',
  z.strictObject({
    entityRef: z.string(),
    kind: z.enum(['team', 'orgUnit']),
    title: z.string(),
    scorecard: ScorecardId,
    from: z.number(),
    to: z.number(),
    delta: z.number().describe('to - from; positive for an improvement.'),
  }),
);

export const MoversResponse = component(
  'MoversResponse',
  z.strictObject({ improved: z.array(Mover), dropped: z.array(Mover) }),
);

export const ProductsResponse = component(
  'ProductsResponse',
  z.strictObject({
    ...reportMeta,
    items: z.array(ProductReport),
    featureTeams: z.array(EntityRef),
  }),
);

export const ConcernsResponse = component(
  'ConcernsResponse',
  z.strictObject({ ...reportMeta, items: z.array(ConcernReport) }),
);

export const RequiredSkills = component(
  'RequiredSkills',
  z.strictObject({ requiredSkills: z.array(z.string()) }),
);

export const SkillClustersResponse = component(
  'SkillClustersResponse',
  z.strictObject({
    items: z.array(
      z.strictObject({
        id: z.string(),
        title: z.string(),
        description: z.string().optional(),
      }),
    ),
    teamTypes: byTeamType(RequiredSkills),
  }),
);

export const SkillSupply = component(
  'SkillSupply',
  z.strictObject({
    id: z.string(),
    title: z.string(),
    people: Count,
    primary: Count,
    teams: Count,
    missingIn: Count,
  }),
);

export const TeamSkills = component(
  'TeamSkills',
  z.strictObject({
    entityRef: EntityRef,
    title: z.string(),
    teamType: TeamType,
    requiredSkills: z.array(z.string()),
    missingSkills: z.array(z.string()),
    skills: z.array(SkillHolding),
  }),
);

export const SkillsResponse = component(
  'SkillsResponse',
  z.strictObject({
    ...reportMeta,
    clusters: z.array(SkillSupply),
    teams: z.array(TeamSkills),
  }),
);

export const MyTeamScoreChange = component(
  'MyTeamScoreChange',
  z.strictObject({
    score: NullableScore,
    level: NullableLevel,
    previousScore: NullableScore,
    previousLevel: NullableLevel,
    delta: z
      .number()
      .nullable()
      .describe('Score now minus the score then; null when either is unknown.'),
  }),
);

export const MyTeam = component(
  'MyTeam',
  z.strictObject({
    entityRef: EntityRef,
    title: z.string(),
    teamType: TeamType,
    relation: z
      .enum(['member', 'org-unit'])
      .describe(
        "member: the team is one of the caller's ownership refs; org-unit: it sits under one of them.",
      ),
    via: EntityRef,
    scores: byScorecard(MyTeamScoreChange),
  }),
);

export const MyTeamsResponse = component(
  'MyTeamsResponse',
  z.strictObject({
    ...reportMeta,
    items: z.array(MyTeam),
    totalCount: Count,
    since: Day,
  }),
);

export const DeclinedBy = component(
  'DeclinedBy',
  z.strictObject({
    teamRef: EntityRef,
    title: z.string(),
    reason: z
      .string()
      .max(200)
      .optional()
      .describe(
        'Why the team declined the product; absent when it gave no reason.',
      ),
  }),
);

export const ProductAdoption = component(
  'ProductAdoption',
  z.strictObject({
    entityRef: EntityRef,
    title: z.string(),
    owner: EntityRef.optional(),
    ownerTitle: z.string().optional(),
    mandatory: z.boolean(),
    concern: z.string().optional(),
    adopters: z.array(EntityRef),
    declinedBy: z.array(EntityRef),
    declined: z
      .array(DeclinedBy)
      .describe(
        'The teams of declinedBy by title, each with its reason when it gave one; sorted by title. Teams the caller may not see are never named.',
      ),
    adoptionRate: z.number().min(0).max(1),
    documentation: ScoreLevel,
  }),
);

export const AdoptionResponse = component(
  'AdoptionResponse',
  z.strictObject({
    ...reportMeta,
    products: z.array(ProductAdoption),
    featureTeams: z.array(
      z.strictObject({ entityRef: EntityRef, title: z.string() }),
    ),
  }),
);
