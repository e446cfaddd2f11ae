import { TeamsPage } from '../schema/models';
import { teamsQuerySchema } from '../schema/queries';
import {
  ActionContext,
  apiObject,
  commonActionOptions,
  normalizeRef,
  queryInput,
} from './schemas';

/** The `list-teams` action: teams with their levels, filtered, sorted and paged like the overview. */
export function registerListTeamsAction(context: ActionContext) {
  const { actionsRegistry, queries } = context;
  actionsRegistry.register({
    ...commonActionOptions,
    name: 'list-teams',
    title: 'List Team Insights teams',
    description: `Teams with their level on each scorecard (composition, adoption, documentation) and their worst check, filtered, sorted and paged like the Team Insights overview.
Use it to find teams that need help, e.g. composition "none", or the teams below an organisational unit. Page with nextCursor, keeping the same filters.`,
    schema: {
      // The filters of GET /v1/teams, without the drill-down by check.
      input: z =>
        queryInput(z, teamsQuerySchema, [
          'type',
          'composition',
          'adoption',
          'documentation',
          'orgUnit',
          'q',
          'sort',
          'order',
          'limit',
          'cursor',
        ]),
      output: z => apiObject(z, TeamsPage),
    },
    action: async ({ input, credentials }) => {
      const query = {
        ...input,
        ...(input.orgUnit
          ? { orgUnit: normalizeRef(input.orgUnit, { defaultKind: 'group' }) }
          : {}),
      };
      return { output: await queries.teams(credentials, query) };
    },
  });
}
