import type { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import type {
  NotificationPayload,
  NotificationSeverity,
} from '@backstage/plugin-notifications-common';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  ANNOTATION_WAIVERS,
  CheckResult,
  Level,
  LEVELS,
  Report,
  SCORECARD_IDS,
  ScorecardId,
  TeamReport,
  utcDay,
} from '@team-insights/plugin-team-insights-common';
import {
  NudgeKind,
  NudgeStateRow,
  NudgeStore,
  sentKey,
  stateKey,
} from './NudgeStore';

/** Which notifications are sent, and how often. */
export interface NudgeOptions {
  /** A team's level drops on a scorecard. */
  levelDrop: boolean;
  /** A waiver ends within `waiverNoticeDays`, or has ended. */
  waiverExpiry: boolean;
  /** A product of a centralized team loses its last adopter. */
  lastAdopterLost: boolean;
  /** How many days before its end a waiver is announced. */
  waiverNoticeDays: number;
  /**
   * Shortest time between two notifications of the same kind about the same
   * team's scorecard or product (level drops and lost adopters can flap).
   */
  quietPeriodMs: number;
}

/** What one run of the notifications did. */
export interface NudgeSummary {
  sent: number;
  /** Events not sent again within the quiet period. */
  quiet: number;
  failed: number;
}

interface Nudge {
  kind: NudgeKind;
  subjectRef: string;
  detail: string;
  recipientRef: string;
  payload: NotificationPayload;
  /** The state row that records the event; kept as before when sending fails. */
  state?: { key: string; previous: NudgeStateRow };
}

const SCORECARD_TITLES: Record<ScorecardId, string> = {
  composition: 'Composition',
  adoption: 'Adoption',
  documentation: 'Documentation',
};

const TOPICS: Record<NudgeKind, string> = {
  'level-drop': 'Scorecard level dropped',
  'waiver-expiring': 'Waiver ending',
  'waiver-expired': 'Waiver ended',
  'last-adopter-lost': 'Product without adopters',
};

/** How a waiver's end reads in a finding of the engine. */
const EXPIRED_WAIVER = /^waiver for '([^']+)' expired on (\d{4}-\d{2}-\d{2})\b/;

/** Longest ref the notification tables hold. */
const MAX_REF_LENGTH = 255;

/** Notifications sent before this are forgotten. */
const SENT_RETENTION_MS = 400 * 24 * 60 * 60 * 1000;

function levelRank(level: string): number {
  const rank = LEVELS.indexOf(level as Level);
  return rank < 0 ? -1 : rank;
}

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

function daysBetween(fromDay: string, toDay: string): number {
  return Math.round(
    (Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) /
      86_400_000,
  );
}

/** The Team Insights tab of a Group, where each notification points. */
export function teamInsightsTabOf(groupRef: string): string {
  const { namespace, name } = parseEntityRef(groupRef);
  return `/catalog/${encodeURIComponent(namespace)}/group/${encodeURIComponent(
    name,
  )}/team-insights`;
}

function isGroupRef(ref: string | undefined): ref is string {
  return !!ref && ref.toLowerCase().startsWith('group:');
}

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
  readonly #now: () => Date;

  constructor(options: {
    store: NudgeStore;
    notifications: NotificationService;
    logger: LoggerService;
    options: NudgeOptions;
    /** Titles of every check, built-in and custom, by id. */
    checkTitles: Map<string, string>;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#notifications = options.notifications;
    this.#logger = options.logger;
    this.#options = options.options;
    this.#checkTitles = options.checkTitles;
    this.#now = options.now ?? (() => new Date());
  }

  /** Whether any kind of notification is switched on. */
  get enabled(): boolean {
    const o = this.#options;
    return o.levelDrop || o.waiverExpiry || o.lastAdopterLost;
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

    this.#levelDrops(report, state, next, nudges);
    this.#lostAdopters(report, state, next, nudges);
    if (this.#options.waiverExpiry) {
      this.#waivers(report, now, nudges);
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
          nudge.kind === 'waiver-expiring' || nudge.kind === 'waiver-expired';
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

  #levelDrops(
    report: Report,
    state: Map<string, string | null>,
    next: Map<string, NudgeStateRow>,
    nudges: Nudge[],
  ) {
    for (const team of report.teams) {
      for (const id of SCORECARD_IDS) {
        const scorecard = team.scorecards[id];
        const topic = `level:${id}`;
        const key = stateKey(team.entityRef, topic);
        const previous = state.get(key) ?? null;
        const level = scorecard?.level ?? null;
        // a scorecard without a level keeps the last level it had
        next.set(key, {
          subjectRef: team.entityRef,
          topic,
          value: level ?? previous,
        });
        if (
          !this.#options.levelDrop ||
          level === null ||
          previous === null ||
          levelRank(level) <= levelRank(previous)
        ) {
          continue;
        }
        nudges.push({
          kind: 'level-drop',
          subjectRef: team.entityRef,
          detail: id,
          recipientRef: team.entityRef,
          payload: this.#levelDropPayload(team, id, previous, level),
          state: {
            key,
            previous: { subjectRef: team.entityRef, topic, value: previous },
          },
        });
      }
    }
  }

  #levelDropPayload(
    team: TeamReport,
    id: ScorecardId,
    previous: string,
    level: Level,
  ): NotificationPayload {
    const scorecard = team.scorecards[id];
    const failing = scorecard.checks
      .filter(check => check.status === 'fail' && !check.waived)
      .sort((a, b) => b.weight - a.weight)
      .map(check => check.title);
    const warning = scorecard.checks
      .filter(check => check.status === 'warn' && !check.waived)
      .sort((a, b) => b.weight - a.weight)
      .map(check => check.title);
    const parts = [
      `The ${id} scorecard of ${team.title} is ${level} now (score ${scorecard.score}), down from ${previous}.`,
    ];
    if (failing.length) parts.push(`Failing: ${failing.join(', ')}.`);
    if (warning.length) parts.push(`Warning: ${warning.join(', ')}.`);
    parts.push(
      'The Team Insights tab says what to change, with the YAML to paste.',
    );
    return {
      title: `${team.title}: ${SCORECARD_TITLES[id]} dropped from ${previous} to ${level}`,
      description: parts.join(' '),
      link: teamInsightsTabOf(team.entityRef),
      severity: level === 'none' ? 'high' : 'normal',
      topic: TOPICS['level-drop'],
      scope: `team-insights:level-drop:${team.entityRef}:${id}`,
    };
  }

  #lostAdopters(
    report: Report,
    state: Map<string, string | null>,
    next: Map<string, NudgeStateRow>,
    nudges: Nudge[],
  ) {
    const teams = new Map(
      report.teams.map(t => [t.entityRef.toLowerCase(), t]),
    );
    const titles = new Map(
      report.entities.map(e => [e.entityRef.toLowerCase(), e.title]),
    );
    for (const product of report.products) {
      const topic = 'adopters';
      const key = stateKey(product.entityRef, topic);
      const previous = Number(state.get(key) ?? 0);
      const adopters = product.adopters.length;
      next.set(key, {
        subjectRef: product.entityRef,
        topic,
        value: String(adopters),
      });
      const owner = product.owner
        ? teams.get(product.owner.toLowerCase())
        : undefined;
      if (
        !this.#options.lastAdopterLost ||
        !owner ||
        owner.teamType !== 'centralized' ||
        !(previous > 0) ||
        adopters > 0
      ) {
        continue;
      }
      const title =
        titles.get(product.entityRef.toLowerCase()) ?? product.entityRef;
      const declined = product.declinedBy.length;
      nudges.push({
        kind: 'last-adopter-lost',
        subjectRef: product.entityRef,
        detail: '',
        recipientRef: owner.entityRef,
        payload: {
          title: `${title}: no team uses it any more`,
          description: [
            `${product.entityRef} had ${plural(
              previous,
              'adopting team',
              'adopting teams',
            )} at the last evaluation and has none now${
              declined
                ? `; ${plural(declined, 'team has', 'teams have')} declined it`
                : ''
            }.`,
            'Opt-in means a "no" is a signal to listen to: ask why, and make the product worth choosing — self-service, documented, usable without talking to your team.',
          ].join(' '),
          link: teamInsightsTabOf(owner.entityRef),
          severity: 'high',
          topic: TOPICS['last-adopter-lost'],
          scope: `team-insights:last-adopter-lost:${product.entityRef}`,
        },
        state: {
          key,
          previous: {
            subjectRef: product.entityRef,
            topic,
            value: String(previous),
          },
        },
      });
    }
  }

  #waivers(report: Report, now: Date, nudges: Nudge[]) {
    const today = utcDay(now);
    const teams = new Map(
      report.teams.map(t => [t.entityRef.toLowerCase(), t]),
    );
    const entities = new Map(
      report.entities.map(e => [e.entityRef.toLowerCase(), e]),
    );
    /** The Group a waiver on `ref` concerns, and what to call `ref`. */
    const recipientOf = (ref: string) => {
      const team = teams.get(ref.toLowerCase());
      if (team) return { group: team.entityRef, title: team.title };
      const entity = entities.get(ref.toLowerCase());
      if (entity && isGroupRef(entity.owner)) {
        return { group: entity.owner, title: entity.title };
      }
      return undefined;
    };

    const seen = new Set<string>();
    const ending = (subjectRef: string, check: CheckResult) => {
      const waived = check.waived;
      if (!waived) return;
      const daysLeft = daysBetween(today, waived.until);
      if (daysLeft < 0 || daysLeft > this.#options.waiverNoticeDays) return;
      const detail = `${check.id} until ${waived.until}`;
      const key = `${subjectRef}\u0000${detail}`;
      if (seen.has(key)) return;
      seen.add(key);
      const recipient = recipientOf(subjectRef);
      if (!recipient) return;
      nudges.push({
        kind: 'waiver-expiring',
        subjectRef,
        detail,
        recipientRef: recipient.group,
        payload: {
          title: `${recipient.title}: the waiver for ${check.title} ends ${
            daysLeft === 0 ? 'today' : `on ${waived.until}`
          }`,
          description: `The waiver of ${check.id} on ${subjectRef} ("${
            waived.reason
          }") holds until ${waived.until}${
            daysLeft === 0
              ? ' (today)'
              : ` (${plural(daysLeft, 'day', 'days')} left)`
          }; after that the check counts as usual again. Fix what it excused, or agree on a new date — exceptions are meant to end.`,
          link: teamInsightsTabOf(recipient.group),
          severity: 'normal',
          topic: TOPICS['waiver-expiring'],
          scope: `team-insights:waiver:${subjectRef}:${check.id}`,
        },
      });
    };

    for (const team of report.teams) {
      for (const id of SCORECARD_IDS) {
        for (const check of team.scorecards[id]?.checks ?? []) {
          ending(team.entityRef, check);
        }
      }
    }
    for (const entity of report.entities) {
      for (const check of entity.scorecards.documentation.checks) {
        ending(entity.entityRef, check);
      }
    }

    for (const finding of report.findings) {
      if (
        finding.annotation !== ANNOTATION_WAIVERS ||
        finding.severity !== 'warning'
      ) {
        continue;
      }
      const match = EXPIRED_WAIVER.exec(finding.message);
      if (!match) continue;
      const [, checkId, until] = match;
      const recipient = recipientOf(finding.entityRef);
      if (!recipient) continue;
      const checkTitle = this.#checkTitles.get(checkId) ?? checkId;
      nudges.push({
        kind: 'waiver-expired',
        subjectRef: finding.entityRef,
        detail: `${checkId} until ${until}`,
        recipientRef: recipient.group,
        payload: {
          title: `${recipient.title}: the waiver for ${checkTitle} ended on ${until}`,
          description: `The waiver of ${checkId} on ${finding.entityRef} ended on ${until}: the check counts as usual again. Fix what it excused, or remove the waiver from ${ANNOTATION_WAIVERS}.`,
          link: teamInsightsTabOf(recipient.group),
          severity: 'high' as NotificationSeverity,
          topic: TOPICS['waiver-expired'],
          scope: `team-insights:waiver:${finding.entityRef}:${checkId}`,
        },
      });
    }
  }
}
