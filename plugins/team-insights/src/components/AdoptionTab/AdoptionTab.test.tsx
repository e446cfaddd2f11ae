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
    expect(rows[0]).toHaveTextContent('0 %');
    expect(rows[0]).toHaveTextContent('Bronze · 64');
    expect(
      within(rows[0]).getByRole('link', { name: 'ML Platform' }),
    ).toHaveAttribute('href', '/catalog/default/group/ml-platform');
    const featureStore = rows.find(r =>
      r.textContent?.includes('Feature Store'),
    )!;
    expect(featureStore).toHaveTextContent('Opt-in');
    expect(featureStore).toHaveTextContent('50 %');
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
    expect(header).toContain('Model Serving API25 % adopted');

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
    expect(cells[column('Feature Store') - 1]).toHaveTextContent('None');
    // Only feature teams are rows: the platform team is not one.
    expect(
      within(matrix).queryByRole('rowheader', { name: 'ML Platform' }),
    ).not.toBeInTheDocument();
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
