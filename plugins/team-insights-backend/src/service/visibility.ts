import type {
  AuthService,
  BackstageCredentials,
  CacheService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Report } from '@team-insights/plugin-team-insights-common';
import {
  findVisibleEntityRefs,
  untilAborted,
} from '@team-insights/plugin-team-insights-node';
import { RetryLaterError } from './retryLater';
import {
  CachedVisibility,
  isFor,
  visibilityCacheKey,
} from './callerVisibility/cachedVisibility';
import {
  CallerVisibility,
  hiding,
  VISIBLE_TO_ALL,
} from './callerVisibility/callerVisibility';
import { Limiter } from './callerVisibility/Limiter';
import { collectEntityRefs } from './callerVisibility/reportRefs';

export type { CallerVisibility } from './callerVisibility/callerVisibility';
export { VISIBLE_TO_ALL } from './callerVisibility/callerVisibility';
export { visibilityCacheKey } from './callerVisibility/cachedVisibility';
export { collectEntityRefs } from './callerVisibility/reportRefs';

/** Default longest wait for a caller's visibility before answering 503. */
export const DEFAULT_VISIBILITY_TIMEOUT_MS = 30_000;
/** Default catalog requests in flight at once for visibility, all callers together. */
const DEFAULT_CONCURRENCY = 4;
/** Refs per catalog request. */
const DEFAULT_CHUNK_SIZE = 500;

/**
 * Decides what a caller may see, with the caller's own credentials.
 *
 * @remarks
 *
 * First asks the permission framework whether the caller may read catalog
 * entities at all: an unconditional ALLOW means everything is visible and
 * the catalog is not asked; a DENY means nothing is. A conditional decision
 * is resolved by asking the catalog, as the caller, which of the report's
 * refs it returns (in batches of minimal fields, at most `concurrency`
 * requests in flight for all callers together).
 *
 * - Cache: one key per user in the cache service (so that replicas share
 *   it), for `ttlMs`. The value says which report it was computed for; a
 *   value of another report counts as none. A user the policy denies gets a
 *   small deny marker, not the list of every ref. The cache thus holds at
 *   most one entry per user, however often the report is refreshed.
 * - Single flight: concurrent requests of one user for one report share one
 *   lookup.
 * - Timeout: a lookup that takes longer than `timeoutMs` (a slow permission
 *   backend or catalog) is given up: the caller gets a 503 with
 *   `Retry-After` instead of waiting on, and the next request starts again.
 */
export class VisibilityService {
  readonly #permissions: PermissionsService;
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #cache: CacheService;
  readonly #logger: LoggerService;
  readonly #ttlMs: number;
  readonly #timeoutMs: number;
  readonly #chunkSize: number;
  readonly #limiter: Limiter;
  /** Lookups under way, by user and report. */
  readonly #inflight = new Map<string, Promise<CachedVisibility>>();

  constructor(options: {
    permissions: PermissionsService;
    catalog: CatalogService;
    auth: AuthService;
    cache: CacheService;
    logger: LoggerService;
    ttlMs: number;
    /** Longest a lookup may take before callers get a 503 (`teamInsights.requestTimeout`). */
    timeoutMs?: number;
    /** Catalog requests in flight at once, all callers together. Default 4. */
    concurrency?: number;
    /** Refs per catalog request. Default 500. */
    chunkSize?: number;
  }) {
    this.#permissions = options.permissions;
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#cache = options.cache;
    this.#logger = options.logger;
    this.#ttlMs = options.ttlMs;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_VISIBILITY_TIMEOUT_MS;
    this.#chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
    this.#limiter = new Limiter(options.concurrency ?? DEFAULT_CONCURRENCY);
  }

  async forCaller(
    credentials: BackstageCredentials,
    report: Report,
  ): Promise<CallerVisibility> {
    const user = this.#auth.isPrincipal(credentials, 'user')
      ? credentials.principal.userEntityRef.toLowerCase()
      : undefined;
    const key =
      user !== undefined && this.#ttlMs > 0
        ? visibilityCacheKey(user)
        : undefined;
    if (key) {
      const cached = await this.#readCache(key);
      if (cached && isFor(cached, report)) {
        return this.#fromCached(cached, report);
      }
    }
    if (user === undefined) {
      return this.#fromCached(await this.#lookUp(credentials, report), report);
    }
    const flight = `${user}\u0000${report.evaluatedAt}`;
    let lookup = this.#inflight.get(flight);
    if (!lookup) {
      lookup = this.#lookUp(credentials, report).then(async decision => {
        if (key) {
          await this.#writeCache(key, decision);
        }
        return decision;
      });
      const started = lookup;
      this.#inflight.set(flight, started);
      started
        .catch(() => {})
        .finally(() => {
          if (this.#inflight.get(flight) === started) {
            this.#inflight.delete(flight);
          }
        });
    }
    return this.#fromCached(await lookup, report);
  }

  /** Lookups under way, for tests and diagnostics. */
  get inflightCount(): number {
    return this.#inflight.size;
  }

  async #lookUp(
    credentials: BackstageCredentials,
    report: Report,
  ): Promise<CachedVisibility> {
    const signal = AbortSignal.timeout(this.#timeoutMs);
    try {
      return await untilAborted(
        this.#decide(credentials, report, signal),
        signal,
      );
    } catch (error) {
      if (signal.aborted) {
        this.#logger.warn(
          `Team Insights gave up working out what a caller may see after ${
            this.#timeoutMs
          } ms (the permission backend or the catalog is slow); the caller was answered 503`,
        );
        throw new RetryLaterError(
          'Team Insights could not find out in time what you may see in the catalog; try again shortly.',
          Math.min(this.#timeoutMs, 10_000),
        );
      }
      throw error;
    }
  }

  async #readCache(key: string): Promise<CachedVisibility | undefined> {
    try {
      return await this.#cache.get<CachedVisibility>(key);
    } catch (error) {
      this.#logger.warn(`Could not read the visibility cache: ${error}`);
      return undefined;
    }
  }

  async #writeCache(key: string, value: CachedVisibility): Promise<void> {
    try {
      await this.#cache.set(key, value, { ttl: this.#ttlMs });
    } catch (error) {
      this.#logger.warn(`Could not write the visibility cache: ${error}`);
    }
  }

  #fromCached(cached: CachedVisibility, report: Report): CallerVisibility {
    if (cached.mode === 'all') {
      return VISIBLE_TO_ALL;
    }
    if (cached.mode === 'none') {
      return hiding(new Set(collectEntityRefs(report)));
    }
    if (cached.mode === 'hidden') {
      return hiding(new Set(cached.refs));
    }
    const visible = new Set(cached.refs);
    return hiding(
      new Set(collectEntityRefs(report).filter(ref => !visible.has(ref))),
    );
  }

  async #decide(
    credentials: BackstageCredentials,
    report: Report,
    signal: AbortSignal,
  ): Promise<CachedVisibility> {
    const [decision] = await this.#permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    signal.throwIfAborted();
    if (decision.result === AuthorizeResult.ALLOW) {
      return { mode: 'all' };
    }
    if (decision.result === AuthorizeResult.DENY) {
      return { mode: 'none' };
    }
    const refs = collectEntityRefs(report);
    const chunks: string[][] = [];
    for (let i = 0; i < refs.length; i += this.#chunkSize) {
      chunks.push(refs.slice(i, i + this.#chunkSize));
    }
    const found = await Promise.all(
      chunks.map(chunk =>
        this.#limiter.run(
          () =>
            findVisibleEntityRefs(this.#catalog, chunk, credentials, {
              chunkSize: this.#chunkSize,
            }),
          signal,
        ),
      ),
    );
    const visible = new Set<string>();
    for (const set of found) {
      set.forEach(ref => visible.add(ref));
    }
    const hidden = refs.filter(ref => !visible.has(ref));
    const { evaluatedAt } = report;
    if (hidden.length <= visible.size) {
      return { mode: 'hidden', evaluatedAt, refs: hidden };
    }
    return {
      mode: 'visible',
      evaluatedAt,
      refs: refs.filter(ref => visible.has(ref)),
    };
  }
}
