import type {
  BackstageCredentials,
  CacheService,
  CacheServiceSetOptions,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  defaultTeamInsightsConfig,
  evaluate,
  Report,
} from '@team-insights/plugin-team-insights-common';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createOrg, isPublic } from '../__testUtils__/org';
import { retryAfterSecondsOf } from './retryLater';
import {
  collectEntityRefs,
  visibilityCacheKey,
  VisibilityService,
} from './visibility';

jest.setTimeout(120_000);

/**
 * A cache that keeps entries as Backstage's default in-memory store does:
 * values as JSON strings, and an expired entry dropped only when it is read.
 */
function memoryCache() {
  const entries = new Map<string, { json: string; expiresAt: number }>();
  const cache: CacheService = {
    async get<T>(key: string) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= Date.now()) {
        entries.delete(key);
        return undefined;
      }
      return JSON.parse(entry.json) as T;
    },
    async set(key: string, value: unknown, options?: CacheServiceSetOptions) {
      const ttl =
        typeof options?.ttl === 'number' ? options.ttl : 60 * 60 * 1000;
      entries.set(key, {
        json: JSON.stringify(value),
        expiresAt: Date.now() + ttl,
      });
    },
    async delete(key: string) {
      entries.delete(key);
    },
    withOptions() {
      return cache;
    },
  };
  const bytes = () =>
    [...entries].reduce(
      (sum, [key, entry]) => sum + key.length + entry.json.length,
      0,
    );
  return { cache, entries, bytes };
}

const DENIED = 'user:default/denied';
const ALL = 'user:default/admin';

function userOf(credentials: BackstageCredentials): string | undefined {
  return (credentials.principal as { userEntityRef?: string }).userEntityRef;
}

/**
 * Everyone reads the catalog conditionally (only what is not `secret`),
 * except DENIED, who may read nothing, and ALL, who may read everything.
 */
function permissions() {
  const asked = { count: 0 };
  const service = {
    async authorize() {
      throw new Error('not used');
    },
    async authorizeConditional(
      requests: unknown[],
      { credentials }: { credentials: BackstageCredentials },
    ) {
      asked.count += 1;
      const user = userOf(credentials);
      return requests.map((): PolicyDecision => {
        if (user === DENIED) return { result: AuthorizeResult.DENY };
        if (user === ALL) return { result: AuthorizeResult.ALLOW };
        return {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'catalog-entity',
            params: { claims: [] },
          },
        };
      });
    },
  } as unknown as PermissionsService;
  return { service, asked };
}

/** A catalog answering by ref, counting its requests, that can be held. */
function catalog() {
  const state = {
    requests: 0,
    inFlight: 0,
    maxInFlight: 0,
    gate: undefined as Promise<void> | undefined,
  };
  // A plain function, not a jest mock: a mock would keep every call's refs
  // and spoil the heap figures.
  const mock = {
    async getEntitiesByRefs(request: { entityRefs: string[] }) {
      state.requests += 1;
      state.inFlight += 1;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      try {
        // let the other batches start before this one answers
        await new Promise(resolve => setImmediate(resolve));
        if (state.gate) await state.gate;
        return {
          items: request.entityRefs.map(ref =>
            isPublic(ref)
              ? {
                  apiVersion: 'backstage.io/v1alpha1',
                  kind: ref.split(':')[0],
                  metadata: { name: ref.split('/')[1] },
                }
              : undefined,
          ),
        };
      } finally {
        state.inFlight -= 1;
      }
    },
  } as unknown as CatalogService;
  return { catalog: mock, state };
}

/**
 * The test organisation's report with `extra` more documented entities,
 * one in ten of them secret, evaluated at `evaluatedAt`.
 */
function reportWith(extra: number, evaluatedAt: string): Report {
  const base = evaluate(createOrg(), {
    config: defaultTeamInsightsConfig,
    now: new Date(evaluatedAt),
  });
  const template = base.entities[0];
  const entities = [...base.entities];
  for (let i = 0; i < extra; i++) {
    const name = i % 10 === 0 ? `secret-svc-${i}` : `svc-${i}`;
    entities.push({ ...template, entityRef: `component:default/${name}` });
  }
  return { ...base, evaluatedAt, entities };
}

/** The report again, as a later refresh that found the same catalog. */
function refreshed(report: Report, n: number): Report {
  return {
    ...report,
    evaluatedAt: new Date(
      new Date('2026-11-27T08:00:00.000Z').getTime() + n * 600_000,
    ).toISOString(),
  };
}

function setup(
  options: {
    timeoutMs?: number;
    concurrency?: number;
    chunkSize?: number;
  } = {},
) {
  const memory = memoryCache();
  const { catalog: catalogService, state } = catalog();
  const perms = permissions();
  const logger = mockServices.logger.mock();
  const visibility = new VisibilityService({
    permissions: perms.service,
    catalog: catalogService,
    auth: mockServices.auth(),
    cache: memory.cache,
    logger,
    ttlMs: 60_000,
    ...options,
  });
  return { visibility, memory, state, perms, logger };
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** Heap in use after a full garbage collection, in bytes. */
function heapUsedAfterGc(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('VisibilityService', () => {
  it('keeps one cache entry per user over 100 refreshes with 200 users', async () => {
    const { visibility, memory } = setup();
    const users = Array.from({ length: 200 }, (_, i) =>
      i === 0 ? DENIED : `user:default/u${i}`,
    );
    const first = reportWith(200, '2026-11-27T08:00:00.000Z');
    const heapBefore = heapUsedAfterGc();

    let bytesAfterFirst = 0;
    let heapAfterFirst = 0;
    for (let n = 0; n < 100; n++) {
      const report = refreshed(first, n);
      for (const user of users) {
        const view = await visibility.forCaller(
          mockCredentials.user(user),
          report,
        );
        expect(view.isVisible('component:default/secret-svc-0')).toBe(false);
      }
      if (n === 0) {
        bytesAfterFirst = memory.bytes();
        heapAfterFirst = heapUsedAfterGc();
      }
    }
    const heapAfter = heapUsedAfterGc();

    // eslint-disable-next-line no-console
    console.log(
      `visibility cache after 100 refreshes with 200 users: ${
        memory.entries.size
      } entries, ${(memory.bytes() / 1024).toFixed(1)} KiB of values (${(
        bytesAfterFirst / 1024
      ).toFixed(1)} KiB after the first); heap in use ${mib(
        heapAfterFirst - heapBefore,
      )} MiB more after the first refresh than before it, ${mib(
        heapAfter - heapBefore,
      )} MiB more after the 100th`,
    );
    expect(memory.entries.size).toBe(200);
    expect([...memory.entries.keys()].sort()).toEqual(
      users.map(visibilityCacheKey).sort(),
    );
    // flat: the values hold as much after the 100th refresh as after the first
    expect(memory.bytes()).toBeLessThanOrEqual(bytesAfterFirst);
    expect(visibility.inflightCount).toBe(0);
  });

  it('keeps a small deny marker for a user who may read nothing, and hides everything from them', async () => {
    const { visibility, memory, state } = setup();
    const report = reportWith(200, '2026-11-27T08:00:00.000Z');
    const view = await visibility.forCaller(
      mockCredentials.user(DENIED),
      report,
    );
    expect(view.all).toBe(false);
    expect(view.hidden.size).toBe(collectEntityRefs(report).length);
    expect(state.requests).toBe(0);
    const stored = memory.entries.get(visibilityCacheKey(DENIED))!;
    expect(JSON.parse(stored.json)).toEqual({ mode: 'none' });

    // the marker answers for the next report too, without asking again
    const later = await visibility.forCaller(
      mockCredentials.user(DENIED),
      refreshed(report, 1),
    );
    expect(later.isVisible('group:default/search')).toBe(false);
  });

  it('recomputes a value cached for another report', async () => {
    const { visibility, state } = setup();
    const user = mockCredentials.user('user:default/someone');
    const before = reportWith(0, '2026-11-27T08:00:00.000Z');
    expect(
      (await visibility.forCaller(user, before)).isVisible(
        'component:default/svc-1',
      ),
    ).toBe(true); // not in the report: nothing to hide
    const asked = state.requests;

    // the next report names a secret entity the cached value never saw
    const after = reportWith(11, '2026-11-27T08:10:00.000Z');
    const view = await visibility.forCaller(user, after);
    expect(state.requests).toBeGreaterThan(asked);
    expect(view.isVisible('component:default/secret-svc-10')).toBe(false);
    expect(view.isVisible('component:default/svc-1')).toBe(true);
  });

  it('lets concurrent requests of a user for a report share one lookup, in batches a few at a time', async () => {
    const { visibility, state, perms } = setup({
      concurrency: 3,
      chunkSize: 10,
    });
    const report = reportWith(200, '2026-11-27T08:00:00.000Z');
    const batches = Math.ceil(collectEntityRefs(report).length / 10);
    const user = mockCredentials.user('user:default/someone');

    const views = await Promise.all(
      Array.from({ length: 10 }, () => visibility.forCaller(user, report)),
    );
    expect(perms.asked.count).toBe(1);
    expect(state.requests).toBe(batches);
    expect(state.maxInFlight).toBe(3);
    expect(new Set(views.map(v => [...v.hidden].join()))).toEqual(
      new Set([[...views[0].hidden].join()]),
    );
    expect(views[0].hidden.has('component:default/secret-svc-0')).toBe(true);

    // two users at once still have no more than 3 batches in flight
    state.maxInFlight = 0;
    await Promise.all([
      visibility.forCaller(mockCredentials.user('user:default/a'), report),
      visibility.forCaller(mockCredentials.user('user:default/b'), report),
    ]);
    expect(state.maxInFlight).toBe(3);
  });

  it('answers 503 with Retry-After when the catalog does not answer in time, and starts again on the next request', async () => {
    const { visibility, state, logger } = setup({
      timeoutMs: 100,
      concurrency: 2,
      chunkSize: 10,
    });
    const report = reportWith(50, '2026-11-27T08:00:00.000Z');
    const user = mockCredentials.user('user:default/someone');
    let release!: () => void;
    state.gate = new Promise(resolve => {
      release = resolve;
    });

    const errors = await Promise.all(
      Array.from({ length: 5 }, () =>
        visibility.forCaller(user, report).catch(e => e),
      ),
    );
    for (const error of errors) {
      expect(error.name).toBe('ServiceUnavailableError');
      expect(retryAfterSecondsOf(error)).toBe(1);
    }
    expect(logger.warn).toHaveBeenCalledTimes(1); // one lookup, one warning
    expect(visibility.inflightCount).toBe(0);
    // the hanging batches gave their slots back: the queued ones never ran
    expect(state.requests).toBe(2);

    state.gate = undefined;
    const view = await visibility.forCaller(user, report);
    expect(view.isVisible('component:default/secret-svc-0')).toBe(false);
    release();
  });
});
