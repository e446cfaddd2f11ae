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
      badges: { public: false },
    });
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
  });
});
