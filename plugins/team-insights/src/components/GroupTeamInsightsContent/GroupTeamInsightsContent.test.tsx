import { ServiceUnavailableError } from '@backstage/errors';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  entityFor,
  findCode,
  pending,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { MockTeamInsightsApi } from '../../testing';
import { GroupTeamInsightsContent } from './GroupTeamInsightsContent';

const recommendations = entityFor('group:default/recommendations', {
  type: 'team',
});

describe('GroupTeamInsightsContent', () => {
  describe('for a feature team', () => {
    it('opens with the three next steps worth the most points, before any check list, and folds passing checks', async () => {
      await renderWithApi(<GroupTeamInsightsContent />, {
        entity: recommendations,
      });
      const steps = await screen.findByRole('list', {
        name: 'Next steps for Recommendations',
      });
      const items = within(steps).getAllByRole('listitem');
      expect(items).toHaveLength(3);
      expect(items[0]).toHaveTextContent('Reuse of platform products');
      expect(items[0]).toHaveTextContent('+50 points: gold');
      expect(items[1]).toHaveTextContent('TechDocs');
      expect(items[1]).toHaveTextContent('+25 points: silver');
      expect(items[2]).toHaveTextContent('Skill coverage');
      expect(items[2]).toHaveTextContent('+23 points: silver');
      const checks = screen.getByRole('list', {
        name: 'Checks of Team composition',
      });
      expect(
        steps.compareDocumentPosition(checks) &
          Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
      // Three composition checks pass: folded behind one line.
      expect(
        screen.getByText('3 passing').closest('details'),
      ).not.toHaveAttribute('open');
    });

    it('links each failing or warning check to who else fails it, and not a passing one', async () => {
      await renderWithApi(<GroupTeamInsightsContent />, {
        entity: recommendations,
      });
      const checks = await screen.findByRole('list', {
        name: 'Checks of Team composition',
      });
      expect(
        within(checks).getByRole('link', {
          name: 'Who else fails Skill coverage?',
        }),
      ).toHaveAttribute(
        'href',
        '/team-insights/checks?check=composition.skill-coverage&status=fail',
      );
      expect(
        screen.getByRole('link', {
          name: 'Who else warns on Reuse of platform products?',
        }),
      ).toHaveAttribute(
        'href',
        '/team-insights/checks?check=adoption.reuse&status=warn',
      );
      expect(
        screen.queryByRole('link', { name: /^Who else .* Team size\?$/ }),
      ).not.toBeInTheDocument();
    });

    it('shows the clusters held against those required, the size with its communication paths and the single points of failure', async () => {
      await renderWithApi(<GroupTeamInsightsContent />, {
        entity: recommendations,
      });
      const clusters = await screen.findByRole('table', {
        name: 'Skill clusters of Recommendations',
      });
      const row = (name: string) =>
        within(clusters).getByRole('rowheader', { name }).closest('tr')!;
      expect(row('Analytics translator')).toHaveTextContent('Missing');
      expect(row('Site reliability engineer')).toHaveTextContent(
        'Single point of failure',
      );
      expect(row('Data scientist')).toHaveTextContent('Covered');
      expect(
        screen.getByText(
          /6 people \(4 members, 2 declared as head counts\): 15 communication paths/,
        ),
      ).toBeInTheDocument();
      expect(
        screen.getByText('Held by one person only: Site reliability engineer.'),
      ).toBeInTheDocument();
    });

    it('gives each failing check its remediation with copyable YAML and a link to edit the group', async () => {
      await renderWithApi(<GroupTeamInsightsContent />, {
        entity: recommendations,
      });
      const remediation = await screen.findByRole('region', {
        name: 'Remediation for Skill coverage',
      });
      expect(remediation).toHaveTextContent(
        'Bring the missing skills into the team, so it is end-to-end responsible without hand-overs',
      );
      expect(
        await findCode(
          remediation,
          'team-insights.io/skills: analytics-translator=1',
        ),
      ).toBeInTheDocument();
      expect(
        within(remediation).getByRole('button', { name: 'Copy text' }),
      ).toBeInTheDocument();
      expect(
        within(remediation).getByRole('link', {
          name: /Edit catalog-info.yaml/,
        }),
      ).toHaveAttribute(
        'href',
        'https://git.example.com/ml/recommendations/edit/main/catalog-info.yaml',
      );
    });

    it('lists the products the team uses and the concerns it rebuilds next to a product', async () => {
      await renderWithApi(<GroupTeamInsightsContent />, {
        entity: recommendations,
      });
      const used = await screen.findByRole('list', {
        name: 'Products used by Recommendations',
      });
      expect(within(used).getByRole('link')).toHaveAttribute(
        'href',
        '/catalog/default/component/feature-store',
      );
      const rebuilt = screen.getByRole('list', {
        name: 'Concerns rebuilt by Recommendations',
      });
      expect(rebuilt).toHaveTextContent('Monitoring, offered as a product by');
      expect(within(rebuilt).getByRole('link')).toHaveAttribute(
        'href',
        '/catalog/default/component/metrics-platform',
      );
    });

    it('lists the owned entities worst documented first', async () => {
      await renderWithApi(<GroupTeamInsightsContent />, {
        entity: recommendations,
      });
      const owned = await screen.findByRole('table', {
        name: 'Entities owned by Recommendations',
      });
      expect(
        within(owned)
          .getAllByRole('rowheader')
          .map(cell => cell.textContent),
      ).toEqual([
        'Recommendations Data Validation',
        'Recommendations Monitoring',
        'Recommendations',
        'Recommendations Service',
      ]);
      expect(
        within(owned)
          .getByRole('rowheader', { name: 'Recommendations Service' })
          .closest('tr'),
      ).toHaveTextContent('Silver · 75');
    });

    it('charts the history of each scorecard with the data as a table', async () => {
      await renderWithApi(<GroupTeamInsightsContent />, {
        entity: recommendations,
      });
      const figure = await screen.findByRole('figure', {
        name: 'Team composition history',
      });
      expect(
        within(figure).getByRole('img', {
          name: /Latest \(2026-03-02\): Team composition 54\./,
        }),
      ).toBeInTheDocument();
      expect(within(figure).getAllByRole('row')).toHaveLength(31);
    });

    it('charts 90 days of history by default, another period from its picker or the URL', async () => {
      const api = new MockTeamInsightsApi();
      await renderWithApi(<GroupTeamInsightsContent />, {
        api,
        entity: recommendations,
      });
      await screen.findByRole('figure', { name: 'Team composition history' });
      const picker = screen.getByRole('button', { name: /History period/ });
      expect(picker).toHaveTextContent('Last 90 days');
      await userEvent.click(picker);
      await userEvent.click(
        screen.getByRole('option', { name: 'Last 365 days' }),
      );
      await waitFor(() =>
        expect(
          screen.getByRole('button', { name: /History period/ }),
        ).toHaveTextContent('Last 365 days'),
      );
      await screen.findByRole('figure', { name: 'Team composition history' });
      const history = (ref: string, a: MockTeamInsightsApi) =>
        a.calls
          .filter(c => c.method === 'getEntityHistory' && c.args[0] === ref)
          .map(c => c.args[1]);
      expect(history('group:default/recommendations', api)).toEqual([
        { days: 90 },
        { days: 365 },
      ]);

      const linked = new MockTeamInsightsApi();
      await renderWithApi(<GroupTeamInsightsContent />, {
        api: linked,
        entity: recommendations,
        routeEntries: ['/?days=30'],
      });
      await waitFor(() =>
        expect(history('group:default/recommendations', linked)).toEqual([
          { days: 30 },
        ]),
      );
    });

    it('lists the annotation mistakes of its members', async () => {
      await renderWithApi(<GroupTeamInsightsContent />, {
        entity: recommendations,
      });
      const findings = await screen.findByRole('region', {
        name: 'Annotation findings',
      });
      expect(findings).toHaveTextContent(
        "Errorunknown skill cluster 'data-sceintist' (did you mean 'data-scientist'?)",
      );
    });

    it('asks a team that has not declared its type to declare it', async () => {
      await renderWithApi(<GroupTeamInsightsContent />, {
        entity: entityFor('group:default/pricing', { type: 'team' }),
      });
      expect(
        await screen.findByText(/This team does not declare its type/),
      ).toBeInTheDocument();
    });
  });

  it('shows a centralized team its products and who adopts them', async () => {
    await renderWithApi(<GroupTeamInsightsContent />, {
      entity: entityFor('group:default/ml-platform', { type: 'team' }),
    });
    const products = await screen.findByRole('table', {
      name: 'Products of ML Platform',
    });
    const scheduler = within(products)
      .getAllByRole('rowheader')
      .find(cell =>
        within(cell)
          .queryByRole('link')
          ?.getAttribute('href')
          ?.endsWith('/batch-scheduler'),
      )!
      .closest('tr')!;
    expect(scheduler).toHaveTextContent('Mandatory');
    expect(scheduler).toHaveTextContent('No adopters');
    // the platform team reads why a team declined its product
    const serving = within(products)
      .getAllByRole('rowheader')
      .find(cell =>
        within(cell)
          .queryByRole('link')
          ?.getAttribute('href')
          ?.endsWith('/model-serving-api'),
      )!
      .closest('tr')!;
    expect(serving).toHaveTextContent('“needs batch scoring of a whole day”');
    expect(
      screen.getByRole('region', { name: 'Remediation for Opt-in' }),
    ).toHaveTextContent('Make the products opt-in');
  });

  it('shows an organisational unit its roll-up and its teams', async () => {
    await renderWithApi(<GroupTeamInsightsContent />, {
      entity: entityFor('group:default/ml', { type: 'department' }),
    });
    const composition = await screen.findByRole('region', {
      name: 'Team composition roll-up',
    });
    expect(composition).toHaveTextContent('Silver · 80');
    expect(
      within(composition).getByText('Gold').closest('li'),
    ).toHaveTextContent('3 teams');
    const teams = screen.getByRole('table', {
      name: 'Teams of Machine Learning',
    });
    expect(within(teams).getAllByRole('rowheader')).toHaveLength(7);
    // the team column stays in view when the table scrolls sideways, on an
    // opaque background so the scrolled cells do not show through
    for (const cell of [
      within(teams).getAllByRole('rowheader')[0],
      within(teams).getByRole('columnheader', { name: 'Team' }),
    ]) {
      const style = getComputedStyle(cell);
      expect(style.position).toBe('sticky');
      expect(style.left).toBe('0px');
      expect(style.backgroundColor).not.toMatch(/^(|transparent)$/);
    }
    expect(
      getComputedStyle(
        within(teams).getByRole('columnheader', { name: 'Size' }),
      ).position,
    ).not.toBe('sticky');
  });

  it("charts an organisational unit's own history over the period its picker sets", async () => {
    const api = new MockTeamInsightsApi();
    await renderWithApi(<GroupTeamInsightsContent />, {
      api,
      entity: entityFor('group:default/ml', { type: 'department' }),
      // a period the picker does not offer means the default
      routeEntries: ['/?days=45'],
    });
    const figure = await screen.findByRole('figure', {
      name: 'Machine Learning: score per scorecard, last 90 days',
    });
    expect(
      within(figure).getByRole('img', {
        name: /Latest \(2026-03-02\): Team composition 80,/,
      }),
    ).toBeInTheDocument();
    // a header row and one row a day
    expect(within(figure).getAllByRole('row')).toHaveLength(91);

    await userEvent.click(screen.getByRole('button', { name: /Period/ }));
    await userEvent.click(
      screen.getByRole('option', { name: 'Last 365 days' }),
    );
    const year = await screen.findByRole('figure', {
      name: 'Machine Learning: score per scorecard, last 365 days',
    });
    expect(within(year).getAllByRole('row')).toHaveLength(366);
    expect(
      api.calls.filter(c => c.method === 'getTrends').map(c => c.args[0]),
    ).toEqual([
      { days: 90, orgUnit: 'group:default/ml' },
      { days: 365, orgUnit: 'group:default/ml' },
    ]);
  });

  it('says what to annotate when the group has not been evaluated', async () => {
    await renderWithApi(<GroupTeamInsightsContent />, {
      entity: entityFor('group:default/newcomers', { type: 'team' }),
    });
    expect(
      await screen.findByText('This group has not been evaluated yet'),
    ).toBeInTheDocument();
    expect(await findCode(document.body, 'name: newcomers')).toHaveTextContent(
      'team-insights.io/team-type: feature',
    );
  });

  it('shows loading, errors and an out-of-date report', async () => {
    const loading = new MockTeamInsightsApi();
    loading.getEntityScorecards = () => pending();
    const first = await renderWithApi(<GroupTeamInsightsContent />, {
      entity: recommendations,
      api: loading,
    });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    first.unmount();

    const failing = new MockTeamInsightsApi();
    failing.getEntityScorecards = async () => {
      throw new ServiceUnavailableError('Try again in a minute');
    };
    const second = await renderWithApi(<GroupTeamInsightsContent />, {
      entity: recommendations,
      api: failing,
    });
    expect(
      await screen.findByText('Error: Try again in a minute'),
    ).toBeInTheDocument();
    second.unmount();

    await renderWithApi(<GroupTeamInsightsContent />, {
      entity: recommendations,
      api: new MockTeamInsightsApi({ stale: true }),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This report is out of date',
    );
  });
});
