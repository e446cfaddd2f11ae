import { ServiceUnavailableError } from '@backstage/errors';
import { screen, within } from '@testing-library/react';
import { pending, renderWithApi } from '../../__testUtils__/renderWithApi';
import { MockTeamInsightsApi, emptyReport } from '../../testing';
import { AdoptionTab } from './AdoptionTab';

describe('AdoptionTab', () => {
  it('lists products nobody adopts first, marked with a badge, with opt-in, rate and documentation level', async () => {
    await renderWithApi(<AdoptionTab />);
    const table = await screen.findByRole('table', { name: 'Products' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Batch Scheduler');
    expect(rows[0]).toHaveTextContent('No adopters');
    expect(rows[0]).toHaveTextContent('Mandatory');
    expect(rows[0]).toHaveTextContent('0 of 4 feature teams (0 %)');
    expect(rows[0]).toHaveTextContent('Bronze · 64');
    expect(
      within(rows[0]).getByRole('link', { name: 'ML Platform' }),
    ).toHaveAttribute('href', '/catalog/default/group/ml-platform');
    const featureStore = rows.find(r =>
      r.textContent?.includes('Feature Store'),
    )!;
    expect(featureStore).toHaveTextContent('Opt-in');
    // the rate says what it counts: feature teams, not all teams
    expect(featureStore).toHaveTextContent('2 of 4 feature teams (50 %)');
    expect(featureStore).not.toHaveTextContent('No adopters');
  });

  it('shows which feature team adopted or declined which product, in words', async () => {
    await renderWithApi(<AdoptionTab />);
    const matrix = await screen.findByRole('table', {
      name: 'Adoption matrix',
    });
    const header = within(matrix)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    expect(header[0]).toBe('Feature team');
    expect(header).toContain('Model Serving API1 of 4 feature teams (25 %)');

    const fraud = within(matrix)
      .getByRole('rowheader', { name: 'Fraud Detection' })
      .closest('tr')!;
    const cells = within(fraud).getAllByRole('cell');
    const column = (title: string) =>
      header.findIndex(h => h?.startsWith(title));
    expect(cells[column('Model Serving API') - 1]).toHaveTextContent(
      'Declined',
    );
    expect(cells[column('Metrics Platform') - 1]).toHaveTextContent('Adopted');
    // neither adopted nor declined: an empty cell, not the word "None"
    expect(cells[column('Feature Store') - 1]).toHaveTextContent(/^$/);
    expect(matrix).not.toHaveTextContent('None');
    // Only feature teams are rows: the platform team is not one.
    expect(
      within(matrix).queryByRole('rowheader', { name: 'ML Platform' }),
    ).not.toBeInTheDocument();
  });

  it('names the teams that declined a product, with the reason each gave', async () => {
    await renderWithApi(<AdoptionTab />);
    const table = await screen.findByRole('table', { name: 'Products' });
    const header = within(table)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    const declinedColumn = header.indexOf('Declined by');
    const row = within(table)
      .getByRole('link', { name: 'Model Serving API' })
      .closest('tr')!;
    const cell = within(row).getAllByRole('cell')[declinedColumn];
    const list = within(cell).getByRole('list', {
      name: 'Teams that declined Model Serving API',
    });
    expect(within(list).getByRole('link')).toHaveTextContent('Fraud Detection');
    expect(within(list).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/group/fraud-detection',
    );
    expect(list).toHaveTextContent('needs batch scoring of a whole day');
    // a product nobody declined says so without a count
    const featureStore = within(table)
      .getByRole('link', { name: 'Feature Store' })
      .closest('tr')!;
    expect(
      within(featureStore).getAllByRole('cell')[declinedColumn],
    ).toHaveTextContent('—');
  });

  it('puts wide tables in named regions that take keyboard focus to scroll', async () => {
    await renderWithApi(<AdoptionTab />);
    for (const name of [
      'Products, scrollable',
      'Adoption matrix, scrollable',
    ]) {
      const region = await screen.findByRole('region', { name });
      expect(region).toHaveAttribute('tabindex', '0');
      expect(within(region).getByRole('table')).toBeInTheDocument();
    }
  });

  it('shows a progress bar while loading and the error when the backend fails', async () => {
    const loading = new MockTeamInsightsApi();
    loading.getAdoption = () => pending();
    const first = await renderWithApi(<AdoptionTab />, { api: loading });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    first.unmount();

    const failing = new MockTeamInsightsApi();
    failing.getAdoption = async () => {
      throw new ServiceUnavailableError('Evaluation has not run yet');
    };
    await renderWithApi(<AdoptionTab />, { api: failing });
    expect(
      await screen.findByText('Error: Evaluation has not run yet'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Stack Trace')).not.toBeInTheDocument();
  });

  it('asks for the adoption aggregates only, never for the whole report', async () => {
    const api = new MockTeamInsightsApi();
    await renderWithApi(<AdoptionTab />, { api });
    await screen.findByRole('table', { name: 'Adoption matrix' });
    expect(api.calls.map(c => c.method)).toEqual(['getAdoption']);
  });

  it('explains where products come from when there are none', async () => {
    await renderWithApi(<AdoptionTab />, {
      api: new MockTeamInsightsApi({ report: emptyReport }),
    });
    expect(
      await screen.findByText('No platform products yet'),
    ).toBeInTheDocument();
  });
});
