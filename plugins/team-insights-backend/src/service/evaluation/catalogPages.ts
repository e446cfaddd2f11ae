import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { TEAM_INSIGHTS_ENTITY_FIELDS } from '@team-insights/plugin-team-insights-common';

/**
 * The catalog's pages with the fields the engine reads, as they arrive, so
 * that each can be handed on while the next one is read.
 */
export async function* catalogPages(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  options: { pageSize: number; signal: AbortSignal },
): AsyncGenerator<Entity[]> {
  const { pageSize, signal } = options;
  signal.throwIfAborted();
  for await (const page of catalog.streamEntities(
    { fields: [...TEAM_INSIGHTS_ENTITY_FIELDS], pageSize },
    { credentials },
  )) {
    signal.throwIfAborted();
    yield page;
  }
}
