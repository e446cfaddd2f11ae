import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  assertValidCustomChecks,
  readTeamInsightsConfig,
  TeamInsightsCheck,
  teamInsightsPermissions,
} from '@team-insights/plugin-team-insights-common';
import { teamInsightsChecksExtensionPoint } from '@team-insights/plugin-team-insights-node';
import { readBackendOptions } from './options';
import { BADGE_ROUTE, createRouter, REFRESH_TASK_ID } from './router';
import { ReportService } from './service/ReportService';
import { ScorecardQueries } from './service/ScorecardQueries';
import { TeamInsightsStore } from './service/TeamInsightsStore';
import { VisibilityService } from './service/visibility';

/**
 * The Team Insights backend plugin: evaluates the catalog on a schedule,
 * keeps the history of every scorecard and serves the REST API under
 * `/api/team-insights/v1`.
 *
 * @public
 */
export const teamInsightsPlugin = createBackendPlugin({
  pluginId: 'team-insights',
  register(env) {
    const customChecks: TeamInsightsCheck[] = [];
    let initialized = false;
    env.registerExtensionPoint(teamInsightsChecksExtensionPoint, {
      addChecks(...checks) {
        if (initialized) {
          throw new Error(
            'Team Insights checks must be added while modules initialize, not later',
          );
        }
        customChecks.push(...checks);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        cache: coreServices.cache,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        logger,
        auth,
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
        database,
        scheduler,
        cache,
        catalog,
      }) {
        initialized = true;
        assertValidCustomChecks(customChecks);
        const options = readBackendOptions(config);
        const engineConfig = readTeamInsightsConfig(config);

        permissionsRegistry.addPermissions(teamInsightsPermissions);

        const store = await TeamInsightsStore.create({ database });
        const reports = new ReportService({
          catalog,
          auth,
          logger,
          store,
          config: engineConfig,
          customChecks,
          retentionDays: options.retentionDays,
          syncIntervalMs: options.refresh.syncIntervalMs,
          warmUpMs: options.refresh.warmUpMs,
          timeoutMs: durationToMilliseconds(options.refresh.timeout),
        });
        const visibility = new VisibilityService({
          permissions,
          catalog,
          auth,
          cache,
          logger,
          ttlMs: options.visibilityCacheTtlMs,
        });

        await scheduler.scheduleTask({
          id: REFRESH_TASK_ID,
          scope: 'global',
          frequency: options.refresh.frequency,
          timeout: options.refresh.timeout,
          initialDelay: options.refresh.initialDelay,
          fn: async signal => {
            await reports.refresh({ trigger: 'schedule', signal });
          },
        });

        if (customChecks.length > 0) {
          logger.info(
            `Team Insights runs ${
              customChecks.length
            } custom checks: ${customChecks.map(check => check.id).join(', ')}`,
          );
        }

        const queries = new ScorecardQueries({
          permissions,
          reports,
          store,
          visibility,
          engineConfig,
        });

        httpRouter.use(
          await createRouter({
            httpAuth,
            scheduler,
            reports,
            queries,
            publicBadges: options.badges.public,
          }),
        );
        if (options.badges.public) {
          // The only route anonymous readers may reach; it still asks the
          // permission policy, for a caller without a user.
          httpRouter.addAuthPolicy({
            path: BADGE_ROUTE,
            allow: 'unauthenticated',
          });
          logger.info(
            'Team Insights badges are public: anyone who can reach the backend may fetch them (teamInsights.badges.public)',
          );
        }
      },
    });
  },
});
