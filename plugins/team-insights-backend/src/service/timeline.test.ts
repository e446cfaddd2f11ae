import type { Entity } from '@backstage/catalog-model';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { defaultTeamInsightsConfig } from '@team-insights/plugin-team-insights-common';
import { eachDatabase } from '../__testUtils__/databases';
import { ReportService } from './ReportService';
import { TeamInsightsStore } from './TeamInsightsStore';

jest.setTimeout(60_000);

// The timing rules need what earlier refreshes saw: the backend keeps it in
// team_insights_timeline, across refreshes and replicas.

const group = (name: string, teamType: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name,
    annotations: { 'team-insights.io/team-type': teamType },
  },
  spec: { type: 'team', children: [] },
});

const component = (
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', owner, lifecycle: 'production' },
  relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
});

/** A platform team whose scheduler nobody uses; three teams build their own cron. */
const org = (): Entity[] => [
  group('platform', 'centralized'),
  component('scheduler', 'platform', { 'team-insights.io/concern': 'batch' }),
  ...['a', 'b', 'c'].flatMap(t => [
    group(t, 'feature'),
    component(`${t}-cron`, t, {
      'team-insights.io/product': 'false',
      'team-insights.io/concern': 'scheduling',
    }),
  ]),
];

const DAY = 86_400_000;

describe('the timeline of the timing rules', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(eachDatabase(databases, 'the timeline table'))(
    'survives refreshes and replicas and drives the checks, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await TeamInsightsStore.migrate(knex);
      const start = new Date('2026-06-01T08:00:00.000Z');
      let now = start;
      const create = () =>
        new ReportService({
          catalog: catalogServiceMock({ entities: org() }),
          auth: mockServices.auth(),
          logger: mockServices.logger.mock(),
          store: new TeamInsightsStore(knex),
          config: defaultTeamInsightsConfig,
          retentionDays: 400,
          syncIntervalMs: 0,
          timeoutMs: 30_000,
          now: () => now,
        });

      const first = await create().refresh({ trigger: 'schedule' });
      expect(
        first.concerns.find(c => c.concern === 'scheduling'),
      ).toMatchObject({
        verdict: 'centralize-candidate',
        candidateSince: start.toISOString(),
        evident: false,
      });

      now = new Date(start.getTime() + 30 * DAY);
      await create().refresh({ trigger: 'schedule' });

      // a new replica, 91 days on: the first-seen times were kept
      now = new Date(start.getTime() + 91 * DAY);
      const later = await create().refresh({ trigger: 'schedule' });
      expect(
        later.concerns.find(c => c.concern === 'scheduling'),
      ).toMatchObject({ candidateSince: start.toISOString(), evident: true });
      const check = later.teams
        .find(t => t.entityRef === 'group:default/platform')!
        .scorecards.adoption.checks.find(
          c => c.id === 'adoption.not-too-early',
        )!;
      expect(check.status).toBe('fail');
      expect(check.message).toContain(
        'centralized since 2026-06-01 (91 days, more than 90)',
      );

      const rows = await knex('team_insights_timeline')
        .select('kind', 'key', 'first_seen')
        .orderBy(['kind', 'key']);
      expect(rows).toEqual([
        {
          kind: 'centralized-team',
          key: 'group:default/platform',
          first_seen: start.toISOString(),
        },
        {
          kind: 'concern',
          key: 'scheduling',
          first_seen: start.toISOString(),
        },
      ]);
    },
  );

  it.each(eachDatabase(databases, 'clearing the timeline'))(
    'clears a concern that is no longer a candidate, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await TeamInsightsStore.migrate(knex);
      const store = new TeamInsightsStore(knex);
      await store.writeTimeline({
        concerns: {
          scheduling: { candidateSince: '2026-01-01T00:00:00.000Z' },
        },
        centralizedTeams: {},
        products: {},
      });
      await store.writeTimeline({
        concerns: {
          scheduling: { candidateSince: '2026-05-01T00:00:00.000Z' },
        },
        centralizedTeams: {},
        products: {},
      });
      expect((await store.readTimeline()).concerns).toEqual({
        scheduling: { candidateSince: '2026-01-01T00:00:00.000Z' },
      });
      await store.writeTimeline({
        concerns: {},
        centralizedTeams: {},
        products: {},
      });
      expect(await store.readTimeline()).toEqual({
        concerns: {},
        centralizedTeams: {},
        products: {},
      });
    },
  );
});
