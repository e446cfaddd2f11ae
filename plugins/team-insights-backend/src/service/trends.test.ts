import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import {
  evaluate,
  readTeamInsightsConfig,
  Report,
} from '@team-insights/plugin-team-insights-common';
import { createOrg, withRelations } from '../__testUtils__/org';
import type { ReportService } from './ReportService';
import { ScorecardQueries } from './ScorecardQueries';
import { TeamInsightsStore } from './TeamInsightsStore';
import {
  CallerVisibility,
  collectEntityRefs,
  VisibilityService,
} from './visibility';

jest.setTimeout(60_000);

const HIDDEN_SERVICES = 1200;

/** The test organisation plus many services of the hidden team. */
function largeOrg(): Entity[] {
  const entities = createOrg();
  const links: Array<[string, string, string]> = [];
  for (let i = 0; i < HIDDEN_SERVICES; i++) {
    const name = `secret-svc-${i}`;
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default', description: 'Hidden.' },
      spec: { type: 'service', lifecycle: 'production', owner: 'secret-team' },
    });
    links.push([
      `component:default/${name}`,
      'ownedBy',
      'group:default/secret-team',
    ]);
  }
  return withRelations(entities, links);
}

function hiding(refs: string[]): CallerVisibility {
  const hidden = new Set(refs);
  return {
    all: false,
    hidden,
    isVisible: ref => !hidden.has(ref.toLowerCase()),
  };
}

describe('GET /trends for a caller who cannot see everything', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('asks the database as often whatever the caller may not see, and counts only what it may', async () => {
      const knex = await databases.init(databaseId);
      await TeamInsightsStore.migrate(knex);
      const store = new TeamInsightsStore(knex);
      const report: Report = evaluate(largeOrg(), {
        now: new Date('2026-11-27T08:00:00.000Z'),
      });
      await store.writeHistory(report);

      const secrets = collectEntityRefs(report).filter(r =>
        r.includes('secret'),
      );
      expect(secrets.length).toBeGreaterThan(HIDDEN_SERVICES);
      const views: Record<string, CallerVisibility> = {
        'user:default/few': hiding(['component:default/secret-svc-0']),
        'user:default/many': hiding(secrets),
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
      const trendsOf = async (user: string) => {
        issued = 0;
        const { points } = await queries.trends(mockCredentials.user(user), {
          days: 30,
          scorecard: 'documentation',
        });
        return { points, issued };
      };
      const few = await trendsOf('user:default/few');
      const many = await trendsOf('user:default/many');
      knex.removeListener('query', count);

      expect(many.issued).toBe(few.issued);
      expect(many.issued).toBe(1);

      const visibleDocs = report.entities.filter(
        e => !e.entityRef.includes('secret'),
      );
      const scores = visibleDocs
        .map(e => e.scorecards.documentation.score)
        .filter((s): s is number => s !== null);
      expect(many.points).toEqual([
        {
          day: '2026-11-27',
          scorecard: 'documentation',
          score:
            Math.round(
              (10 * scores.reduce((a, b) => a + b, 0)) / scores.length,
            ) / 10,
          count: scores.length,
        },
      ]);
      expect(few.points[0].count).toBe(report.entities.length - 1);
    });
  });
});
