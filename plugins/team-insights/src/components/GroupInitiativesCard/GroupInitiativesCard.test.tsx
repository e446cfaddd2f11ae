import { screen } from '@testing-library/react';
import { evaluateInitiative } from '@team-insights/plugin-team-insights-common';
import { entityFor, renderWithApi } from '../../__testUtils__/renderWithApi';
import {
  fixtureInitiatives,
  fixtureReport,
  MockTeamInsightsApi,
} from '../../testing';
import { GroupInitiativesCard } from './GroupInitiativesCard';

describe('GroupInitiativesCard', () => {
  const [initiative] = fixtureInitiatives;
  const covered = evaluateInitiative(initiative, fixtureReport).teams[0];

  it('lists the initiatives covering the Group, linking to their pages', async () => {
    await renderWithApi(<GroupInitiativesCard />, {
      entity: entityFor(covered.entityRef),
    });
    const link = await screen.findByRole('link', { name: initiative.title });
    expect(link).toHaveAttribute(
      'href',
      `/team-insights/initiatives/${initiative.id}`,
    );
    expect(
      screen.getByText(new RegExp(`Deadline ${initiative.deadline}`)),
    ).toBeInTheDocument();
  });

  it('shows nothing for a Group no initiative covers', async () => {
    const api = new MockTeamInsightsApi();
    let answered!: () => void;
    const done = new Promise<void>(resolve => {
      answered = resolve;
    });
    const getInitiatives = api.getInitiatives.bind(api);
    api.getInitiatives = async options => {
      const answer = await getInitiatives(options);
      answered();
      return answer;
    };
    await renderWithApi(<GroupInitiativesCard />, {
      entity: entityFor('group:default/nobody'),
      api,
    });
    await done;
    expect(screen.queryByText('Initiatives')).not.toBeInTheDocument();
  });
});
