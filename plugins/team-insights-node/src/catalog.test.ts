import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TEAM_INSIGHTS_ENTITY_FIELDS } from '@team-insights/plugin-team-insights-common';
import { findVisibleEntityRefs, readCatalogForTeamInsights } from './catalog';

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      description: `The ${name} service`,
      annotations: { 'team-insights.io/concern': 'monitoring' },
    },
    spec: {
      type: 'service',
      owner: 'group:default/search',
      // not a field the engine reads
      secretSauce: 'do not ship this around',
    },
  };
}

const entities = ['a', 'b', 'c', 'd', 'e'].map(component);
const credentials = mockCredentials.service();

describe('readCatalogForTeamInsights', () => {
  it('reads every page of the catalog with only the fields the engine needs', async () => {
    const catalog = catalogServiceMock({ entities });
    const stream = jest.spyOn(catalog, 'streamEntities');
    const read = await readCatalogForTeamInsights(catalog, credentials, {
      pageSize: 2,
    });
    expect(read.map(e => e.metadata.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(read[0].spec).toEqual({
      type: 'service',
      owner: 'group:default/search',
    });
    expect(read[0].metadata.annotations).toEqual({
      'team-insights.io/concern': 'monitoring',
    });
    expect(stream).toHaveBeenCalledWith(
      { fields: TEAM_INSIGHTS_ENTITY_FIELDS, pageSize: 2 },
      { credentials },
    );
  });

  it('adds the fields custom checks ask for', async () => {
    const catalog = catalogServiceMock({ entities });
    const read = await readCatalogForTeamInsights(catalog, credentials, {
      extraFields: ['spec.secretSauce'],
    });
    expect((read[0].spec as any).secretSauce).toBe('do not ship this around');
  });

  it('stops reading when aborted, without asking for further pages', async () => {
    const catalog = catalogServiceMock({ entities });
    const controller = new AbortController();
    const pages: number[] = [];
    const stream = catalog.streamEntities.bind(catalog);
    jest
      .spyOn(catalog, 'streamEntities')
      .mockImplementation((request, options) =>
        (async function* abortDuringSecondPage() {
          for await (const page of stream(request, options)) {
            pages.push(page.length);
            if (pages.length === 2) controller.abort();
            yield page;
          }
        })(),
      );
    await expect(
      readCatalogForTeamInsights(catalog, credentials, {
        pageSize: 2,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    // the third page is never requested
    expect(pages).toEqual([2, 2]);
  });

  it('gives up on a catalog that does not answer when aborted', async () => {
    const catalog = catalogServiceMock({ entities });
    jest.spyOn(catalog, 'streamEntities').mockImplementation(() =>
      (async function* hangs() {
        await new Promise(() => {});
        yield [];
      })(),
    );
    const controller = new AbortController();
    const reading = readCatalogForTeamInsights(catalog, credentials, {
      signal: controller.signal,
    });
    controller.abort(new Error('took too long'));
    await expect(reading).rejects.toThrow('took too long');
  });
});

describe('findVisibleEntityRefs', () => {
  it('asks the catalog as the caller, in batches, and keeps what it returns', async () => {
    const catalog = catalogServiceMock({ entities });
    const byRefs = jest
      .spyOn(catalog, 'getEntitiesByRefs')
      .mockImplementation(async request => ({
        // the caller may read everything but component b
        items: request.entityRefs.map(ref =>
          ref === 'component:default/b' || ref.endsWith('/nope')
            ? undefined
            : entities.find(
                e => `component:default/${e.metadata.name}` === ref,
              ),
        ),
      }));
    const user = mockCredentials.user('user:default/alice');
    const visible = await findVisibleEntityRefs(
      catalog,
      [
        'component:default/a',
        'Component:default/B',
        'component:default/c',
        'component:default/nope',
        'component:default/a',
      ],
      user,
      { chunkSize: 2 },
    );
    expect([...visible].sort()).toEqual([
      'component:default/a',
      'component:default/c',
    ]);
    expect(byRefs).toHaveBeenCalledTimes(2);
    expect(byRefs).toHaveBeenCalledWith(
      {
        entityRefs: ['component:default/a', 'component:default/b'],
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials: user },
    );
  });
});
