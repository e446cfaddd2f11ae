import {
  EntityReport,
  Finding,
  OrgUnitReport,
  ProductReport,
  TeamReport,
  TeamSummary,
} from '../schema/models';
import {
  ActionContext,
  apiSchema,
  commonActionOptions,
  entityRefInput,
  normalizeRef,
  reportMetaShape,
} from './schemas';

/** The `get-team-scorecards` action: the scorecards of a team, an org unit or a documented entity. */
export function registerGetTeamScorecardsAction(context: ActionContext) {
  const { actionsRegistry, queries } = context;
  actionsRegistry.register({
    ...commonActionOptions,
    name: 'get-team-scorecards',
    title: 'Get Team Insights scorecards',
    description: `The Team Insights scorecards of a team (composition, adoption, documentation: score, level, and every check with what was found and what to change), of an organisational unit (roll-ups of its teams), or of a documented Component, API, Resource or System (documentation).
Levels: gold >= 90, silver >= 75, bronze >= 50, else none. A failing check's remediation says what to change, often with the catalog-info.yaml snippet to paste.
Only entities the caller may read in the catalog are answered; anything else is "not found".`,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(
            z,
            'The entity ref, e.g. group:default/search-ranking; a bare name means a Group in the default namespace',
          ),
        }),
      output: z =>
        z.object({
          ...reportMetaShape(z),
          type: z
            .enum(['team', 'org-unit', 'entity'])
            .describe('Which of team, orgUnit or entity is set'),
          team: apiSchema(z, TeamReport).optional(),
          orgUnit: apiSchema(z, OrgUnitReport).optional(),
          teams: z
            .array(apiSchema(z, TeamSummary))
            .optional()
            .describe("An organisational unit's teams"),
          entity: apiSchema(z, EntityReport).optional(),
          product: apiSchema(z, ProductReport)
            .optional()
            .describe('Set when the entity is a platform product'),
          findings: z
            .array(apiSchema(z, Finding))
            .describe('Annotation problems, with how to fix them'),
        }),
    },
    action: async ({ input, credentials }) => {
      const ref = normalizeRef(input.entityRef, { defaultKind: 'group' });
      return { output: await queries.entityScorecards(credentials, ref) };
    },
  });
}
