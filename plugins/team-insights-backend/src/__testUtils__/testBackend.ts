import {
  BackstageCredentials,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import type { Server } from 'node:http';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import type { TeamInsightsCheck } from '@team-insights/plugin-team-insights-common';
import { teamInsightsChecksExtensionPoint } from '@team-insights/plugin-team-insights-node';
import { teamInsightsPlugin } from '../plugin';
import { createOrg, isPublic } from './org';

/** A user who may read Team Insights but only the public part of the catalog. */
export const RESTRICTED_USER = 'user:default/restricted';
/** A user the permission policy denies everything. */
export const DENIED_USER = 'user:default/denied';

function userOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as { userEntityRef?: string };
  return principal.userEntityRef;
}

/**
 * A permission policy: DENIED_USER is denied every permission; everyone may
 * read Team Insights; RESTRICTED_USER reads the catalog conditionally (only
 * entities whose ref has no `secret` in it, which the catalog enforces),
 * everyone else unconditionally.
 */
export function testPermissions() {
  return mockServices.permissions.mock({
    async authorize(requests, { credentials }) {
      const result =
        userOf(credentials) === DENIED_USER
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW;
      return requests.map(() => ({ result })) as any;
    },
    async authorizeConditional(requests, { credentials }) {
      const user = userOf(credentials);
      return requests.map((): PolicyDecision => {
        if (user === DENIED_USER) return { result: AuthorizeResult.DENY };
        if (user === RESTRICTED_USER) {
          return {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'catalog',
            resourceType: 'catalog-entity',
            conditions: {
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: { claims: [RESTRICTED_USER] },
            },
          };
        }
        return { result: AuthorizeResult.ALLOW };
      }) as any;
    },
  });
}

/**
 * A catalog holding `entities` that applies the test policy on reads by
 * ref: RESTRICTED_USER gets null for anything with `secret` in its ref.
 * `streamEntities` can be replaced to simulate a catalog that is down.
 */
export function testCatalog(entities: Entity[] = createOrg()) {
  let store = catalogServiceMock({ entities });
  const calls = { stream: 0, byRefs: 0 };
  let failure: Error | undefined;
  let gate: Promise<void> | undefined;
  const control = {
    calls,
    failWith(error: Error | undefined) {
      failure = error;
    },
    /** Replaces what the catalog holds, as if teams had changed their YAML. */
    setEntities(next: Entity[]) {
      store = catalogServiceMock({ entities: next });
    },
    /** Holds every catalog read until the returned function is called. */
    hold(): () => void {
      let release!: () => void;
      gate = new Promise(resolve => {
        release = resolve;
      });
      return () => {
        gate = undefined;
        release();
      };
    },
  };
  const mock = catalogServiceMock.mock({
    streamEntities(request, options) {
      calls.stream += 1;
      return (async function* stream() {
        if (gate) await gate;
        if (failure) throw failure;
        const credentials = (
          options as { credentials?: BackstageCredentials } | undefined
        )?.credentials;
        const restricted =
          !!credentials && userOf(credentials) === RESTRICTED_USER;
        for await (const page of store.streamEntities(request, options)) {
          yield restricted
            ? page.filter(entity =>
                isPublic(
                  `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
                    entity.metadata.name
                  }`.toLowerCase(),
                ),
              )
            : page;
        }
      })();
    },
    async getEntitiesByRefs(request, options) {
      calls.byRefs += 1;
      const response = await store.getEntitiesByRefs(request, options);
      const credentials = (options as { credentials: BackstageCredentials })
        .credentials;
      if (userOf(credentials) !== RESTRICTED_USER) {
        return response;
      }
      return {
        items: response.items.map((item, i) =>
          isPublic(request.entityRefs[i]) ? item : undefined,
        ),
      };
    },
  });
  return { factory: mock.factory, control };
}

/** A backend module that adds custom checks through the extension point. */
export function checksModule(checks: TeamInsightsCheck[]) {
  return createBackendModule({
    pluginId: 'team-insights',
    moduleId: 'test-checks',
    register(reg) {
      reg.registerInit({
        deps: { extension: teamInsightsChecksExtensionPoint },
        async init({ extension }) {
          extension.addChecks(...checks);
        },
      });
    },
  });
}

/**
 * The test config: `config` with the start-up warm-up turned off unless
 * `config` sets it, so that a slow machine cannot start a re-evaluation in
 * the middle of a test that does not exercise the warm-up.
 */
function testConfig(config: JsonObject = {}): JsonObject {
  const teamInsights = (config.teamInsights ?? {}) as JsonObject;
  const refresh = (teamInsights.refresh ?? {}) as JsonObject;
  return {
    ...config,
    teamInsights: {
      ...teamInsights,
      refresh: { warmUp: { seconds: 0 }, ...refresh },
    },
  };
}

/** The plugin with the test catalog and policy. */
export async function startPlugin(
  options: {
    entities?: Entity[];
    features?: Parameters<typeof startTestBackend>[0]['features'];
    config?: JsonObject;
    /** Share one catalog between several backends. */
    catalog?: ReturnType<typeof testCatalog>;
  } = {},
): Promise<{
  backend: TestBackend;
  server: Server;
  catalog: ReturnType<typeof testCatalog>['control'];
}> {
  const catalog = options.catalog ?? testCatalog(options.entities);
  const backend = await startTestBackend({
    features: [
      teamInsightsPlugin,
      catalog.factory,
      testPermissions().factory,
      mockServices.rootConfig.factory({ data: testConfig(options.config) }),
      ...(options.features ?? []),
    ],
  });
  return { backend, server: backend.server, catalog: catalog.control };
}
