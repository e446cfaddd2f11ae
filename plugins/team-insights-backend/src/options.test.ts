import { ConfigReader } from '@backstage/config';
import { readBackendOptions } from './options';

describe('readBackendOptions', () => {
  it('uses the documented defaults', () => {
    expect(readBackendOptions(new ConfigReader({}))).toEqual({
      refresh: {
        frequency: { minutes: 10 },
        timeout: { minutes: 5 },
        initialDelay: undefined,
        syncIntervalMs: 5000,
        warmUpMs: 300_000,
      },
      retentionDays: 400,
      visibilityCacheTtlMs: 60_000,
      requestTimeoutMs: 30_000,
      permissionCacheTtlMs: 10_000,
      badges: { public: false, publicRefs: [] },
      notifications: {
        levelDrop: true,
        waiverExpiry: true,
        lastAdopterLost: true,
        concernEvident: true,
        initiatives: true,
        initiativesDigest: false,
        waiverNoticeDays: 14,
        quietPeriodMs: 7 * 24 * 60 * 60 * 1000,
      },
    });
  });

  it('switches each kind of notification off, or all of them', () => {
    const some = readBackendOptions(
      new ConfigReader({
        teamInsights: {
          notifications: {
            levelDrop: false,
            quietPeriod: '1d',
            waiverNoticeDays: 30,
          },
          badges: { public: true },
        },
      }),
    );
    expect(some.notifications).toEqual({
      levelDrop: false,
      waiverExpiry: true,
      lastAdopterLost: true,
      concernEvident: true,
      initiatives: true,
      initiativesDigest: false,
      waiverNoticeDays: 30,
      quietPeriodMs: 24 * 60 * 60 * 1000,
    });
    expect(some.badges.public).toBe(true);
    const none = readBackendOptions(
      new ConfigReader({
        teamInsights: {
          notifications: { enabled: false, waiverExpiry: true },
        },
      }),
    );
    expect(none.notifications).toEqual(
      expect.objectContaining({
        levelDrop: false,
        waiverExpiry: false,
        lastAdopterLost: false,
        concernEvident: false,
        initiatives: false,
      }),
    );
  });

  it('sends the weekly initiatives digest only when asked to', () => {
    const read = (notifications: object) =>
      readBackendOptions(new ConfigReader({ teamInsights: { notifications } }))
        .notifications.initiativesDigest;
    expect(read({})).toBe(false);
    expect(read({ initiativesDigest: true })).toBe(true);
    expect(read({ enabled: false, initiativesDigest: true })).toBe(false);
  });

  it('reads public badges as true, false or a list of entity refs', () => {
    const read = (value: unknown) =>
      readBackendOptions(
        new ConfigReader({
          teamInsights: { badges: { public: value } },
        } as any),
      ).badges;
    expect(read(true)).toEqual({ public: true, publicRefs: [] });
    expect(read(false)).toEqual({ public: false, publicRefs: [] });
    expect(read(['Group:default/Search', 'component:default/api '])).toEqual({
      public: true,
      publicRefs: ['group:default/search', 'component:default/api'],
    });
    expect(() => read(['search'])).toThrow(
      "teamInsights.badges.public must be true, false or a list of entity refs written in full (kind:namespace/name); got 'search'",
    );
  });

  it('reads cron schedules, duration strings and objects', () => {
    const options = readBackendOptions(
      new ConfigReader({
        teamInsights: {
          refresh: {
            frequency: { cron: '*/5 * * * *' },
            timeout: '2m',
            initialDelay: { seconds: 30 },
            syncInterval: 'PT1S',
            warmUp: { seconds: 0 },
          },
          history: { retentionDays: 30 },
          visibilityCacheTtl: { seconds: 10 },
          requestTimeout: '5s',
          permissionCacheTtl: '30s',
        },
      }),
    );
    expect(options.refresh.frequency).toEqual({ cron: '*/5 * * * *' });
    expect(options.refresh.timeout).toEqual({ minutes: 2 });
    expect(options.refresh.initialDelay).toEqual({ seconds: 30 });
    expect(options.refresh.syncIntervalMs).toBe(1000);
    expect(options.refresh.warmUpMs).toBe(0);
    expect(options.retentionDays).toBe(30);
    expect(options.visibilityCacheTtlMs).toBe(10_000);
    expect(options.requestTimeoutMs).toBe(5_000);
    expect(options.permissionCacheTtlMs).toBe(30_000);
  });

  it('refuses a request timeout of 0, which would answer every request 503', () => {
    expect(() =>
      readBackendOptions(
        new ConfigReader({ teamInsights: { requestTimeout: '0s' } }),
      ),
    ).toThrow('teamInsights.requestTimeout must be longer than 0');
  });

  it('turns the permission cache off with 0', () => {
    for (const permissionCacheTtl of [0, { seconds: 0 }, '0s']) {
      expect(
        readBackendOptions(
          new ConfigReader({ teamInsights: { permissionCacheTtl } }),
        ).permissionCacheTtlMs,
      ).toBe(0);
    }
  });

  it('turns the warm-up off with 0', () => {
    for (const warmUp of [0, { seconds: 0 }, '0s']) {
      expect(
        readBackendOptions(
          new ConfigReader({ teamInsights: { refresh: { warmUp } } }),
        ).refresh.warmUpMs,
      ).toBe(0);
    }
  });

  it('says which key is wrong', () => {
    expect(() =>
      readBackendOptions(
        new ConfigReader({ teamInsights: { refresh: { timeout: 'soon' } } }),
      ),
    ).toThrow("Invalid duration at 'teamInsights.refresh.timeout'");
    expect(() =>
      readBackendOptions(
        new ConfigReader({ teamInsights: { history: { retentionDays: 0 } } }),
      ),
    ).toThrow('teamInsights.history.retentionDays must be a whole number');
    expect(() =>
      readBackendOptions(
        new ConfigReader({
          teamInsights: { notifications: { quietPeriod: 'a while' } },
        }),
      ),
    ).toThrow("Invalid duration at 'teamInsights.notifications.quietPeriod'");
    expect(() =>
      readBackendOptions(
        new ConfigReader({ teamInsights: { permissionCacheTtl: 10 } }),
      ),
    ).toThrow("Invalid duration at 'teamInsights.permissionCacheTtl'");
    expect(() =>
      readBackendOptions(
        new ConfigReader({
          teamInsights: { notifications: { waiverNoticeDays: -1 } },
        }),
      ),
    ).toThrow('teamInsights.notifications.waiverNoticeDays');
  });
});
