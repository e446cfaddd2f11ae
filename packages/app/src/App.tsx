import { createApp } from '@backstage/frontend-defaults';
import apiDocsPlugin from '@backstage/plugin-api-docs/alpha';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import homePlugin from '@backstage/plugin-home/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import signalsPlugin from '@backstage/plugin-signals/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import teamInsightsPlugin from '@team-insights/plugin-team-insights/alpha';
import { navModule } from './modules/nav';

/**
 * The demo portal: a home page with the "My teams" card, the catalog with
 * the organisation pages, API docs and Team Insights, in Backstage's new
 * frontend system.
 */
export default createApp({
  features: [
    homePlugin,
    catalogPlugin,
    orgPlugin,
    apiDocsPlugin,
    catalogGraphPlugin,
    notificationsPlugin,
    signalsPlugin,
    userSettingsPlugin,
    teamInsightsPlugin,
    navModule,
  ],
});
