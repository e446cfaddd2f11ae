import { drillDown } from '@team-insights/plugin-team-insights-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  captureDownloads,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { MockTeamInsightsApi } from '../../testing';
import { fixtureReport } from '../../testing/report';
import { ChecksTab } from './ChecksTab';

jest.setTimeout(60_000);

/** Titles of the teams in the drill-down table, in order. */
function drillDownTeams() {
  const region = screen.getByRole('region', { name: 'Drill-down' });
  return within(region)
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).queryAllByRole('link')[0]?.textContent);
}

/** The fixture's teams with docs.techdocs failing, by title. */
const techDocsFailing = drillDown(fixtureReport.teams, {
  check: 'docs.techdocs',
  status: 'fail',
})
  .map(row => row.team.title)
  .sort((a, b) => a.localeCompare(b));

describe('ChecksTab', () => {
  it('lists every check with how many teams fail it, and opens who fails one with how to fix it', async () => {
    await renderWithApi(<ChecksTab />);
    const catalogue = await screen.findByRole('region', { name: 'Checks' });
    const techDocs = within(catalogue)
      .getByRole('link', { name: 'TechDocs' })
      .closest('tr')!;
    expect(techDocsFailing.length).toBeGreaterThan(1);
    const failing = within(techDocs).getByRole('link', {
      name: `${techDocsFailing.length} teams failing TechDocs`,
    });
    await userEvent.click(failing);

    expect(
      await screen.findByRole('heading', { name: 'Failing: TechDocs' }),
    ).toBeInTheDocument();
    await screen.findByRole('region', { name: 'Drill-down' });
    await waitFor(() => expect(drillDownTeams()).toEqual(techDocsFailing));
    // each row says what was found, names the failing entities and how to fix it
    const region = screen.getByRole('region', { name: 'Drill-down' });
    const first = within(region).getAllByRole('row')[1];
    expect(first).toHaveTextContent('Fail');
    expect(
      within(first).getAllByRole('link', { name: /component:|^[a-z-]+$/ })
        .length,
    ).toBeGreaterThan(1);
    expect(
      within(first).getByRole('region', {
        name: /^Remediation for TechDocs for /,
      }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('link', { name: 'All checks' }));
    expect(
      await screen.findByRole('region', { name: 'Checks' }),
    ).toBeInTheDocument();
  });

  it('reads the tallies from their own answer, not the whole report, and says when they are out of date', async () => {
    const api = new MockTeamInsightsApi({ stale: true });
    await renderWithApi(<ChecksTab />, { api });
    await screen.findByRole('region', { name: 'Checks' });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This report is out of date',
    );
    // one small request, not the whole report
    expect(new Set(api.calls.map(call => call.method))).toEqual(
      new Set(['getChecks']),
    );
  });

  it('opens a drill-down from its URL, filtered by status and org unit', async () => {
    const api = new MockTeamInsightsApi();
    await renderWithApi(<ChecksTab />, {
      api,
      routeEntries: [
        '/?check=composition.skill-coverage&status=fail&orgUnit=group:default/ml',
      ],
    });
    await screen.findByRole('region', { name: 'Drill-down' });
    expect(
      screen.getByRole('heading', { name: 'Failing: Skill coverage' }),
    ).toBeInTheDocument();
    const expected = drillDown(fixtureReport.teams, {
      check: 'composition.skill-coverage',
      status: 'fail',
      orgUnit: 'group:default/ml',
    }).map(row => row.team.title);
    expect(expected.length).toBeGreaterThan(0);
    expect(drillDownTeams()).toEqual(
      [...expected].sort((a, b) => a.localeCompare(b)),
    );
    expect(api.calls).toContainEqual({
      method: 'getTeams',
      args: [
        expect.objectContaining({
          check: 'composition.skill-coverage',
          status: 'fail',
          orgUnit: 'group:default/ml',
        }),
      ],
    });
  });

  it('downloads the CSV of the drill-down as shown', async () => {
    const api = new MockTeamInsightsApi();
    const saved = captureDownloads();
    await renderWithApi(<ChecksTab />, {
      api,
      routeEntries: ['/?check=docs.techdocs&status=fail'],
    });
    await screen.findByRole('region', { name: 'Drill-down' });
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(api.calls).toContainEqual({
      method: 'getTeamsCsv',
      args: [
        expect.objectContaining({ check: 'docs.techdocs', status: 'fail' }),
      ],
    });
    expect(saved[0].filename).toBe('teams-docs.techdocs-fail.csv');
    const text = await saved[0].text();
    const rows = text.trim().split('\r\n').slice(1);
    expect(rows.map(row => row.split(',')[0]).sort()).toEqual(techDocsFailing);
    expect(rows.every(row => row.includes(',docs.techdocs,fail,'))).toBe(true);
  });
});
