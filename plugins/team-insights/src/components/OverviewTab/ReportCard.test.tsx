import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TrendsResponse } from '@team-insights/plugin-team-insights-common';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { MockTeamInsightsApi } from '../../testing';
import { ReportCard } from './ReportCard';

jest.setTimeout(30_000);

/** The organisation's trend on these days (the fixture's today is 2026-03-02). */
function trendOn(days: string[]): TrendsResponse {
  return {
    points: days.map(day => ({
      day,
      scorecard: 'composition' as const,
      score: 60,
      count: 5,
    })),
  };
}

function callsOf(api: MockTeamInsightsApi, method: string) {
  return api.calls.filter(c => c.method === method).map(c => c.args[0]);
}

describe('ReportCard', () => {
  it('names the teams that improved and dropped most in the last 7 days, each linking to its tab', async () => {
    const api = new MockTeamInsightsApi();
    await renderWithApi(<ReportCard />, { api });
    const improved = await screen.findByRole('table', {
      name: 'Biggest improvements, last 7 days',
    });
    const dropped = screen.getByRole('table', {
      name: 'Biggest drops, last 7 days',
    });
    const expected = await new MockTeamInsightsApi().getMovers({ days: 7 });
    expect(expected.improved.length).toBeGreaterThan(0);
    expect(expected.dropped.length).toBeGreaterThan(0);
    const top = expected.improved[0];
    const firstRow = within(improved).getAllByRole('row')[1];
    const link = within(firstRow).getByRole('link', {
      name: top.title,
    });
    expect(link.getAttribute('href')).toMatch(
      new RegExp(`/${top.entityRef.split('/')[1]}/team-insights$`),
    );
    expect(firstRow).toHaveTextContent(`+${top.delta}`);
    expect(within(dropped).getAllByRole('row')[1]).toHaveTextContent(
      `${expected.dropped[0].title}`,
    );
    // at most five each on the Overview
    expect(within(improved).getAllByRole('row').length).toBeLessThanOrEqual(6);
    expect(callsOf(api, 'getMovers')).toEqual([{ days: 7 }]);
    expect(screen.queryByText(/History starts on/)).not.toBeInTheDocument();
  });

  it('switches to the last 30 days with its picker, and takes the period from the URL', async () => {
    const api = new MockTeamInsightsApi();
    await renderWithApi(<ReportCard />, { api });
    await screen.findByRole('table', {
      name: 'Biggest improvements, last 7 days',
    });
    await userEvent.click(screen.getByRole('button', { name: /Period/ }));
    expect(
      screen.getAllByRole('option').map(option => option.textContent),
    ).toEqual(['Last 7 days', 'Last 30 days']);
    await userEvent.click(screen.getByRole('option', { name: 'Last 30 days' }));
    expect(
      await screen.findByRole('table', {
        name: 'Biggest improvements, last 30 days',
      }),
    ).toBeInTheDocument();
    expect(callsOf(api, 'getMovers')).toEqual([{ days: 7 }, { days: 30 }]);

    const linked = new MockTeamInsightsApi();
    await renderWithApi(<ReportCard />, {
      api: linked,
      routeEntries: ['/?days=30'],
    });
    await waitFor(() =>
      expect(callsOf(linked, 'getMovers')).toEqual([{ days: 30 }]),
    );
  });

  it('says when history starts inside the period', async () => {
    const api = new MockTeamInsightsApi();
    jest
      .spyOn(api, 'getTrends')
      .mockResolvedValue(trendOn(['2026-02-27', '2026-02-28', '2026-03-02']));
    await renderWithApi(<ReportCard />, { api });
    expect(
      await screen.findByText(
        'History starts on 2026-02-27: changes are counted from that day, not from 7 days ago.',
      ),
    ).toBeInTheDocument();
  });

  it('does not take history stored a week apart for a short one', async () => {
    const api = new MockTeamInsightsApi();
    // a point every Wednesday, and today's (a Monday): the last 8 days hold
    // only 2026-02-25, yet history reaches back far enough
    const stored = [
      '2026-02-04',
      '2026-02-11',
      '2026-02-18',
      '2026-02-25',
      '2026-03-02',
    ];
    const trends = jest
      .spyOn(api, 'getTrends')
      .mockImplementation(async ({ days = 90 } = {}) => {
        const since = new Date(Date.parse('2026-03-02') - (days - 1) * 864e5)
          .toISOString()
          .slice(0, 10);
        return trendOn(stored.filter(day => day >= since));
      });
    await renderWithApi(<ReportCard />, { api });
    await screen.findByRole('table', {
      name: 'Biggest improvements, last 7 days',
    });
    expect(screen.queryByText(/History starts on/)).not.toBeInTheDocument();
    expect(trends.mock.calls.map(call => call[0])).toEqual([
      { days: 8 },
      { days: 365 },
    ]);
  });

  it('says when nothing is stored yet', async () => {
    const api = new MockTeamInsightsApi();
    jest.spyOn(api, 'getTrends').mockResolvedValue({ points: [] });
    jest
      .spyOn(api, 'getMovers')
      .mockResolvedValue({ improved: [], dropped: [] });
    await renderWithApi(<ReportCard />, { api });
    expect(
      await screen.findByText(
        'No history yet: scores are recorded once a day, so the report card fills from tomorrow.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
