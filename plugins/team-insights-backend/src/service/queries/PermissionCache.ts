import type {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';

/**
 * Most permission decisions kept at once. When full, expired ones are
 * dropped, and if that is not enough, all of them: memory does not grow with
 * the number of users.
 */
export const PERMISSION_CACHE_LIMIT = 10_000;

/** A user's decision on one permission, or the question still being asked. */
interface CachedDecision {
  allowed: Promise<boolean>;
  expiresAt: number;
}

/**
 * Users' decisions on the plugin's own permissions, ALLOW or DENY, reused
 * for `ttlMs` (`teamInsights.permissionCacheTtl`): the round trip to the
 * permission backend is most of a request's cost. Services and anonymous
 * callers are asked every time, and so is everyone when `ttlMs` is 0.
 */
export class PermissionCache {
  readonly #permissions: PermissionsService;
  readonly #auth: AuthService;
  readonly #ttlMs: number;
  readonly #now: () => Date;
  readonly #decisions = new Map<string, CachedDecision>();

  constructor(options: {
    permissions: PermissionsService;
    auth: AuthService;
    ttlMs: number;
    now: () => Date;
  }) {
    this.#permissions = options.permissions;
    this.#auth = options.auth;
    this.#ttlMs = options.ttlMs;
    this.#now = options.now;
  }

  /** Whether the policy allows the permission to the caller. */
  async isAllowed(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<boolean> {
    if (this.#ttlMs <= 0 || !this.#auth.isPrincipal(credentials, 'user')) {
      return this.#ask(credentials, permission);
    }
    const key = `${
      permission.name
    } ${credentials.principal.userEntityRef.toLowerCase()}`;
    const now = this.#now().getTime();
    const cached = this.#decisions.get(key);
    if (cached && cached.expiresAt > now) {
      return cached.allowed;
    }
    // Concurrent requests of the user share the one question.
    const entry: CachedDecision = {
      allowed: this.#ask(credentials, permission),
      expiresAt: now + this.#ttlMs,
    };
    this.#remember(key, entry, now);
    try {
      return await entry.allowed;
    } catch (error) {
      // A failure is not a decision: the next request asks again.
      if (this.#decisions.get(key) === entry) {
        this.#decisions.delete(key);
      }
      throw error;
    }
  }

  async #ask(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<boolean> {
    const [decision] = await this.#permissions.authorize([{ permission }], {
      credentials,
    });
    return decision.result === AuthorizeResult.ALLOW;
  }

  #remember(key: string, entry: CachedDecision, now: number) {
    const decisions = this.#decisions;
    if (!decisions.has(key) && decisions.size >= PERMISSION_CACHE_LIMIT) {
      for (const [k, cached] of decisions) {
        if (cached.expiresAt <= now) decisions.delete(k);
      }
      if (decisions.size >= PERMISSION_CACHE_LIMIT) {
        decisions.clear();
      }
    }
    decisions.set(key, entry);
  }
}
