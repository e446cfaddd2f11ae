import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { readTeamInsightsConfig } from '@team-insights/plugin-team-insights-common';
import { TeamInsightsAnnotationsProcessor } from './TeamInsightsAnnotationsProcessor';
import {
  readProcessingIntervalMs,
  readSkillsSources,
  TeamInsightsSkillsSourceProcessor,
} from './skillsSources';

/**
 * Catalog module that checks Team Insights annotations while entities are
 * processed, and gives Users their skills from the skills sources of
 * `teamInsights.skillsSources`. Set `teamInsights.catalog.strict: true` to
 * turn annotation errors into entity processing errors.
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
        urlReader: coreServices.urlReader,
      },
      async init({ catalog, config, logger, urlReader }) {
        const engineConfig = readTeamInsightsConfig(config);
        const strict =
          config.getOptionalBoolean('teamInsights.catalog.strict') ?? false;
        const sources = readSkillsSources(config);
        if (sources.length) {
          // Before the annotation checks, so they see the skills it sets.
          catalog.addProcessor(
            new TeamInsightsSkillsSourceProcessor({
              sources,
              urlReader,
              logger,
              config: engineConfig,
              strict,
              refreshIntervalMs: readProcessingIntervalMs(config),
            }),
          );
        }
        catalog.addProcessor(
          new TeamInsightsAnnotationsProcessor({
            config: engineConfig,
            strict,
            logger,
          }),
        );
      },
    });
  },
});
