import { Content } from '@backstage/core-components';
import {
  compatWrapper,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  type OverridableFrontendPlugin,
  PageBlueprint,
  type RouteRef,
  SubPageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import EqualizerIcon from '@material-ui/icons/Equalizer';
import { DOCUMENTED_KINDS } from '@team-insights/plugin-team-insights-common';
import type { ReactElement } from 'react';
import { TeamInsightsClient, teamInsightsApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * Which entities get each extension, as entity predicates (the string
 * filters of earlier releases log a deprecation warning).
 */
const GROUPS = { kind: 'group' };
const DOCUMENTED = { kind: { $in: [...DOCUMENTED_KINDS] } };

const tab = (element: ReactElement) =>
  compatWrapper(<Content>{element}</Content>);

const teamInsightsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: teamInsightsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new TeamInsightsClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The Team Insights page at `/team-insights`; also the sidebar item. Its
 * tabs are the sub-pages below.
 */
const teamInsightsPage = PageBlueprint.make({
  params: {
    path: '/team-insights',
    title: 'Team Insights',
    icon: <EqualizerIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
  },
});

const teamInsightsOverviewSubPage = SubPageBlueprint.make({
  name: 'overview',
  params: {
    path: 'overview',
    title: 'Overview',
    loader: () =>
      import('./components/OverviewTab').then(m => tab(<m.OverviewTab />)),
  },
});

const teamInsightsAdoptionSubPage = SubPageBlueprint.make({
  name: 'adoption',
  params: {
    path: 'adoption',
    title: 'Adoption',
    loader: () =>
      import('./components/AdoptionTab').then(m => tab(<m.AdoptionTab />)),
  },
});

const teamInsightsSkillsSubPage = SubPageBlueprint.make({
  name: 'skills',
  params: {
    path: 'skills',
    title: 'Skills',
    loader: () =>
      import('./components/SkillsTab').then(m => tab(<m.SkillsTab />)),
  },
});

const teamInsightsConcernsSubPage = SubPageBlueprint.make({
  name: 'concerns',
  params: {
    path: 'concerns',
    title: 'Concerns',
    loader: () =>
      import('./components/ConcernsTab').then(m => tab(<m.ConcernsTab />)),
  },
});

const teamInsightsChecksSubPage = SubPageBlueprint.make({
  name: 'checks',
  params: {
    path: 'checks',
    title: 'Checks',
    loader: () =>
      import('./components/ChecksTab').then(m => tab(<m.ChecksTab />)),
  },
});

const teamInsightsTrendsSubPage = SubPageBlueprint.make({
  name: 'trends',
  params: {
    path: 'trends',
    title: 'Trends',
    loader: () =>
      import('./components/TrendsTab').then(m => tab(<m.TrendsTab />)),
  },
});

const teamInsightsInitiativesSubPage = SubPageBlueprint.make({
  name: 'initiatives',
  params: {
    path: 'initiatives',
    title: 'Initiatives',
    loader: () =>
      import('./components/InitiativesTab').then(m =>
        tab(<m.InitiativesTab />),
      ),
  },
});

const teamInsightsPlannerSubPage = SubPageBlueprint.make({
  name: 'planner',
  params: {
    path: 'planner',
    title: 'Planner',
    loader: () =>
      import('./components/PlannerTab').then(m => tab(<m.PlannerTab />)),
  },
});

/**
 * The Team Insights tab of Group entity pages.
 */
const teamInsightsEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'team-insights',
    title: 'Team Insights',
    filter: GROUPS,
    loader: () =>
      import('./components/GroupTeamInsightsContent').then(m =>
        compatWrapper(<m.GroupTeamInsightsContent />),
      ),
  },
});

/**
 * The summary card on Group overview pages.
 */
const teamInsightsSummaryEntityCard = EntityCardBlueprint.make({
  name: 'summary',
  params: {
    filter: GROUPS,
    loader: () =>
      import('./components/TeamInsightsSummaryCard').then(m =>
        compatWrapper(<m.TeamInsightsSummaryCard />),
      ),
  },
});

/**
 * The documentation card on the pages of the kinds that get a documentation
 * scorecard: Component, API, Resource, System and Domain.
 */
const teamInsightsDocumentationEntityCard = EntityCardBlueprint.make({
  name: 'documentation',
  params: {
    filter: DOCUMENTED,
    loader: () =>
      import('./components/EntityDocumentationCard').then(m =>
        compatWrapper(<m.EntityDocumentationCard />),
      ),
  },
});

/**
 * The "My teams" widget of the home page (`@backstage/plugin-home`): the
 * signed-in user's teams, their levels and what changed since last week.
 */
const teamInsightsMyTeamsHomePageWidget = HomePageWidgetBlueprint.make({
  name: 'my-teams',
  params: {
    // The name a home page's `defaultConfig` places the widget by.
    name: 'TeamInsightsMyTeams',
    title: 'My teams',
    description:
      'Your teams in Team Insights: their levels and what changed since last week.',
    components: () =>
      import('./components/MyTeams').then(m => ({
        Content: () => compatWrapper(<m.MyTeamsContent />),
      })),
    layout: {
      width: { defaultColumns: 6, minColumns: 4 },
      height: { defaultRows: 4, minRows: 2 },
    },
  },
});

/**
 * Team Insights for the new frontend system: the page with its tabs, the
 * Group tab and summary card, the documentation card and the "My teams"
 * home-page widget. Extensions can be
 * overridden by id, e.g. `entity-card:team-insights/documentation`.
 * @alpha
 */
const teamInsightsPlugin: OverridableFrontendPlugin<{
  root: RouteRef;
}> = createFrontendPlugin({
  pluginId: 'team-insights',
  title: 'Team Insights',
  icon: <EqualizerIcon fontSize="inherit" />,
  routes: convertLegacyRouteRefs({ root: rootRouteRef }),
  extensions: [
    teamInsightsApi,
    teamInsightsPage,
    teamInsightsOverviewSubPage,
    teamInsightsAdoptionSubPage,
    teamInsightsSkillsSubPage,
    teamInsightsConcernsSubPage,
    teamInsightsChecksSubPage,
    teamInsightsTrendsSubPage,
    teamInsightsInitiativesSubPage,
    teamInsightsPlannerSubPage,
    teamInsightsEntityContent,
    teamInsightsSummaryEntityCard,
    teamInsightsDocumentationEntityCard,
    teamInsightsMyTeamsHomePageWidget,
  ],
});

export default teamInsightsPlugin;
