import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { AdoptionTab } from '../AdoptionTab';
import { ChecksTab } from '../ChecksTab';
import { ConcernsTab } from '../ConcernsTab';
import { OverviewTab } from '../OverviewTab';
import { PlannerTab } from '../PlannerTab';
import { SkillsTab } from '../SkillsTab';
import { TrendsTab } from '../TrendsTab';
import { InitiativesTab } from '../InitiativesTab';

/** The tabs of the Team Insights page, each with its own URL. */
export const TEAM_INSIGHTS_TABS = [
  { path: 'overview', title: 'Overview', element: <OverviewTab /> },
  { path: 'adoption', title: 'Adoption', element: <AdoptionTab /> },
  { path: 'skills', title: 'Skills', element: <SkillsTab /> },
  { path: 'concerns', title: 'Concerns', element: <ConcernsTab /> },
  { path: 'checks', title: 'Checks', element: <ChecksTab /> },
  { path: 'trends', title: 'Trends', element: <TrendsTab /> },
  { path: 'initiatives', title: 'Initiatives', element: <InitiativesTab /> },
  { path: 'planner', title: 'Planner', element: <PlannerTab /> },
];

/**
 * The Team Insights page for the legacy frontend system: a header and one
 * tab per view (`/team-insights/overview`, `/adoption`, `/skills`,
 * `/concerns`, `/checks`, `/trends`, `/initiatives`, `/planner`).
 */
export function TeamInsightsPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Team Insights"
        subtitle="Team composition, platform adoption and documentation of every team"
      />
      <TabbedLayout>
        {TEAM_INSIGHTS_TABS.map(tab => (
          <TabbedLayout.Route
            key={tab.path}
            path={`/${tab.path}`}
            title={tab.title}
          >
            {tab.element}
          </TabbedLayout.Route>
        ))}
      </TabbedLayout>
    </Page>
  );
}
