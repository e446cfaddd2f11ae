import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  evaluateInitiative,
  Initiative,
} from '@team-insights/plugin-team-insights-common';
import { Route, Routes } from 'react-router-dom';
import {
  captureDownloads,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import {
  fixtureInitiatives,
  fixtureReport,
  MockTeamInsightsApi,
} from '../../testing';
import { TeamInsightsPage } from '../TeamInsightsPage';

function renderAt(path: string, api?: MockTeamInsightsApi) {
  return renderWithApi(
    <Routes>
      <Route path="/team-insights/*" element={<TeamInsightsPage />} />
    </Routes>,
    { routeEntries: [path], api },
  );
}

describe('Initiatives tab', () => {
  const [initiative] = fixtureInitiatives;
  const expected = evaluateInitiative(initiative, fixtureReport);

  it('lists the initiatives with their teams at target, and opens one', async () => {
    await renderAt('/team-insights/initiatives');
    const table = await screen.findByRole('table', { name: 'Initiatives' });
    const row = within(table)
      .getByRole('rowheader', { name: new RegExp(initiative.title) })
      .closest('tr')!;
    expect(row).toHaveTextContent('Silver or better on Composition');
    expect(row).toHaveTextContent(
      `${expected.teamsAtTarget} of ${expected.teamsTotal}`,
    );
    expect(row).toHaveTextContent('In progress');

    await userEvent.click(
      within(row).getByRole('link', { name: initiative.title }),
    );
    expect(
      await screen.findByRole('heading', { level: 2, name: initiative.title }),
    ).toBeInTheDocument();
  });

  it("shows an initiative's burn-up and each covered team with what holds it back", async () => {
    await renderAt(`/team-insights/initiatives/${initiative.id}`);
    const figure = await screen.findByRole('figure', {
      name: 'Teams at target, per day',
    });
    expect(
      within(figure).getByRole('img', {
        name: new RegExp(
          `${expected.teamsAtTarget} of ${expected.teamsTotal} teams at target on 2026-03-02; deadline ${initiative.deadline}`,
        ),
      }),
    ).toBeInTheDocument();
    // one point a week since the start, six weeks ago
    expect(
      within(within(figure).getByRole('table')).getAllByRole('row'),
    ).toHaveLength(1 + 7);

    const teams = screen.getByRole('table', {
      name: 'Teams of the initiative',
    });
    const rows = within(teams).getAllByRole('row').slice(1);
    expect(rows.map(r => within(r).getByRole('rowheader').textContent)).toEqual(
      expected.teams.map(t => t.title),
    );
    const behind = expected.teams.find(t => !t.atTarget)!;
    const behindRow = rows[expected.teams.indexOf(behind)];
    expect(behindRow).toHaveTextContent('Not yet');
    expect(behindRow).toHaveTextContent(behind.failingChecks[0]);
  });

  it("downloads the initiative's teams as CSV, row for row as the table", async () => {
    const saved = captureDownloads();
    await renderAt(`/team-insights/initiatives/${initiative.id}`);
    const teams = await screen.findByRole('table', {
      name: 'Teams of the initiative',
    });
    const shown = within(teams)
      .getAllByRole('row')
      .slice(1)
      .map(r => within(r).getByRole('rowheader').textContent);
    await userEvent.click(
      screen.getByRole('button', {
        name: "Download CSV of the initiative's teams",
      }),
    );
    await screen.findByRole('heading', { level: 2, name: initiative.title });
    expect(saved.map(file => file.filename)).toEqual([
      `initiative-${initiative.id}.csv`,
    ]);
    const rows = (await saved[0].text()).trim().split('\r\n').slice(1);
    expect(rows.map(row => row.split(',')[0])).toEqual(shown);
    const behind = expected.teams.find(t => !t.atTarget)!;
    expect(rows[expected.teams.indexOf(behind)]).toContain(
      `,no,${behind.failingChecks.join(' ')}`,
    );
  });

  it('says how to add an initiative when there is none', async () => {
    await renderAt(
      '/team-insights/initiatives',
      new MockTeamInsightsApi({ initiatives: [] as Initiative[] }),
    );
    expect(await screen.findByText('No initiatives yet')).toBeInTheDocument();
    expect(screen.getByText(/teamInsights\.initiatives/)).toBeInTheDocument();
  });

  it('explains an unknown initiative instead of failing', async () => {
    await renderAt('/team-insights/initiatives/nope');
    expect(
      await screen.findByText("Error: There is no initiative 'nope'"),
    ).toBeInTheDocument();
  });
});
