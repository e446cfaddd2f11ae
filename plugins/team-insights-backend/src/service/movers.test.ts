import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  evaluate,
  readTeamInsightsConfig,
  Report,
} from '@team-insights/plugin-team-insights-common';
import { createOrg } from '../__testUtils__/org';
import type { ReportService } from './ReportService';
import { ScorecardQueries } from './ScorecardQueries';
import { historyRowsOf, TeamInsightsStore } from './TeamInsightsStore';
import { CallerVisibility, VisibilityService } from './visibility';

jest.setTimeout(60_000);

function hidingSecrets(): CallerVisibility {
  return {
    all: false,
    hidden: new Set(),
    isVisible: ref => !ref.toLowerCase().includes('secret'),
  };
}

const everything: CallerVisibility = {
  all: true,
  hidden: new Set(),
  isVisible: () => true,
};

describe('ScorecardQueries.movers', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('ranks visible teams and org units by how far their stored score moved, in one query, and charts an org unit of its own', async () => {
      const knex = await databases.init(databaseId);
      await TeamInsightsStore.migrate(knex);
      const store = new TeamInsightsStore(knex);
      const report: Report = evaluate(createOrg(), {
        now: new Date('2026-11-27T08:00:00.000Z'),
      });
      await store.writeHistory(report);

      // Twenty days earlier: every scored composition row 10 points lower,
      // except the hidden team's, which was 10 points higher.
      const earlier = historyRowsOf(report)
        .filter(row => row.scorecard === 'composition' && row.score !== null)
        .filter(row => row.subject !== 'entity')
        .map(row => ({
          ...row,
          day: '2026-11-07',
          score: row.entity_ref.includes('secret')
            ? Number(row.score) + 10
            : Number(row.score) - 10,
        }));
      expect(earlier.some(row => row.entity_ref.includes('secret'))).toBe(true);
      expect(earlier.some(row => row.subject === 'org-unit')).toBe(true);
      await knex('team_insights_history').insert(earlier);

      const views: Record<string, CallerVisibility> = {
        'user:default/restricted': hidingSecrets(),
        'user:default/admin': everything,
      };
      const queries = new ScorecardQueries({
        permissions: mockServices.permissions(),
        auth: mockServices.auth(),
        reports: {
          getReport: async () => ({ report, stale: false }),
        } as unknown as ReportService,
        store,
        visibility: {
          forCaller: async (credentials: any) =>
            views[credentials.principal.userEntityRef],
        } as unknown as VisibilityService,
        engineConfig: readTeamInsightsConfig(new ConfigReader({})),
        now: () => new Date('2026-11-27T12:00:00.000Z'),
      });

      let issued = 0;
      const count = () => {
        issued += 1;
      };
      knex.on('query', count);
      const restricted = await queries.movers(
        mockCredentials.user('user:default/restricted'),
        { days: 30, scorecard: 'composition' },
      );
      knex.removeListener('query', count);
      expect(issued).toBe(1);

      const visibleMoved = earlier.filter(
        row => !row.entity_ref.includes('secret'),
      );
      expect(restricted.improved).toHaveLength(
        Math.min(10, visibleMoved.length),
      );
      for (const mover of restricted.improved) {
        expect(mover.delta).toBe(10);
        expect(mover.to - mover.from).toBe(10);
        expect(mover.entityRef).not.toContain('secret');
      }
      expect(restricted.improved.map(m => m.kind)).toContain('orgUnit');
      expect(restricted.improved.map(m => m.kind)).toContain('team');
      expect(restricted.dropped).toEqual([]);

      const admin = await queries.movers(
        mockCredentials.user('user:default/admin'),
        { days: 30 },
      );
      expect(admin.dropped.map(m => m.entityRef)).toEqual(
        earlier
          .filter(row => row.entity_ref.includes('secret'))
          .map(row => row.entity_ref),
      );

      // An org unit's own trend: its stored scores, oldest first.
      const unit = earlier.find(row => row.subject === 'org-unit')!;
      const trend = await queries.trends(
        mockCredentials.user('user:default/admin'),
        { days: 30, scorecard: 'composition', orgUnit: unit.entity_ref },
      );
      expect(trend.orgUnit).toBe(unit.entity_ref);
      expect(trend.points.map(p => [p.day, p.score])).toEqual([
        ['2026-11-07', unit.score],
        ['2026-11-27', unit.score + 10],
      ]);
      const lastWeek = await queries.trends(
        mockCredentials.user('user:default/admin'),
        { days: 7, scorecard: 'composition', orgUnit: unit.entity_ref },
      );
      expect(lastWeek.points).toHaveLength(1);
      // Hidden and unknown org units answer alike.
      views['user:default/no-unit'] = {
        all: false,
        hidden: new Set([unit.entity_ref]),
        isVisible: ref => ref.toLowerCase() !== unit.entity_ref,
      };
      const hiddenAnswer = queries.trends(
        mockCredentials.user('user:default/no-unit'),
        { days: 30, orgUnit: unit.entity_ref },
      );
      await expect(hiddenAnswer).rejects.toThrow(
        `No Team Insights scorecards for ${unit.entity_ref}`,
      );
      await expect(
        queries.trends(mockCredentials.user('user:default/admin'), {
          days: 30,
          orgUnit: 'group:default/no-such-unit',
        }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      await expect(hiddenAnswer).rejects.toMatchObject({
        name: 'NotFoundError',
      });
      // A team is not an org unit.
      await expect(
        queries.trends(mockCredentials.user('user:default/admin'), {
          days: 30,
          orgUnit: report.teams[0].entityRef,
        }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });

      // A week back reaches no earlier score: nothing moved.
      const week = await queries.movers(
        mockCredentials.user('user:default/admin'),
        { days: 7 },
      );
      expect(week).toEqual({ improved: [], dropped: [] });
    });
  });
});
