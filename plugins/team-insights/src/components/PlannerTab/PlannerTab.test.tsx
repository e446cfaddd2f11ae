import type { Entity } from '@backstage/catalog-model';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  attachRelations,
  emitRelations,
} from '@team-insights/plugin-team-insights-common';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { PlannerTab } from './PlannerTab';
import { encodeDraft } from './useDraft';

function entity(
  kind: string,
  name: string,
  spec: Entity['spec'],
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      annotations: {
        'backstage.io/managed-by-location': `url:https://git.example.com/org/${name}.yaml`,
        ...annotations,
      },
    },
    spec,
  };
}

const person = (name: string, skills: string, team: string) =>
  entity(
    'User',
    name,
    { memberOf: [team] },
    { 'team-insights.io/skills': skills },
  );

/**
 * Fraud lacks an analytics translator; the data lab (an expertise team) has
 * one beside three data scientists.
 */
function organisation(): Entity[] {
  const entities = [
    entity(
      'Group',
      'fraud',
      { type: 'team', children: [] },
      { 'team-insights.io/team-type': 'feature' },
    ),
    entity(
      'Group',
      'data-lab',
      { type: 'team', children: [] },
      { 'team-insights.io/team-type': 'expertise' },
    ),
    person('ds', 'data-scientist', 'fraud'),
    person('ds2', 'data-scientist', 'fraud'),
    person('de', 'data-engineer', 'fraud'),
    person('de2', 'data-engineer', 'fraud'),
    person('sre', 'sre', 'fraud'),
    person('sre2', 'sre', 'fraud'),
    person('arjun', 'data-scientist, analytics-translator', 'data-lab'),
    person('lab1', 'data-scientist', 'data-lab'),
    person('lab2', 'data-scientist', 'data-lab'),
    person('lab3', 'data-scientist', 'data-lab'),
    entity('Component', 'fraud-model', { owner: 'fraud', type: 'service' }),
    entity('Component', 'notebooks', { owner: 'data-lab', type: 'service' }),
  ];
  attachRelations(entities, entities.flatMap(emitRelations));
  return entities;
}

const fraudRow = () =>
  document.querySelector('[data-team="group:default/fraud"]') as HTMLElement;

describe('PlannerTab', () => {
  it('scores a move before and after, and undoes it', async () => {
    await renderWithApi(<PlannerTab />, {
      catalogEntities: organisation(),
      routeEntries: ['/planner'],
    });
    expect(
      await screen.findByText(/No scorecard changes yet/),
    ).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Person'), {
      target: { value: 'user:default/arjun' },
    });
    fireEvent.change(screen.getByLabelText('From team'), {
      target: { value: 'group:default/data-lab' },
    });
    fireEvent.change(screen.getByLabelText('To team'), {
      target: { value: 'group:default/fraud' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add to draft' }));

    await waitFor(() => expect(fraudRow()).toBeTruthy());
    const row = within(fraudRow());
    // 6 → 7 people; the missing analytics translator is covered
    expect(row.getByText('6 → 7')).toBeInTheDocument();
    expect(row.getByText(/Skill coverage: fail → pass/)).toBeInTheDocument();
    expect(
      within(screen.getByLabelText('Changes in the draft')).getByText(
        'Move arjun from data-lab to fraud',
      ),
    ).toBeInTheDocument();
    // the change file to take away
    // the change file and the edits to take away (highlighted when loaded)
    await waitFor(() =>
      expect(screen.getByLabelText('Change file').textContent).toContain(
        'user: user:default/arjun',
      ),
    );
    await waitFor(() =>
      expect(screen.getByLabelText('Catalog edits').textContent).toContain(
        '- fraud',
      ),
    );
    expect(screen.getByLabelText('Catalog edits').textContent).toContain(
      'https://git.example.com/org/arjun.yaml',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Undo last change' }));
    expect(
      await screen.findByText(/No scorecard changes yet/),
    ).toBeInTheDocument();
  });

  it('opens a shared draft from its link, and says so when a link is broken', async () => {
    const plan = encodeDraft([
      { move: { user: 'arjun', from: 'data-lab', to: 'fraud' } },
    ]);
    await renderWithApi(<PlannerTab />, {
      catalogEntities: organisation(),
      routeEntries: [`/planner?plan=${plan}`],
    });
    await waitFor(() => expect(fraudRow()).toBeTruthy());

    await renderWithApi(<PlannerTab />, {
      catalogEntities: organisation(),
      routeEntries: ['/planner?plan=not-a-draft'],
    });
    expect(
      await screen.findByText(/The draft in this link cannot be read/),
    ).toBeInTheDocument();
  });

  it('names a change that refers to nobody instead of failing', async () => {
    await renderWithApi(<PlannerTab />, {
      catalogEntities: organisation(),
      routeEntries: ['/planner'],
    });
    await screen.findByText(/No scorecard changes yet/);
    fireEvent.click(screen.getByRole('button', { name: 'Add to draft' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "'user' must be a non-empty string",
    );
  });

  it('suggests the move that closes the gap, and adds it to the draft', async () => {
    await renderWithApi(<PlannerTab />, {
      catalogEntities: organisation(),
      routeEntries: ['/planner'],
    });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Suggest staffing' }),
    );
    const suggestions = await screen.findByLabelText('Staffing suggestions');
    const move = within(suggestions).getByText(
      /^Move arjun \(analytics translator\) from data-lab to fraud/,
    );
    fireEvent.click(
      within(move.closest('li')!).getByRole('button', { name: 'Add to draft' }),
    );
    await waitFor(() => expect(fraudRow()).toBeTruthy());
  });
});
