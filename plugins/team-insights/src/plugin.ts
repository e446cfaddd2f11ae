import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  type CardExtensionProps,
  createCardExtension,
} from '@backstage/plugin-home-react';
import type { JSX } from 'react';
import { TeamInsightsClient, teamInsightsApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * The Team Insights frontend plugin, for apps on the legacy frontend system.
 * @public
 */
export const teamInsightsPlugin = createPlugin({
  id: 'team-insights',
  apis: [
    createApiFactory({
      api: teamInsightsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new TeamInsightsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The Team Insights page, with the Overview, Adoption, Skills, Concerns and
 * Trends tabs. Mount it at `/team-insights`.
 * @public
 */
export const TeamInsightsPage: () => JSX.Element = teamInsightsPlugin.provide(
  createRoutableExtension({
    name: 'TeamInsightsPage',
    component: () =>
      import('./components/TeamInsightsPage').then(m => m.TeamInsightsPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The Team Insights tab of a Group entity page: a team's three scorecards
 * with their history, or an organisational unit's roll-up.
 * @public
 */
export const EntityTeamInsightsContent: () => JSX.Element | null =
  teamInsightsPlugin.provide(
    createComponentExtension({
      name: 'EntityTeamInsightsContent',
      component: {
        lazy: () =>
          import('./components/GroupTeamInsightsContent').then(
            m => m.GroupTeamInsightsContent,
          ),
      },
    }),
  );

/**
 * A small card for a Group's overview: the three levels and a link to the
 * Team Insights tab.
 * @public
 */
export const EntityTeamInsightsSummaryCard: () => JSX.Element =
  teamInsightsPlugin.provide(
    createComponentExtension({
      name: 'EntityTeamInsightsSummaryCard',
      component: {
        lazy: () =>
          import('./components/TeamInsightsSummaryCard').then(
            m => m.TeamInsightsSummaryCard,
          ),
      },
    }),
  );

/**
 * The documentation scorecard of a Component, API, Resource or System, with
 * remediations to copy.
 * @public
 */
export const EntityDocumentationScoreCard: () => JSX.Element =
  teamInsightsPlugin.provide(
    createComponentExtension({
      name: 'EntityDocumentationScoreCard',
      component: {
        lazy: () =>
          import('./components/EntityDocumentationCard').then(
            m => m.EntityDocumentationCard,
          ),
      },
    }),
  );

/**
 * Props of {@link HomePageMyTeamsCard}.
 * @public
 */
export interface HomePageMyTeamsCardProps {
  /** At most this many teams (default 20); the card says how many more. */
  limit?: number;
}

/**
 * A card for the Backstage home page (`@backstage/plugin-home`): the
 * signed-in user's teams, their levels and what changed since last week.
 * The teams the user belongs to come first, then those under the groups
 * they belong to.
 * @public
 */
export const HomePageMyTeamsCard: (
  props: CardExtensionProps<HomePageMyTeamsCardProps>,
) => JSX.Element = teamInsightsPlugin.provide(
  createCardExtension<HomePageMyTeamsCardProps>({
    name: 'HomePageMyTeamsCard',
    title: 'My teams',
    description:
      'Your teams in Team Insights: their levels and what changed since last week.',
    components: () =>
      import('./components/MyTeams').then(m => ({
        Content: m.MyTeamsContent,
      })),
    layout: {
      width: { defaultColumns: 6, minColumns: 4 },
      height: { defaultRows: 4, minRows: 2 },
    },
  }),
);
