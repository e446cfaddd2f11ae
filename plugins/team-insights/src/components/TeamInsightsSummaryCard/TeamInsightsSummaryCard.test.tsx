import { screen, within } from '@testing-library/react';
import { entityFor, renderWithApi } from '../../__testUtils__/renderWithApi';
import { TeamInsightsSummaryCard } from './TeamInsightsSummaryCard';

describe('TeamInsightsSummaryCard', () => {
  it('shows the level of each scorecard and links to the Team Insights tab', async () => {
    await renderWithApi(<TeamInsightsSummaryCard />, {
      entity: entityFor('group:default/recommendations', { type: 'team' }),
    });
    const levels = await screen.findByRole('list', {
      name: 'Scorecard levels',
    });
    expect(
      within(levels)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'Team compositionBronze · 54',
      'Platform adoptionBronze · 50',
      'DocumentationBronze · 65',
    ]);
    expect(screen.getByText('Feature team · 6 people')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /View scorecards/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/group/recommendations/team-insights',
    );
  });

  it('shows the roll-up of an organisational unit', async () => {
    await renderWithApi(<TeamInsightsSummaryCard />, {
      entity: entityFor('group:default/ml-products', { type: 'department' }),
    });
    expect(
      await screen.findByText('Organisational unit · mean of 4 teams'),
    ).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('list', { name: 'Scorecard levels' }),
      ).getAllByRole('listitem')[1],
    ).toHaveTextContent('Silver · 88');
  });

  it('says how to get scorecards when the group is not evaluated', async () => {
    await renderWithApi(<TeamInsightsSummaryCard />, {
      entity: entityFor('group:default/newcomers', { type: 'team' }),
    });
    expect(await screen.findByText(/Not evaluated yet/)).toHaveTextContent(
      'team-insights.io/team-type',
    );
  });
});
