import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import request from 'supertest';
import catalogModuleTeamInsights from './index';

jest.setTimeout(120_000);

const mockDir = createMockDirectory();

const CATALOG_FILE = `
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: bob
  annotations:
    team-insights.io/skills: data-sceintist
spec:
  memberOf: []
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: alice
  annotations:
    team-insights.io/skills: data-scientist
spec:
  memberOf: []
`;

/** Collects the catalog's processing errors, as an error-log module would. */
function errorCollector(errors: string[]) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-error-collector',
    register(reg) {
      reg.registerInit({
        deps: { processing: catalogProcessingExtensionPoint },
        async init({ processing }) {
          processing.setOnProcessingErrorHandler(event => {
            for (const error of event.errors) {
              errors.push(
                `${event.unprocessedEntity.metadata.name}: ${error.message}`,
              );
            }
          });
        },
      });
    },
  });
}

async function startCatalog(strict: boolean | undefined) {
  mockDir.setContent({ 'catalog-info.yaml': CATALOG_FILE });
  const errors: string[] = [];
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleTeamInsights,
      errorCollector(errors),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [{ allow: ['User', 'Location'] }],
            locations: [
              { type: 'file', target: mockDir.resolve('catalog-info.yaml') },
            ],
          },
          ...(strict === undefined
            ? {}
            : { teamInsights: { catalog: { strict } } }),
        },
      }),
    ],
  });
  return { server: backend.server, errors, backend };
}

async function waitFor(what: string, probe: () => Promise<boolean>) {
  const deadline = Date.now() + 60_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe('catalogModuleTeamInsights', () => {
  it('ingests an entity with an annotation typo by default', async () => {
    const { server, errors, backend } = await startCatalog(undefined);
    await waitFor('bob', async () => {
      const res = await request(server).get(
        '/api/catalog/entities/by-name/user/default/bob',
      );
      return res.status === 200;
    });
    const bob = await request(server).get(
      '/api/catalog/entities/by-name/user/default/bob',
    );
    expect(bob.body.metadata.annotations['team-insights.io/skills']).toBe(
      'data-sceintist',
    );
    expect(errors.filter(e => e.includes('Team Insights'))).toEqual([]);
    await backend.stop();
  });

  it('reports the error and withholds the entity in strict mode', async () => {
    const { server, errors, backend } = await startCatalog(true);
    await waitFor('alice and the error about bob', async () => {
      const alice = await request(server).get(
        '/api/catalog/entities/by-name/user/default/alice',
      );
      return alice.status === 200 && errors.some(e => e.startsWith('bob:'));
    });
    expect(errors).toContainEqual(
      expect.stringMatching(
        /^bob: Team Insights: team-insights\.io\/skills: unknown skill cluster 'data-sceintist' \(did you mean 'data-scientist'\?\)/,
      ),
    );
    // a new entity with processing errors is not ingested
    const bob = await request(server).get(
      '/api/catalog/entities/by-name/user/default/bob',
    );
    expect(bob.status).toBe(404);
    await backend.stop();
  });
});
