import {
  addDays,
  ANNOTATION_WAIVERS,
  utcDay,
} from '@team-insights/plugin-team-insights-common';
import { CheckStatus, EntityRef, ScorecardId, Waiver } from '../schema/models';
import {
  ActionContext,
  apiSchema,
  commonActionOptions,
  normalizeRef,
} from './schemas';

/** A waiver for the check, as YAML: how to accept a failing check for a while. */
function waiverYaml(checkId: string, now: Date): string {
  const until = addDays(utcDay(now), 90);
  return [
    '```yaml',
    'metadata:',
    '  annotations:',
    `    ${ANNOTATION_WAIVERS}: '${checkId} until ${until}: <why the exception is needed>'`,
    '```',
  ].join('\n');
}

/** The `explain-check` action: what a check judges and, for a team or entity, its result and fix. */
export function registerExplainCheckAction(context: ActionContext) {
  const { actionsRegistry, queries, auth, userInfo, now } = context;
  actionsRegistry.register({
    ...commonActionOptions,
    name: 'explain-check',
    title: 'Explain a Team Insights check',
    description: `What a Team Insights check judges, why it matters (in the words of the team-composition principles the product is built on) and its weight.
With entityRef (a team or a documented entity), also the check's result for it and how to fix it, with the catalog-info.yaml snippet to paste. Without entityRef, the result for the teams the caller belongs to.
howToWaive is the annotation that accepts a failing check for a while (at most 365 days, with a reason).`,
    schema: {
      input: z =>
        z.object({
          checkId: z
            .string()
            .min(1)
            .max(200)
            .describe('The check id, e.g. composition.skill-coverage'),
          entityRef: z
            .string()
            .min(1)
            .max(500)
            .optional()
            .describe(
              'A team (group:default/name) or documented entity to explain the result for',
            ),
        }),
      output: z =>
        z.object({
          id: z.string(),
          scorecard: apiSchema(z, ScorecardId),
          title: z.string(),
          description: z.string().describe('The rule, with its thresholds'),
          rationale: z.string().describe('Why the rule matters'),
          weight: z.number(),
          custom: z.boolean().describe('True for a check this portal added'),
          howToWaive: z.string(),
          evaluatedAt: z.string().optional(),
          stale: z.boolean().optional(),
          results: z.array(
            z.object({
              entityRef: apiSchema(z, EntityRef),
              status: apiSchema(z, CheckStatus),
              message: z.string(),
              remediation: z
                .string()
                .optional()
                .describe('What to change, with YAML where it helps'),
              waived: apiSchema(z, Waiver).optional(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      let required: string[] = [];
      let optional: string[] = [];
      if (input.entityRef) {
        required = [normalizeRef(input.entityRef, { defaultKind: 'group' })];
      } else if (auth.isPrincipal(credentials, 'user')) {
        const info = await userInfo.getUserInfo(credentials);
        optional = info.ownershipEntityRefs.filter(ref =>
          ref.toLowerCase().startsWith('group:'),
        );
      }
      const explanation = await queries.explainCheck(
        credentials,
        input.checkId,
        { required, optional },
      );
      return {
        output: {
          ...explanation,
          howToWaive: waiverYaml(explanation.id, now()),
        },
      };
    },
  });
}
