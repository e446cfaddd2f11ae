import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { readTeamInsightsConfig } from '@team-insights/plugin-team-insights-common';
import { TeamInsightsAnnotationsProcessor } from './TeamInsightsAnnotationsProcessor';

/**
 * Catalog module that checks Team Insights annotations while entities are
 * processed. Set `teamInsights.catalog.strict: true` to turn annotation
 * errors into entity processing errors.
 *
 * @public
 */
export const catalogModuleTeamInsights = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'team-insights',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ catalog, config, logger }) {
        catalog.addProcessor(
          new TeamInsightsAnnotationsProcessor({
            config: readTeamInsightsConfig(config),
            strict:
              config.getOptionalBoolean('teamInsights.catalog.strict') ?? false,
            logger,
          }),
        );
      },
    });
  },
});
