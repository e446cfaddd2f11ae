import { createBackendModule } from '@backstage/backend-plugin-api';
import { teamInsightsChecksExtensionPoint } from '@team-insights/plugin-team-insights-node';
import { checks } from './checks';

/**
 * Adds the example checks to the Team Insights backend.
 *
 * @public
 */
export const teamInsightsModuleExampleChecks = createBackendModule({
  pluginId: 'team-insights',
  moduleId: 'example-checks',
  register(reg) {
    reg.registerInit({
      deps: { extension: teamInsightsChecksExtensionPoint },
      async init({ extension }) {
        extension.addChecks(...checks);
      },
    });
  },
});
