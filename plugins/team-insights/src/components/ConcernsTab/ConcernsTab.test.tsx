import { screen, within } from '@testing-library/react';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { MockTeamInsightsApi, emptyReport, fixtureReport } from '../../testing';
import { ConcernsTab } from './ConcernsTab';

describe('ConcernsTab', () => {
  it('shows concerns teams rebuild although a product covers them, with the teams and the product', async () => {
    await renderWithApi(<ConcernsTab />);
    const section = await screen.findByRole('region', {
      name: 'Rebuilt although a product covers them',
    });
    expect(within(section).getByText('Monitoring')).toBeInTheDocument();
    expect(section).toHaveTextContent(
      '1 team builds monitoring itself although a centralized team offers it as a product.',
    );
    expect(section).toHaveTextContent(
      'A centralized team exposes a product: opt-in, self-service, no communication needed.',
    );
    expect(
      within(
        within(section).getByRole('list', {
          name: 'Teams building Monitoring',
        }),
      ).getByRole('link'),
    ).toHaveAttribute('href', '/catalog/default/group/recommendations');
    expect(
      within(
        within(section).getByRole('list', {
          name: 'Products covering Monitoring',
        }),
      ).getByRole('link'),
    ).toHaveAttribute('href', '/catalog/default/component/metrics-platform');
  });

  it('asks a team that builds the concern itself to try the product or decline it', async () => {
    await renderWithApi(<ConcernsTab />);
    const section = await screen.findByRole('region', {
      name: 'Rebuilt although a product covers them',
    });
    expect(section).toHaveTextContent(
      'Try the product, or record that the team declined it and why',
    );
    expect(section).not.toHaveTextContent('declined the product');
  });

  it('does not ask a team that already declined the product to decline it', async () => {
    const report = {
      ...fixtureReport,
      concerns: fixtureReport.concerns.map(c =>
        c.concern === 'monitoring'
          ? { ...c, declined: ['group:default/recommendations'] }
          : c,
      ),
    };
    await renderWithApi(<ConcernsTab />, {
      api: new MockTeamInsightsApi({ report }),
    });
    const section = await screen.findByRole('region', {
      name: 'Rebuilt although a product covers them',
    });
    expect(section).toHaveTextContent(
      'The team declined the product, which opt-in allows',
    );
    expect(section).not.toHaveTextContent('record that the team declined it');
    expect(
      within(section).getByRole('list', { name: 'Teams building Monitoring' }),
    ).toHaveTextContent('recommendations (declined the product)');
  });

  it('asks only the teams that have not declined when some have', async () => {
    const report = {
      ...fixtureReport,
      concerns: fixtureReport.concerns.map(c =>
        c.concern === 'monitoring'
          ? {
              ...c,
              builtBy: [...c.builtBy, 'group:default/fraud-detection'],
              declined: ['group:default/recommendations'],
            }
          : c,
      ),
    };
    await renderWithApi(<ConcernsTab />, {
      api: new MockTeamInsightsApi({ report }),
    });
    const section = await screen.findByRole('region', {
      name: 'Rebuilt although a product covers them',
    });
    expect(section).toHaveTextContent(
      '1 of these teams declined the product, which opt-in allows. The 1 other: try the product, or record that the team declined it and why.',
    );
  });

  it('shows concerns that call for a centralized team, in the words of the article', async () => {
    await renderWithApi(<ConcernsTab />);
    const section = await screen.findByRole('region', {
      name: 'Candidates for a centralized team',
    });
    expect(section).toHaveTextContent('Data validation');
    expect(section).toHaveTextContent('3 teams build data-validation');
    expect(section).toHaveTextContent(
      'Extract cross-cutting concerns to a centralized team when they become evident',
    );
    expect(
      within(
        within(section).getByRole('list', {
          name: 'Teams building Data validation',
        }),
      ).getAllByRole('link'),
    ).toHaveLength(3);
  });

  it('lists covered and local concerns with their verdict in words', async () => {
    await renderWithApi(<ConcernsTab />);
    const table = await screen.findByRole('table', { name: 'Other concerns' });
    const row = within(table)
      .getByRole('rowheader', { name: 'Experiment tracking' })
      .closest('tr')!;
    expect(row).toHaveTextContent('Built locally');
    expect(
      within(table)
        .getByRole('rowheader', { name: 'Batch scheduling' })
        .closest('tr'),
    ).toHaveTextContent('Covered by a product');
  });

  it('flags a concern that has been a candidate long enough as evident, with its date', async () => {
    const base = new MockTeamInsightsApi();
    const { items } = await base.getConcerns();
    const report = {
      ...emptyReport,
      concerns: items.map(c =>
        c.verdict === 'centralize-candidate'
          ? { ...c, candidateSince: '2026-01-10T08:00:00.000Z', evident: true }
          : { ...c, candidateSince: null, evident: false },
      ),
    };
    await renderWithApi(<ConcernsTab />, {
      api: new MockTeamInsightsApi({ report }),
    });
    const section = await screen.findByRole('region', {
      name: 'Candidates for a centralized team',
    });
    expect(
      within(section).getByText('Evident: extract it'),
    ).toBeInTheDocument();
    expect(section).toHaveTextContent('candidate since 2026-01-10');
  });

  it('shows a recent candidate with its date but without the evident flag', async () => {
    const base = new MockTeamInsightsApi();
    const { items } = await base.getConcerns();
    const report = {
      ...emptyReport,
      concerns: items.map(c =>
        c.verdict === 'centralize-candidate'
          ? { ...c, candidateSince: '2026-03-01T08:00:00.000Z', evident: false }
          : c,
      ),
    };
    await renderWithApi(<ConcernsTab />, {
      api: new MockTeamInsightsApi({ report }),
    });
    const section = await screen.findByRole('region', {
      name: 'Candidates for a centralized team',
    });
    expect(section).toHaveTextContent('candidate since 2026-03-01');
    expect(screen.queryByText('Evident: extract it')).not.toBeInTheDocument();
  });

  it('shows how to declare a concern when none is declared', async () => {
    await renderWithApi(<ConcernsTab />, {
      api: new MockTeamInsightsApi({ report: emptyReport }),
    });
    expect(
      await screen.findByText('No cross-cutting concerns declared yet'),
    ).toBeInTheDocument();
  });
});
