import { ServiceUnavailableError } from '@backstage/errors';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  captureDownloads,
  pending,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { MockTeamInsightsApi, emptyReport } from '../../testing';
import { OverviewTab } from './OverviewTab';

function teamsRegion() {
  return screen.getByRole('region', { name: 'Teams' });
}

async function rowTitles() {
  const region = teamsRegion();
  await within(region).findByRole('link', { name: 'Data Lab' });
  return within(region)
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).queryAllByRole('link')[0]?.textContent);
}

jest.setTimeout(60_000);

describe('OverviewTab', () => {
  it('shows how many teams reach each level of each scorecard', async () => {
    await renderWithApi(<OverviewTab />);
    const composition = await screen.findByRole('region', {
      name: 'Team composition: teams per level',
    });
    expect(
      within(composition).getByText('Gold').closest('li'),
    ).toHaveTextContent('3 teams');
    expect(
      within(composition).getByText('Bronze').closest('li'),
    ).toHaveTextContent('3 teams');
    const adoption = screen.getByRole('region', {
      name: 'Platform adoption: teams per level',
    });
    expect(
      within(adoption).getByText('Below bronze').closest('li'),
    ).toHaveTextContent('1 team');
  });

  it('lists every team with type, size, the three levels and its worst check, each linking to its Team Insights tab', async () => {
    await renderWithApi(<OverviewTab />);
    const link = await within(teamsRegion()).findByRole('link', {
      name: 'Recommendations',
    });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/group/recommendations/team-insights',
    );
    const row = link.closest('tr')!;
    expect(row).toHaveTextContent('Feature team');
    expect(row).toHaveTextContent('Bronze · 54');
    expect(row).toHaveTextContent('Bronze · 50');
    expect(row).toHaveTextContent('Bronze · 65');
    // Its only adoption check warns, which costs 50 points: more than the
    // failing skill coverage costs its larger composition scorecard.
    const worst = within(row).getByRole('link', {
      name: 'Reuse of platform products (Platform adoption)',
    });
    expect(worst).toHaveAttribute(
      'href',
      '/catalog/default/group/recommendations/team-insights#check-adoption-reuse',
    );
    expect(row).toHaveTextContent('Warning');
    const pricing = within(teamsRegion())
      .getByRole('link', { name: 'Pricing' })
      .closest('tr')!;
    expect(pricing).toHaveTextContent('Team type not declared');
  });

  it('keeps the team column in view when the table scrolls sideways', async () => {
    await renderWithApi(<OverviewTab />);
    const link = await within(teamsRegion()).findByRole('link', {
      name: 'Recommendations',
    });
    const cell = link.closest('td')!;
    const style = getComputedStyle(cell);
    expect(style.position).toBe('sticky');
    expect(style.left).toBe('0px');
    expect(style.backgroundColor).not.toMatch(/^(|transparent)$/);
    const size = within(link.closest('tr')!).getAllByRole('cell')[3];
    expect(getComputedStyle(size).position).not.toBe('sticky');
  });

  it('puts the team most in need first: a scorecard below bronze, then the lowest score', async () => {
    const { api } = await renderWithApi(<OverviewTab />);
    expect((await rowTitles()).slice(0, 3)).toEqual([
      'Data Lab',
      'Pricing',
      'ML Platform',
    ]);
    const first = (api as MockTeamInsightsApi).calls.find(
      call => call.method === 'getTeams',
    );
    expect(first?.args[0]).toMatchObject({ sort: 'need' });
  });

  it('filters the table when a level tile is clicked, and clears it on a second click', async () => {
    const { api } = await renderWithApi(<OverviewTab />);
    await rowTitles();
    const adoption = screen.getByRole('region', {
      name: 'Platform adoption: teams per level',
    });
    const below = within(adoption).getByRole('button', {
      name: /Below bronze/,
    });
    await userEvent.click(below);
    await waitFor(() =>
      expect(
        within(teamsRegion()).queryByRole('link', { name: 'Data Lab' }),
      ).not.toBeInTheDocument(),
    );
    expect(
      within(teamsRegion()).getByRole('link', { name: 'ML Platform' }),
    ).toBeInTheDocument();
    expect(below).toHaveAttribute('aria-pressed', 'true');
    const calls = (api as MockTeamInsightsApi).calls.filter(
      c => c.method === 'getTeams',
    );
    expect(calls[calls.length - 1].args[0]).toMatchObject({ adoption: 'none' });
    await userEvent.click(below);
    await within(teamsRegion()).findByRole('link', { name: 'Data Lab' });
  });

  it('takes search and sort from the URL', async () => {
    const { api } = await renderWithApi(<OverviewTab />, {
      routeEntries: ['/?q=o&sort=size&order=desc'],
    });
    await waitFor(
      () => {
        const calls = (api as MockTeamInsightsApi).calls.filter(
          c => c.method === 'getTeams',
        );
        expect(calls[calls.length - 1].args[0]).toMatchObject({
          q: 'o',
          sort: 'size',
          order: 'desc',
        });
      },
      { timeout: 20_000 },
    );
    expect(
      within(teamsRegion()).getByPlaceholderText('Search teams'),
    ).toHaveValue('o');
  });

  it('downloads the teams table as filtered, searched and sorted, as CSV', async () => {
    const saved = captureDownloads();
    const { api } = await renderWithApi(<OverviewTab />, {
      routeEntries: ['/?type=feature&q=o&sort=size&order=desc'],
    });
    await waitFor(
      () =>
        expect(
          within(teamsRegion()).getAllByRole('row').length,
        ).toBeGreaterThan(2),
      { timeout: 20_000 },
    );
    const shown = within(teamsRegion())
      .getAllByRole('row')
      .slice(1)
      .map(row => within(row).queryAllByRole('link')[0]?.textContent);
    await userEvent.click(
      screen.getByRole('button', { name: 'Download CSV of the teams table' }),
    );
    await waitFor(() => expect(saved).toHaveLength(1));
    const csvCalls = (api as MockTeamInsightsApi).calls.filter(
      c => c.method === 'getTeamsCsv',
    );
    expect(csvCalls[0].args[0]).toMatchObject({
      type: 'feature',
      q: 'o',
      sort: 'size',
      order: 'desc',
    });
    expect(saved[0].filename).toBe('teams.csv');
    const rows = (await saved[0].text()).trim().split('\r\n').slice(1);
    expect(rows.map(row => row.split(',')[0])).toEqual(shown);
  });

  it('searches on the server, with the text typed in the search box', async () => {
    const { api } = await renderWithApi(<OverviewTab />);
    await rowTitles();
    await userEvent.type(
      within(teamsRegion()).getByPlaceholderText('Search teams'),
      'recomm',
    );
    await waitFor(() =>
      expect(
        within(teamsRegion()).queryByRole('link', { name: 'Data Lab' }),
      ).not.toBeInTheDocument(),
    );
    const calls = (api as MockTeamInsightsApi).calls.filter(
      c => c.method === 'getTeams',
    );
    expect(calls[calls.length - 1].args[0]).toMatchObject({ q: 'recomm' });
    expect(
      within(teamsRegion()).getByRole('link', { name: 'Recommendations' }),
    ).toBeInTheDocument();
  });

  it('keeps the search once its answer has arrived: nothing reloads the table after it', async () => {
    const { api } = await renderWithApi(<OverviewTab />);
    await rowTitles();
    await userEvent.type(
      within(teamsRegion()).getByPlaceholderText('Search teams'),
      'recomm',
    );
    await waitFor(() =>
      expect(
        within(teamsRegion()).queryByRole('link', { name: 'Data Lab' }),
      ).not.toBeInTheDocument(),
    );
    // The answer writes the search into the URL; that must not reload the
    // table, or it reloads with the search material-table held before.
    await new Promise(resolve => setTimeout(resolve, 1000));
    const searches = (api as MockTeamInsightsApi).calls
      .filter(c => c.method === 'getTeams')
      .map(c => (c.args[0] as { q?: string }).q);
    const searched = searches.indexOf('recomm');
    expect(searched).toBeGreaterThan(-1);
    // one request answers the search; nothing reloads the table after it
    expect(searches.slice(searched)).toEqual(['recomm']);
    expect(
      within(teamsRegion()).queryByRole('link', { name: 'Data Lab' }),
    ).not.toBeInTheDocument();
  });

  it('filters by team type on the server and updates the level counts', async () => {
    const { api } = await renderWithApi(<OverviewTab />);
    await rowTitles();
    await userEvent.click(screen.getByRole('button', { name: /Team type/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Expertise team' }),
    );
    await waitFor(() =>
      expect(
        within(teamsRegion()).queryByRole('link', { name: 'Recommendations' }),
      ).not.toBeInTheDocument(),
    );
    expect(
      within(teamsRegion()).getByRole('link', { name: 'Ops Team' }),
    ).toBeInTheDocument();
    const calls = (api as MockTeamInsightsApi).calls.filter(
      c => c.method === 'getTeams',
    );
    expect(calls[calls.length - 1].args[0]).toMatchObject({
      type: 'expertise',
    });
    const composition = screen.getByRole('region', {
      name: 'Team composition: teams per level',
    });
    expect(
      within(composition).getByText('Silver').closest('li'),
    ).toHaveTextContent('1 team');
  });

  it('sorts on the server when a column header is clicked', async () => {
    const { api } = await renderWithApi(<OverviewTab />);
    await rowTitles();
    await userEvent.click(
      within(teamsRegion()).getByRole('button', { name: 'Size' }),
    );
    await waitFor(async () => expect((await rowTitles())[0]).toBe('Pricing'));
    const calls = (api as MockTeamInsightsApi).calls.filter(
      c => c.method === 'getTeams',
    );
    expect(calls[calls.length - 1].args[0]).toMatchObject({
      sort: 'size',
      order: 'asc',
    });
  });

  it('takes the organisational unit filter from the URL', async () => {
    const { api } = await renderWithApi(<OverviewTab />, {
      routeEntries: ['/?orgUnit=group:default/ml-foundations'],
    });
    await within(teamsRegion()).findByRole('link', { name: 'ML Platform' });
    expect(
      within(teamsRegion()).queryByRole('link', { name: 'Recommendations' }),
    ).not.toBeInTheDocument();
    const first = (api as MockTeamInsightsApi).calls.find(
      call => call.method === 'getTeams',
    );
    expect(first?.args[0]).toMatchObject({
      orgUnit: 'group:default/ml-foundations',
    });
  });

  it('shows a progress bar while the first page loads', async () => {
    const api = new MockTeamInsightsApi();
    api.getTeams = () => pending();
    await renderWithApi(<OverviewTab />, { api });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('explains a backend failure without a stack trace', async () => {
    const api = new MockTeamInsightsApi();
    api.getTeams = async () => {
      throw new ServiceUnavailableError('The report is being computed');
    };
    await renderWithApi(<OverviewTab />, { api });
    expect(
      await screen.findByText('Error: The report is being computed'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Stack Trace')).not.toBeInTheDocument();
  });

  it('warns when the report is out of date', async () => {
    await renderWithApi(<OverviewTab />, {
      api: new MockTeamInsightsApi({ stale: true }),
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This report is out of date');
    expect(alert).toHaveTextContent(/2026/);
  });

  it("opens with the signed-in user's teams and how they changed", async () => {
    await renderWithApi(<OverviewTab />, {
      api: new MockTeamInsightsApi({
        ownershipEntityRefs: [
          'user:default/guest',
          'group:default/search-ranking',
        ],
      }),
    });
    const mine = await screen.findByRole('region', { name: 'My teams' });
    const link = within(mine).getByRole('link', { name: 'Search Ranking' });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/group/search-ranking/team-insights',
    );
    // the mock's history climbs 4 points a week
    expect(within(mine).getAllByText('+4').length).toBeGreaterThan(0);
    expect(
      within(mine).getByRole('listitem', { name: 'Search Ranking' }),
    ).toHaveTextContent('Feature team · your team');
    // it comes before the levels, then what moved
    const sections = screen.getAllByRole('heading', { level: 2 });
    expect(sections.map(h => h.textContent).slice(0, 3)).toEqual([
      'My teams',
      'Levels per scorecard',
      'Report card',
    ]);
  });

  it('has no My teams section for a user without teams', async () => {
    await renderWithApi(<OverviewTab />);
    await within(teamsRegion()).findByRole('link', { name: 'Data Lab' });
    expect(
      screen.queryByRole('region', { name: 'My teams' }),
    ).not.toBeInTheDocument();
  });

  it('says what to annotate first when there are no teams at all', async () => {
    await renderWithApi(<OverviewTab />, {
      api: new MockTeamInsightsApi({ report: emptyReport }),
    });
    expect(
      await screen.findByText('No teams evaluated yet'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        (_c, el) =>
          el?.tagName === 'CODE' &&
          (el.textContent ?? '').includes(
            'team-insights.io/team-type: feature',
          ),
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Teams' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Levels per scorecard' }),
    ).not.toBeInTheDocument();
  });
});
