import { z } from 'zod/v4';
import { component } from './components';
import {
  Day,
  DateTime,
  EntityRef,
  NullableLevel,
  ScorecardId,
  TeamType,
} from './primitives';

/** The answers of the planner, the staffing suggestions, refresh and initiatives. */

export const PlannerConfigResponse = component(
  'PlannerConfigResponse',
  z.object({
    config: z
      .looseObject({
        skillClusters: z.array(
          z.looseObject({
            id: z.string(),
            title: z.string(),
            description: z.string().optional(),
            aliases: z.array(z.string()).optional(),
          }),
        ),
        teamTypes: z.looseObject({}),
        thresholds: z.looseObject({}),
        weights: z.record(z.string(), z.number()),
        levels: z.looseObject({
          gold: z.number(),
          silver: z.number(),
          bronze: z.number(),
        }),
        centralizeCandidateTeams: z.number(),
        maxWaiverDays: z.number(),
      })
      .describe('The effective engine configuration (docs/configuration.md).'),
    notPreviewed: z.array(
      z.object({ id: z.string(), title: z.string(), scorecard: ScorecardId }),
    ),
  }),
);

export const StaffingGap = component(
  'StaffingGap',
  z.object({
    team: EntityRef,
    cluster: z.string(),
    gap: z.enum(['missing', 'single-point-of-failure']),
  }),
);

export const StaffingResponse = component(
  'StaffingResponse',
  z.object({
    evaluatedAt: DateTime,
    method: z.literal('greedy'),
    teams: z.array(EntityRef),
    gapsBefore: z.number().int(),
    summary: z.array(z.string()),
    remaining: z.array(StaffingGap),
    suggestions: z.array(
      z.object({
        kind: z.enum(['hire', 'move']),
        cluster: z.string(),
        team: EntityRef,
        user: EntityRef.optional(),
        from: EntityRef.optional(),
        closes: z.array(StaffingGap),
        levels: z.array(
          z.object({
            team: EntityRef,
            before: NullableLevel,
            after: NullableLevel,
          }),
        ),
        change: z
          .looseObject({})
          .describe('The plan change that makes it (docs/planning.md).'),
        text: z.string(),
      }),
    ),
  }),
);

export const RefreshResponse = component(
  'RefreshResponse',
  z.object({ status: z.literal('started') }),
);

export const InitiativeTarget = component(
  'InitiativeTarget',
  z.union([
    z.object({
      scorecard: ScorecardId,
      level: z.enum(['gold', 'silver', 'bronze']),
    }),
    z.object({ checks: z.array(z.string()) }),
  ]),
);

const initiativeSummary = {
  id: z.string(),
  title: z.string(),
  description: z.string().optional(),
  start: Day,
  deadline: Day,
  target: InitiativeTarget,
  phase: z.enum(['upcoming', 'active', 'ended']),
  teamsTotal: z.number().int().describe('Covered teams the caller may see.'),
  teamsAtTarget: z.number().int(),
};

export const InitiativeSummary = component(
  'InitiativeSummary',
  z.object(initiativeSummary),
);

export const InitiativesResponse = component(
  'InitiativesResponse',
  z.object({ items: z.array(InitiativeSummary) }),
);

export const InitiativeTeamStatus = component(
  'InitiativeTeamStatus',
  z.object({
    entityRef: EntityRef,
    title: z.string(),
    teamType: TeamType,
    atTarget: z.boolean(),
    level: NullableLevel,
    failingChecks: z
      .array(z.string())
      .describe(
        'The checks that hold the team back (neither passing nor waived), heaviest first; empty at target.',
      ),
  }),
);

export const InitiativeHistoryPoint = component(
  'InitiativeHistoryPoint',
  z.object({
    date: Day,
    teamsAtTarget: z.number().int(),
    teamsTotal: z.number().int(),
  }),
);

export const InitiativeResponse = component(
  'InitiativeResponse',
  z.object({
    ...initiativeSummary,
    teams: z.array(InitiativeTeamStatus),
    history: z.array(InitiativeHistoryPoint),
    projectedCompletion: Day.nullable().describe(
      'The day every covered team is expected at target at the pace of the last 28 days (the day it happened when all are), or null.',
    ),
    onTrack: z.boolean().nullable(),
  }),
);
