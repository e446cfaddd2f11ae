import { screen, within } from '@testing-library/react';
import { renderWithApi } from './__testUtils__/renderWithApi';
import { HomePageMyTeamsCard } from './plugin';
import { MockTeamInsightsApi } from './testing';

jest.setTimeout(60_000);

describe('HomePageMyTeamsCard (legacy frontend system)', () => {
  it("is a home-page card titled My teams with the user's teams", async () => {
    await renderWithApi(<HomePageMyTeamsCard />, {
      api: new MockTeamInsightsApi({
        ownershipEntityRefs: ['group:default/ml-products'],
      }),
    });
    const list = await screen.findByRole('list', { name: 'My teams' });
    // the card's title, besides the list's label
    expect(screen.getAllByText('My teams').length).toBeGreaterThan(0);
    expect(
      within(list).getByRole('listitem', { name: 'Recommendations' }),
    ).toHaveTextContent('in ml-products');
  });
});
