import type { Entity } from '@backstage/catalog-model';
import { defaultTeamInsightsConfig } from './config';
import { evaluate } from './evaluate';
import {
  checkOf,
  component,
  group,
  members,
  NOW,
  teamOf,
  withRelations,
} from './testing/entities';
import type { TeamInsightsCheck } from './customChecks';

const FOUR = [
  'data-scientist',
  'data-engineer',
  'site-reliability-engineer',
  'analytics-translator',
];

describe('roll-ups of organisational units', () => {
  const org = (): Entity[] => [
    group('company', { type: 'organization' }),
    group('ml', { type: 'department', parent: 'company' }),
    group('complete', { teamType: 'feature', parent: 'ml' }),
    ...members('complete', [...FOUR, ...FOUR]),
    component('complete-svc', { owner: 'complete' }),
    group('lab', { teamType: 'expertise', parent: 'ml' }),
    ...members('lab', Array(5).fill('data-scientist')),
    group('sub-team', { teamType: 'feature', parent: 'complete' }),
    group('sales', { type: 'department', parent: 'company' }),
  ];

  it("a unit's scorecards are the mean of its descendant teams', with the teams per level", () => {
    const report = evaluate(withRelations(org()), { now: NOW });
    const ml = report.orgUnits.find(o => o.entityRef === 'group:default/ml')!;
    expect(ml.teamRefs).toEqual([
      'group:default/complete',
      'group:default/lab',
      'group:default/sub-team',
    ]);
    expect(ml.teams).toBe(3);
    // complete: 8 people, two of each required cluster, owning a Component:
    //   every check passes, 13 / 13 = 100, gold
    // lab: 5 data scientists of an expertise team, owning nothing:
    //   team-size 2, cross-functional 0 of 2, hand-overs 2, ownership 0 of 1,
    //   skills-declared 1, annotations-valid 1 = 6 / 9 = 66.67 → 67, bronze
    // sub-team: nobody, nothing: skill-coverage 0 of 3, team-size 0 of 2,
    //   hand-overs 2, ownership 0 of 1, annotations-valid 1 = 3 / 9 = 33, none
    expect(
      ml.teamRefs.map(r => {
        const card = report.teams.find(t => t.entityRef === r)!.scorecards
          .composition;
        return [card.score, card.level];
      }),
    ).toEqual([
      [100, 'gold'],
      [67, 'bronze'],
      [33, 'none'],
    ]);
    // (100 + 67 + 33) / 3 = 200 / 3 = 66.67 → 67, bronze
    expect(ml.scorecards.composition).toEqual({
      score: 67,
      level: 'bronze',
      byLevel: { gold: 1, silver: 0, bronze: 1, none: 1 },
    });
    expect(ml.parent).toBe('group:default/company');
  });

  it('the top unit rolls up every team below it; a unit without teams has null scores', () => {
    const report = evaluate(withRelations(org()), { now: NOW });
    const company = report.orgUnits.find(
      o => o.entityRef === 'group:default/company',
    )!;
    expect(company.teams).toBe(3);
    const sales = report.orgUnits.find(
      o => o.entityRef === 'group:default/sales',
    )!;
    expect(sales.teams).toBe(0);
    expect(sales.scorecards.composition).toEqual({
      score: null,
      level: null,
      byLevel: { gold: 0, silver: 0, bronze: 0, none: 0 },
    });
    expect(teamOf(report, 'sub-team').orgUnits).toEqual([
      'group:default/ml',
      'group:default/company',
    ]);
  });

  it('a cycle of parents in the catalog does not hang the evaluation', () => {
    const entities = withRelations([
      group('a', { type: 'department', parent: 'b' }),
      group('b', { type: 'department', parent: 'a' }),
      group('team', { teamType: 'feature', parent: 'a' }),
    ]);
    const report = evaluate(entities, { now: NOW });
    expect(teamOf(report, 'team').orgUnits).toEqual([
      'group:default/a',
      'group:default/b',
    ]);
  });
});

describe('cross-cutting concerns', () => {
  const builders = (n: number, concern: string) =>
    Array.from({ length: n }, (_, i) => [
      group(`${concern}-team-${i + 1}`, { teamType: 'feature' }),
      component(`${concern}-${i + 1}`, {
        owner: `${concern}-team-${i + 1}`,
        concern,
      }),
    ]).flat();

  it('a concern rebuilt by three feature teams and covered by no product is a candidate for a centralized team', () => {
    const report = evaluate(withRelations(builders(3, 'batch-scheduling')), {
      now: NOW,
    });
    expect(report.concerns).toEqual([
      {
        concern: 'batch-scheduling',
        builtBy: [
          'group:default/batch-scheduling-team-1',
          'group:default/batch-scheduling-team-2',
          'group:default/batch-scheduling-team-3',
        ],
        products: [],
        verdict: 'centralize-candidate',
      },
    ]);
  });

  it('built by two teams it is still local', () => {
    const report = evaluate(withRelations(builders(2, 'labeling')), {
      now: NOW,
    });
    expect(report.concerns[0].verdict).toBe('local');
  });

  it('a concern a product covers is rebuilt when a feature team builds it anyway, covered otherwise', () => {
    const platform = [
      group('platform', { teamType: 'centralized' }),
      component('metrics', { owner: 'platform', concern: 'monitoring' }),
    ];
    const rebuilt = evaluate(
      withRelations([...platform, ...builders(1, 'monitoring')]),
      {
        now: NOW,
      },
    );
    expect(rebuilt.concerns[0]).toMatchObject({
      verdict: 'rebuilt',
      products: ['component:default/metrics'],
      builtBy: ['group:default/monitoring-team-1'],
    });
    const covered = evaluate(withRelations(platform), { now: NOW });
    expect(covered.concerns[0].verdict).toBe('covered');
  });

  it('the candidate threshold is configurable', () => {
    const report = evaluate(withRelations(builders(2, 'labeling')), {
      now: NOW,
      config: {
        ...defaultTeamInsightsConfig,
        centralizeCandidateTeams: 2,
      },
    });
    expect(report.concerns[0].verdict).toBe('centralize-candidate');
  });
});

describe('products and the adoption matrix', () => {
  it('each product lists its adopters, the teams that declined it and its adoption rate over feature teams', () => {
    const report = evaluate(
      withRelations([
        group('platform', { teamType: 'centralized' }),
        component('store', {
          owner: 'platform',
          concern: 'feature-store',
          mandatory: 'true',
        }),
        group('a', { teamType: 'feature' }),
        component('a-svc', { owner: 'a', dependsOn: ['component:store'] }),
        group('b', {
          teamType: 'feature',
          declinedProducts: 'component:default/store',
        }),
        group('c', { teamType: 'feature' }),
        group('d', { teamType: 'feature' }),
        group('lab', { teamType: 'expertise' }),
        component('lab-svc', { owner: 'lab', dependsOn: ['component:store'] }),
      ]),
      { now: NOW },
    );
    expect(report.products).toEqual([
      {
        entityRef: 'component:default/store',
        owner: 'group:default/platform',
        mandatory: true,
        concern: 'feature-store',
        adopters: ['group:default/a', 'group:default/lab'],
        declinedBy: ['group:default/b'],
        adoptionRate: 0.25,
        documentationScore: expect.any(Number),
      },
    ]);
  });

  it('keeps the reason each decliner gave with the product, and a reason changes no score', () => {
    const world = (declinedProducts: string) =>
      withRelations([
        group('platform', { teamType: 'centralized' }),
        component('store', { owner: 'platform', concern: 'feature-store' }),
        group('a', { teamType: 'feature', declinedProducts }),
        component('a-store', { owner: 'a', concern: 'feature-store' }),
        group('b', { teamType: 'feature', declinedProducts: 'store' }),
        component('b-svc', { owner: 'b' }),
      ]);
    const withReason = evaluate(world('store: needs streaming'), { now: NOW });
    const without = evaluate(world('store'), { now: NOW });
    const product = withReason.products[0];
    expect(product.declinedBy).toEqual(['group:default/a', 'group:default/b']);
    // b gave no reason: only a's is there
    expect(product.declineReasons).toEqual([
      { teamRef: 'group:default/a', reason: 'needs streaming' },
    ]);
    expect(without.products[0].declineReasons).toBeUndefined();
    // the same scores and results; only the remediation snippets differ,
    // since they show the team's annotation as its file has it
    const unquoted = (report: typeof without) =>
      JSON.parse(
        JSON.stringify(report.teams).replace(
          /'store: needs streaming'/g,
          'store',
        ),
      );
    expect(unquoted(withReason)).toEqual(without.teams);
    expect(withReason.findings).toEqual(without.findings);
    // a builds the feature store itself and declined the only product: by choice
    expect(withReason.concerns).toEqual([
      {
        concern: 'feature-store',
        builtBy: ['group:default/a'],
        products: ['component:default/store'],
        declined: ['group:default/a'],
        verdict: 'rebuilt',
      },
    ]);
  });

  it('a concern names no decliner when the team builds it without declining the product', () => {
    const report = evaluate(
      withRelations([
        group('platform', { teamType: 'centralized' }),
        component('store', { owner: 'platform', concern: 'feature-store' }),
        component('cache', { owner: 'platform', concern: 'feature-store' }),
        // declined one of the two products: the other is still to try
        group('a', { teamType: 'feature', declinedProducts: 'store' }),
        component('a-store', { owner: 'a', concern: 'feature-store' }),
      ]),
      { now: NOW },
    );
    expect(report.concerns[0].builtBy).toEqual(['group:default/a']);
    expect(report.concerns[0].declined).toBeUndefined();
  });

  it('declining something that does not exist, or is no product, is a finding', () => {
    const report = evaluate(
      withRelations([
        group('a', {
          teamType: 'feature',
          declinedProducts: 'batch-runner, component:a-svc',
        }),
        component('a-svc', { owner: 'a' }),
      ]),
      { now: NOW },
    );
    expect(
      report.findings.map(f => [f.severity, f.message.slice(0, 40)]),
    ).toEqual([
      ['error', "'component:default/batch-runner' does no"],
      ['warning', "'component:default/a-svc' is not a platf"],
    ]);
  });
});

describe('waivers', () => {
  const lab = (waivers: string) =>
    withRelations([
      group('lab', { teamType: 'expertise', waivers }),
      ...members('lab', Array(5).fill('data-scientist')),
      component('lab-svc', { owner: 'lab' }),
    ]);

  it('an active waiver counts as pass for the score and keeps the real status beside it', () => {
    const plain = teamOf(evaluate(lab(''), { now: NOW }), 'lab').scorecards
      .composition;
    const waived = teamOf(
      evaluate(
        lab(
          'composition.cross-functional until 2026-03-31: dissolving into feature teams',
        ),
        { now: NOW },
      ),
      'lab',
    ).scorecards.composition;
    const check = checkOf(waived, 'composition.cross-functional');
    expect(check.status).toBe('fail');
    expect(check.waived).toEqual({
      until: '2026-03-31',
      reason: 'dissolving into feature teams',
    });
    // 7 / 9 = 77.78 → 78 with the fail; 9 / 9 = 100 with it waived
    expect([plain.score, waived.score]).toEqual([78, 100]);
  });

  it('a waiver holds until its date, inclusive', () => {
    const entities = lab(
      'composition.cross-functional until 2026-03-15: last day',
    );
    const crossFunctional = (report: ReturnType<typeof evaluate>) =>
      checkOf(
        teamOf(report, 'lab').scorecards.composition,
        'composition.cross-functional',
      );
    // on the day (NOW is 2026-03-15): waived; the fail counts as pass
    const today = evaluate(entities, { now: NOW });
    expect(crossFunctional(today)).toMatchObject({
      status: 'fail',
      waived: { until: '2026-03-15', reason: 'last day' },
    });
    // team-size 2, cross-functional 2 (waived), hand-overs 2, ownership 1,
    // skills-declared 1, annotations-valid 1 = 9 / 9 = 100, gold
    expect(teamOf(today, 'lab').scorecards.composition.level).toBe('gold');
    // the day after: a plain fail again, 7 / 9 = 77.78 → 78, silver
    const tomorrow = evaluate(entities, {
      now: new Date('2026-03-16T12:00:00Z'),
    });
    expect(crossFunctional(tomorrow)).toMatchObject({ status: 'fail' });
    expect(crossFunctional(tomorrow).waived).toBeUndefined();
    expect(teamOf(tomorrow, 'lab').scorecards.composition.score).toBe(78);
    expect(teamOf(tomorrow, 'lab').scorecards.composition.level).toBe('silver');
  });

  it('after its date a waiver counts as usual again, with a warning finding', () => {
    const report = evaluate(
      lab('composition.cross-functional until 2026-03-14: too late'),
      {
        now: NOW,
      },
    );
    const check = checkOf(
      teamOf(report, 'lab').scorecards.composition,
      'composition.cross-functional',
    );
    expect(check.waived).toBeUndefined();
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        annotation: 'team-insights.io/waivers',
        message: expect.stringContaining('expired on 2026-03-14'),
      }),
    );
  });

  it.each([
    ['composition.cross-functional: no date', 'has no date'],
    ['composition.cross-functional until 2026-04-01', 'has no reason'],
    [
      'composition.cross-funtional until 2026-04-01: typo',
      "did you mean 'composition.cross-functional'?",
    ],
    [
      'composition.cross-functional until 2027-06-30: forever',
      'more than the 365 allowed',
    ],
    [
      'composition.cross-functional until 2026-02-30: no such day',
      'not a calendar date',
    ],
  ])('a waiver "%s" is an error and waives nothing', (waiver, message) => {
    const report = evaluate(lab(waiver), { now: NOW });
    expect(
      checkOf(
        teamOf(report, 'lab').scorecards.composition,
        'composition.cross-functional',
      ).waived,
    ).toBeUndefined();
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        entityRef: 'group:default/lab',
        message: expect.stringContaining(message),
      }),
    );
  });

  it("a waiver on an entity applies to that entity's documentation checks", () => {
    const report = evaluate(
      withRelations([
        group('team', { teamType: 'feature' }),
        component('svc', {
          owner: 'team',
          documented: true,
          annotations: { 'backstage.io/techdocs-ref': '' },
          waivers: 'docs.techdocs until 2026-06-01: docs are being migrated',
        }),
      ]),
      { now: NOW },
    );
    const scorecard = report.entities[0].scorecards.documentation;
    expect(checkOf(scorecard, 'docs.techdocs')).toMatchObject({
      status: 'fail',
      waived: { until: '2026-06-01' },
    });
    expect(scorecard.score).toBe(100);
    // the team's roll-up counts the waived entity as passing
    expect(
      checkOf(teamOf(report, 'team').scorecards.documentation, 'docs.techdocs')
        .status,
    ).toBe('pass');
  });
});

describe('custom checks', () => {
  const onCall: TeamInsightsCheck = {
    id: 'composition.on-call',
    scorecard: 'composition',
    title: 'On-call rotation',
    description: 'A team of at least three people can run an on-call rotation.',
    weight: 2,
    evaluate(context) {
      if (context.subject !== 'team') {
        return { status: 'not-applicable', message: 'Teams only.' };
      }
      return context.team.size >= 3
        ? { status: 'pass', message: `${context.team.size} people rotate.` }
        : {
            status: 'fail',
            message: `${context.team.size} people cannot rotate.`,
          };
    },
  };

  it('run in the same engine: they count in the score, and waivers apply to them', () => {
    const entities = withRelations([
      group('team', {
        teamType: 'feature',
        waivers: 'composition.on-call until 2026-04-01: hiring',
      }),
      ...members('team', ['data-scientist', 'data-engineer']),
    ]);
    const without = teamOf(evaluate(entities, { now: NOW }), 'team').scorecards
      .composition;
    const report = evaluate(entities, { now: NOW, customChecks: [onCall] });
    const composition = teamOf(report, 'team').scorecards.composition;
    expect(checkOf(composition, 'composition.on-call')).toMatchObject({
      status: 'fail',
      weight: 2,
      waived: { until: '2026-04-01', reason: 'hiring' },
    });
    expect(composition.score).not.toBe(without.score);
    expect(
      report.findings.filter(f => f.annotation === 'team-insights.io/waivers'),
    ).toEqual([]);
  });

  it('a custom documentation check is rolled up into the team scorecard', () => {
    const hasOnCallLink: TeamInsightsCheck = {
      id: 'docs.runbook',
      scorecard: 'documentation',
      title: 'Runbook',
      description: 'Links to a runbook.',
      weight: 1,
      evaluate(context) {
        if (context.subject !== 'entity')
          return { status: 'not-applicable', message: '' };
        const links = context.entity.entity.metadata.links ?? [];
        return links.some(l => /runbook/i.test(l.title ?? ''))
          ? { status: 'pass', message: 'Has a runbook.' }
          : { status: 'fail', message: 'No runbook link.' };
      },
    };
    const report = evaluate(
      withRelations([
        group('team', { teamType: 'feature' }),
        component('svc', { owner: 'team', documented: true }),
      ]),
      { now: NOW, customChecks: [hasOnCallLink] },
    );
    expect(
      checkOf(report.entities[0].scorecards.documentation, 'docs.runbook')
        .status,
    ).toBe('fail');
    expect(
      checkOf(teamOf(report, 'team').scorecards.documentation, 'docs.runbook'),
    ).toMatchObject({ status: 'fail', entities: ['component:default/svc'] });
  });

  it('a check that throws is not applicable and leaves an error finding, never a crash', () => {
    const broken: TeamInsightsCheck = {
      ...onCall,
      id: 'composition.broken',
      evaluate() {
        throw new Error('boom');
      },
    };
    const report = evaluate(
      withRelations([group('team', { teamType: 'feature' })]),
      {
        now: NOW,
        customChecks: [broken],
      },
    );
    expect(
      checkOf(
        teamOf(report, 'team').scorecards.composition,
        'composition.broken',
      ).status,
    ).toBe('not-applicable');
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining(
          "check 'composition.broken' could not be evaluated",
        ),
      }),
    );
    // not an annotation error: the team's annotations are still valid
    expect(
      checkOf(
        teamOf(report, 'team').scorecards.composition,
        'composition.annotations-valid',
      ).status,
    ).toBe('pass');
  });
});
