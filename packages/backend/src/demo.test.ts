import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import teamInsightsCatalogModule from '@team-insights/plugin-catalog-backend-module-team-insights';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  evaluate,
  lintEntity,
} from '@team-insights/plugin-team-insights-common';
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';

const repoRoot = path.resolve(__dirname, '../../..');
const examplesDir = path.join(repoRoot, 'examples');

function readExampleEntities(): Entity[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) files.push(full);
    }
  };
  walk(examplesDir);
  return files.flatMap(file =>
    parseAllDocuments(fs.readFileSync(file, 'utf8'))
      .map(doc => doc.toJS() as Entity)
      .filter(e => e?.apiVersion && e?.kind && e?.metadata?.name),
  );
}

async function waitFor<T>(
  fn: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

describe('the demo portal backend', () => {
  jest.setTimeout(300_000);

  it('ingests every demo entity, annotation mistakes included', async () => {
    const expected = readExampleEntities();
    const expectedRefs = expected.map(e =>
      stringifyEntityRef(e).toLocaleLowerCase('en-US'),
    );
    expect(expected.length).toBeGreaterThan(60);

    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        teamInsightsCatalogModule,
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
            teamInsights: {
              skillsSources: [{ target: path.join(examplesDir, 'skills.csv') }],
            },
          },
        }),
      ],
    });

    try {
      const ingested = await waitFor(async () => {
        const res = await request(backend.server)
          .get('/api/catalog/entities')
          .query({ fields: 'kind,metadata.namespace,metadata.name' })
          .set('Authorization', mockCredentials.user.header());
        const refs = new Set(
          (res.body as Entity[]).map(e =>
            stringifyEntityRef(e).toLocaleLowerCase('en-US'),
          ),
        );
        return expectedRefs.every(ref => refs.has(ref)) ? refs : undefined;
      }, 100_000);

      for (const ref of expectedRefs) {
        expect(ingested.has(ref)).toBe(true);
      }

      // The demo carries deliberate annotation mistakes; none of them may
      // keep its entity out of the catalog.
      const withErrors = expected.filter(entity =>
        lintEntity(entity).some(f => f.severity === 'error'),
      );
      expect(withErrors.length).toBeGreaterThanOrEqual(3);
      for (const entity of withErrors) {
        expect(
          ingested.has(stringifyEntityRef(entity).toLocaleLowerCase('en-US')),
        ).toBe(true);
      }

      // Part of the skills come from examples/skills.csv; the scores are
      // those the demo had when every skill was an annotation.
      const scores = async () => {
        const res = await request(backend.server)
          .get('/api/catalog/entities')
          .set('Authorization', mockCredentials.user.header());
        const report = evaluate(res.body as Entity[], {
          now: new Date('2026-01-15T00:00:00Z'),
        });
        return Object.fromEntries(
          report.teams.map(t => [
            t.entityRef.replace('group:default/', ''),
            (['composition', 'adoption', 'documentation'] as const).map(
              id => t.scorecards[id]?.score ?? null,
            ),
          ]),
        );
      };
      const expectedScores = {
        'data-engineering-services': [100, 40, 67],
        'data-lab': [78, 50, 29],
        'data-platform': [83, 88, 93],
        'demand-forecasting': [96, 100, 52],
        'dynamic-pricing': [77, 100, 93],
        'fraud-detection': [77, 100, 56],
        'ml-infrastructure': [83, 35, 80],
        'ml-operations': [44, 50, 34],
        'model-observability': [100, 100, 100],
        recommendations: [88, 50, 84],
        'search-ranking': [100, 100, 100],
        'seller-insights': [88, 100, 25],
      };
      // relations are stitched shortly after the entities appear
      let actualScores = await scores();
      const deadline = Date.now() + 100_000;
      while (
        JSON.stringify(actualScores) !== JSON.stringify(expectedScores) &&
        Date.now() < deadline
      ) {
        await new Promise(resolve => setTimeout(resolve, 1000));
        actualScores = await scores();
      }
      expect(actualScores).toEqual(expectedScores);
    } finally {
      await backend.stop();
    }
  });
});
