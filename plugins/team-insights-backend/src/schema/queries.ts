import {
  ScorecardId as ScorecardIdValue,
  TEAM_SORT_KEYS,
} from '@team-insights/plugin-team-insights-common';
import { z } from 'zod/v4';
import { tuple } from './enums';
import {
  documentedAs,
  DrillDownStatus,
  Level,
  ScorecardId,
  TeamType,
} from './models';

/**
 * What the routes accept: the router validates with these, the document's
 * parameters are written from them, and the `list-teams` action takes the
 * teams query's fields. The `.describe()` texts are the parameters'
 * descriptions in openapi.yaml.
 */

const days = z.coerce
  .number()
  .int()
  .min(1)
  .max(3650)
  .default(90)
  .describe('Days back from today (UTC), today included.');

const orgUnitRef = z.string().min(1).max(300);

export const teamsQuerySchema = z
  .object({
    type: TeamType.optional().describe('Only teams of this type.'),
    composition: Level.optional().describe(
      'Only teams at this composition level.',
    ),
    adoption: Level.optional().describe('Only teams at this adoption level.'),
    documentation: Level.optional().describe(
      'Only teams at this documentation level.',
    ),
    orgUnit: orgUnitRef
      .optional()
      .describe('Only teams below this organisational unit (entity ref).'),
    q: z
      .string()
      .max(200)
      .optional()
      .describe('Case-insensitive text matched against ref and title.'),
    check: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'expected a check id')
      .optional()
      .describe(
        "Drill-down by check: only the teams whose scorecards carry this check (a built-in or custom check id; an unknown one is a 400), each row with the check's result for the team in `check`.",
      ),
    status: DrillDownStatus.optional().describe(
      'Needs `check`. Only the teams with the check in this status; `waived` is a failing or warning check an active waiver covers (it is not `fail`, `warn` or `pass`).',
    ),
    sort: z
      .enum(tuple(TEAM_SORT_KEYS))
      .default('title')
      .describe(
        'A scorecard sorts by its score; need puts teams with any scorecard at bronze or below first, then the lowest score.',
      ),
    order: z.enum(['asc', 'desc']).default('asc'),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(500)
      .default(50)
      .describe('Teams per page.'),
    cursor: z
      .string()
      .min(1)
      .max(2000)
      .optional()
      .describe('nextCursor of the previous page (same filters and sort).'),
  })
  .strict()
  .refine(q => !q.status || q.check, {
    message: 'status needs check, e.g. check=composition.team-size&status=fail',
  });

export const entityParamsSchema = z.object({
  kind: z.string().min(1).max(63),
  namespace: z.string().min(1).max(63),
  name: z.string().min(1).max(253),
});

export const teamParamsSchema = z.object({
  namespace: z.string().min(1).max(63),
  name: z.string().min(1).max(253),
});

export const historyQuerySchema = z
  .object({ scorecard: ScorecardId.optional(), days })
  .strict();

export const trendsQuerySchema = z
  .object({
    scorecard: ScorecardId.optional(),
    days,
    orgUnit: orgUnitRef
      .optional()
      .describe(
        "An organisational unit's entity ref: its own stored score per day instead of the organisation's mean.",
      ),
  })
  .strict();

export const moversQuerySchema = z
  .object({
    scorecard: ScorecardId.optional(),
    days: documentedAs(
      z.enum(['7', '30', '90', '365']).default('30').transform(Number),
      {
        type: 'integer',
        enum: [7, 30, 90, 365],
        default: 30,
        description: 'The period, days back from today (UTC).',
      },
    ),
  })
  .strict();

export const emptyQuerySchema = z.object({}).strict();

export const myTeamsQuerySchema = z
  .object({
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(200)
      .optional()
      .describe('At most this many teams (20 when not given).'),
  })
  .strict();

export const initiativesQuerySchema = z
  .object({
    team: z
      .string()
      .min(1)
      .max(300)
      .optional()
      .describe('Only the initiatives that cover this team (a Group ref).'),
  })
  .strict();

export const initiativeParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9-]{0,62}$/, 'expected an initiative id'),
});

export const staffingQuerySchema = z
  .object({
    team: orgUnitRef
      .optional()
      .describe('A team (entity ref; a bare name is a Group).'),
    orgUnit: orgUnitRef
      .optional()
      .describe('An organisational unit whose teams to staff.'),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .describe('At most this many suggestions (20 when not given).'),
  })
  .strict()
  .refine(q => !(q.team && q.orgUnit), {
    message: 'give team or orgUnit, not both',
  });

export const badgeFileSchema = z
  .string()
  .regex(
    /^(composition|adoption|documentation)\.svg$/,
    'expected composition.svg, adoption.svg or documentation.svg',
  )
  .transform(file => file.slice(0, -4) as ScorecardIdValue);
