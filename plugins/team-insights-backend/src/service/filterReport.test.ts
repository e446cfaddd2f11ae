import {
  CheckResult,
  evaluate,
  Report,
} from '@team-insights/plugin-team-insights-common';
import { createOrg, isPublic } from '../__testUtils__/org';
import { createReportFilter, filterReport } from './filterReport';
import {
  CallerVisibility,
  collectEntityRefs,
  VISIBLE_TO_ALL,
} from './visibility';

function report(): Report {
  return evaluate(createOrg(), { now: new Date('2026-11-27T08:00:00.000Z') });
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
    expect(filterReport(r, VISIBLE_TO_ALL)).toBe(r);
  });

  it('removes hidden teams, adopters, concerns and findings everywhere', () => {
    const r = report();
    const filtered = filterReport(r, hidingSecrets(r));
    const text = JSON.stringify(filtered);
    expect(text).not.toMatch(/secret/);
    expect(filtered.products[0].adopters).toEqual(['group:default/search']);
    // aggregates name nobody and stay as evaluated
    expect(filtered.products[0].adoptionRate).toBe(r.products[0].adoptionRate);
    expect(filtered.orgUnits[0].teams).toBe(3);
    expect(filtered.orgUnits[0].scorecards).toEqual(r.orgUnits[0].scorecards);
  });

  describe('a check that involves a hidden entity', () => {
    const r = report();
    const filter = createReportFilter(hidingSecrets(r));
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
    const filter = createReportFilter(hidingSecrets(r));
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
    ]);
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
});
