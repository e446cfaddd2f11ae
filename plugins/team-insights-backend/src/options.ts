import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import type { NudgeOptions } from './service/NudgeService';

/** The backend's own settings, read from `teamInsights`. */
export interface BackendOptions {
  refresh: {
    frequency: SchedulerServiceTaskScheduleDefinition['frequency'];
    timeout: HumanDuration;
    initialDelay?: HumanDuration;
    syncIntervalMs: number;
    /** How long after start-up a still growing catalog is re-evaluated on request. */
    warmUpMs: number;
  };
  retentionDays: number;
  visibilityCacheTtlMs: number;
  /** Longest a request waits for the first report or the caller's visibility. */
  requestTimeoutMs: number;
  /** How long a user's decision on the plugin's own permissions is reused; 0 never. */
  permissionCacheTtlMs: number;
  badges: {
    /** Whether anonymous readers may fetch badges. */
    public: boolean;
    /**
     * Refs (lower case) whose badges are public besides those annotated
     * `team-insights.io/public-badge: "true"`.
     */
    publicRefs: string[];
  };
  notifications: NudgeOptions;
}

const DEFAULT_FREQUENCY: HumanDuration = { minutes: 10 };
const DEFAULT_TIMEOUT: HumanDuration = { minutes: 5 };
const DEFAULT_SYNC_INTERVAL: HumanDuration = { seconds: 5 };
const DEFAULT_WARM_UP: HumanDuration = { minutes: 5 };
const DEFAULT_VISIBILITY_TTL: HumanDuration = { minutes: 1 };
const DEFAULT_PERMISSION_TTL: HumanDuration = { seconds: 10 };
const DEFAULT_REQUEST_TIMEOUT: HumanDuration = { seconds: 30 };
const DEFAULT_RETENTION_DAYS = 400;
const DEFAULT_QUIET_PERIOD: HumanDuration = { days: 7 };
const DEFAULT_WAIVER_NOTICE_DAYS = 14;

function readDuration(
  config: Config | undefined,
  key: string,
  path: string,
  fallback?: HumanDuration,
  options: { zero?: boolean } = {},
): HumanDuration | undefined {
  if (!config?.has(key)) {
    return fallback;
  }
  // where `0` means "off", a plain 0 reads naturally and is accepted
  if (options.zero && config.get(key) === 0) {
    return { seconds: 0 };
  }
  try {
    return readDurationFromConfig(config, { key });
  } catch {
    throw new InputError(
      `Invalid duration at '${path}': use an object such as { minutes: 10 }, a string such as '10m', or an ISO duration such as 'PT10M'`,
    );
  }
}

/** Reads and validates the backend keys of the `teamInsights` section. */
export function readBackendOptions(rootConfig: Config): BackendOptions {
  const config = rootConfig.getOptionalConfig('teamInsights');
  const refresh = config?.getOptionalConfig('refresh');

  let frequency: SchedulerServiceTaskScheduleDefinition['frequency'] =
    DEFAULT_FREQUENCY;
  if (refresh?.has('frequency')) {
    const raw = refresh.get('frequency');
    if (raw && typeof raw === 'object' && 'cron' in raw) {
      const cron = refresh.getString('frequency.cron');
      frequency = { cron };
    } else {
      frequency = readDuration(
        refresh,
        'frequency',
        'teamInsights.refresh.frequency',
      )!;
    }
  }
  const timeout = readDuration(
    refresh,
    'timeout',
    'teamInsights.refresh.timeout',
    DEFAULT_TIMEOUT,
  )!;
  const initialDelay = readDuration(
    refresh,
    'initialDelay',
    'teamInsights.refresh.initialDelay',
  );
  const syncInterval = readDuration(
    refresh,
    'syncInterval',
    'teamInsights.refresh.syncInterval',
    DEFAULT_SYNC_INTERVAL,
  )!;

  const warmUp = readDuration(
    refresh,
    'warmUp',
    'teamInsights.refresh.warmUp',
    DEFAULT_WARM_UP,
    { zero: true },
  )!;

  const retentionDays =
    config?.getOptionalNumber('history.retentionDays') ??
    DEFAULT_RETENTION_DAYS;
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new InputError(
      `teamInsights.history.retentionDays must be a whole number of days, 1 or more; got ${retentionDays}`,
    );
  }
  const visibilityCacheTtl = readDuration(
    config,
    'visibilityCacheTtl',
    'teamInsights.visibilityCacheTtl',
    DEFAULT_VISIBILITY_TTL,
  )!;
  const requestTimeout = readDuration(
    config,
    'requestTimeout',
    'teamInsights.requestTimeout',
    DEFAULT_REQUEST_TIMEOUT,
  )!;
  const requestTimeoutMs = durationToMilliseconds(requestTimeout);
  if (requestTimeoutMs <= 0) {
    throw new InputError(
      `teamInsights.requestTimeout must be longer than 0; got ${requestTimeoutMs} ms`,
    );
  }
  const permissionCacheTtl = readDuration(
    config,
    'permissionCacheTtl',
    'teamInsights.permissionCacheTtl',
    DEFAULT_PERMISSION_TTL,
    { zero: true },
  )!;

  const notifications = config?.getOptionalConfig('notifications');
  const enabled = notifications?.getOptionalBoolean('enabled') ?? true;
  const kind = (key: string) =>
    enabled && (notifications?.getOptionalBoolean(key) ?? true);
  const waiverNoticeDays =
    notifications?.getOptionalNumber('waiverNoticeDays') ??
    DEFAULT_WAIVER_NOTICE_DAYS;
  if (
    !Number.isInteger(waiverNoticeDays) ||
    waiverNoticeDays < 0 ||
    waiverNoticeDays > 365
  ) {
    throw new InputError(
      `teamInsights.notifications.waiverNoticeDays must be a whole number of days from 0 to 365; got ${waiverNoticeDays}`,
    );
  }
  const quietPeriod = readDuration(
    notifications,
    'quietPeriod',
    'teamInsights.notifications.quietPeriod',
    DEFAULT_QUIET_PERIOD,
  )!;

  return {
    refresh: {
      frequency,
      timeout,
      initialDelay,
      syncIntervalMs: durationToMilliseconds(syncInterval),
      warmUpMs: durationToMilliseconds(warmUp),
    },
    retentionDays,
    visibilityCacheTtlMs: durationToMilliseconds(visibilityCacheTtl),
    requestTimeoutMs,
    permissionCacheTtlMs: durationToMilliseconds(permissionCacheTtl),
    badges: readBadges(config),
    notifications: {
      levelDrop: kind('levelDrop'),
      waiverExpiry: kind('waiverExpiry'),
      lastAdopterLost: kind('lastAdopterLost'),
      concernEvident: kind('concernEvident'),
      initiatives: kind('initiatives'),
      // opt-in: off unless set to true
      initiativesDigest:
        enabled &&
        (notifications?.getOptionalBoolean('initiativesDigest') ?? false),
      waiverNoticeDays,
      quietPeriodMs: durationToMilliseconds(quietPeriod),
    },
  };
}

const FULL_REF =
  /^[a-z0-9][a-z0-9._-]*:[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/i;

/**
 * `teamInsights.badges.public`: `true` (entities opt in with the
 * annotation) or a list of entity refs that are public besides those.
 */
function readBadges(config: Config | undefined): BackendOptions['badges'] {
  const value = config?.getOptional('badges.public');
  if (value === undefined || value === false) {
    return { public: false, publicRefs: [] };
  }
  if (value === true) {
    return { public: true, publicRefs: [] };
  }
  const list = config?.getOptionalStringArray('badges.public') ?? [];
  const wrong = list.filter(ref => !FULL_REF.test(ref.trim()));
  if (wrong.length > 0) {
    throw new InputError(
      `teamInsights.badges.public must be true, false or a list of entity refs written in full (kind:namespace/name); got ${wrong
        .slice(0, 3)
        .map(ref => `'${ref}'`)
        .join(', ')}`,
    );
  }
  return {
    public: true,
    publicRefs: [...new Set(list.map(ref => ref.trim().toLowerCase()))],
  };
}
