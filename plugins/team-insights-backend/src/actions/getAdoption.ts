import {
  EntityRef,
  ProductReport,
  ScorecardResult,
  TeamType,
} from '../schema/models';
import {
  ActionContext,
  apiSchema,
  commonActionOptions,
  entityRefInput,
  normalizeRef,
  reportMetaShape,
} from './schemas';

/** The `get-adoption` action: a product's adopters and decliners, or a team's products. */
export function registerGetAdoptionAction(context: ActionContext) {
  const { actionsRegistry, queries } = context;
  actionsRegistry.register({
    ...commonActionOptions,
    name: 'get-adoption',
    title: 'Get Team Insights adoption',
    description: `Adoption of platform products.
For a product (e.g. component:default/feature-store): the teams that adopt it, those that declined it (opt-in makes a "no" legitimate), whether it is mandatory, its adoption rate over feature teams and its documentation score.
For a team (e.g. group:default/ml-platform): the products it owns with the same details, its adoption scorecard (for a centralized team: exposes products, opt-in, reach, self-service, no communication), and the products of others it adopts or declined.`,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(
            z,
            'A product (component:default/name, api:…, resource:…) or a team (group:default/name)',
          ),
        }),
      output: z =>
        z.object({
          ...reportMetaShape(z),
          entityRef: apiSchema(z, EntityRef),
          type: z.enum(['product', 'team']),
          title: z.string(),
          teamType: apiSchema(z, TeamType).optional(),
          products: z.array(apiSchema(z, ProductReport)),
          scorecard: apiSchema(z, ScorecardResult)
            .optional()
            .describe('For a team: its adoption scorecard'),
          adopts: z
            .array(apiSchema(z, EntityRef))
            .optional()
            .describe('For a team: products of others it uses'),
          declines: z
            .array(apiSchema(z, EntityRef))
            .optional()
            .describe('For a team: products it declined'),
        }),
    },
    action: async ({ input, credentials }) => {
      const ref = normalizeRef(input.entityRef);
      return { output: await queries.adoption(credentials, ref) };
    },
  });
}
