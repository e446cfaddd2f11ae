import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  assertValidCustomChecks,
  checkCatalogue,
  readTeamInsightsConfig,
  TeamInsightsCheck,
  teamInsightsPermissions,
} from '@team-insights/plugin-team-insights-common';
import { teamInsightsChecksExtensionPoint } from '@team-insights/plugin-team-insights-node';
import { createTeamInsightsActions } from './actions/createTeamInsightsActions';
import { readBackendOptions } from './options';
import { BADGE_ROUTE, createRouter, REFRESH_TASK_ID } from './router';
import { NudgeService } from './service/NudgeService';
import { PlannerService } from './service/PlannerService';
import { NudgeStore } from './service/NudgeStore';
import { ReportService } from './service/ReportService';
import { ScorecardQueries } from './service/ScorecardQueries';
import { TeamInsightsStore } from './service/TeamInsightsStore';
import { VisibilityService } from './service/visibility';
import { InitiativeQueries } from './service/initiatives/InitiativeQueries';
import { readConfiguredInitiatives } from './service/initiatives/readConfiguredInitiatives';

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
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
        userInfo: coreServices.userInfo,
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
        notifications,
        actionsRegistry,
        userInfo,
      }) {
        initialized = true;
        assertValidCustomChecks(customChecks);
        const options = readBackendOptions(config);
        const engineConfig = readTeamInsightsConfig(config);

        permissionsRegistry.addPermissions(teamInsightsPermissions);
        const initiatives = readConfiguredInitiatives(
          config,
          checkCatalogue(customChecks, engineConfig),
          logger,
        );

        const store = await TeamInsightsStore.create({ database, logger });
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
          requestTimeoutMs: options.requestTimeoutMs,
        });
        const visibility = new VisibilityService({
          permissions,
          catalog,
          auth,
          cache,
          logger,
          ttlMs: options.visibilityCacheTtlMs,
          timeoutMs: options.requestTimeoutMs,
        });

        const nudges = new NudgeService({
          store: new NudgeStore(await database.getClient()),
          notifications,
          logger,
          options: options.notifications,
          checkTitles: new Map(
            checkCatalogue(customChecks).map(check => [check.id, check.title]),
          ),
          initiatives,
        });

        await scheduler.scheduleTask({
          id: REFRESH_TASK_ID,
          scope: 'global',
          frequency: options.refresh.frequency,
          timeout: options.refresh.timeout,
          initialDelay: options.refresh.initialDelay,
          fn: async signal => {
            const report = await reports.refresh({
              trigger: 'schedule',
              signal,
            });
            // Notifications are sent here, inside the global task: only the
            // replica that ran the refresh sends them.
            if (!nudges.enabled) {
              return;
            }
            if (!reports.isSettled()) {
              logger.info(
                'Team Insights notifications wait for the next refresh: the catalog was still growing',
              );
              return;
            }
            try {
              await nudges.afterRefresh(report);
            } catch (error) {
              logger.warn(
                `Team Insights could not work out its notifications: ${stringifyError(
                  error,
                )}`,
              );
            }
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
          auth,
          permissionCacheTtlMs: options.permissionCacheTtlMs,
          reports,
          store,
          visibility,
          engineConfig,
          checks: checkCatalogue(customChecks, engineConfig),
          publicBadgeRefs: options.badges.publicRefs,
        });

        const initiativeQueries = new InitiativeQueries({
          initiatives,
          queries,
          store,
        });
        const planner = new PlannerService({
          catalog,
          queries,
          config: engineConfig,
          checks: checkCatalogue(customChecks, engineConfig),
        });

        createTeamInsightsActions({
          actionsRegistry,
          queries,
          planner,
          auth,
          userInfo,
          initiatives: initiativeQueries,
        });

        httpRouter.use(
          await createRouter({
            httpAuth,
            scheduler,
            reports,
            queries,
            planner,
            publicBadges: options.badges.public,
            initiatives: initiativeQueries,
            userInfo,
          }),
        );
        if (options.badges.public) {
          // The only route anonymous readers may reach: it shows a level
          // and nothing else, the same to everyone.
          httpRouter.addAuthPolicy({
            path: BADGE_ROUTE,
            allow: 'unauthenticated',
          });
          logger.info(
            `Team Insights badges are public for the entities that opt in (team-insights.io/public-badge, or ${options.badges.publicRefs.length} listed in teamInsights.badges.public): anyone who can reach the backend may see their levels`,
          );
        }
      },
    });
  },
});
