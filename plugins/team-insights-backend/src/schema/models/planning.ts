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
  z.strictObject({
    config: z
      .object({
        skillClusters: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            description: z.string().optional(),
            aliases: z.array(z.string()).optional(),
          }),
        ),
        teamTypes: z.object({}),
        thresholds: z.object({}),
        weights: z.record(z.string(), z.number()),
        levels: z.object({
          gold: z.number(),
          silver: z.number(),
          bronze: z.number(),
        }),
        centralizeCandidateTeams: z.number(),
        maxWaiverDays: z.number(),
      })
      .describe('The effective engine configuration (docs/configuration.md).'),
    notPreviewed: z.array(
      z.strictObject({
        id: z.string(),
        title: z.string(),
        scorecard: ScorecardId,
      }),
    ),
  }),
);

export const StaffingGap = component(
  'StaffingGap',
  z.strictObject({
    team: EntityRef,
    cluster: z.string(),
    gap: z.enum(['missing', 'single-point-of-failure']),
  }),
);

const names = z.array(z.string());

/** A change to the organisation, as the planner and `team-insights plan` read it. */
export const PlanChange = component(
  'PlanChange',
  z.union([
    z.object({
      move: z.object({ user: z.string(), from: z.string(), to: z.string() }),
    }),
    z.object({ skills: z.object({ user: z.string(), skills: z.string() }) }),
    z.object({
      headcount: z.object({ team: z.string(), skills: z.string() }),
    }),
    z.object({ teamType: z.object({ team: z.string(), type: TeamType }) }),
    z.object({
      split: z.object({
        team: z.string(),
        into: z.array(
          z.object({
            name: z.string(),
            members: names,
            owns: names.optional(),
          }),
        ),
      }),
    }),
    z.object({ merge: z.object({ teams: names, into: z.string() }) }),
    z.object({
      createTeam: z.object({
        name: z.string(),
        type: TeamType,
        parent: z.string().optional(),
        members: names.optional(),
        owns: names.optional(),
      }),
    }),
    z.object({ adopt: z.object({ team: z.string(), product: z.string() }) }),
    z.object({
      decline: z.object({
        team: z.string(),
        product: z.string(),
        reason: z.string().optional(),
      }),
    }),
  ]),
);

export const StaffingSuggestion = component(
  'StaffingSuggestion',
  z.strictObject({
    kind: z.enum(['hire', 'move']),
    cluster: z.string(),
    team: EntityRef.describe('The team the person joins.'),
    user: EntityRef.optional().describe('Who moves, for a move.'),
    from: EntityRef.optional().describe('The team a move takes them from.'),
    closes: z.array(StaffingGap),
    levels: z.array(
      z.strictObject({
        team: EntityRef,
        before: NullableLevel,
        after: NullableLevel,
      }),
    ),
    change: PlanChange.describe(
      'The plan change that makes it (docs/planning.md).',
    ),
    text: z.string().describe('The suggestion in one sentence.'),
  }),
);

export const StaffingResponse = component(
  'StaffingResponse',
  z.strictObject({
    evaluatedAt: DateTime,
    method: z.literal('greedy'),
    teams: z.array(EntityRef).describe('The teams considered.'),
    gapsBefore: z.number().int(),
    summary: z.array(z.string()).describe('Headlines, e.g. hires per cluster.'),
    remaining: z.array(StaffingGap).describe('Gaps no suggestion closes.'),
    suggestions: z.array(StaffingSuggestion),
  }),
);

export const RefreshResponse = component(
  'RefreshResponse',
  z.strictObject({ status: z.literal('started') }),
);

export const InitiativeTarget = component(
  'InitiativeTarget',
  z.union([
    z.strictObject({
      scorecard: ScorecardId,
      level: z.enum(['gold', 'silver', 'bronze']),
    }),
    z.strictObject({ checks: z.array(z.string()) }),
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
  z.strictObject(initiativeSummary),
);

export const InitiativesResponse = component(
  'InitiativesResponse',
  z.strictObject({ items: z.array(InitiativeSummary) }),
);

export const InitiativeTeamStatus = component(
  'InitiativeTeamStatus',
  z.strictObject({
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
  z.strictObject({
    date: Day,
    teamsAtTarget: z.number().int(),
    teamsTotal: z.number().int(),
  }),
);

export const InitiativeResponse = component(
  'InitiativeResponse',
  z.strictObject({
    ...initiativeSummary,
    teams: z.array(InitiativeTeamStatus),
    history: z.array(InitiativeHistoryPoint),
    projectedCompletion: Day.nullable().describe(
      'The day every covered team is expected at target at the pace of the last 28 days (the day it happened when all are), or null.',
    ),
    onTrack: z.boolean().nullable(),
  }),
);
