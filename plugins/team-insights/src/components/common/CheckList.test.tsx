import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CheckResult } from '@team-insights/plugin-team-insights-common';
import { findCode, renderWithApi } from '../../__testUtils__/renderWithApi';
import { CheckList } from './CheckList';

const checks: CheckResult[] = [
  {
    id: 'composition.team-size',
    title: 'Team size',
    status: 'pass',
    weight: 2,
    message: '6 people: 15 communication paths.',
  },
  {
    id: 'composition.skill-coverage',
    title: 'Skill coverage',
    status: 'fail',
    weight: 3,
    message: 'Missing required skill cluster: analytics-translator.',
    remediation:
      'Add an analytics translator:\n\n```yaml\nmetadata:\n  annotations:\n    team-insights.io/skills: analytics-translator=1\n```',
  },
  {
    id: 'composition.redundancy',
    title: 'Redundancy',
    status: 'warn',
    weight: 1,
    message: 'site-reliability-engineer is held by 1 person only.',
    remediation: 'Let a second person pick up site reliability engineering.',
  },
  {
    id: 'docs.techdocs',
    title: 'TechDocs',
    status: 'fail',
    weight: 3,
    message: 'No TechDocs.',
    waived: { until: '2026-06-30', reason: 'Docs move with the rewrite' },
  },
];

describe('CheckList', () => {
  it('lists active failures first, then warnings, waived checks and passes, each status as an icon plus words', async () => {
    await renderWithApi(
      <CheckList label="Checks of Team composition" checks={checks} />,
    );
    const items = within(
      screen.getByRole('list', { name: 'Checks of Team composition' }),
    ).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      expect.stringMatching(/^Fail.*Skill coverage/),
      expect.stringMatching(/^Warning.*Redundancy/),
      expect.stringMatching(/^Fail.*TechDocs.*Waived until/),
      expect.stringMatching(/^Pass.*Team size/),
    ]);
  });

  it('shows the remediation of a failing check with its YAML ready to copy and a link to edit the file', async () => {
    await renderWithApi(
      <CheckList
        label="Checks"
        checks={checks}
        editUrl="https://git.example.com/ml/recs/edit/main/catalog-info.yaml"
      />,
    );
    const remediation = screen.getByRole('region', {
      name: 'Remediation for Skill coverage',
    });
    expect(
      within(remediation).getByText('Add an analytics translator:'),
    ).toBeInTheDocument();
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
      within(remediation).getByRole('link', { name: /Edit catalog-info.yaml/ }),
    ).toHaveAttribute(
      'href',
      'https://git.example.com/ml/recs/edit/main/catalog-info.yaml',
    );
    expect(
      screen.queryByRole('region', { name: 'Remediation for Team size' }),
    ).not.toBeInTheDocument();
    // Nothing to paste, so nothing to edit.
    const prose = screen.getByRole('region', {
      name: 'Remediation for Redundancy',
    });
    expect(prose).toHaveTextContent('Let a second person pick up');
    expect(within(prose).queryByRole('link')).not.toBeInTheDocument();
  });

  it('names the entities in a remediation by their links, not as raw refs', async () => {
    await renderWithApi(
      <CheckList
        label="Checks"
        checks={[
          {
            id: 'docs.description',
            title: 'Description',
            status: 'warn',
            weight: 2,
            message: '1 of 2 owned entities pass (50 %).',
            remediation:
              'Fix it on each failing entity.\n\nThe fix for component:default/ranker:\n\n```yaml\nkind: Component\n```',
          },
        ]}
      />,
    );
    const region = screen.getByRole('region', {
      name: 'Remediation for Description',
    });
    const link = await within(region).findByRole('link', { name: /ranker/ });
    expect(link).toHaveAttribute('href', '/catalog/default/component/ranker');
    expect(region).not.toHaveTextContent('component:default/ranker');
  });

  it('explains why a built-in check matters, in the words of the article, on request', async () => {
    await renderWithApi(<CheckList label="Checks" checks={checks} />);
    const coverage = screen.getByText('Skill coverage').closest('li')!;
    const summary = within(coverage).getByText('Why it matters');
    expect(summary.closest('details')).not.toHaveAttribute('open');
    await userEvent.click(summary);
    expect(summary.closest('details')).toHaveAttribute('open');
    expect(coverage).toHaveTextContent(
      'Without an analytics translator, chances are the team solves the wrong problem.',
    );
  });

  it('marks a waived check as waived, with its date and reason', async () => {
    await renderWithApi(<CheckList label="Checks" checks={checks} />);
    expect(screen.getByText('Waived until 2026-06-30')).toBeInTheDocument();
    expect(
      screen.getByText(/Waived until 2026-06-30: Docs move with the rewrite/),
    ).toHaveTextContent('its real status is fail');
  });
});
