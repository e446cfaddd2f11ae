import type { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type {
  Initiative,
  Report,
} from '@team-insights/plugin-team-insights-common';
import { NudgeStateRow, NudgeStore, sentKey } from './NudgeStore';
import { Nudge, NudgeOptions } from './nudges/kinds';
import { initiativeNudges } from './nudges/initiatives';
import { initiativesDigest } from './nudges/initiativesDigest';
import { levelDrops } from './nudges/levelDrops';
import { lostAdopters } from './nudges/lostAdopters';
import { concernEvident } from './nudges/concernEvident';
import { waiverNudges } from './nudges/waivers';

export type { NudgeOptions } from './nudges/kinds';
export { teamInsightsTabOf } from './nudges/kinds';

/** What one run of the notifications did. */
export interface NudgeSummary {
  sent: number;
  /** Events not sent again within the quiet period. */
  quiet: number;
  failed: number;
}

/** Longest ref the notification tables hold. */
const MAX_REF_LENGTH = 255;

/** Notifications sent before this are forgotten. */
const SENT_RETENTION_MS = 400 * 24 * 60 * 60 * 1000;

/**
 * Tells teams what changed without anyone having to tell them: after each
 * scheduled refresh, compares the report with what it observed before and
 * notifies the Group concerned, once per event, through Backstage's
 * notifications.
 *
 * @remarks
 *
 * - Level drops: a team's level on a scorecard is lower than at the last
 *   refresh (the first refresh only records the levels).
 * - Waivers: a waiver ends within `waiverNoticeDays`, and again once it has
 *   ended; each waiver (check and date) once. A waiver on a team goes to the
 *   team; one on a Component, API or Resource to the Group that owns it.
 * - Last adopter lost: a product of a centralized team had adopters at the
 *   last refresh and has none now.
 * - Initiatives digest (opt-in): once a week, to each organisational unit,
 *   the active initiatives covering its teams, with teams at target of all
 *   and the deadline.
 *
 * Level drops and lost adopters are not announced twice about the same
 * subject within the quiet period. What was observed and sent is kept in
 * the plugin's database; the run happens inside the global refresh task, so
 * only the replica that ran the refresh sends.
 */
export class NudgeService {
  readonly #store: NudgeStore;
  readonly #notifications: NotificationService;
  readonly #logger: LoggerService;
  readonly #options: NudgeOptions;
  readonly #checkTitles: Map<string, string>;
  readonly #initiatives: readonly Initiative[];
  readonly #now: () => Date;

  constructor(options: {
    store: NudgeStore;
    notifications: NotificationService;
    logger: LoggerService;
    options: NudgeOptions;
    /** Titles of every check, built-in and custom, by id. */
    checkTitles: Map<string, string>;
    /** The configured initiatives (`teamInsights.initiatives`). */
    initiatives?: readonly Initiative[];
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#notifications = options.notifications;
    this.#logger = options.logger;
    this.#options = options.options;
    this.#checkTitles = options.checkTitles;
    this.#initiatives = options.initiatives ?? [];
    this.#now = options.now ?? (() => new Date());
  }

  /** Whether any kind of notification is switched on. */
  get enabled(): boolean {
    const o = this.#options;
    return (
      o.levelDrop ||
      o.waiverExpiry ||
      o.lastAdopterLost ||
      o.concernEvident === true ||
      ((o.initiatives === true || o.initiativesDigest === true) &&
        this.#initiatives.length > 0)
    );
  }

  /** Compares the report with what was observed before and notifies. */
  async afterRefresh(report: Report): Promise<NudgeSummary> {
    const summary: NudgeSummary = { sent: 0, quiet: 0, failed: 0 };
    if (!this.enabled) {
      return summary;
    }
    const now = this.#now();
    const [state, sent] = await Promise.all([
      this.#store.readState(),
      this.#store.readSent(),
    ]);
    const next = new Map<string, NudgeStateRow>();
    const nudges: Nudge[] = [];

    const observed = { previous: state, next };
    // Each kind goes over a large catalog's report: one event-loop turn
    // apart, so that requests are answered in between.
    const kinds: Array<() => Nudge[]> = [
      () => levelDrops(report, observed, this.#options.levelDrop),
      () => lostAdopters(report, observed, this.#options.lastAdopterLost),
      () => concernEvident(report, this.#options.concernEvident === true),
    ];
    if (this.#options.initiatives) {
      kinds.push(() =>
        initiativeNudges(report, this.#initiatives, observed, now),
      );
    }
    if (this.#options.initiativesDigest) {
      kinds.push(() => initiativesDigest(report, this.#initiatives, now));
    }
    if (this.#options.waiverExpiry) {
      kinds.push(() =>
        waiverNudges(report, now, {
          noticeDays: this.#options.waiverNoticeDays,
          checkTitles: this.#checkTitles,
        }),
      );
    }
    for (const kind of kinds) {
      await nextTurn();
      nudges.push(...kind());
    }

    for (const nudge of nudges) {
      if (
        nudge.subjectRef.length > MAX_REF_LENGTH ||
        nudge.recipientRef.length > MAX_REF_LENGTH
      ) {
        continue;
      }
      const last = sent.get(
        sentKey(nudge.kind, nudge.subjectRef, nudge.detail),
      );
      if (last !== undefined) {
        const oneOff =
          nudge.kind === 'waiver-expiring' ||
          nudge.kind === 'waiver-expired' ||
          nudge.kind === 'concern-evident' ||
          nudge.kind.startsWith('initiative');
        if (
          oneOff ||
          now.getTime() - Date.parse(last) < this.#options.quietPeriodMs
        ) {
          summary.quiet += 1;
          continue;
        }
      }
      try {
        await this.#notifications.send({
          recipients: { type: 'entity', entityRef: nudge.recipientRef },
          payload: nudge.payload,
        });
        await this.#store.recordSent({
          kind: nudge.kind,
          subjectRef: nudge.subjectRef,
          detail: nudge.detail,
          recipientRef: nudge.recipientRef,
          sentAt: now.toISOString(),
        });
        summary.sent += 1;
      } catch (error) {
        summary.failed += 1;
        // keep the state as it was, so that the next refresh tries again
        if (nudge.state) {
          next.set(nudge.state.key, nudge.state.previous);
        }
        this.#logger.warn(
          `Could not send the Team Insights notification '${
            nudge.payload.title
          }' to ${nudge.recipientRef}: ${stringifyError(error)}`,
        );
      }
    }

    const removed = [...state.keys()]
      .filter(key => !next.has(key))
      .map(key => {
        const [subjectRef, topic] = key.split('\u0000');
        return { subjectRef, topic };
      });
    await this.#store.writeState([...next.values()], removed, now);
    await this.#store.forgetSentBefore(
      new Date(now.getTime() - SENT_RETENTION_MS),
    );
    if (summary.sent + summary.failed > 0) {
      this.#logger.info(
        `Team Insights notifications: ${summary.sent} sent, ${summary.failed} failed, ${summary.quiet} within their quiet period or already sent`,
      );
    }
    return summary;
  }
}
