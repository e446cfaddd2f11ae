import type { Entity } from '@backstage/catalog-model';
import {
  CheckResult,
  declinedProductUnresolved,
  defaultTeamInsightsConfig,
  evaluate,
  Finding,
  Report,
} from '@team-insights/plugin-team-insights-common';
import { createOrg, isPublic, withRelations } from '../__testUtils__/org';
import { refVisitor } from '../schema/entityRefs';
import { ReportResponse } from '../schema/models';
import { createReportFilter, filterReport } from './filterReport';
import {
  CallerVisibility,
  collectEntityRefs,
  VISIBLE_TO_ALL,
} from './visibility';

const config = defaultTeamInsightsConfig;

function report(entities: Entity[] = createOrg()): Report {
  return evaluate(entities, { now: new Date('2026-11-27T08:00:00.000Z') });
}

function entity(
  kind: 'Group' | 'Component',
  name: string,
  annotations: Record<string, string> = {},
  owner = 'platform',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', annotations },
    spec:
      kind === 'Group'
        ? { type: 'team', children: [] }
        : { type: 'service', lifecycle: 'production', owner },
  };
}

/**
 * The test organisation, plus: a hidden feature team that adopts nothing;
 * a `pipelines` concern built by search and both hidden teams; a hidden
 * product of the platform team; and search declining that hidden product,
 * a hidden entity that is no product, and an entity that does not exist.
 */
function widerOrg(): Entity[] {
  const entities = createOrg();
  const search = entities.find(e => e.metadata.name === 'search')!;
  search.metadata.annotations!['team-insights.io/declined-products'] =
    'component:default/secret-store, component:default/secret-svc, component:default/nowhere';
  const pipelines = { 'team-insights.io/concern': 'pipelines' };
  entities.push(
    entity('Group', 'secret-idle', { 'team-insights.io/team-type': 'feature' }),
    entity('Component', 'secret-store'),
    entity('Component', 'search-pipe', pipelines, 'search'),
    entity('Component', 'secret-pipe', pipelines, 'secret-team'),
    entity('Component', 'idle-secret-pipe', pipelines, 'secret-idle'),
  );
  return withRelations(entities, [
    ['group:default/secret-idle', 'childOf', 'group:default/ml'],
    ['component:default/secret-store', 'ownedBy', 'group:default/platform'],
    ['component:default/search-pipe', 'ownedBy', 'group:default/search'],
    ['component:default/secret-pipe', 'ownedBy', 'group:default/secret-team'],
    [
      'component:default/idle-secret-pipe',
      'ownedBy',
      'group:default/secret-idle',
    ],
  ]);
}

function hidingSecrets(r: Report): CallerVisibility {
  const hidden = new Set(collectEntityRefs(r).filter(ref => !isPublic(ref)));
  return {
    all: false,
    hidden,
    isVisible: ref => !hidden.has(ref.toLowerCase()),
  };
}

function check(overrides: Partial<CheckResult>): CheckResult {
  return {
    id: 'composition.hand-overs',
    title: 'Few hand-overs',
    status: 'warn',
    weight: 2,
    message: 'Depends on nothing.',
    remediation: 'Nothing to do.',
    ...overrides,
  };
}

describe('filterReport', () => {
  it('returns the report untouched for a caller who sees everything', () => {
    const r = report();
    expect(filterReport(r, VISIBLE_TO_ALL, config)).toBe(r);
  });

  it('removes hidden teams, adopters, concerns and findings everywhere', () => {
    const r = report();
    const filtered = filterReport(r, hidingSecrets(r), config);
    const text = JSON.stringify(filtered);
    expect(text).not.toMatch(/secret/);
    expect(filtered.products[0].adopters).toEqual(['group:default/search']);
  });

  it('serves no field the report model marks as an entity ref with an entity the caller cannot see', () => {
    const r = report(widerOrg());
    const visibility = hidingSecrets(r);
    expect(visibility.hidden!.size).toBeGreaterThan(3);
    const leaks: string[] = [];
    refVisitor(ReportResponse)(
      filterReport(r, visibility, config),
      (ref, at) => {
        if (!visibility.isVisible(ref)) leaks.push(`${at}: ${ref}`);
      },
    );
    expect(leaks).toEqual([]);
    expect(collectEntityRefs(filterReport(r, visibility, config))).toContain(
      'group:default/search',
    );
  });

  it('keeps only the visible decliners of a product and a concern, and no reason naming what the caller cannot see', () => {
    const entities = createOrg();
    const decline = (name: string, value: string) => {
      entities.find(e => e.metadata.name === name)!.metadata.annotations![
        'team-insights.io/declined-products'
      ] = value;
    };
    decline('search', 'monitor-kit: secret-svc does it for us');
    decline('secret-team', 'monitor-kit: too slow');
    entities.push(
      entity('Component', 'monitor-kit', {
        'team-insights.io/concern': 'monitoring',
      }),
      entity(
        'Component',
        'search-monitor',
        { 'team-insights.io/concern': 'monitoring' },
        'search',
      ),
    );
    const r = report(
      withRelations(entities, [
        ['component:default/monitor-kit', 'ownedBy', 'group:default/platform'],
        ['component:default/search-monitor', 'ownedBy', 'group:default/search'],
      ]),
    );
    const kit = (p: Report) =>
      p.products.find(x => x.entityRef === 'component:default/monitor-kit')!;
    const monitoring = (p: Report) =>
      p.concerns.find(c => c.concern === 'monitoring')!;
    expect(kit(r).declineReasons).toEqual([
      { teamRef: 'group:default/search', reason: 'secret-svc does it for us' },
      { teamRef: 'group:default/secret-team', reason: 'too slow' },
    ]);
    expect(monitoring(r).declined).toEqual([
      'group:default/search',
      'group:default/secret-team',
    ]);

    const filtered = filterReport(r, hidingSecrets(r), config);
    expect(kit(filtered).declineReasons).toEqual([
      {
        teamRef: 'group:default/search',
        reason:
          'The reason names entities you cannot see in the catalog, so it is hidden.',
      },
    ]);
    expect(monitoring(filtered).declined).toEqual(['group:default/search']);
    expect(JSON.stringify(filtered)).not.toMatch(/secret/);
  });

  describe('aggregates over teams, for a caller who cannot see them all', () => {
    const r = report(widerOrg());
    const filtered = filterReport(r, hidingSecrets(r), config);
    const team = (ref: string) => r.teams.find(t => t.entityRef === ref)!;

    it('rolls an organisational unit up over its visible teams only', () => {
      const [unit] = filtered.orgUnits;
      expect(r.orgUnits[0].teams).toBe(4);
      expect(unit.teams).toBe(2);
      const visible = ['group:default/platform', 'group:default/search'];
      expect(unit.teamRefs).toEqual(visible);
      for (const id of ['composition', 'adoption', 'documentation'] as const) {
        const scores = visible
          .map(ref => team(ref).scorecards[id].score)
          .filter((s): s is number => s !== null);
        const mean = scores.length
          ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length)
          : null;
        expect(unit.scorecards[id].score).toBe(mean);
        const counted = Object.values(unit.scorecards[id].byLevel).reduce(
          (a, b) => a + b,
          0,
        );
        expect(counted).toBeLessThanOrEqual(2);
      }
    });

    it('computes an adoption rate over the visible feature teams', () => {
      const store = (p: Report) =>
        p.products.find(
          x => x.entityRef === 'component:default/feature-store',
        )!;
      // search and secret-team adopt it, secret-idle does not
      expect(store(r).adoptionRate).toBe(0.6667);
      expect(store(filtered).adoptionRate).toBe(1);
    });

    it('gives a concern the verdict its visible builders earn', () => {
      const pipelines = (p: Report) =>
        p.concerns.find(c => c.concern === 'pipelines')!;
      expect(pipelines(r).verdict).toBe('centralize-candidate');
      expect(pipelines(filtered)).toEqual({
        concern: 'pipelines',
        builtBy: ['group:default/search'],
        products: [],
        verdict: 'local',
      });
    });

    it('shows no candidate date or evident flag to a caller who sees too few of its builders', () => {
      const at = new Date('2026-11-27T08:00:00.000Z');
      const timed = evaluate(widerOrg(), {
        now: at,
        timeline: {
          concerns: {
            pipelines: { candidateSince: '2026-01-01T00:00:00.000Z' },
          },
          centralizedTeams: {},
          products: {},
        },
      });
      const pipelines = (p: Report) =>
        p.concerns.find(c => c.concern === 'pipelines')!;
      expect(pipelines(timed)).toMatchObject({
        candidateSince: '2026-01-01T00:00:00.000Z',
        evident: true,
      });
      const seen = filterReport(timed, hidingSecrets(timed), config);
      expect(pipelines(seen)).toMatchObject({
        verdict: 'local',
        candidateSince: null,
        evident: false,
      });
    });

    it('answers a declined product that is hidden exactly as one that does not exist', () => {
      const declines = filtered.findings
        .filter(
          f =>
            f.entityRef === 'group:default/search' &&
            f.annotation === 'team-insights.io/declined-products',
        )
        .sort((a, b) => a.message.localeCompare(b.message));
      expect(declines).toEqual(
        [
          'component:default/nowhere',
          'component:default/secret-store',
          'component:default/secret-svc',
        ].map(ref => ({
          severity: 'error',
          code: 'declined-products.unresolved',
          entityRef: 'group:default/search',
          annotation: 'team-insights.io/declined-products',
          message: declinedProductUnresolved(ref),
          params: { product: ref },
        })),
      );
      // the team's own findings carry it too
      const filter = createReportFilter(hidingSecrets(r), r, config);
      expect(
        filter.findingsOf([], ['group:default/search']).map(f => f.message),
      ).toEqual([declinedProductUnresolved('component:default/secret-store')]);
    });
  });

  it('gives a team the same findings, in the same order, whether a declined product is hidden or missing', () => {
    const declining = (withProduct: boolean) => {
      const entities = createOrg().filter(
        e => withProduct || e.metadata.name !== 'feature-store',
      );
      const search = entities.find(e => e.metadata.name === 'search')!;
      search.metadata.annotations!['team-insights.io/declined-products'] =
        'component:default/feature-store, component:default/zzz-missing';
      return report(entities);
    };
    const hidingStore = (r: Report): CallerVisibility => {
      const hidden = new Set(
        collectEntityRefs(r).filter(
          ref => !isPublic(ref) || ref === 'component:default/feature-store',
        ),
      );
      return {
        all: false,
        hidden,
        isVisible: ref => !hidden.has(ref.toLowerCase()),
      };
    };
    const seen = (withProduct: boolean) => {
      const r = declining(withProduct);
      return filterReport(r, hidingStore(r), config).findings.filter(
        f => f.entityRef === 'group:default/search',
      );
    };
    const hidden = seen(true);
    expect(hidden).toEqual(seen(false));
    expect(hidden.map(f => f.message)).toContain(
      declinedProductUnresolved('component:default/feature-store'),
    );
  });

  it('shows a hint about the text of a decline the same whether its product is hidden or missing', () => {
    const seen = (withProduct: boolean) => {
      const entities = createOrg().filter(
        e => withProduct || e.metadata.name !== 'feature-store',
      );
      const search = entities.find(e => e.metadata.name === 'search')!;
      search.metadata.annotations!['team-insights.io/declined-products'] =
        'component:default/feature-store:needs streaming';
      const r = report(entities);
      const hidden = new Set(
        collectEntityRefs(r).filter(
          ref => !isPublic(ref) || ref === 'component:default/feature-store',
        ),
      );
      return filterReport(
        r,
        { all: false, hidden, isVisible: ref => !hidden.has(ref) },
        config,
      ).findings.filter(f => f.entityRef === 'group:default/search');
    };
    const hidden = seen(true);
    expect(hidden).toEqual(seen(false));
    expect(hidden.map(f => f.code).sort()).toEqual([
      'declined-products.reason-missing-space',
      'declined-products.unresolved',
    ]);
    // the hint repeats the team's own text: nothing to hide
    expect(
      hidden.find(f => f.code === 'declined-products.reason-missing-space'),
    ).toMatchObject({
      message: expect.stringContaining("put a space after the ':'"),
      params: { product: 'component:default/feature-store' },
    });
  });

  describe('a check that involves a hidden entity', () => {
    const r = report();
    const filter = createReportFilter(hidingSecrets(r), r, config);
    const filterCheck = (c: CheckResult) => {
      const team = {
        ...r.teams[1],
        scorecards: {
          ...r.teams[1].scorecards,
          composition: { score: 50, level: 'bronze' as const, checks: [c] },
        },
      };
      return filter.teams([team])[0].scorecards.composition.checks[0];
    };

    it('lists only the visible entities and says how many are hidden', () => {
      const result = filterCheck(
        check({
          message:
            'Depends on non-product entities of 2 other teams: group:default/platform (component:default/feature-store) and group:default/secret-team (component:default/secret-svc).',
          entities: ['group:default/platform', 'group:default/secret-team'],
        }),
      );
      expect(result.entities).toEqual(['group:default/platform']);
      expect(result.message).toBe(
        'This result involves 1 entity you cannot see in the catalog, so its details are hidden. Entities involved that you can see: group:default/platform.',
      );
      // the verdict itself is kept
      expect(result.status).toBe('warn');
      expect(result.remediation).toBe('Nothing to do.');
    });

    it('hides a message that names a hidden entity it does not list', () => {
      const byRef = filterCheck(
        check({
          message: 'Uses component:default/secret-svc.',
          entities: ['group:default/platform'],
        }),
      );
      expect(byRef.message).toBe(
        'This result names entities you cannot see in the catalog, so its details are hidden. Entities involved that you can see: group:default/platform.',
      );
      const byName = filterCheck(
        check({ message: 'Talks to secret-svc daily.' }),
      );
      expect(byName.message).not.toContain('secret');
    });

    it('hides a remediation that names a hidden entity', () => {
      const result = filterCheck(
        check({
          remediation:
            'Decline it:\n\n```yaml\nteam-insights.io/declined-products: component:default/secret-svc\n```',
        }),
      );
      expect(result.message).toBe('Depends on nothing.');
      expect(result.remediation).not.toContain('secret');
    });

    it('keeps a check that names only visible entities as it is', () => {
      const original = check({
        message: 'Uses component:default/feature-store.',
        entities: ['component:default/feature-store'],
      });
      expect(filterCheck(original)).toBe(original);
    });
  });

  it('hides the message of a visible finding that names a hidden entity', () => {
    const r = report();
    const filter = createReportFilter(hidingSecrets(r), r, config);
    // findings as stored before they had codes
    const findings = filter.findings([
      {
        severity: 'warning',
        entityRef: 'group:default/search',
        annotation: 'team-insights.io/declined-products',
        message: 'group:default/secret-team is not a product',
      },
      {
        severity: 'error',
        entityRef: 'group:default/secret-team',
        message: 'whatever',
      },
    ] as Finding[]);
    expect(findings).toEqual([
      {
        severity: 'warning',
        entityRef: 'group:default/search',
        annotation: 'team-insights.io/declined-products',
        message:
          'This annotation refers to entities you cannot see in the catalog, so the details are hidden.',
      },
    ]);
  });

  describe('a finding, judged by its code, params and entityRefs', () => {
    const r = report();
    const filter = createReportFilter(hidingSecrets(r), r, config);
    const naming: Finding = {
      severity: 'warning',
      code: 'annotation.wrong-kind',
      entityRef: 'group:default/search',
      annotation: 'team-insights.io/skills',
      message:
        'shared with group:default/secret-team (secret-team) and group:default/platform',
      params: { team: 'group:default/secret-team', name: 'secret-team' },
      entityRefs: ['group:default/platform', 'group:default/secret-team'],
    };

    it('never shows a hidden ref of entityRefs in the message, params or entityRefs', () => {
      const [seen] = filter.findings([naming]);
      expect(JSON.stringify(seen)).not.toContain('secret');
      expect(seen).toEqual({
        severity: 'warning',
        code: 'annotation.wrong-kind',
        entityRef: 'group:default/search',
        annotation: 'team-insights.io/skills',
        message:
          'This annotation refers to entities you cannot see in the catalog, so the details are hidden.',
        entityRefs: ['group:default/platform'],
      });
      // a caller who sees everything gets it as evaluated
      const all = createReportFilter(VISIBLE_TO_ALL, r, config);
      expect(all.findings([naming])).toEqual([naming]);
    });

    it('keeps a finding whose entityRefs are all visible, whatever its text', () => {
      const own: Finding = {
        severity: 'error',
        code: 'concern.invalid',
        entityRef: 'group:default/search',
        annotation: 'team-insights.io/concern',
        message: "'secret-team' is not a valid concern",
        params: { value: 'secret-team' },
      };
      expect(filter.findings([own])).toEqual([own]);
    });

    it('answers a hidden entity declined as a non-product as one that does not exist', () => {
      const [seen] = filter.findings([
        {
          severity: 'warning',
          code: 'declined-products.not-a-product',
          entityRef: 'group:default/search',
          annotation: 'team-insights.io/declined-products',
          message:
            "'component:default/secret-svc' is not a platform product, so there is nothing to decline; remove it from the list",
          params: { product: 'component:default/secret-svc' },
          entityRefs: ['component:default/secret-svc'],
        },
      ]);
      expect(seen).toEqual({
        severity: 'error',
        code: 'declined-products.unresolved',
        entityRef: 'group:default/search',
        annotation: 'team-insights.io/declined-products',
        message: declinedProductUnresolved('component:default/secret-svc'),
        params: { product: 'component:default/secret-svc' },
      });
    });

    it('does not show the error a custom check threw to a caller who cannot see everything', () => {
      const failed: Finding = {
        severity: 'error',
        code: 'check.failed',
        entityRef: 'group:default/search',
        message:
          "check 'acme.on-call' could not be evaluated (Error: no pager for secret-team); it is reported as not applicable",
        params: {
          checkId: 'acme.on-call',
          reason: 'Error: no pager for secret-team',
        },
      };
      const [seen] = filter.findings([failed]);
      expect(JSON.stringify(seen)).not.toContain('secret');
      expect(seen.code).toBe('check.failed');
      expect(seen.params).toEqual({ checkId: 'acme.on-call' });
      expect(seen.message).toContain(
        "check 'acme.on-call' could not be evaluated",
      );
      const all = createReportFilter(VISIBLE_TO_ALL, r, config);
      expect(all.findings([failed])).toEqual([failed]);
    });
  });
});
