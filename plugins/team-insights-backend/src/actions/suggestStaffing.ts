import { StaffingResponse, StaffingSuggestion } from '../schema/models';
import {
  ActionContext,
  apiObject,
  commonActionOptions,
  normalizeRef,
} from './schemas';

/**
 * The `suggest-staffing` action: the fewest hires and moves that close the
 * missing required clusters and single points of failure of a team, an org
 * unit or the organisation.
 */
export function registerSuggestStaffingAction(context: ActionContext) {
  const { actionsRegistry, planner } = context;
  actionsRegistry.register({
    ...commonActionOptions,
    name: 'suggest-staffing',
    title: 'Suggest Team Insights staffing',
    description: `What to hire next, or whom to move: the fewest hires and moves that give teams every required skill cluster (e.g. an analytics translator for each feature team) and remove single points of failure, without growing a team past its size limit.
A move is only suggested when the team the person leaves opens no gap and keeps its composition level. Give a team or an organisational unit, or nothing for the whole organisation. Only teams and people the caller may read are considered.`,
    schema: {
      input: z =>
        z.object({
          team: z
            .string()
            .min(1)
            .max(300)
            .optional()
            .describe('A team, e.g. group:default/search-ranking'),
          orgUnit: z
            .string()
            .min(1)
            .max(300)
            .optional()
            .describe('An organisational unit whose teams to staff'),
          limit: z.number().int().min(1).max(100).optional(),
        }),
      // GET /v1/staffing's answer, each suggestion without the levels and
      // the plan change it carries for the portal.
      output: z =>
        apiObject(z, StaffingResponse).extend({
          suggestions: z.array(
            apiObject(z, StaffingSuggestion).omit({
              levels: true,
              change: true,
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const plan = await planner.staffing(credentials, {
        team: input.team
          ? normalizeRef(input.team, { defaultKind: 'group' })
          : undefined,
        orgUnit: input.orgUnit
          ? normalizeRef(input.orgUnit, { defaultKind: 'group' })
          : undefined,
        limit: input.limit,
      });
      return {
        output: {
          ...plan,
          suggestions: plan.suggestions.map(
            ({ kind, cluster, team, user, from, closes, text }) => ({
              kind,
              cluster,
              team,
              ...(user ? { user } : {}),
              ...(from ? { from } : {}),
              closes,
              text,
            }),
          ),
        },
      };
    },
  });
}
