import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { generateOrganisation } from '../generator';

/** The entity as a provider hands it to the catalog: no relations, no uid. */
function toProvidedEntity(entity: Entity): Entity {
  const { uid, etag, ...metadata } = entity.metadata;
  const { relations, ...rest } = entity;
  return { ...rest, metadata };
}

/**
 * Feeds the synthetic organisation to the catalog in one full mutation.
 * Faster and more predictable than registering a YAML location: the catalog
 * still validates, processes (building relations) and stitches every entity.
 */
class BenchEntityProvider implements EntityProvider {
  constructor(private readonly size: number, private readonly seed: number) {}

  getProviderName(): string {
    return 'team-insights-bench';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    const organisation = generateOrganisation({
      size: this.size,
      seed: this.seed,
    });
    await connection.applyMutation({
      type: 'full',
      entities: organisation.entities.map(entity => ({
        entity: toProvidedEntity(entity),
        locationKey: 'team-insights-bench',
      })),
    });
  }
}

/**
 * Catalog module of the bench backend: provides the synthetic organisation
 * of `bench.organisation.size` entities from seed `bench.organisation.seed`.
 */
export const benchCatalogModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'team-insights-bench-organisation',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        catalog: catalogProcessingExtensionPoint,
      },
      async init({ config, catalog }) {
        const size = config.getNumber('bench.organisation.size');
        const seed = config.getOptionalNumber('bench.organisation.seed') ?? 1;
        catalog.addEntityProvider(new BenchEntityProvider(size, seed));
      },
    });
  },
});
