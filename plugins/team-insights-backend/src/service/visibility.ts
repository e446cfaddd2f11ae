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
import { findVisibleEntityRefs } from '@team-insights/plugin-team-insights-node';

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
  }
  for (const concern of report.concerns) {
    concern.builtBy.forEach(add);
    concern.products.forEach(add);
  }
  for (const finding of report.findings) {
    add(finding.entityRef);
  }
  const sorted = [...refs].sort();
  refsCache.set(report, sorted);
  return sorted;
}

type CachedVisibility =
  | { mode: 'all' }
  | { mode: 'hidden'; refs: string[] }
  | { mode: 'visible'; refs: string[] };

/**
 * Decides what a caller may see, with the caller's own credentials.
 *
 * @remarks
 *
 * First asks the permission framework whether the caller may read catalog
 * entities at all: an unconditional ALLOW means everything is visible and
 * the catalog is not asked; a DENY means nothing is. A conditional decision
 * is resolved by asking the catalog, as the caller, which of the report's
 * refs it returns (in batches, minimal fields). Decisions are cached per user
 * and report for a short time in the cache service, so that replicas share
 * them.
 */
export class VisibilityService {
  readonly #permissions: PermissionsService;
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #cache: CacheService;
  readonly #logger: LoggerService;
  readonly #ttlMs: number;

  constructor(options: {
    permissions: PermissionsService;
    catalog: CatalogService;
    auth: AuthService;
    cache: CacheService;
    logger: LoggerService;
    ttlMs: number;
  }) {
    this.#permissions = options.permissions;
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#cache = options.cache;
    this.#logger = options.logger;
    this.#ttlMs = options.ttlMs;
  }

  async forCaller(
    credentials: BackstageCredentials,
    report: Report,
  ): Promise<CallerVisibility> {
    const key = this.#cacheKey(credentials, report);
    if (key) {
      const cached = await this.#readCache(key);
      if (cached) {
        return this.#fromCached(cached, report);
      }
    }
    const decision = await this.#decide(credentials, report);
    if (key) {
      await this.#writeCache(key, decision);
    }
    return this.#fromCached(decision, report);
  }

  #cacheKey(
    credentials: BackstageCredentials,
    report: Report,
  ): string | undefined {
    if (this.#ttlMs <= 0 || !this.#auth.isPrincipal(credentials, 'user')) {
      return undefined;
    }
    const user = credentials.principal.userEntityRef.toLowerCase();
    return `visibility:v1:${user}:${report.evaluatedAt}`;
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
  ): Promise<CachedVisibility> {
    const refs = collectEntityRefs(report);
    const [decision] = await this.#permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return { mode: 'all' };
    }
    if (decision.result === AuthorizeResult.DENY) {
      return { mode: 'hidden', refs };
    }
    const visible = await findVisibleEntityRefs(
      this.#catalog,
      refs,
      credentials,
    );
    const hidden = refs.filter(ref => !visible.has(ref));
    if (hidden.length <= visible.size) {
      return { mode: 'hidden', refs: hidden };
    }
    return { mode: 'visible', refs: refs.filter(ref => visible.has(ref)) };
  }
}
