import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { readTeamInsightsConfig } from '@team-insights/plugin-team-insights-common';
import { TeamInsightsAnnotationsProcessor } from './TeamInsightsAnnotationsProcessor';

const location = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'search',
    namespace: 'default',
    annotations: {
      'team-insights.io/team-type': 'stream-aligned',
      'team-insights.io/skills': 'data-scientist=2, wizard=1',
    },
  },
  spec: { type: 'team', children: [] },
};

async function process(strict: boolean) {
  const logger = mockServices.logger.mock();
  const processor = new TeamInsightsAnnotationsProcessor({
    config: readTeamInsightsConfig(),
    strict,
    logger,
  });
  const emitted: CatalogProcessorResult[] = [];
  const result = await processor.postProcessEntity(group, location, r =>
    emitted.push(r),
  );
  return { result, emitted, logger };
}

describe('TeamInsightsAnnotationsProcessor', () => {
  it('leaves the entity unchanged and only logs findings when lenient', async () => {
    const { result, emitted, logger } = await process(false);
    expect(result).toBe(group);
    expect(emitted).toEqual([]);
    expect(logger.debug).toHaveBeenCalledWith(
      expect.stringContaining("unknown skill cluster 'wizard'"),
    );
    expect(logger.warn).not.toHaveBeenCalled();
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('emits an input error per error finding when strict', async () => {
    const { result, emitted } = await process(true);
    expect(result).toBe(group);
    expect(emitted).toEqual([
      expect.objectContaining({
        type: 'error',
        location,
        error: expect.objectContaining({
          name: 'InputError',
          message: expect.stringContaining(
            "Team Insights: team-insights.io/skills: unknown skill cluster 'wizard'",
          ),
        }),
      }),
    ]);
  });
});
