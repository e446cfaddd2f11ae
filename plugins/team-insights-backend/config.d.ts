import type { HumanDuration } from '@backstage/types';

export interface Config {
  /**
   * Team Insights. The keys of the scoring engine (skill clusters, team
   * types, thresholds, weights, levels) are described by
   * `@team-insights/plugin-team-insights-common`; these are the backend's.
   */
  teamInsights?: {
    /** When the backend re-evaluates the catalog. */
    refresh?: {
      /**
       * How often the catalog is re-evaluated: a duration such as
       * `{ minutes: 10 }` or `'10m'`, an ISO duration, or `{ cron: '*\/10 * * * *' }`.
       * The task runs once per period across all replicas. Default `{ minutes: 10 }`.
       */
      frequency?: HumanDuration | string | { cron: string };
      /**
       * Longest time one evaluation may take before it is aborted and the
       * last good report is served as stale. Default `{ minutes: 5 }`.
       */
      timeout?: HumanDuration | string;
      /**
       * Wait after start-up before the first scheduled evaluation. A request
       * that finds no report still evaluates at once. Default none.
       */
      initialDelay?: HumanDuration | string;
      /**
       * How often a replica looks in the database for a report evaluated by
       * another replica. Default `{ seconds: 5 }`.
       */
      syncInterval?: HumanDuration | string;
      /**
       * The catalog may still be ingesting when the backend starts. For this
       * long after start-up, while each evaluation finds more entities than
       * the one before, a request re-evaluates in the background (at most
       * every 15 seconds) until the catalog has settled. `0` turns this off.
       * (A report of an empty catalog is always re-evaluated on request, at
       * most every 15 seconds.) Default `{ minutes: 5 }`.
       */
      warmUp?: HumanDuration | string | 0;
    };
    history?: {
      /**
       * Days of scorecard history kept; older days are deleted after each
       * refresh. Default 400.
       */
      retentionDays?: number;
    };
    /**
     * How long the set of entities a user may see is cached (per user) before
     * the catalog is asked again. Default `{ minutes: 1 }`.
     */
    visibilityCacheTtl?: HumanDuration | string;
    /**
     * Longest a request waits for what it needs before it is answered `503`
     * with a `Retry-After` header instead of hanging: the first evaluation of
     * the catalog when there is no report yet, or the permission backend's
     * and the catalog's answer on what the caller may see. The work itself
     * runs on, and a later request finds its result. Default `{ seconds: 30 }`.
     */
    requestTimeout?: HumanDuration | string;
    /**
     * How long a user's decision on `team-insights.scorecards.read` and
     * `team-insights.scorecards.refresh`, allowed or denied, is reused in
     * each replica before the permission backend is asked again: a changed
     * policy takes effect for a user within this time. Services are asked on
     * every request. `0` (or `{ seconds: 0 }`) asks on every request.
     * Default `{ seconds: 10 }`.
     */
    permissionCacheTtl?: HumanDuration | string | 0;
    /**
     * Notifications to the Group concerned, through Backstage's notifications
     * (`@backstage/plugin-notifications-backend`), sent by the refresh task
     * once per event.
     */
    notifications?: {
      /** `false` switches every kind off. Default `true`. */
      enabled?: boolean;
      /** A team's level drops on a scorecard. Default `true`. */
      levelDrop?: boolean;
      /** A waiver ends within `waiverNoticeDays`, or has ended. Default `true`. */
      waiverExpiry?: boolean;
      /** A product of a centralized team loses its last adopter. Default `true`. */
      lastAdopterLost?: boolean;
      /**
       * A concern has been a centralize-candidate for longer than
       * `teamInsights.thresholds.extractWhenEvidentDays`: once per concern,
       * to the organisational unit its builders share. Default `true`.
       */
      concernEvident?: boolean;
      /**
       * To each team an initiative covers: when the initiative starts, 14
       * days before its deadline if the team is not at target, and when the
       * team reaches the target; each once. Default `true`.
       */
      initiatives?: boolean;
      /**
       * Once a week, to each organisational unit (its Group, so its
       * members), the active initiatives covering its teams: how many of
       * those teams are at target and the deadline. Opt-in: default `false`.
       */
      initiativesDigest?: boolean;
      /** Days before its end that a waiver is announced. Default 14. */
      waiverNoticeDays?: number;
      /**
       * Shortest time between two notifications about the same team's
       * scorecard, or the same product, when its level or adoption flaps.
       * Default `{ days: 7 }`.
       */
      quietPeriod?: HumanDuration | string;
    };
    /**
     * Initiatives: goals with a deadline that a set of teams must reach,
     * with their progress at `/v1/initiatives`. An invalid initiative is
     * logged at start-up with its key path and skipped.
     */
    initiatives?: Array<{
      /** A slug: lower-case letters, digits and dashes. */
      id: string;
      title: string;
      description?: string;
      /**
       * The teams covered: those below an organisational unit (optionally
       * only some team types; a team without a valid type counts as a
       * feature team), or a list of Group refs.
       */
      teams:
        | {
            orgUnit: string;
            teamTypes?: Array<'feature' | 'centralized' | 'expertise'>;
          }
        | { refs: string[] };
      /**
       * What a team must reach: a level or better on a scorecard, or a list
       * of check ids that pass, are waived or do not apply.
       */
      target:
        | {
            scorecard: 'composition' | 'adoption' | 'documentation';
            level: 'gold' | 'silver' | 'bronze';
          }
        | { checks: string[] };
      /** First day, YYYY-MM-DD. */
      start: string;
      /** Last day, YYYY-MM-DD. */
      deadline: string;
    }>;
    /** Scorecard badges for READMEs (`/v1/badges/...svg`). */
    badges?: {
      /**
       * Public badges, for READMEs rendered outside Backstage: `true` or a
       * list of entity refs (`kind:namespace/name`) opens the badge route to
       * anyone who can reach the backend, with or without credentials. Only
       * entities that opt in answer their level: those annotated
       * `team-insights.io/public-badge: "true"` and those listed here; every
       * other badge says `unknown`, exactly as for an entity that does not
       * exist. Backstage's permission backend does not answer for requests
       * without credentials, so public badges do not follow the permission
       * policy. Default `false`: badges need credentials,
       * `team-insights.scorecards.read` and catalog visibility like every
       * other route.
       */
      public?: boolean | string[];
    };
  };
}
