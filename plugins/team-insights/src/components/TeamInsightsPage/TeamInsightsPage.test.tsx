import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { TeamInsightsPage } from './TeamInsightsPage';

describe('TeamInsightsPage', () => {
  it('has a tab per view, each with its own URL', async () => {
    // Mounted as the app mounts it, under /team-insights.
    await renderWithApi(
      <Routes>
        <Route path="/team-insights/*" element={<TeamInsightsPage />} />
      </Routes>,
      { routeEntries: ['/team-insights/concerns'] },
    );
    expect(
      screen.getByRole('heading', { level: 1, name: 'Team Insights' }),
    ).toBeInTheDocument();
    for (const name of [
      'Overview',
      'Adoption',
      'Skills',
      'Concerns',
      'Checks',
      'Trends',
    ]) {
      expect(screen.getByRole('tab', { name })).toBeInTheDocument();
    }
    expect(screen.getByRole('tab', { name: 'Concerns' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      await screen.findByRole('heading', {
        name: 'Candidates for a centralized team',
      }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Adoption' }));
    expect(
      await screen.findByRole('heading', { name: 'Platform products' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Adoption' })).toHaveAttribute(
      'href',
      '/team-insights/adoption',
    );
  });
});
