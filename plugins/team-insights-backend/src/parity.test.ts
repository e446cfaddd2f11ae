import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleTeamInsights from '@team-insights/plugin-catalog-backend-module-team-insights';
import { main } from '@team-insights/cli';
import type { Report } from '@team-insights/plugin-team-insights-common';
import path from 'node:path';
import request from 'supertest';
import { teamInsightsPlugin } from './plugin';

jest.setTimeout(180_000);

const repoRoot = path.resolve(__dirname, '../../..');
const examplesDir = path.join(repoRoot, 'examples');
const skillsCsv = path.join(examplesDir, 'skills.csv');
const base = '/api/team-insights/v1';

/**
 * `team-insights score examples --skills-source examples/skills.csv
 * --format json`, run in-process.
 */
async function scoreWithCli(): Promise<Report> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    ['score', examplesDir, '--skills-source', skillsCsv, '--format', 'json'],
    {
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
      cwd: repoRoot,
      env: {},
    },
  );
  if (code !== 0) {
    throw new Error(`team-insights score exited with ${code}: ${stderr}`);
  }
  return JSON.parse(stdout);
}

function withoutTime(report: Partial<Report> & { stale?: boolean }) {
  const { evaluatedAt: _evaluatedAt, stale: _stale, ...rest } = report;
  // a candidate is first seen when the report is made
  rest.concerns = rest.concerns?.map(c =>
    c.candidateSince ? { ...c, candidateSince: 'when made' } : c,
  );
  return rest;
}

async function sleep(ms: number) {
  await new Promise(resolve => setTimeout(resolve, ms));
}

/*
 * The backend reads the demo organisation from the real catalog (which
 * ingests examples/all.yaml and builds the relations itself, and takes part
 * of the skills from examples/skills.csv); the CLI reads the same files from
 * disk and builds the relations the way the catalog's
 * processors do. Both run the one engine, so the reports must be identical
 * apart from when they were made.
 */
describe('parity with the CLI', () => {
  it('serves the same report as `team-insights score examples --format json`', async () => {
    const expected = withoutTime(await scoreWithCli());
    expect(expected.teams?.length).toBeGreaterThan(5);

    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleTeamInsights,
        teamInsightsPlugin,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'API',
                    'Resource',
                    'Location',
                    'Domain',
                    'Group',
                    'User',
                  ],
                },
              ],
              locations: [
                { type: 'file', target: path.join(examplesDir, 'all.yaml') },
              ],
            },
            teamInsights: { skillsSources: [{ target: skillsCsv }] },
          },
        }),
      ],
    });
    const server = backend.server;

    // Wait until the catalog has ingested everything and the entity count
    // holds still, then refresh until the report settles (relations are
    // stitched shortly after an entity first appears).
    let previousCount = -1;
    let stableRounds = 0;
    const deadline = Date.now() + 120_000;
    while (stableRounds < 3) {
      if (Date.now() > deadline) throw new Error('catalog never settled');
      const res = await request(server).get(
        '/api/catalog/entities/by-query?limit=1',
      );
      const count = res.body.totalItems ?? 0;
      stableRounds =
        count > 0 && count === previousCount ? stableRounds + 1 : 0;
      previousCount = count;
      await sleep(1000);
    }

    let actual: ReturnType<typeof withoutTime> | undefined;
    for (let attempt = 0; attempt < 30; attempt++) {
      await request(server).post(`${base}/refresh`).expect(202);
      const res = await request(server).get(`${base}/report`).expect(200);
      actual = withoutTime(res.body);
      if (JSON.stringify(actual) === JSON.stringify(expected)) break;
      await sleep(1000);
    }
    expect(actual).toEqual(expected);
    await backend.stop();
  });
});
