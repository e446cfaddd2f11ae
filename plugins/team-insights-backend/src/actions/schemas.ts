import type {
  AuthService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { teamInsightsScorecardsReadPermission } from '@team-insights/plugin-team-insights-common';
import type { z as z3 } from 'zod/v3';
import { apiObject, Zod } from '../schema/actionSchemas';
import { ReportMeta } from '../schema/models';
import type { PlannerService } from '../service/PlannerService';
import type { ScorecardQueries } from '../service/ScorecardQueries';
import type { InitiativeQueries } from '../service/initiatives/InitiativeQueries';

// The API's schemas in the registry's zod (see src/schema/actionSchemas.ts).
export type { Zod } from '../schema/actionSchemas';
export { apiObject, apiSchema, queryInput } from '../schema/actionSchemas';

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

/** The `entityRef` input of the actions that answer about one entity. */
export function entityRefInput(z: Zod, description: string) {
  return z.string().min(1).max(500).describe(description);
}

/**
 * `evaluatedAt` and `stale`, for the outputs that carry them: the API's
 * ReportMeta, in the registry's zod.
 */
export function reportMetaShape(z: Zod) {
  const { evaluatedAt, stale } = apiObject(z, ReportMeta).shape;
  return { evaluatedAt, stale } as {
    evaluatedAt: z3.ZodType<string>;
    stale: z3.ZodType<boolean>;
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
