import { TEAM_SORT_KEYS } from '@team-insights/plugin-team-insights-common';
import { tuple } from '../schema/enums';
import {
  ActionContext,
  commonActionOptions,
  normalizeRef,
  reportSchemas,
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
      input: z => {
        const s = reportSchemas(z);
        return z.object({
          type: s.teamType.optional().describe('Only teams of this type'),
          composition: s.level
            .optional()
            .describe('Only teams at this composition level'),
          adoption: s.level
            .optional()
            .describe('Only teams at this adoption level'),
          documentation: s.level
            .optional()
            .describe('Only teams at this documentation level'),
          orgUnit: z
            .string()
            .min(1)
            .max(300)
            .optional()
            .describe('Only teams below this organisational unit (entity ref)'),
          q: z
            .string()
            .max(200)
            .optional()
            .describe('Text matched against the ref and the title'),
          sort: z
            .enum(tuple(TEAM_SORT_KEYS))
            .optional()
            .describe('Sort key; a scorecard sorts by its score'),
          order: z.enum(['asc', 'desc']).optional(),
          limit: z.number().int().min(1).max(500).optional(),
          cursor: z
            .string()
            .min(1)
            .max(2000)
            .optional()
            .describe('nextCursor of the previous page'),
        });
      },
      output: z => {
        const s = reportSchemas(z);
        return z.object({
          ...s.meta,
          items: z.array(s.teamSummary),
          totalCount: z.number().describe('Teams matching the filters'),
          nextCursor: z.string().optional(),
          levelCounts: z.object({
            composition: s.levelCounts,
            adoption: s.levelCounts,
            documentation: s.levelCounts,
          }),
        });
      },
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
