import { NotFoundError } from '@backstage/errors';
import { ActionContext, commonActionOptions, reportSchemas } from './schemas';

/**
 * The `get-initiative-progress` action: one initiative's progress (or the
 * list of initiatives without an id), as `GET /v1/initiatives` answers.
 */
export function registerGetInitiativeProgressAction(context: ActionContext) {
  const { actionsRegistry, initiatives } = context;
  actionsRegistry.register({
    ...commonActionOptions,
    name: 'get-initiative-progress',
    title: 'Get Team Insights initiative progress',
    description: `Progress of an initiative: a goal with a deadline that a set of teams must reach (e.g. "feature teams that hold every skill cluster by 2027-03-31"), configured in teamInsights.initiatives.
Without an id: every initiative with its dates and how many of its teams are at target.
With an id: also each covered team (at target or not, its level, the checks that hold it back), the burn-up per day (teams at target over teams covered) and the completion date projected at the pace of the last 28 days, with whether that is on or before the deadline.
Only teams the caller may see are counted.`,
    schema: {
      input: z =>
        z.object({
          id: z
            .string()
            .min(1)
            .max(63)
            .optional()
            .describe('The initiative id; omit it to list the initiatives'),
        }),
      output: z => {
        const s = reportSchemas(z);
        const target = z.union([
          z.object({ scorecard: s.scorecardId, level: s.level }),
          z.object({ checks: z.array(z.string()) }),
        ]);
        const summary = {
          id: z.string(),
          title: z.string(),
          description: z.string().optional(),
          start: z.string().describe('YYYY-MM-DD'),
          deadline: z.string().describe('YYYY-MM-DD'),
          target,
          phase: z.enum(['upcoming', 'active', 'ended']),
          teamsTotal: z.number(),
          teamsAtTarget: z.number(),
        };
        return z.object({
          items: z.array(z.object(summary)).optional(),
          initiative: z
            .object({
              ...summary,
              teams: z.array(
                z.object({
                  entityRef: s.ref,
                  title: z.string(),
                  teamType: s.teamType,
                  atTarget: z.boolean(),
                  level: s.level.nullable(),
                  failingChecks: z.array(z.string()),
                }),
              ),
              history: z.array(
                z.object({
                  date: z.string(),
                  teamsAtTarget: z.number(),
                  teamsTotal: z.number(),
                }),
              ),
              projectedCompletion: z.string().nullable(),
              onTrack: z.boolean().nullable(),
            })
            .optional(),
        });
      },
    },
    action: async ({ input, credentials }) => {
      if (!initiatives) {
        throw new NotFoundError('No initiatives are configured');
      }
      if (!input.id) {
        return { output: await initiatives.list(credentials) };
      }
      return {
        output: { initiative: await initiatives.get(credentials, input.id) },
      };
    },
  });
}
