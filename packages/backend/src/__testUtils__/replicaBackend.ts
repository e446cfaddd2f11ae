/*
 * One replica of the portal backend for the scale-out test
 * (src/replicas.test.ts): the catalog with Team Insights' catalog module,
 * the Team Insights backend, permissions with a conditional catalog policy,
 * and guest sign-in. The test starts it as a child process, twice, on one
 * PostgreSQL database and one Redis:
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     src/__testUtils__/replicaBackend.ts --config <generated app-config>
 *
 * What differs from packages/backend/src/index.ts is for the test:
 *
 * - A catalog read of the whole catalog (`GET /api/catalog/entities/by-query`,
 *   what Team Insights' refresh does) is held while the file named by
 *   `replicaTest.holdCatalogReadsWhileExists` exists. The demo organisation
 *   is evaluated in milliseconds; holding the read makes a refresh last as
 *   long as it would on a large catalog, so that the test can see which
 *   replica is refreshing and kill it there. The replica logs
 *   `Holding a catalog read` when it starts holding.
 * - The replica exits when the test process that started it goes away, so
 *   that no replica outlives a test run that was killed itself.
 * - With `REPLICA_START_ON_MESSAGE` set, it loads its code and waits for a
 *   message from the test before it starts.
 */
import { createBackend } from '@backstage/backend-defaults';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import fs from 'node:fs';
import { HIDDEN_KIND } from './replicas';

/**
 * Everything is allowed, except that reading the catalog is conditional:
 * users see every entity but Resources. The catalog enforces the condition,
 * so Team Insights has to ask it what a user may see — the case its
 * visibility cache is for.
 */
class HideResourcesPolicy implements PermissionPolicy {
  async handle(request: PolicyQuery): Promise<PolicyDecision> {
    if (
      request.permission.name === 'catalog.entity.read' &&
      isResourcePermission(request.permission, 'catalog-entity')
    ) {
      return createCatalogConditionalDecision(request.permission, {
        not: catalogConditions.isEntityKind({ kinds: [HIDDEN_KIND] }),
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

const policyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'replica-test-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new HideResourcesPolicy());
      },
    });
  },
});

const CATALOG_READ_PATH = '/api/catalog/entities/by-query';

const rootHttpRouter = rootHttpRouterServiceFactory({
  configure({ app, config, logger, applyDefaults }) {
    const holdFile = config.getOptionalString(
      'replicaTest.holdCatalogReadsWhileExists',
    );
    if (holdFile) {
      app.use((req, _res, next) => {
        if (
          req.method !== 'GET' ||
          req.path !== CATALOG_READ_PATH ||
          !fs.existsSync(holdFile)
        ) {
          next();
          return;
        }
        logger.info(`Holding a catalog read while ${holdFile} exists`);
        const timer = setInterval(() => {
          if (!fs.existsSync(holdFile)) {
            clearInterval(timer);
            next();
          }
        }, 100);
      });
    }
    applyDefaults();
  },
});

const backend = createBackend();
backend.add(rootHttpRouter);

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(policyModule);

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@team-insights/plugin-catalog-backend-module-team-insights'),
);
backend.add(import('@team-insights/plugin-team-insights-backend'));

// Started with an IPC channel: it closes when the test process ends, however
// it ends.
process.on('disconnect', () => process.exit(1));

const start = () =>
  backend.start().catch(error => {
    process.stderr.write(`replica failed to start: ${error}\n`);
    process.exit(1);
  });
if (process.env.REPLICA_START_ON_MESSAGE) {
  // Loads its code now and starts when told to: after the replica before it
  // has migrated the database.
  process.once('message', start);
} else {
  start();
}
