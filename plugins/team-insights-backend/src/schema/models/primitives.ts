import {
  DRILL_DOWN_STATUSES,
  LEVELS,
  SCORECARD_IDS,
  TEAM_TYPES,
} from '@team-insights/plugin-team-insights-common';
import { z } from 'zod/v4';
import { tuple } from '../enums';
import { entityRefField } from '../entityRefs';
import { component } from './components';

/**
 * An entity ref as the report writes it, `kind:namespace/name`. A field of
 * this type is checked against the catalog for each caller and taken out of
 * what a caller may not see (see ../entityRefs.ts).
 */
export const EntityRef = component(
  'EntityRef',
  entityRefField(z.string().regex(/^[^:]+:[^/]+\/.+$/)),
);
export const TeamType = component('TeamType', z.enum(tuple(TEAM_TYPES)));
export const ScorecardId = component(
  'ScorecardId',
  z.enum(tuple(SCORECARD_IDS)),
);
export const Level = component('Level', z.enum(tuple(LEVELS)));
export const NullableLevel = component('NullableLevel', Level.nullable());
export const NullableScore = component(
  'NullableScore',
  z.number().min(0).max(100).nullable(),
);
export const CheckStatus = component(
  'CheckStatus',
  z.enum(['pass', 'warn', 'fail', 'not-applicable']),
);
export const DrillDownStatus = component(
  'DrillDownStatus',
  z.enum(tuple(DRILL_DOWN_STATUSES)),
);
/** A UTC day, `YYYY-MM-DD`. */
export const Day = component('Day', z.string().regex(/^\d{4}-\d{2}-\d{2}$/));
/** An ISO 8601 timestamp. */
export const DateTime = z.string().meta({ format: 'date-time' });
/** A count: a whole number, never negative. */
export const Count = z.number().int().min(0);

export const ScoreLevel = component(
  'ScoreLevel',
  z.strictObject({ score: NullableScore, level: NullableLevel }),
);

/** Freshness of what the backend serves. */
export const reportMeta = {
  evaluatedAt: DateTime.describe('When the catalog was evaluated.'),
  stale: z
    .boolean()
    .describe('True when the last refresh failed and this is older.'),
};

export const ReportMeta = component('ReportMeta', z.object(reportMeta));

/** The three scorecards of a team, each with a value of `schema`. */
export function byScorecard<T extends z.ZodType>(schema: T) {
  return z.strictObject({
    composition: schema,
    adoption: schema,
    documentation: schema,
  });
}

export const Csv = component(
  'Csv',
  z
    .string()
    .describe(
      "RFC 4180 CSV with a header row, lines ended by CRLF. A cell that starts with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'` so that spreadsheets do not run it as a formula.",
    ),
);

/** The body of every error answer, as Backstage's error handler writes it. */
export const ErrorBody = component(
  'Error',
  z.object({
    error: z.object({ name: z.string(), message: z.string() }),
    request: z.object({
      method: z.string().optional(),
      url: z.string().optional(),
    }),
    response: z.object({ statusCode: z.number().int() }),
  }),
);
