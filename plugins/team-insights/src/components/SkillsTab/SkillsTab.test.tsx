import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { MockTeamInsightsApi, emptyReport } from '../../testing';
import { useLocation } from 'react-router-dom';
import { SkillsTab } from './SkillsTab';

describe('SkillsTab', () => {
  it('adds up the supply of each skill cluster across the organisation', async () => {
    await renderWithApi(<SkillsTab />);
    const table = await screen.findByRole('table', { name: 'Skill supply' });
    const row = (title: string) =>
      within(table).getByRole('rowheader', { name: title }).closest('tr')!;
    // 4 (Data Lab) + 5 (Fraud Detection) + 3 (Pricing) + 3 (Recommendations) + 2 (Search Ranking)
    expect(
      within(row('Data scientist'))
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual(['17', '16', '5', '0']);
    // Required by four feature teams, missing in Pricing and Recommendations.
    expect(
      within(row('Analytics translator'))
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual(['4', '3', '3', '2']);
    expect(
      screen.getByRole('img', {
        name: /Bar chart of people per skill cluster/,
      }),
    ).toHaveAccessibleName(expect.stringContaining('Data scientist 17'));
  });

  it('marks required clusters a team is missing, in words', async () => {
    await renderWithApi(<SkillsTab />);
    const heatmap = await screen.findByRole('table', {
      name: 'Skills per team',
    });
    const recs = within(heatmap)
      .getByRole('rowheader', { name: 'Recommendations' })
      .closest('tr')!;
    const missing = within(recs).getByRole('cell', {
      name: 'Analytics translator: required but missing',
    });
    expect(missing).toHaveTextContent('Missing');
    expect(
      within(recs).getByRole('cell', {
        name: 'Site reliability engineer: 1 person, required',
      }),
    ).toHaveTextContent('1');
  });

  it('narrows the heatmap to teams missing a required cluster', async () => {
    await renderWithApi(<SkillsTab />);
    const heatmap = await screen.findByRole('table', {
      name: 'Skills per team',
    });
    expect(within(heatmap).getAllByRole('rowheader')).toHaveLength(7);
    await userEvent.click(
      screen.getByRole('checkbox', {
        name: 'Only teams missing a required cluster',
      }),
    );
    expect(
      within(heatmap)
        .getAllByRole('rowheader')
        .map(r => r.textContent),
    ).toEqual(['Pricing', 'Recommendations']);
  });

  it('asks for the skill aggregates and staffing only, never for the whole report', async () => {
    const api = new MockTeamInsightsApi();
    await renderWithApi(<SkillsTab />, { api });
    await screen.findByRole('table', { name: 'Skill supply' });
    await screen.findByText(
      /Every team considered holds its required clusters/,
    );
    expect(api.calls.map(c => c.method).sort()).toEqual([
      'getSkills',
      'getStaffing',
    ]);
  });

  it('suggests hires or moves, each opening the planner with it as a draft', async () => {
    function Where() {
      const location = useLocation();
      return (
        <output aria-label="location">
          {location.pathname}
          {location.search}
        </output>
      );
    }
    const hire = {
      kind: 'hire' as const,
      cluster: 'analytics-translator',
      team: 'group:default/pricing',
      closes: [],
      levels: [],
      change: {
        headcount: { team: 'pricing', skills: 'analytics-translator=1' },
      },
      text: 'Hire an analytics translator into Pricing',
    };
    class StaffedApi extends MockTeamInsightsApi {
      async getStaffing() {
        return {
          teams: ['group:default/pricing'],
          gapsBefore: 1,
          suggestions: [hire],
          remaining: [],
          summary: ['1 analytics translator brings 1 team to full coverage'],
          evaluatedAt: '2026-03-02T06:00:00.000Z',
          method: 'greedy' as const,
        };
      }
    }
    await renderWithApi(
      <>
        <SkillsTab />
        <Where />
      </>,
      { api: new StaffedApi() },
    );
    const list = await screen.findByRole('list', {
      name: 'Staffing suggestions',
    });
    const first = within(list).getAllByRole('listitem')[0];
    // Pricing and Recommendations lack an analytics translator
    expect(first).toHaveTextContent(/analytics translator/i);
    await userEvent.click(
      within(first).getByRole('button', { name: 'Try in the planner' }),
    );
    const where = screen.getByRole('status', { name: 'location' });
    expect(where.textContent).toMatch(/^\/team-insights\/planner\?plan=/);
    const draft = new URLSearchParams(
      where.textContent!.slice(where.textContent!.indexOf('?')),
    ).get('plan')!;
    const changes = JSON.parse(
      atob(draft.replace(/-/g, '+').replace(/_/g, '/')),
    ).changes;
    expect(changes).toEqual([hire.change]);
  });

  it('says what to annotate first when no team is evaluated', async () => {
    await renderWithApi(<SkillsTab />, {
      api: new MockTeamInsightsApi({ report: emptyReport }),
    });
    expect(
      await screen.findByText('No teams evaluated yet'),
    ).toBeInTheDocument();
  });
});
