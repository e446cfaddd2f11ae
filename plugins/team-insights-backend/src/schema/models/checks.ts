import { z } from 'zod/v4';
import { component } from './components';
import { Count, EntityRef, reportMeta, ScorecardId } from './primitives';

/** The answers of the Checks view and of the org-unit pickers. */

export const CheckTally = component(
  'CheckTally',
  z.strictObject({
    id: z.string(),
    scorecard: ScorecardId,
    title: z.string(),
    description: z
      .string()
      .describe('The rule; empty for a check the catalogue lacks.'),
    rationale: z.string().describe('Why the rule matters.'),
    weight: z.number(),
    teams: z
      .strictObject({
        fail: Count,
        warn: Count,
        waived: Count,
        pass: Count,
        'not-applicable': Count,
      })
      .describe(
        'Teams the caller may see per drill-down status; teams whose scorecards do not carry the check are not counted.',
      ),
  }),
);

export const ChecksResponse = component(
  'ChecksResponse',
  z.strictObject({
    ...reportMeta,
    checks: z
      .array(CheckTally)
      .describe(
        'Every check the engine runs in catalogue order, then checks the teams carry that the catalogue lacks, by id.',
      ),
  }),
);

export const OrgUnitName = component(
  'OrgUnitName',
  z.strictObject({ entityRef: EntityRef, title: z.string() }),
);

export const OrgUnitsResponse = component(
  'OrgUnitsResponse',
  z.strictObject({
    ...reportMeta,
    items: z
      .array(OrgUnitName)
      .describe('The organisational units the caller may see, by ref.'),
  }),
);
