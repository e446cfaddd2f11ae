import { ServiceUnavailableError } from '@backstage/errors';
import { screen, within } from '@testing-library/react';
import {
  entityFor,
  findCode,
  pending,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { MockTeamInsightsApi } from '../../testing';
import { EntityDocumentationCard } from './EntityDocumentationCard';

const monitoring = entityFor('component:default/recs-monitoring', {
  type: 'service',
});

describe('EntityDocumentationCard', () => {
  it('shows the score and level with the checklist, failing checks first', async () => {
    await renderWithApi(<EntityDocumentationCard />, { entity: monitoring });
    expect(await screen.findByText('Bronze · 58')).toBeInTheDocument();
    const checks = screen.getByRole('list', { name: 'Documentation checks' });
    const items = within(checks).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(/^Fail.*Description/);
    expect(items[items.length - 1]).toHaveTextContent(/^Not applicable/);
  });

  it('gives each failing check its remediation with YAML to copy and a link to edit the file', async () => {
    await renderWithApi(<EntityDocumentationCard />, { entity: monitoring });
    const remediation = await screen.findByRole('region', {
      name: 'Remediation for Description',
    });
    expect(remediation).toHaveTextContent(
      'Say in a sentence or two what it is for and who uses it, so other teams need not ask:',
    );
    expect(
      await findCode(remediation, 'description: <your-description>'),
    ).toBeInTheDocument();
    expect(
      within(remediation).getByRole('button', { name: 'Copy text' }),
    ).toBeInTheDocument();
    expect(
      within(remediation).getByRole('link', { name: /Edit catalog-info.yaml/ }),
    ).toHaveAttribute(
      'href',
      'https://git.example.com/ml/recs-monitoring/edit/main/catalog-info.yaml',
    );
  });

  it('shows a waived check as waived, with its date and reason', async () => {
    await renderWithApi(<EntityDocumentationCard />, { entity: monitoring });
    const techdocs = (
      await within(
        await screen.findByRole('list', { name: 'Documentation checks' }),
      ).findAllByRole('listitem')
    ).find(item => item.textContent?.includes('TechDocs'))!;
    expect(techdocs).toHaveTextContent('Waived until 2026-06-30');
    expect(techdocs).toHaveTextContent(
      'Docs move to TechDocs together with the monitoring rewrite',
    );
  });

  it('says how a product is adopted', async () => {
    await renderWithApi(<EntityDocumentationCard />, {
      entity: entityFor('component:default/batch-scheduler'),
    });
    expect(
      await screen.findByText(/Platform product \(mandatory\) · 0 adopters/),
    ).toBeInTheDocument();
  });

  it('lists annotation mistakes found on the entity', async () => {
    await renderWithApi(<EntityDocumentationCard />, {
      entity: entityFor('component:default/churn-prototype'),
    });
    const findings = await screen.findByRole('region', {
      name: 'Annotation findings',
    });
    expect(findings).toHaveTextContent(
      "waiver for 'docs.techdocs' expired on 2026-01-31",
    );
    expect(findings).toHaveTextContent('team-insights.io/waivers');
  });

  it('says what to document first when the entity has no scorecard', async () => {
    await renderWithApi(<EntityDocumentationCard />, {
      entity: entityFor('component:default/brand-new'),
    });
    expect(
      await screen.findByText('No documentation scorecard for this entity yet'),
    ).toBeInTheDocument();
    expect(
      await findCode(document.body, 'backstage.io/techdocs-ref: dir:.'),
    ).toBeInTheDocument();
  });

  it('shows loading and errors', async () => {
    const loading = new MockTeamInsightsApi();
    loading.getEntityScorecards = () => pending();
    const first = await renderWithApi(<EntityDocumentationCard />, {
      entity: monitoring,
      api: loading,
    });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    first.unmount();

    const failing = new MockTeamInsightsApi();
    failing.getEntityScorecards = async () => {
      throw new ServiceUnavailableError('Backend restarting');
    };
    await renderWithApi(<EntityDocumentationCard />, {
      entity: monitoring,
      api: failing,
    });
    expect(
      await screen.findByText('Error: Backend restarting'),
    ).toBeInTheDocument();
  });
});
