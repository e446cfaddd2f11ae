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
  LEVELS,
  SCORECARD_IDS,
  TEAM_TYPES,
  teamInsightsScorecardsReadPermission,
} from '@team-insights/plugin-team-insights-common';
import { tuple } from '../schema/enums';
import type { PlannerService } from '../service/PlannerService';
import type { ScorecardQueries } from '../service/ScorecardQueries';
import type { InitiativeQueries } from '../service/initiatives/InitiativeQueries';

/** What every action is given. */
export interface ActionContext {
  actionsRegistry: ActionsRegistryService;
  queries: ScorecardQueries;
  planner: PlannerService;
  auth: AuthService;
  userInfo: UserInfoService;
  now: () => Date;
  /** The configured initiatives, for `get-initiative-progress`. */
  initiatives?: InitiativeQueries;
}

/** What every Team Insights action shares: read-only, behind the read permission. */
export const commonActionOptions = {
  attributes: { readOnly: true, idempotent: true, destructive: false },
  visibilityPermission: teamInsightsScorecardsReadPermission,
};

/** The zod the actions registry hands to schema functions. */
export type Zod = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];

/** The `entityRef` input of the actions that answer about one entity. */
export function entityRefInput(z: Zod, description: string) {
  return z.string().min(1).max(500).describe(description);
}

/**
 * Zod schemas of the report's parts, as the REST API serves them (see
 * src/schema/openapi.yaml), for the output of the actions. Every field is
 * listed: the registry drops what a schema does not name.
 */
export function reportSchemas(z: Zod) {
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
    code: z
      .string()
      .optional()
      .describe(
        'What kind of finding it is, stable across releases, e.g. skills.unknown-cluster',
      ),
    entityRef: ref,
    annotation: z.string().optional(),
    message: z.string().describe('For people; decide on code and params'),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .optional()
      .describe('The values the message was built from, by name'),
    entityRefs: z
      .array(ref)
      .optional()
      .describe('The catalog entities the finding names besides entityRef'),
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
    declineReasons: z
      .array(z.object({ teamRef: ref, reason: z.string() }))
      .optional()
      .describe('Why decliners declined it, for those that said why'),
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
export function normalizeRef(
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
