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
import type {
  CheckResult,
  Report,
} from '@team-insights/plugin-team-insights-common';
import {
  findVisibleEntityRefs,
  untilAborted,
} from '@team-insights/plugin-team-insights-node';
import { RetryLaterError } from './retryLater';

/** What one caller may see of the current report. */
export interface CallerVisibility {
  /** True when the caller may read every entity in the catalog. */
  readonly all: boolean;
  /** Refs named in the report that the caller cannot read (lower case). */
  readonly hidden: ReadonlySet<string>;
  isVisible(entityRef: string): boolean;
}

/** Everyone sees everything: used for callers the catalog lets read all. */
export const VISIBLE_TO_ALL: CallerVisibility = {
  all: true,
  hidden: new Set(),
  isVisible: () => true,
};

function hiding(hidden: ReadonlySet<string>): CallerVisibility {
  if (hidden.size === 0) {
    return VISIBLE_TO_ALL;
  }
  return {
    all: false,
    hidden,
    isVisible: ref => !hidden.has(ref.toLowerCase()),
  };
}

function addCheckRefs(refs: Set<string>, checks: CheckResult[]) {
  for (const check of checks) {
    for (const ref of check.entities ?? []) {
      refs.add(ref.toLowerCase());
    }
  }
}

const refsCache = new WeakMap<Report, string[]>();

/**
 * Every entity ref the report names anywhere, in lower case and sorted:
 * the set whose visibility is checked for a caller.
 */
export function collectEntityRefs(report: Report): string[] {
  const cached = refsCache.get(report);
  if (cached) {
    return cached;
  }
  const refs = new Set<string>();
  const add = (ref: string | undefined) => {
    if (ref) refs.add(ref.toLowerCase());
  };
  for (const team of report.teams) {
    add(team.entityRef);
    add(team.parent);
    team.orgUnits.forEach(add);
    team.owned.forEach(add);
    for (const scorecard of Object.values(team.scorecards)) {
      addCheckRefs(refs, scorecard.checks);
    }
  }
  for (const unit of report.orgUnits) {
    add(unit.entityRef);
    add(unit.parent);
    unit.teamRefs.forEach(add);
  }
  for (const entity of report.entities) {
    add(entity.entityRef);
    add(entity.owner);
    addCheckRefs(refs, entity.scorecards.documentation.checks);
  }
  for (const product of report.products) {
    add(product.entityRef);
    add(product.owner);
    product.adopters.forEach(add);
    product.declinedBy.forEach(add);
    product.declineReasons?.forEach(r => add(r.teamRef));
  }
  for (const concern of report.concerns) {
    concern.builtBy.forEach(add);
    concern.products.forEach(add);
    concern.declined?.forEach(add);
  }
  for (const finding of report.findings) {
    add(finding.entityRef);
    finding.entityRefs?.forEach(add);
  }
  const sorted = [...refs].sort();
  refsCache.set(report, sorted);
  return sorted;
}

/**
 * What the cache holds for one user, under one key per user. `all` and the
 * deny marker `none` do not depend on the report; a list of refs holds the
 * `evaluatedAt` of the report it was computed for, and is recomputed for any
 * other report.
 */
type CachedVisibility =
  | { mode: 'all' }
  | { mode: 'none' }
  | { mode: 'hidden'; evaluatedAt: string; refs: string[] }
  | { mode: 'visible'; evaluatedAt: string; refs: string[] };

/** Version of the cached value's shape, in its key. */
const CACHE_PREFIX = 'visibility:v2:';

/** Default longest wait for a caller's visibility before answering 503. */
export const DEFAULT_VISIBILITY_TIMEOUT_MS = 30_000;
/** Default catalog requests in flight at once for visibility, all callers together. */
const DEFAULT_CONCURRENCY = 4;
/** Refs per catalog request. */
const DEFAULT_CHUNK_SIZE = 500;

/** The cache key of a user's visibility: one per user, whatever the report. */
export function visibilityCacheKey(userEntityRef: string): string {
  return `${CACHE_PREFIX}${userEntityRef.toLowerCase()}`;
}

/** Runs at most `concurrency` tasks at once; the rest wait their turn. */
class Limiter {
  readonly #concurrency: number;
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(concurrency: number) {
    this.#concurrency = Math.max(1, concurrency);
  }

  /**
   * Runs `task` once a slot is free. When `signal` aborts, a task still
   * waiting never starts and a running one gives its slot back at once
   * (its result is dropped), so a catalog that hangs cannot hold the slots.
   */
  async run<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T> {
    await this.#acquire(signal);
    let released = false;
    const release = () => {
      if (!released) {
        released = true;
        this.#release();
      }
    };
    try {
      signal.throwIfAborted();
      return await untilAborted(task(), signal);
    } finally {
      release();
    }
  }

  #acquire(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    if (this.#active < this.#concurrency) {
      this.#active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter = { grant: () => {}, onAbort: () => {} };
      waiter.grant = () => {
        signal.removeEventListener('abort', waiter.onAbort);
        this.#active += 1;
        resolve();
      };
      waiter.onAbort = () => {
        const index = this.#waiting.indexOf(waiter.grant);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject(signal.reason);
      };
      signal.addEventListener('abort', waiter.onAbort, { once: true });
      this.#waiting.push(waiter.grant);
    });
  }

  #release() {
    this.#active -= 1;
    this.#waiting.shift()?.();
  }
}

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

/** Whether a cached value answers for this report. */
function isFor(cached: CachedVisibility, report: Report): boolean {
  if (cached.mode === 'all' || cached.mode === 'none') {
    return true;
  }
  return cached.evaluatedAt === report.evaluatedAt;
}
