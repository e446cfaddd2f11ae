import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  type HomePageWidgetData,
  homePageWidgetDataRef,
} from '@backstage/plugin-home-react/alpha';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import { entityFor } from './__testUtils__/renderWithApi';
import { teamInsightsApiRef } from './api';
import teamInsightsPlugin from './alpha';
import { MockTeamInsightsApi } from './testing';

const apis = [
  [teamInsightsApiRef, new MockTeamInsightsApi()],
  [catalogApiRef, catalogApiMock()],
] as const;

jest.setTimeout(30_000);

describe('team-insights plugin (new frontend system)', () => {
  it('serves the page at /team-insights with one tab per view, opening on the overview', async () => {
    renderTestApp({
      features: [teamInsightsPlugin],
      apis,
      initialRouteEntries: ['/team-insights'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    for (const name of [
      'Overview',
      'Adoption',
      'Skills',
      'Concerns',
      'Checks',
      'Trends',
    ]) {
      expect(await screen.findByRole('tab', { name })).toBeInTheDocument();
    }
    // The tab's code loads lazily, the first time in this test file.
    expect(
      await screen.findByRole(
        'heading',
        { name: 'Levels per scorecard' },
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('adds a Team Insights tab to groups', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: entityFor('group:default/recommendations', { type: 'team' }),
        }),
        teamInsightsPlugin.getExtension('entity-content:team-insights'),
      ],
      apis,
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(
      await screen.findByRole('table', {
        name: 'Skill clusters of Recommendations',
      }),
    ).toBeInTheDocument();
  });

  it('adds the documentation card to components', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: entityFor('component:default/recs-monitoring'),
        }),
        teamInsightsPlugin.getExtension(
          'entity-card:team-insights/documentation',
        ),
      ],
      apis,
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(
      await screen.findByRole('list', { name: 'Documentation checks' }),
    ).toBeInTheDocument();
  });

  it('shows each entity extension only on its kinds, without deprecation warnings', async () => {
    const warn = jest.spyOn(console, 'warn');
    try {
      renderTestApp({
        extensions: [
          createTestEntityPage({
            entity: entityFor('group:default/recommendations', {
              type: 'team',
            }),
          }),
          teamInsightsPlugin.getExtension('entity-content:team-insights'),
          teamInsightsPlugin.getExtension('entity-card:team-insights/summary'),
          teamInsightsPlugin.getExtension(
            'entity-card:team-insights/documentation',
          ),
        ],
        apis,
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      });
      expect(
        await screen.findByRole('list', { name: 'Scorecard levels' }),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('list', { name: 'Documentation checks' }),
      ).not.toBeInTheDocument();
      const deprecations = warn.mock.calls
        .map(args => args.map(String).join(' '))
        .filter(m => /deprecat/i.test(m) && m.includes('team-insights'));
      expect(deprecations).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });

  it("gives the home page a My teams widget with the signed-in user's teams", async () => {
    // The plugin's type does not list its extensions: the tester cannot
    // tell the widget's output type by itself.
    const widget = createExtensionTester(
      teamInsightsPlugin.getExtension(
        'home-page-widget:team-insights/my-teams',
      ),
    ).get(homePageWidgetDataRef) as unknown as HomePageWidgetData;
    expect(widget.name).toBe('TeamInsightsMyTeams');
    expect(widget.title).toBe('My teams');
    renderInTestApp(widget.component, {
      apis: [
        [
          teamInsightsApiRef,
          new MockTeamInsightsApi({
            ownershipEntityRefs: [
              'user:default/guest',
              'group:default/search-ranking',
            ],
          }),
        ],
        [catalogApiRef, catalogApiMock()],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    const list = await screen.findByRole(
      'list',
      { name: 'My teams' },
      { timeout: 15_000 },
    );
    expect(
      within(list).getByRole('link', { name: 'Search Ranking' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/search-ranking/team-insights',
    );
  });
});
