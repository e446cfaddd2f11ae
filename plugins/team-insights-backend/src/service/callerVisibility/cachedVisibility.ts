import type { Report } from '@team-insights/plugin-team-insights-common';

/**
 * What the cache holds for one user, under one key per user. `all` and the
 * deny marker `none` do not depend on the report; a list of refs holds the
 * `evaluatedAt` of the report it was computed for, and is recomputed for any
 * other report.
 */
export type CachedVisibility =
  | { mode: 'all' }
  | { mode: 'none' }
  | { mode: 'hidden'; evaluatedAt: string; refs: string[] }
  | { mode: 'visible'; evaluatedAt: string; refs: string[] };

/** Version of the cached value's shape, in its key. */
const CACHE_PREFIX = 'visibility:v2:';

/** The cache key of a user's visibility: one per user, whatever the report. */
export function visibilityCacheKey(userEntityRef: string): string {
  return `${CACHE_PREFIX}${userEntityRef.toLowerCase()}`;
}

/** Whether a cached value answers for this report. */
export function isFor(cached: CachedVisibility, report: Report): boolean {
  if (cached.mode === 'all' || cached.mode === 'none') {
    return true;
  }
  return cached.evaluatedAt === report.evaluatedAt;
}
