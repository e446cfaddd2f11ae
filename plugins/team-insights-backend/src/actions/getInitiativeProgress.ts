import { NotFoundError } from '@backstage/errors';
import { InitiativeResponse, InitiativeSummary } from '../schema/models';
import { ActionContext, apiSchema, commonActionOptions } from './schemas';

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
      output: z =>
        z.object({
          items: z.array(apiSchema(z, InitiativeSummary)).optional(),
          initiative: apiSchema(z, InitiativeResponse).optional(),
        }),
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
