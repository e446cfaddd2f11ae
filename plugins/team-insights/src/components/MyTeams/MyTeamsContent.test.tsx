import { screen, within } from '@testing-library/react';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { MockTeamInsightsApi } from '../../testing';
import { MyTeamsContent } from './MyTeamsContent';
import { describeChange } from './MyTeamsList';

jest.setTimeout(60_000);

describe('MyTeamsContent', () => {
  it('lists the teams of the groups the user belongs to, own team first', async () => {
    await renderWithApi(<MyTeamsContent />, {
      api: new MockTeamInsightsApi({
        ownershipEntityRefs: [
          'user:default/guest',
          'group:default/search-ranking',
          'group:default/ml-foundations',
        ],
      }),
    });
    const list = await screen.findByRole('list', { name: 'My teams' });
    const teams = within(list)
      .getAllByRole('link')
      .map(link => link.textContent);
    expect(teams[0]).toBe('Search Ranking');
    expect(teams).toContain('ML Platform');
    const platform = within(list).getByRole('listitem', {
      name: 'ML Platform',
    });
    expect(platform).toHaveTextContent('in ml-foundations');
    const search = within(list).getByRole('listitem', {
      name: 'Search Ranking',
    });
    expect(search).toHaveTextContent('your team');
    expect(search).toHaveTextContent('+4');
    expect(
      screen.getByText(/^Changes since \d{4}-\d{2}-\d{2}\.$/),
    ).toBeVisible();
  });

  it('says how to get teams when the user has none', async () => {
    await renderWithApi(<MyTeamsContent />);
    expect(
      await screen.findByText(/You belong to no team Team Insights evaluates/),
    ).toBeInTheDocument();
  });

  it('tells how many teams the limit left out', async () => {
    await renderWithApi(<MyTeamsContent limit={1} />, {
      api: new MockTeamInsightsApi({
        ownershipEntityRefs: ['group:default/ml'],
      }),
    });
    expect(await screen.findByText('and 6 more teams')).toBeInTheDocument();
  });
});

describe('describeChange', () => {
  const change = {
    score: 80,
    level: 'silver' as const,
    previousScore: 72,
    previousLevel: 'bronze' as const,
    delta: 8,
  };
  it('says the change and the level it left', () => {
    expect(describeChange(change)).toBe('+8, was Bronze');
    expect(
      describeChange({ ...change, delta: -2.5, previousLevel: 'silver' }),
    ).toBe('−2.5');
    expect(
      describeChange({ ...change, delta: 0, previousLevel: 'silver' }),
    ).toBe('no change');
    expect(describeChange({ ...change, delta: null })).toBeUndefined();
  });
});
