import type {
  AuthService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type {
  ActionsRegistryActionOptions,
  ActionsRegistryService,
} from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ANNOTATION_WAIVERS,
  LEVELS,
  SCORECARD_IDS,
  TEAM_SORT_KEYS,
  TEAM_TYPES,
  teamInsightsScorecardsReadPermission,
  utcDay,
} from '@team-insights/plugin-team-insights-common';
import { tuple } from '../schema/enums';
import { ScorecardQueries } from '../service/ScorecardQueries';

/** The zod the actions registry hands to schema functions. */
type Zod = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];

/** The `entityRef` input of the actions that answer about one entity. */
function entityRefInput(z: Zod, description: string) {
  return z.string().min(1).max(500).describe(description);
}

/**
 * Zod schemas of the report's parts, as the REST API serves them (see
 * src/schema/openapi.yaml), for the output of the actions. Every field is
 * listed: the registry drops what a schema does not name.
 */
function reportSchemas(z: Zod) {
  const ref = z.string().describe('An entity ref, kind:namespace/name');
  const level = z.enum(tuple(LEVELS));
  const scorecardId = z.enum(tuple(SCORECARD_IDS));
  const teamType = z.enum(tuple(TEAM_TYPES));
  const checkStatus = z.enum(['pass', 'warn', 'fail', 'not-applicable']);
  const waiver = z.object({ until: z.string(), reason: z.string() });
  const check = z.object({
    id: z.string(),
    title: z.string(),
    status: checkStatus,
    weight: z.number(),
    message: z.string().describe('What was found, in numbers and names'),
    remediation: z
      .string()
      .optional()
      .describe(
        'What to change; a fenced YAML snippet when a catalog-info.yaml change fixes it',
      ),
    waived: waiver.optional(),
    entities: z.array(ref).optional(),
  });
  const scorecard = z.object({
    score: z.number().nullable(),
    level: level.nullable(),
    checks: z.array(check),
  });
  const finding = z.object({
    severity: z.enum(['error', 'warning']),
    entityRef: ref,
    annotation: z.string().optional(),
    message: z.string(),
  });
  const team = z.object({
    entityRef: ref,
    title: z.string(),
    teamType,
    teamTypeDeclared: z.boolean(),
    size: z.number(),
    members: z.number(),
    headCount: z.number(),
    communicationPaths: z.number(),
    parent: ref.optional(),
    orgUnits: z.array(ref),
    requiredSkills: z.array(z.string()),
    missingSkills: z.array(z.string()),
    skills: z.array(
      z.object({
        cluster: z.string(),
        people: z.number(),
        primary: z.number(),
      }),
    ),
    owned: z.array(ref),
    scorecards: z.object({
      composition: scorecard,
      adoption: scorecard,
      documentation: scorecard,
    }),
  });
  const rollup = z.object({
    score: z.number().nullable(),
    level: level.nullable(),
    byLevel: z.object({
      gold: z.number(),
      silver: z.number(),
      bronze: z.number(),
      none: z.number(),
    }),
  });
  const orgUnit = z.object({
    entityRef: ref,
    title: z.string(),
    parent: ref.optional(),
    teams: z.number(),
    teamRefs: z.array(ref),
    scorecards: z.object({
      composition: rollup,
      adoption: rollup,
      documentation: rollup,
    }),
  });
  const entity = z.object({
    entityRef: ref,
    kind: z.string(),
    title: z.string(),
    owner: ref.optional(),
    product: z.boolean(),
    scorecards: z.object({ documentation: scorecard }),
  });
  const product = z.object({
    entityRef: ref,
    owner: ref.optional(),
    mandatory: z.boolean(),
    concern: z.string().optional(),
    adopters: z.array(ref),
    declinedBy: z.array(ref),
    adoptionRate: z.number(),
    documentationScore: z.number().nullable(),
  });
  const scoreLevel = z.object({
    score: z.number().nullable(),
    level: level.nullable(),
  });
  const teamSummary = z.object({
    entityRef: ref,
    title: z.string(),
    teamType,
    teamTypeDeclared: z.boolean(),
    size: z.number(),
    parent: ref.optional(),
    orgUnits: z.array(ref),
    scores: z.object({
      composition: scoreLevel,
      adoption: scoreLevel,
      documentation: scoreLevel,
    }),
    worstCheck: z
      .object({
        scorecard: scorecardId,
        id: z.string(),
        title: z.string(),
        status: checkStatus,
      })
      .optional(),
  });
  const levelCounts = z.object({
    gold: z.number(),
    silver: z.number(),
    bronze: z.number(),
    none: z.number(),
    'n/a': z.number(),
  });
  const meta = {
    evaluatedAt: z.string().describe('When the catalog was evaluated'),
    stale: z
      .boolean()
      .describe('True when the last refresh failed and this is older'),
  };
  return {
    ref,
    level,
    scorecardId,
    teamType,
    check,
    scorecard,
    finding,
    team,
    orgUnit,
    entity,
    product,
    teamSummary,
    levelCounts,
    meta,
  };
}

/** Turns what a model typed into a full, lower-case entity ref. */
function normalizeRef(
  input: string,
  defaults: { defaultKind?: string } = {},
): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(input.trim(), {
        defaultKind: defaults.defaultKind,
        defaultNamespace: 'default',
      }),
    ).toLowerCase();
  } catch {
    throw new InputError(
      `'${input}' is not an entity ref; write kind:namespace/name, e.g. ${
        defaults.defaultKind ?? 'component'
      }:default/my-${defaults.defaultKind ?? 'component'}`,
    );
  }
}

/** A waiver for the check, as YAML: how to accept a failing check for a while. */
function waiverYaml(checkId: string, now: Date): string {
  const until = utcDay(new Date(now.getTime() + 90 * 86_400_000));
  return [
    '```yaml',
    'metadata:',
    '  annotations:',
    `    ${ANNOTATION_WAIVERS}: '${checkId} until ${until}: <why the exception is needed>'`,
    '```',
  ].join('\n');
}

/**
 * Registers the Team Insights actions with the actions registry, which
 * `@backstage/plugin-mcp-actions-backend` serves to AI assistants over MCP.
 * Every action runs with the caller's credentials through the same
 * ScorecardQueries as the REST API: the same permission, the same catalog
 * visibility, the same filtering.
 */
export function createTeamInsightsActions(options: {
  actionsRegistry: ActionsRegistryService;
  queries: ScorecardQueries;
  auth: AuthService;
  userInfo: UserInfoService;
  now?: () => Date;
}) {
  const { actionsRegistry, queries, auth, userInfo } = options;
  const now = options.now ?? (() => new Date());
  const common = {
    attributes: { readOnly: true, idempotent: true, destructive: false },
    visibilityPermission: teamInsightsScorecardsReadPermission,
  };

  actionsRegistry.register({
    ...common,
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
      output: z => {
        const s = reportSchemas(z);
        return z.object({
          ...s.meta,
          type: z
            .enum(['team', 'org-unit', 'entity'])
            .describe('Which of team, orgUnit or entity is set'),
          team: s.team.optional(),
          orgUnit: s.orgUnit.optional(),
          teams: z
            .array(s.teamSummary)
            .optional()
            .describe("An organisational unit's teams"),
          entity: s.entity.optional(),
          product: s.product
            .optional()
            .describe('Set when the entity is a platform product'),
          findings: z
            .array(s.finding)
            .describe('Annotation problems, with how to fix them'),
        });
      },
    },
    action: async ({ input, credentials }) => {
      const ref = normalizeRef(input.entityRef, { defaultKind: 'group' });
      return { output: await queries.entityScorecards(credentials, ref) };
    },
  });

  actionsRegistry.register({
    ...common,
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

  actionsRegistry.register({
    ...common,
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
      output: z => {
        const s = reportSchemas(z);
        return z.object({
          id: z.string(),
          scorecard: s.scorecardId,
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
              entityRef: s.ref,
              status: s.check.shape.status,
              message: z.string(),
              remediation: z
                .string()
                .optional()
                .describe('What to change, with YAML where it helps'),
              waived: s.check.shape.waived,
            }),
          ),
        });
      },
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

  actionsRegistry.register({
    ...common,
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
      output: z => {
        const s = reportSchemas(z);
        return z.object({
          ...s.meta,
          entityRef: s.ref,
          type: z.enum(['product', 'team']),
          title: z.string(),
          teamType: s.teamType.optional(),
          products: z.array(s.product),
          scorecard: s.scorecard
            .optional()
            .describe('For a team: its adoption scorecard'),
          adopts: z
            .array(s.ref)
            .optional()
            .describe('For a team: products of others it uses'),
          declines: z
            .array(s.ref)
            .optional()
            .describe('For a team: products it declined'),
        });
      },
    },
    action: async ({ input, credentials }) => {
      const ref = normalizeRef(input.entityRef);
      return { output: await queries.adoption(credentials, ref) };
    },
  });
}
