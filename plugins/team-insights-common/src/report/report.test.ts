import { defaultTeamInsightsConfig } from '../config';
import { evaluate } from '../evaluate';
import { group, NOW, withRelations } from '../testing/entities';
import type {
  ProductReport,
  ScorecardResult,
  TeamReport,
  TeamType,
} from '../types';
import {
  adoptionCounts,
  adoptionRateOver,
  concernVerdict,
  productAdoption,
  rollUpOrgUnit,
  skillSupply,
  teamSkills,
} from '.';

function card(score: number | null): ScorecardResult {
  return { score, level: null, checks: [] };
}

function team(
  name: string,
  options: {
    type?: TeamType;
    skills?: Array<[string, number, number]>;
    missing?: string[];
    score?: number | null;
  } = {},
): TeamReport {
  const score = options.score ?? null;
  return {
    entityRef: `group:default/${name}`,
    title: name[0].toUpperCase() + name.slice(1),
    teamType: options.type ?? 'feature',
    teamTypeDeclared: true,
    size: 0,
    members: 0,
    headCount: 0,
    communicationPaths: 0,
    orgUnits: [],
    requiredSkills: options.missing ?? [],
    missingSkills: options.missing ?? [],
    skills: (options.skills ?? []).map(([cluster, people, primary]) => ({
      cluster,
      people,
      primary,
    })),
    owned: [],
    scorecards: {
      composition: card(score),
      adoption: card(score),
      documentation: card(null),
    },
  };
}

function product(overrides: Partial<ProductReport>): ProductReport {
  return {
    entityRef: 'component:default/store',
    owner: 'group:default/platform',
    mandatory: false,
    adopters: [],
    declinedBy: [],
    adoptionRate: 0,
    documentationScore: null,
    ...overrides,
  };
}

describe('skillSupply', () => {
  it('adds up people, primaries, holding teams and missing teams per cluster', () => {
    const teams = [
      team('search', { skills: [['data-scientist', 2, 1]], missing: ['sre'] }),
      team('pricing', {
        skills: [
          ['data-scientist', 3, 3],
          ['sre', 0, 0],
        ],
        missing: ['sre'],
      }),
    ];
    expect(
      skillSupply(teams, [
        { id: 'sre', title: 'Site reliability engineer' },
        { id: 'ux', title: 'UX designer' },
      ]),
    ).toEqual([
      {
        id: 'data-scientist',
        title: 'Data scientist',
        people: 5,
        primary: 4,
        teams: 2,
        missingIn: 0,
      },
      {
        id: 'sre',
        title: 'Site reliability engineer',
        people: 0,
        primary: 0,
        teams: 0,
        missingIn: 2,
      },
      {
        id: 'ux',
        title: 'UX designer',
        people: 0,
        primary: 0,
        teams: 0,
        missingIn: 0,
      },
    ]);
    expect(teamSkills(teams).map(t => t.title)).toEqual(['Pricing', 'Search']);
  });
});

describe('productAdoption', () => {
  it('counts adopters and decliners among the given teams only, and rates over their feature teams', () => {
    const teams = [
      team('search'),
      team('pricing'),
      team('platform', { type: 'centralized' }),
    ];
    const { products, featureTeams } = productAdoption({
      teams,
      products: [
        product({
          adopters: ['group:default/search', 'group:default/hidden'],
          declinedBy: ['group:default/pricing', 'group:default/gone'],
          declineReasons: [
            { teamRef: 'group:default/pricing', reason: 'needs streaming' },
            { teamRef: 'group:default/gone', reason: 'secret plans' },
          ],
          adoptionRate: 0.25,
        }),
        product({ entityRef: 'component:default/unused' }),
      ],
      entities: [],
    });
    expect(featureTeams).toEqual([
      { entityRef: 'group:default/pricing', title: 'Pricing' },
      { entityRef: 'group:default/search', title: 'Search' },
    ]);
    // nobody adopts the unused product: it comes first
    expect(products.map(p => p.entityRef)).toEqual([
      'component:default/unused',
      'component:default/store',
    ]);
    expect(products[1]).toEqual({
      entityRef: 'component:default/store',
      title: 'component:default/store',
      owner: 'group:default/platform',
      ownerTitle: 'Platform',
      mandatory: false,
      adopters: ['group:default/search'],
      declinedBy: ['group:default/pricing'],
      // a team not among `teams` is never named, nor its reason given
      declined: [
        {
          teamRef: 'group:default/pricing',
          title: 'Pricing',
          reason: 'needs streaming',
        },
      ],
      adoptionRate: 0.5,
      documentation: { score: null, level: null },
    });
    expect(products[0].declined).toEqual([]);
  });

  it('names decliners by title, with no reason for a team that gave none', () => {
    const { products } = productAdoption({
      teams: [team('search'), team('pricing')],
      products: [
        product({
          declinedBy: ['group:default/search', 'group:default/pricing'],
          declineReasons: [
            { teamRef: 'group:default/search', reason: 'too coarse' },
          ],
        }),
      ],
      entities: [],
    });
    expect(products[0].declined).toEqual([
      { teamRef: 'group:default/pricing', title: 'Pricing' },
      {
        teamRef: 'group:default/search',
        title: 'Search',
        reason: 'too coarse',
      },
    ]);
  });

  it('counts what the rate is made of: adopting feature teams of those that could adopt', () => {
    const features = new Set([
      'group:default/a',
      'group:default/b',
      'group:default/c',
    ]);
    expect(
      adoptionCounts(
        {
          owner: 'group:default/a',
          adopters: ['group:default/b', 'group:default/platform'],
        },
        features,
      ),
    ).toEqual({ adopted: 1, eligible: 2 });
  });

  it('leaves a feature team that owns the product out of its rate, as the engine does', () => {
    const features = new Set(['group:default/a', 'group:default/b']);
    expect(
      adoptionRateOver(
        { owner: 'group:default/a', adopters: ['group:default/b'] },
        features,
      ),
    ).toBe(1);
    expect(adoptionRateOver({ adopters: [] }, new Set())).toBe(0);
  });
});

describe('rollUpOrgUnit and concernVerdict', () => {
  it('rolls a unit up over the teams given, and shows no score when none is', () => {
    const teams = new Map(
      [team('a', { score: 80 }), team('b', { score: 61 })].map(t => [
        t.entityRef,
        t,
      ]),
    );
    const unit = {
      entityRef: 'group:default/ml',
      title: 'ML',
      teams: 3,
      teamRefs: ['group:default/a', 'group:default/b', 'group:default/hidden'],
      scorecards: {} as any,
    };
    const rolled = rollUpOrgUnit(unit, teams, defaultTeamInsightsConfig);
    expect(rolled.teams).toBe(2);
    expect(rolled.teamRefs).toEqual(['group:default/a', 'group:default/b']);
    expect(rolled.scorecards.composition).toEqual({
      score: 71,
      level: 'bronze',
      byLevel: { gold: 0, silver: 0, bronze: 0, none: 0 },
    });
    const alone = rollUpOrgUnit(
      { ...unit, teamRefs: ['group:default/hidden'] },
      teams,
      defaultTeamInsightsConfig,
    );
    expect(alone.teams).toBe(0);
    expect(alone.scorecards.composition.score).toBeNull();
  });

  it('gives the verdicts of SPEC §4.3', () => {
    const config = { centralizeCandidateTeams: 2 };
    expect(concernVerdict({ builtBy: ['t'], products: ['p'] }, config)).toBe(
      'rebuilt',
    );
    expect(concernVerdict({ builtBy: [], products: ['p'] }, config)).toBe(
      'covered',
    );
    expect(concernVerdict({ builtBy: ['t', 'u'], products: [] }, config)).toBe(
      'centralize-candidate',
    );
    expect(concernVerdict({ builtBy: ['t'], products: [] }, config)).toBe(
      'local',
    );
  });
});

describe('team-insights.io/public-badge', () => {
  it('marks the teams that opt in, and finds a value that is not a boolean', () => {
    const report = evaluate(
      withRelations([
        group('search', {
          teamType: 'feature',
          annotations: { 'team-insights.io/public-badge': ' TRUE ' },
        }),
        group('pricing', {
          teamType: 'feature',
          annotations: { 'team-insights.io/public-badge': 'yes' },
        }),
      ]),
      { now: NOW },
    );
    const byRef = new Map(report.teams.map(t => [t.entityRef, t]));
    expect(byRef.get('group:default/search')!.publicBadge).toBe(true);
    expect(byRef.get('group:default/pricing')).not.toHaveProperty(
      'publicBadge',
    );
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        entityRef: 'group:default/pricing',
        annotation: 'team-insights.io/public-badge',
        severity: 'error',
      }),
    );
  });
});
