import type { Entity } from '@backstage/catalog-model';
import { registerMswTestHooks } from '@backstage/test-utils';
import { NotFoundError } from '@backstage/errors';
import { screen, waitFor, within } from '@testing-library/react';
import {
  defaultTeamInsightsConfig,
  evaluate,
  type EntityReport,
  type Report,
  type TeamInsightsConfig,
} from '@team-insights/plugin-team-insights-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { entityFor, renderWithApi } from '../../__testUtils__/renderWithApi';
import { TeamInsightsClient } from '../../api';
import { fixtureReport, MockTeamInsightsApi } from '../../testing';
import { GroupTeamInsightsContent } from './GroupTeamInsightsContent';

// The Group tab renders a whole team page: more than jest's default 5 s on
// a busy machine.
jest.setTimeout(60_000);

const server = setupServer();
registerMswTestHooks(server);

const baseUrl = 'http://localhost:7007/api/team-insights/v1';
const recommendations = 'group:default/recommendations';

/**
 * The Team Insights backend over HTTP, answering from a mock API's report,
 * with every request it receives: the real client in between, so what is
 * counted is what the browser would send.
 */
function backendOver(mock: MockTeamInsightsApi): string[] {
  const requests: string[] = [];
  const answer = async (call: () => Promise<object>) => {
    try {
      return HttpResponse.json((await call()) as Record<string, unknown>);
    } catch (e) {
      const status = e instanceof NotFoundError ? 404 : 500;
      return HttpResponse.json(
        { error: { name: (e as Error).name, message: (e as Error).message } },
        { status },
      );
    }
  };
  server.use(
    http.get(`${baseUrl}/*`, ({ request }) => {
      const url = new URL(request.url);
      const path = url.pathname.replace('/api/team-insights/v1', '');
      requests.push(`${path}${url.search}`);
      let m = path.match(/^\/entities\/([^/]+)\/([^/]+)\/([^/]+)(\/history)?$/);
      if (m) {
        const ref = `${m[1]}:${m[2]}/${m[3]}`;
        return answer(() =>
          m![4]
            ? mock.getEntityHistory(ref, {
                days: Number(url.searchParams.get('days') ?? 30),
              })
            : mock.getEntityScorecards(ref),
        );
      }
      m = path.match(/^\/teams\/([^/]+)\/([^/]+)\/details$/);
      if (m) {
        const ref = `group:${m[1]}/${m[2]}`;
        return answer(() => mock.getTeamDetails(ref));
      }
      if (path === '/initiatives') {
        const team = url.searchParams.get('team') ?? undefined;
        return answer(() => mock.getInitiatives({ team }));
      }
      return HttpResponse.json(
        { error: { name: 'NotFoundError', message: `no route ${path}` } },
        { status: 404 },
      );
    }),
  );
  return requests;
}

function client() {
  return new TeamInsightsClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://localhost:7007/api/${pluginId}`,
    },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
}

/** The fixture, with `count` more documented entities for Recommendations. */
function withOwned(count: number): Report {
  const extra: EntityReport[] = Array.from({ length: count }, (_, i) => ({
    entityRef: `component:default/recommendations-part-${100 + i}`,
    kind: 'component',
    title: `Recommendations part ${100 + i}`,
    owner: recommendations,
    product: false,
    scorecards: { documentation: { score: 50, level: 'bronze', checks: [] } },
  }));
  return {
    ...fixtureReport,
    teams: fixtureReport.teams.map(team =>
      team.entityRef === recommendations
        ? {
            ...team,
            owned: [...team.owned, ...extra.map(e => e.entityRef)].sort(),
          }
        : team,
    ),
    entities: [...fixtureReport.entities, ...extra],
  };
}

describe('the Group tab of a team', () => {
  it('makes the same few requests to the Team Insights API whatever the team owns', async () => {
    const counts: number[] = [];
    for (const owned of [0, 60]) {
      const requests = backendOver(
        new MockTeamInsightsApi({ report: withOwned(owned) }),
      );
      const rendered = await renderWithApi(<GroupTeamInsightsContent />, {
        api: client(),
        entity: entityFor(recommendations, { type: 'team' }),
      });
      const table = await screen.findByRole(
        'table',
        { name: 'Entities owned by Recommendations' },
        { timeout: 30_000 },
      );
      // every owned entity, the 60 added ones too: none left out
      expect(within(table).getAllByRole('rowheader')).toHaveLength(4 + owned);
      await screen.findByRole('figure', { name: 'Team composition history' });
      await screen.findByRole('list', {
        name: 'Products used by Recommendations',
      });
      await waitFor(() =>
        expect(requests).toContain(
          '/initiatives?team=group%3Adefault%2Frecommendations',
        ),
      );
      expect(requests.length).toBeLessThanOrEqual(8);
      expect(requests.filter(r => r.startsWith('/entities/component'))).toEqual(
        [],
      );
      counts.push(requests.length);
      rendered.unmount();
      server.resetHandlers();
    }
    // the scorecards, the history, the team's details and its initiatives
    expect(counts).toEqual([4, 4]);
  });

  describe('single points of failure', () => {
    /** A feature team of head counts: three of each cluster but two SREs. */
    const lynx: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: 'lynx',
        namespace: 'default',
        annotations: {
          'team-insights.io/team-type': 'feature',
          'team-insights.io/skills':
            'data-scientist=3, data-engineer=3, site-reliability-engineer=2, analytics-translator=3',
        },
      },
      spec: { type: 'team', children: [] },
    };

    async function renderLynx(redundancyMinPeople: number) {
      const config: TeamInsightsConfig = {
        ...defaultTeamInsightsConfig,
        thresholds: {
          ...defaultTeamInsightsConfig.thresholds,
          redundancyMinPeople,
        },
      };
      const report = evaluate([lynx], { config });
      await renderWithApi(<GroupTeamInsightsContent />, {
        api: new MockTeamInsightsApi({ report, config }),
        entity: entityFor('group:default/lynx', { type: 'team' }),
      });
      const clusters = await screen.findByRole('table', {
        name: 'Skill clusters of lynx',
      });
      return within(clusters)
        .getByRole('rowheader', { name: 'Site reliability engineer' })
        .closest('tr')!;
    }

    it('counts a cluster held by fewer people than configured as at risk, as the scorecard does', async () => {
      const sre = await renderLynx(3);
      expect(sre).toHaveTextContent('Single point of failure');
      expect(
        screen.getByText(
          'Held by fewer than 3 people: Site reliability engineer.',
        ),
      ).toBeInTheDocument();
      // the redundancy check of the scorecard names the same cluster
      const checks = screen.getByRole('list', {
        name: 'Checks of Team composition',
      });
      expect(checks).toHaveTextContent(
        /held by fewer than 3 people — single points of failure: site-reliability-engineer/,
      );
    });

    it('counts two people as enough at the default threshold', async () => {
      const sre = await renderLynx(2);
      expect(sre).toHaveTextContent('Covered');
      expect(
        screen.getByText(
          'Every required cluster the team holds is held by at least two people.',
        ),
      ).toBeInTheDocument();
    });
  });
});
