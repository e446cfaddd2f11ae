import { defaultTeamInsightsConfig } from '../config';
import type { TeamInsightsConfig } from '../config';
import { evaluate } from '../evaluate';
import {
  checkOf,
  component,
  group,
  members,
  NOW,
  teamOf,
  withRelations,
} from '../testing/entities';
import type { Report } from '../types';
import {
  ownedEntitySummaries,
  singlePointsOfFailure,
  teamAdoption,
  teamDetails,
} from '.';

const withMin = (redundancyMinPeople: number): TeamInsightsConfig => ({
  ...defaultTeamInsightsConfig,
  thresholds: { ...defaultTeamInsightsConfig.thresholds, redundancyMinPeople },
});

/**
 * A platform team with three products (one mandatory), a feature team that
 * uses one, declines another with a reason and rebuilds monitoring, and a
 * second feature team that uses the mandatory one.
 */
function organisation(config = defaultTeamInsightsConfig): Report {
  return evaluate(
    withRelations([
      group('platform', { teamType: 'centralized' }),
      group('search', {
        teamType: 'feature',
        declinedProducts:
          'component:default/scheduler: we run everything as streams',
      }),
      group('pricing', { teamType: 'feature' }),
      ...members('search', [
        'data-scientist',
        'data-scientist',
        'data-engineer, site-reliability-engineer',
        'data-engineer',
        'analytics-translator',
      ]),
      component('feature-store', { owner: 'platform', documented: true }),
      component('metrics', {
        owner: 'platform',
        concern: 'monitoring',
        documented: true,
      }),
      component('scheduler', { owner: 'platform', mandatory: 'true' }),
      component('search-api', {
        owner: 'search',
        dependsOn: ['feature-store'],
        documented: true,
      }),
      component('search-alerts', { owner: 'search', concern: 'monitoring' }),
      component('pricing-api', { owner: 'pricing', dependsOn: ['scheduler'] }),
    ]),
    { now: NOW, config },
  );
}

function detailsOf(report: Report, name: string, min = 2) {
  return teamDetails({
    team: teamOf(report, name),
    teams: report.teams,
    products: report.products,
    entities: report.entities,
    concerns: report.concerns,
    redundancyMinPeople: min,
  });
}

describe('teamDetails', () => {
  it('gives a feature team what it uses, declined and why, rebuilds, and the mandatory products it does not use', () => {
    const details = detailsOf(organisation(), 'search');
    expect(details.adoption.used).toEqual([
      { entityRef: 'component:default/feature-store', title: 'feature-store' },
    ]);
    expect(details.adoption.declined).toEqual([
      {
        entityRef: 'component:default/scheduler',
        title: 'scheduler',
        reason: 'we run everything as streams',
      },
    ]);
    expect(details.adoption.rebuilt).toEqual([
      { concern: 'monitoring', products: ['component:default/metrics'] },
    ]);
    expect(details.adoption.mandatoryMissing).toEqual([
      { entityRef: 'component:default/scheduler', title: 'scheduler' },
    ]);
    expect(details.adoption.products).toEqual([]);
  });

  it('gives a centralized team its products with their adopters and decliners', () => {
    const details = detailsOf(organisation(), 'platform');
    expect(
      details.adoption.products.map(p => [
        p.entityRef,
        p.adopters,
        p.declined.map(d => d.reason),
        p.adoptionRate,
      ]),
    ).toEqual([
      ['component:default/feature-store', ['group:default/search'], [], 0.5],
      ['component:default/metrics', [], [], 0],
      [
        'component:default/scheduler',
        ['group:default/pricing'],
        ['we run everything as streams'],
        0.5,
      ],
    ]);
    // its own mandatory product is not missing from its own adoption
    expect(details.adoption.mandatoryMissing).toEqual([]);
  });

  it('lists the owned entities worst documented first, with kind and level', () => {
    const details = detailsOf(organisation(), 'search');
    expect(details.owned.map(e => e.entityRef)).toEqual([
      'component:default/search-alerts',
      'component:default/search-api',
    ]);
    expect(details.owned[1]).toMatchObject({
      kind: 'component',
      title: 'search-api',
      product: false,
      documentation: { score: 100, level: 'gold' },
    });
  });

  it.each([
    [2, ['analytics-translator', 'site-reliability-engineer']],
    // two data scientists and two data engineers are not enough for 3
    [
      3,
      [
        'analytics-translator',
        'data-engineer',
        'data-scientist',
        'site-reliability-engineer',
      ],
    ],
  ])(
    'names the single points of failure by a threshold of %i, as the redundancy check does',
    (min, expected) => {
      const report = organisation(withMin(min));
      const details = detailsOf(report, 'search', min);
      const check = checkOf(
        teamOf(report, 'search').scorecards.composition,
        'composition.redundancy',
      );
      expect(details.redundancyMinPeople).toBe(min);
      expect(details.singlePointsOfFailure).toEqual(expected);
      expect(check.status).toBe('warn');
      for (const cluster of expected) {
        expect(check.message).toContain(cluster);
      }
    },
  );

  it('names nothing it is not given', () => {
    const report = organisation();
    const search = teamOf(report, 'search');
    const hidden = 'component:default/search-alerts';
    const adoption = teamAdoption({
      teamRef: search.entityRef,
      teams: report.teams,
      products: report.products.filter(
        p => p.entityRef !== 'component:default/scheduler',
      ),
      entities: report.entities,
      concerns: [],
    });
    expect(JSON.stringify(adoption)).not.toContain('scheduler');
    expect(
      ownedEntitySummaries(
        search.owned,
        report.entities.filter(e => e.entityRef !== hidden),
      ).map(e => e.entityRef),
    ).toEqual(['component:default/search-api']);
  });
});

describe('singlePointsOfFailure', () => {
  it('counts a cluster held by fewer than the threshold, but not a missing one', () => {
    const team = {
      requiredSkills: ['a', 'b', 'c'],
      skills: [
        { cluster: 'a', people: 1, primary: 1 },
        { cluster: 'b', people: 2, primary: 2 },
        { cluster: 'd', people: 1, primary: 1 },
      ],
    };
    expect(singlePointsOfFailure(team, 2)).toEqual(['a']);
    expect(singlePointsOfFailure(team, 3)).toEqual(['a', 'b']);
    expect(singlePointsOfFailure(team, 1)).toEqual([]);
  });
});
