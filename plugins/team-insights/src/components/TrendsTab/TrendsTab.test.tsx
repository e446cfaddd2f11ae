import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { MockTeamInsightsApi } from '../../testing';
import { TrendsTab } from './TrendsTab';

describe('TrendsTab', () => {
  it('charts the mean score per scorecard with a title, an accessible summary and the data as a table', async () => {
    await renderWithApi(<TrendsTab />);
    const figure = await screen.findByRole('figure', {
      name: 'Mean score per scorecard, last 90 days',
    });
    expect(
      within(figure).getByRole('img', {
        name: /Line chart of Team composition, Platform adoption, Documentation scores from 2025-12-03 to 2026-03-02\. Latest \(2026-03-02\): Team composition 80, Platform adoption 85, Documentation 65\./,
      }),
    ).toBeInTheDocument();
    const table = within(figure).getByRole('table');
    const last = within(table)
      .getByRole('rowheader', { name: '2026-03-02' })
      .closest('tr')!;
    expect(
      within(last)
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual(['80', '85', '65']);
  });

  it('asks the backend for the chosen period', async () => {
    const { api } = await renderWithApi(<TrendsTab />);
    await screen.findByRole('figure');
    await userEvent.click(screen.getByRole('button', { name: /Period/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Last 30 days' }),
    );
    await waitFor(() =>
      expect(
        screen.getByRole('figure', {
          name: 'Mean score per scorecard, last 30 days',
        }),
      ).toBeInTheDocument(),
    );
    const calls = (api as MockTeamInsightsApi).calls.filter(
      c => c.method === 'getTrends',
    );
    expect(calls.map(c => c.args[0])).toEqual([{ days: 90 }, { days: 30 }]);
  });

  it("charts the chosen org unit's own history and lists who moved most", async () => {
    const { api } = await renderWithApi(<TrendsTab />, {
      routeEntries: ['/?days=30'],
    });
    await screen.findByRole('figure', {
      name: 'Mean score per scorecard, last 30 days',
    });
    const improved = await screen.findByRole('table', {
      name: 'Biggest improvements, last 30 days',
    });
    expect(within(improved).getAllByRole('row').length).toBeGreaterThan(1);
    expect(
      screen.getByRole('table', { name: 'Biggest drops, last 30 days' }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /Org unit/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'ML Foundations' }),
    );
    expect(
      await screen.findByRole('figure', {
        name: 'ML Foundations: score per scorecard, last 30 days',
      }),
    ).toBeInTheDocument();
    const calls = (api as MockTeamInsightsApi).calls.filter(
      c => c.method === 'getTrends',
    );
    expect(calls.map(c => c.args[0])).toEqual([
      { days: 30 },
      { days: 30, orgUnit: 'group:default/ml-foundations' },
    ]);
  });

  it('offers the org units of their own answer, without the whole report', async () => {
    const { api } = await renderWithApi(<TrendsTab />);
    await screen.findByRole('figure');
    await userEvent.click(screen.getByRole('button', { name: /Org unit/ }));
    const options = (await screen.findAllByRole('option')).map(
      o => o.textContent,
    );
    const { items } = await api.getOrgUnits();
    expect(items.length).toBeGreaterThan(0);
    expect(options).toEqual([
      'The whole organisation',
      ...items.map(unit => unit.title),
    ]);
    // small requests only, not the whole report
    const methods = (api as MockTeamInsightsApi).calls.map(c => c.method);
    expect(new Set(methods)).toEqual(
      new Set(['getOrgUnits', 'getTrends', 'getMovers']),
    );
  });
});
