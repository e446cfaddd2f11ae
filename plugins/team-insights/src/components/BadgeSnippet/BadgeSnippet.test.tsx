import {
  configApiRef,
  discoveryApiRef,
  type DiscoveryApi,
} from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  MockConfigApi,
  TestApiProvider,
  renderInTestApp,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { entityFor } from '../../__testUtils__/renderWithApi';
import { BadgeSnippet } from './BadgeSnippet';

// what the copy button hands to the clipboard (through react-use)
jest.mock('copy-to-clipboard', () => jest.fn(() => true));
const copy: jest.Mock = jest.requireMock('copy-to-clipboard');

const discovery: DiscoveryApi = {
  getBaseUrl: async pluginId => `https://backstage.example.com/api/${pluginId}`,
};

async function render(
  options: { discoveryApi?: DiscoveryApi; ref?: string } = {},
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [discoveryApiRef, options.discoveryApi ?? discovery],
        [
          configApiRef,
          new MockConfigApi({
            app: { baseUrl: 'https://backstage.example.com/' },
          }),
        ],
      ]}
    >
      <EntityProvider
        entity={entityFor(options.ref ?? 'group:default/search-ranking', {
          type: 'team',
        })}
      >
        <BadgeSnippet />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const badge = (scorecard: string, alt: string) =>
  `[![Team Insights: ${alt}](https://backstage.example.com/api/team-insights/v1/badges/group/default/search-ranking/${scorecard}.svg)](https://backstage.example.com/catalog/default/group/search-ranking/team-insights)`;

const expected = [
  badge('composition', 'team composition'),
  badge('adoption', 'platform adoption'),
  badge('documentation', 'documentation'),
].join('\n');

describe('BadgeSnippet', () => {
  it("shows the Markdown of the group's three badges, linking to its Team Insights tab", async () => {
    await render();
    expect(
      await screen.findByText('Badges for your README'),
    ).toBeInTheDocument();
    const code = screen.getByText(
      (_, element) =>
        element?.tagName === 'CODE' && element.textContent === expected,
    );
    expect(code).toBeInTheDocument();
    expect(
      screen.getByText('teamInsights.badges.public', { exact: false }),
    ).toBeInTheDocument();
  });

  it('copies the snippet with the copy button', async () => {
    await render();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Copy text' }),
    );
    expect(copy).toHaveBeenCalledTimes(1);
    expect(copy.mock.calls[0][0]).toBe(expected);
  });

  it('encodes what goes into the URLs', async () => {
    await render({ ref: 'group:team-ns/a&b' });
    const code = await screen.findByText(
      (_, element) =>
        element?.tagName === 'CODE' &&
        element.classList.contains('language-markdown'),
    );
    expect(code.textContent).toContain(
      '/v1/badges/group/team-ns/a%26b/composition.svg',
    );
  });

  it('says so when the backend cannot be found', async () => {
    await render({
      discoveryApi: {
        getBaseUrl: async () => {
          throw new Error('No team-insights backend is registered');
        },
      },
    });
    expect(
      await screen.findAllByText(/No team-insights backend is registered/),
    ).not.toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Copy text' })).toBeNull();
  });
});
