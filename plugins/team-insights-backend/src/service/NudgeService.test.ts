import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  checkCatalogue,
  evaluate,
  Initiative,
  Level,
  LEVELS,
  Report,
} from '@team-insights/plugin-team-insights-common';
import { createOrg } from '../__testUtils__/org';
import { NudgeOptions, NudgeService } from './NudgeService';
import { NudgeStore } from './NudgeStore';
import { TeamInsightsStore } from './TeamInsightsStore';
import { eachDatabase } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;

const allOn: NudgeOptions = {
  levelDrop: true,
  waiverExpiry: true,
  lastAdopterLost: true,
  waiverNoticeDays: 14,
  quietPeriodMs: 7 * DAY,
};

function entity(entities: Entity[], ref: string): Entity {
  const found = entities.find(
    e =>
      `${e.kind}:${e.metadata.namespace}/${e.metadata.name}`.toLowerCase() ===
      ref,
  );
  if (!found) throw new Error(`no ${ref} in the test organisation`);
  return found;
}

function annotate(
  entities: Entity[],
  ref: string,
  annotations: Record<string, string>,
): Entity[] {
  const e = entity(entities, ref);
  e.metadata.annotations = { ...e.metadata.annotations, ...annotations };
  return entities;
}

/** The organisation where the secret team has become 20 data scientists. */
function overgrownSecretTeam(): Entity[] {
  return annotate(createOrg(), 'group:default/secret-team', {
    'team-insights.io/skills': 'data-scientist=20',
  });
}

/** The organisation where nobody depends on the platform's feature store. */
function featureStoreAbandoned(): Entity[] {
  return createOrg().map(e => ({
    ...e,
    relations: (e.relations ?? []).filter(
      r => r.type !== 'dependsOn' && r.type !== 'dependencyOf',
    ),
  }));
}

function levelOf(report: Report, team: string, scorecard: 'composition') {
  return report.teams.find(t => t.entityRef === team)!.scorecards[scorecard]
    .level as Level;
}

describe('NudgeService', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function setup(
    databaseId: Parameters<typeof databases.init>[0],
    options: Partial<NudgeOptions> = {},
    initiatives: Initiative[] = [],
  ) {
    const knex = await databases.init(databaseId);
    await TeamInsightsStore.migrate(knex);
    const sent: NotificationSendOptions[] = [];
    const notifications = {
      send: jest.fn(async (notification: NotificationSendOptions) => {
        sent.push(notification);
      }),
    };
    let now = new Date('2026-11-27T08:00:00.000Z');
    const nudges = new NudgeService({
      store: new NudgeStore(knex),
      notifications,
      logger: mockServices.logger.mock(),
      options: { ...allOn, ...options },
      checkTitles: new Map(checkCatalogue().map(c => [c.id, c.title])),
      initiatives,
      now: () => now,
    });
    const run = (entities: Entity[]) =>
      nudges.afterRefresh(evaluate(entities, { now }));
    return {
      knex,
      sent,
      notifications,
      nudges,
      run,
      setNow(date: Date) {
        now = date;
      },
      now: () => now,
    };
  }

  describe.each(
    eachDatabase(databases, 'notifications (nudge state and quiet periods)'),
  )('on %p', databaseId => {
    it('tells the organisational unit once when a concern becomes evident', async () => {
      const { nudges, sent, now } = await setup(databaseId, {
        concernEvident: true,
      });
      const base = evaluate(createOrg(), { now: now() });
      const withConcern = (evident: boolean): Report => ({
        ...base,
        concerns: [
          {
            concern: 'scheduling',
            builtBy: ['group:default/search', 'group:default/secret-team'],
            products: [],
            verdict: 'centralize-candidate',
            candidateSince: '2026-08-01T08:00:00.000Z',
            evident,
          },
        ],
      });
      // a candidate that is not yet evident says nothing
      expect((await nudges.afterRefresh(withConcern(false))).sent).toBe(0);
      expect((await nudges.afterRefresh(withConcern(true))).sent).toBe(1);
      expect(sent).toEqual([
        {
          recipients: { type: 'entity', entityRef: 'group:default/ml' },
          payload: expect.objectContaining({
            title: 'scheduling: evident, extract it',
            link: '/team-insights/concerns',
            topic: 'Concern evident',
          }),
        },
      ]);
      expect(sent[0].payload.description).toContain(
        'it has been a candidate for a centralized team since 2026-08-01',
      );
      // once per concern: not again on the next refreshes
      expect(await nudges.afterRefresh(withConcern(true))).toEqual({
        sent: 0,
        quiet: 1,
        failed: 0,
      });
      expect(sent).toHaveLength(1);
    });

    it('sends no concern notification when switched off', async () => {
      const { nudges, sent, now } = await setup(databaseId);
      const base = evaluate(createOrg(), { now: now() });
      await nudges.afterRefresh({
        ...base,
        concerns: [
          {
            concern: 'scheduling',
            builtBy: ['group:default/search'],
            products: [],
            verdict: 'centralize-candidate',
            candidateSince: '2026-08-01T08:00:00.000Z',
            evident: true,
          },
        ],
      });
      expect(sent.filter(n => n.payload.topic === 'Concern evident')).toEqual(
        [],
      );
    });

    it('notifies a team once when its level drops, not on the next refresh, and again after the quiet period', async () => {
      const { run, sent, setNow, now } = await setup(databaseId);
      const before = evaluate(createOrg(), { now: now() });
      const after = evaluate(overgrownSecretTeam(), { now: now() });
      const from = levelOf(before, 'group:default/secret-team', 'composition');
      const to = levelOf(after, 'group:default/secret-team', 'composition');
      // the scenario is a real drop
      expect(LEVELS.indexOf(to)).toBeGreaterThan(LEVELS.indexOf(from));

      // the first refresh only records the levels
      expect(await run(createOrg())).toEqual({ sent: 0, quiet: 0, failed: 0 });
      expect(sent).toEqual([]);

      expect((await run(overgrownSecretTeam())).sent).toBe(1);
      expect(sent).toEqual([
        {
          recipients: {
            type: 'entity',
            entityRef: 'group:default/secret-team',
          },
          payload: expect.objectContaining({
            title: `secret-team: Team composition dropped from ${from} to ${to}`,
            link: '/catalog/default/group/secret-team/team-insights',
            severity: to === 'none' ? 'high' : 'normal',
            topic: 'Scorecard level dropped',
            scope:
              'team-insights:level-drop:group:default/secret-team:composition',
          }),
        },
      ]);
      expect(sent[0].payload.description).toContain('Skill coverage');

      // the same report again: nothing new to say
      await run(overgrownSecretTeam());
      expect(sent).toHaveLength(1);

      // it recovers and drops again within the quiet period: not again …
      setNow(new Date(now().getTime() + DAY));
      await run(createOrg());
      expect((await run(overgrownSecretTeam())).quiet).toBe(1);
      expect(sent).toHaveLength(1);

      // … but after it
      setNow(new Date(now().getTime() + 7 * DAY));
      await run(createOrg());
      await run(overgrownSecretTeam());
      expect(sent).toHaveLength(2);
    });

    it('notifies the owner of a product of a centralized team once when it loses its last adopter', async () => {
      const { run, sent } = await setup(databaseId);
      await run(createOrg());
      expect(sent).toEqual([]);

      await run(featureStoreAbandoned());
      const lost = sent.filter(
        s => s.payload.topic === 'Product without adopters',
      );
      expect(lost).toEqual([
        {
          recipients: { type: 'entity', entityRef: 'group:default/platform' },
          payload: expect.objectContaining({
            title: 'feature-store: no team uses it any more',
            link: '/catalog/default/group/platform/team-insights',
            severity: 'high',
          }),
        },
      ]);
      expect(lost[0].payload.description).toContain(
        'had 2 adopting teams at the last evaluation and has none now',
      );
      // the adopters are not named: the owner may not see them
      expect(lost[0].payload.description).not.toContain('secret-team');

      const count = sent.length;
      await run(featureStoreAbandoned());
      expect(sent).toHaveLength(count);
    });

    it('announces a waiver ending within 14 days once, and its end once', async () => {
      const { run, sent, setNow } = await setup(databaseId);
      const withWaivers = () =>
        annotate(
          annotate(createOrg(), 'group:default/search', {
            'team-insights.io/waivers':
              'composition.team-size until 2026-12-05: merging with the ranking team',
          }),
          'component:default/search-api',
          {
            'team-insights.io/waivers':
              'docs.techdocs until 2027-03-01: docs move to the new site in Q1',
          },
        );

      await run(withWaivers());
      // the team's waiver ends in 8 days; the component's is far off
      expect(sent).toEqual([
        {
          recipients: { type: 'entity', entityRef: 'group:default/search' },
          payload: expect.objectContaining({
            title: 'search: the waiver for Team size ends on 2026-12-05',
            link: '/catalog/default/group/search/team-insights',
            topic: 'Waiver ending',
          }),
        },
      ]);
      expect(sent[0].payload.description).toContain(
        '"merging with the ranking team"',
      );
      expect(sent[0].payload.description).toContain('8 days left');

      await run(withWaivers());
      expect(sent).toHaveLength(1);

      // the day after the waiver's end
      setNow(new Date('2026-12-06T08:00:00.000Z'));
      await run(withWaivers());
      expect(sent).toHaveLength(2);
      expect(sent[1]).toEqual({
        recipients: { type: 'entity', entityRef: 'group:default/search' },
        payload: expect.objectContaining({
          title: 'search: the waiver for Team size ended on 2026-12-05',
          severity: 'high',
          topic: 'Waiver ended',
        }),
      });
      await run(withWaivers());
      expect(sent).toHaveLength(2);

      // the component's waiver goes to the Group that owns the component
      setNow(new Date('2027-02-20T08:00:00.000Z'));
      await run(withWaivers());
      expect(sent).toHaveLength(3);
      expect(sent[2]).toEqual({
        recipients: { type: 'entity', entityRef: 'group:default/search' },
        payload: expect.objectContaining({
          title: 'search-api: the waiver for TechDocs ends on 2027-03-01',
        }),
      });
    });

    it('sends nothing of a kind that is switched off, and tries again when sending failed', async () => {
      const { run, sent, notifications } = await setup(databaseId, {
        lastAdopterLost: false,
      });
      await run(createOrg());
      await run(featureStoreAbandoned());
      expect(
        sent.filter(s => s.payload.topic === 'Product without adopters'),
      ).toEqual([]);
      // (the platform's adoption level dropped, which is announced)
      expect(sent.map(s => s.payload.topic)).toEqual([
        'Scorecard level dropped',
      ]);
      sent.splice(0);

      await run(createOrg());
      notifications.send.mockRejectedValueOnce(new Error('notifications down'));
      expect((await run(overgrownSecretTeam())).failed).toBe(1);
      expect(sent).toHaveLength(0);
      // the drop was not recorded as seen: the next refresh sends it
      expect((await run(overgrownSecretTeam())).sent).toBe(1);
      expect(sent).toHaveLength(1);
    });

    it('tells the teams of an initiative once that it started and that its deadline nears', async () => {
      const { run, sent } = await setup(
        databaseId,
        {
          levelDrop: false,
          waiverExpiry: false,
          lastAdopterLost: false,
          initiatives: true,
        },
        [
          {
            id: 'ml-gold',
            title: 'ML feature teams at gold',
            teams: { orgUnit: 'group:default/ml', teamTypes: ['feature'] },
            target: { scorecard: 'composition', level: 'gold' },
            start: '2026-11-01',
            deadline: '2026-12-05',
          },
        ],
      );
      const report = evaluate(createOrg(), {
        now: new Date('2026-11-27T08:00:00.000Z'),
      });
      const below = report.teams
        .filter(
          t =>
            t.teamType === 'feature' &&
            t.scorecards.composition.level !== 'gold',
        )
        .map(t => t.entityRef);
      expect(below.length).toBeGreaterThan(0);

      await run(createOrg());
      const byKind = (topic: string) =>
        sent
          .filter(s => s.payload.topic === topic)
          .map(s => (s.recipients as { entityRef: string }).entityRef)
          .sort();
      expect(byKind('Initiative started')).toEqual([
        'group:default/search',
        'group:default/secret-team',
      ]);
      expect(byKind('Initiative deadline near')).toEqual(below.sort());

      // once each: the next refreshes send nothing again
      const count = sent.length;
      await run(createOrg());
      await run(createOrg());
      expect(sent).toHaveLength(count);
    });

    it('sends each org unit a weekly digest of its initiatives, once a week, when opted in', async () => {
      const initiative: Initiative = {
        id: 'ml-gold',
        title: 'ML feature teams at gold',
        teams: { orgUnit: 'group:default/ml', teamTypes: ['feature'] },
        target: { scorecard: 'composition', level: 'gold' },
        start: '2026-11-01',
        deadline: '2027-01-31',
      };
      const { run, sent, setNow } = await setup(
        databaseId,
        {
          levelDrop: false,
          waiverExpiry: false,
          lastAdopterLost: false,
          initiatives: false,
          initiativesDigest: true,
        },
        [initiative],
      );
      // Friday 27 November 2026, week 48
      const report = evaluate(createOrg(), {
        now: new Date('2026-11-27T08:00:00.000Z'),
      });
      const atGold = report.teams.filter(
        t =>
          t.teamType === 'feature' && t.scorecards.composition.level === 'gold',
      ).length;

      await run(createOrg());
      expect(sent).toHaveLength(1);
      expect(sent[0].recipients).toEqual({
        type: 'entity',
        entityRef: 'group:default/ml',
      });
      expect(sent[0].payload.title).toBe('ml: 1 initiative this week');
      expect(sent[0].payload.description).toBe(
        `"ML feature teams at gold": ${atGold} of 2 teams at target, deadline 2027-01-31.`,
      );
      expect(sent[0].payload.topic).toBe('Initiatives this week');

      // later the same week: nothing again
      setNow(new Date('2026-11-29T20:00:00.000Z'));
      await run(createOrg());
      expect(sent).toHaveLength(1);

      // Monday of the next week: the next digest
      setNow(new Date('2026-11-30T06:00:00.000Z'));
      await run(createOrg());
      expect(sent).toHaveLength(2);
      expect(sent[1].payload.scope).toContain('2026-W49');
    });

    it('sends no digest unless opted in', async () => {
      const { run, sent } = await setup(
        databaseId,
        {
          levelDrop: false,
          waiverExpiry: false,
          lastAdopterLost: false,
          initiatives: false,
        },
        [
          {
            id: 'ml-gold',
            title: 'ML feature teams at gold',
            teams: { orgUnit: 'group:default/ml' },
            target: { scorecard: 'composition', level: 'gold' },
            start: '2026-11-01',
            deadline: '2027-01-31',
          },
        ],
      );
      await run(createOrg());
      expect(sent).toHaveLength(0);
    });
  });
});
