import { Content, Header, Page, SidebarItem } from '@backstage/core-components';
import {
  attachComponentData,
  useRouteRefParams,
} from '@backstage/core-plugin-api';
import { createDevApp, EntityGridItem } from '@backstage/dev-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import Grid from '@material-ui/core/Grid';
import DescriptionIcon from '@material-ui/icons/Description';
import GroupIcon from '@material-ui/icons/Group';
import {
  EntityDocumentationScoreCard,
  EntityTeamInsightsContent,
  EntityTeamInsightsSummaryCard,
  TeamInsightsPage,
  teamInsightsApiRef,
  teamInsightsPlugin,
} from '../src';
import {
  MockTeamInsightsApi,
  emptyReport,
  fixtureReport,
} from '../src/testing';

/*
 * Runs the plugin alone against the fixture report. Add `?mock=stale` to see
 * the out-of-date banner, `?mock=empty` for an organisation that has
 * annotated nothing yet.
 */
const mode = new URLSearchParams(window.location.search).get('mock');
const api = new MockTeamInsightsApi({
  report: mode === 'empty' ? emptyReport : fixtureReport,
  stale: mode === 'stale',
});

function entityOf(ref: string, title?: string): Entity {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: kind.charAt(0).toLocaleUpperCase('en-US') + kind.slice(1),
    metadata: {
      name,
      namespace,
      title,
      annotations: {
        'backstage.io/edit-url': `https://git.example.com/ml/${name}/edit/main/catalog-info.yaml`,
      },
    },
    spec: {
      type:
        kind === 'group' &&
        fixtureReport.orgUnits.every(o => o.entityRef !== ref)
          ? 'team'
          : 'department',
    },
  };
}

const groups = [
  ...fixtureReport.teams.map(t => entityOf(t.entityRef, t.title)),
  ...fixtureReport.orgUnits.map(o => entityOf(o.entityRef, o.title)),
];

/** Stands in for the catalog's entity page, so entity links resolve. */
function DevEntityPage() {
  const { kind, namespace, name } = useRouteRefParams(entityRouteRef);
  const ref = `${kind.toLocaleLowerCase('en-US')}:${namespace}/${name}`;
  const entity = entityOf(ref);
  return (
    <Page themeId="tool">
      <Header title={ref} type={kind} />
      <Content>
        <EntityProvider entity={entity}>
          {entity.kind === 'Group' ? (
            <Grid container spacing={3}>
              <EntityGridItem xs={12} md={4} entity={entity}>
                <EntityTeamInsightsSummaryCard />
              </EntityGridItem>
              <Grid item xs={12}>
                <EntityTeamInsightsContent />
              </Grid>
            </Grid>
          ) : (
            <Grid container spacing={3}>
              <EntityGridItem xs={12} md={8} entity={entity}>
                <EntityDocumentationScoreCard />
              </EntityGridItem>
            </Grid>
          )}
        </EntityProvider>
      </Content>
    </Page>
  );
}
attachComponentData(DevEntityPage, 'core.mountPoint', entityRouteRef);

createDevApp()
  .registerPlugin(teamInsightsPlugin)
  .registerApi({ api: teamInsightsApiRef, deps: {}, factory: () => api })
  .registerApi({
    api: catalogApiRef,
    deps: {},
    factory: () => catalogApiMock({ entities: groups }),
  })
  .addPage({
    element: <TeamInsightsPage />,
    title: 'Team Insights',
    path: '/team-insights',
  })
  .addPage({
    element: <DevEntityPage />,
    path: '/catalog/:namespace/:kind/:name',
  })
  .addSidebarItem(
    <SidebarItem
      key="team"
      icon={GroupIcon}
      to="/catalog/default/group/recommendations"
      text="A team"
    />,
  )
  .addSidebarItem(
    <SidebarItem
      key="unit"
      icon={GroupIcon}
      to="/catalog/default/group/ml"
      text="An org unit"
    />,
  )
  .addSidebarItem(
    <SidebarItem
      key="component"
      icon={DescriptionIcon}
      to="/catalog/default/component/recs-monitoring"
      text="A component"
    />,
  )
  .render();
