import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import { parseEntityRef } from '@backstage/catalog-model';
import type { NudgeKind, NudgeStateRow } from '../NudgeStore';

/** Which notifications are sent, and how often. */
export interface NudgeOptions {
  /** A team's level drops on a scorecard. */
  levelDrop: boolean;
  /** A waiver ends within `waiverNoticeDays`, or has ended. */
  waiverExpiry: boolean;
  /** A product of a centralized team loses its last adopter. */
  lastAdopterLost: boolean;
  /**
   * A concern has been a centralize-candidate for longer than
   * `thresholds.extractWhenEvidentDays`; off when absent.
   */
  concernEvident?: boolean;
  /**
   * An initiative starts, its deadline nears for a team not at target, a
   * team reaches its target.
   */
  initiatives?: boolean;
  /**
   * Once a week, to each organisational unit, the initiatives covering its
   * teams: teams at target of all, and the deadline. Opt-in.
   */
  initiativesDigest?: boolean;
  /** How many days before its end a waiver is announced. */
  waiverNoticeDays: number;
  /**
   * Shortest time between two notifications of the same kind about the same
   * team's scorecard or product (level drops and lost adopters can flap).
   */
  quietPeriodMs: number;
}

/** A notification to send, with the state row that records its event. */
export interface Nudge {
  kind: NudgeKind;
  subjectRef: string;
  detail: string;
  recipientRef: string;
  payload: NotificationPayload;
  /** The state row that records the event; kept as before when sending fails. */
  state?: { key: string; previous: NudgeStateRow };
}

export const TOPICS: Record<NudgeKind, string> = {
  'level-drop': 'Scorecard level dropped',
  'waiver-expiring': 'Waiver ending',
  'waiver-expired': 'Waiver ended',
  'last-adopter-lost': 'Product without adopters',
  'concern-evident': 'Concern evident',
  'initiative-started': 'Initiative started',
  'initiative-deadline': 'Initiative deadline near',
  'initiative-reached': 'Initiative target reached',
  'initiatives-digest': 'Initiatives this week',
};

/** The previous and next observed state of one refresh. */
export interface NudgeState {
  previous: Map<string, string | null>;
  next: Map<string, NudgeStateRow>;
}

/** The Team Insights tab of a Group, where each notification points. */
export function teamInsightsTabOf(groupRef: string): string {
  const { namespace, name } = parseEntityRef(groupRef);
  return `/catalog/${encodeURIComponent(namespace)}/group/${encodeURIComponent(
    name,
  )}/team-insights`;
}

export function isGroupRef(ref: string | undefined): ref is string {
  return !!ref && ref.toLowerCase().startsWith('group:');
}
