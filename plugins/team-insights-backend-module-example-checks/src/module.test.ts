import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
// The test runs the module inside the plugin it extends.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import teamInsightsPlugin from '@team-insights/plugin-team-insights-backend';
import request from 'supertest';
import exampleChecks from './index';

function team(name: string, headCounts: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'team-insights.io/team-type': 'feature',
        'team-insights.io/skills': headCounts,
      },
    },
    spec: { type: 'team', children: [] },
  };
}

describe('the example checks module', () => {
  jest.setTimeout(60_000);

  it('adds the on-call check to the scorecards the backend serves', async () => {
    const backend = await startTestBackend({
      features: [
        teamInsightsPlugin,
        exampleChecks,
        catalogServiceMock.factory({
          entities: [
            team('pair', 'data-engineer=2'),
            team('squad', 'data-engineer=2, data-scientist=2'),
          ],
        }),
        mockServices.rootConfig.factory({
          data: { teamInsights: { refresh: { warmUp: { seconds: 0 } } } },
        }),
      ],
    });
    try {
      const checkOf = async (name: string) => {
        const res = await request(backend.server).get(
          `/api/team-insights/v1/entities/group/default/${name}`,
        );
        expect(res.status).toBe(200);
        return res.body.team.scorecards.composition.checks.find(
          (c: { id: string }) => c.id === 'composition.on-call',
        );
      };
      expect(await checkOf('pair')).toMatchObject({
        status: 'fail',
        message: '2 people cannot run a humane rotation.',
        remediation:
          'Grow the team or hand the service to a team that can run it.',
      });
      expect(await checkOf('squad')).toMatchObject({
        status: 'pass',
        message: '4 people can share the pager.',
      });
    } finally {
      await backend.stop();
    }
  });
});
