import { ActionContext, commonActionOptions, normalizeRef } from './schemas';

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
      output: z => {
        const gap = z.object({
          team: z.string(),
          cluster: z.string(),
          gap: z.enum(['missing', 'single-point-of-failure']),
        });
        return z.object({
          evaluatedAt: z.string(),
          method: z.literal('greedy'),
          teams: z.array(z.string()).describe('The teams considered'),
          gapsBefore: z.number(),
          summary: z
            .array(z.string())
            .describe('Headlines, e.g. hires per cluster'),
          suggestions: z.array(
            z.object({
              kind: z.enum(['hire', 'move']),
              cluster: z.string(),
              team: z.string().describe('The team the person joins'),
              user: z.string().optional(),
              from: z.string().optional(),
              closes: z.array(gap),
              text: z.string().describe('The suggestion in one sentence'),
            }),
          ),
          remaining: z.array(gap).describe('Gaps no suggestion closes'),
        });
      },
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
