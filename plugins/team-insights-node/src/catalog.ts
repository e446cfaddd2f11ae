import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { TEAM_INSIGHTS_ENTITY_FIELDS } from '@team-insights/plugin-team-insights-common';

/**
 * Options of {@link readCatalogForTeamInsights}.
 *
 * @public
 */
export interface ReadCatalogForTeamInsightsOptions {
  /** Entities per catalog request. Default 500. */
  pageSize?: number;
  /** Stops reading when aborted, also while a page is being fetched. */
  signal?: AbortSignal;
  /**
   * Fields read besides the engine's own, e.g. the `fields` of custom
   * checks.
   */
  extraFields?: string[];
}

/**
 * Reads every entity of the catalog with only the fields the Team Insights
 * engine looks at, page by page.
 *
 * @remarks
 *
 * The catalog returns only what `credentials` may read: pass the plugin's own
 * service credentials (`auth.getOwnServiceCredentials()`) to evaluate the
 * whole organisation, and filter what you show to a user afterwards.
 *
 * @public
 */
export async function readCatalogForTeamInsights(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  options: ReadCatalogForTeamInsightsOptions = {},
): Promise<Entity[]> {
  const { pageSize = 500, signal, extraFields = [] } = options;
  signal?.throwIfAborted();
  const fields = [...new Set([...TEAM_INSIGHTS_ENTITY_FIELDS, ...extraFields])];
  const entities: Entity[] = [];
  const pages = catalog
    .streamEntities({ fields, pageSize }, { credentials })
    [Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await untilAborted(pages.next(), signal);
      signal?.throwIfAborted();
      if (next.done) {
        return entities;
      }
      for (const entity of next.value) {
        entities.push(entity);
      }
    }
  } catch (error) {
    // Let the stream clean up, without waiting for a request that hangs.
    pages.return?.().catch(() => {});
    throw error;
  }
}

/**
 * Settles with `promise`, or rejects as soon as `signal` aborts; a later
 * rejection of the abandoned promise is not reported as unhandled.
 *
 * @public
 */
export function untilAborted<T>(
  promise: Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  if (!signal) {
    return promise;
  }
  promise.catch(() => {});
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      value => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      error => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Options of {@link findVisibleEntityRefs}.
 *
 * @public
 */
export interface FindVisibleEntityRefsOptions {
  /** Refs per catalog request. Default 500. */
  chunkSize?: number;
}

/**
 * Returns the subset of `entityRefs` that `credentials` may read in the
 * catalog, asking the catalog in batches with a minimal set of fields.
 *
 * @remarks
 *
 * Refs are compared in lower case, as the catalog stores them. The result
 * holds lower-case refs.
 *
 * @public
 */
export async function findVisibleEntityRefs(
  catalog: CatalogService,
  entityRefs: Iterable<string>,
  credentials: BackstageCredentials,
  options: FindVisibleEntityRefsOptions = {},
): Promise<Set<string>> {
  const chunkSize = Math.max(1, options.chunkSize ?? 500);
  const unique = [...new Set([...entityRefs].map(r => r.toLowerCase()))];
  const visible = new Set<string>();
  for (let i = 0; i < unique.length; i += chunkSize) {
    const chunk = unique.slice(i, i + chunkSize);
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: chunk,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    items.forEach((item, index) => {
      if (item) {
        visible.add(chunk[index]);
      }
    });
  }
  return visible;
}
