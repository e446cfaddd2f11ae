import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import teamInsightsPlugin from '@team-insights/plugin-team-insights-backend';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { teamInsightsDemoHistory } from './demoHistory';

const historyFile = path.resolve(
  __dirname,
  '../../../examples/history/demo-history.json',
);

describe('the demo history', () => {
  it('is loaded into the history once the plugin has migrated, so the trends have weeks to show', async () => {
    const { rows } = JSON.parse(fs.readFileSync(historyFile, 'utf8'));
    const days = [...new Set(rows.map((r: { day: string }) => r.day))].sort();
    const backend = await startTestBackend({
      features: [
        teamInsightsPlugin,
        teamInsightsDemoHistory,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            teamInsights: { refresh: { warmUp: { seconds: 0 } } },
            teamInsightsDemo: { historyFile },
          },
        }),
      ],
    });
    try {
      const res = await request(backend.server)
        .get('/api/team-insights/v1/trends?days=3650&scorecard=composition')
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      const loaded = res.body.points.map((p: { day: string }) => p.day);
      for (const day of days) {
        expect(loaded).toContain(day);
      }
    } finally {
      await backend.stop();
    }
  });
});
