import { evaluate } from '../evaluate';
import {
  api,
  checkOf,
  component,
  group,
  members,
  NOW,
  teamOf,
  user,
  withRelations,
} from '../testing/entities';

const FOUR = [
  'data-scientist',
  'data-engineer',
  'site-reliability-engineer',
  'analytics-translator',
];

function composition(
  entities: Parameters<typeof withRelations>[0],
  name = 'team',
) {
  const report = evaluate(withRelations(entities), { now: NOW });
  return teamOf(report, name).scorecards.composition;
}

describe('composition.skill-coverage', () => {
  it('a feature team holding the four clusters of the article passes skill coverage', () => {
    const check = checkOf(
      composition([
        group('team', { teamType: 'feature' }),
        ...members('team', FOUR),
      ]),
      'composition.skill-coverage',
    );
    expect(check.status).toBe('pass');
    expect(check.message).toContain('All 4 required clusters are covered');
  });

  it('a feature team without an analytics translator fails skill coverage: it may solve the wrong problem', () => {
    const entities = [
      group('team', { teamType: 'feature' }),
      ...members('team', FOUR.slice(0, 3)),
    ];
    const report = evaluate(withRelations(entities), { now: NOW });
    const team = teamOf(report, 'team');
    const check = checkOf(
      team.scorecards.composition,
      'composition.skill-coverage',
    );
    expect(check.status).toBe('fail');
    expect(check.message).toContain(
      'Missing 1 of 4 required clusters: analytics-translator',
    );
    expect(check.message).toContain(
      'chances are the team solves the wrong problem',
    );
    expect(check.remediation).toContain('```yaml');
    expect(check.remediation).toContain(
      'team-insights.io/skills: analytics-translator=1',
    );
    expect(team.missingSkills).toEqual(['analytics-translator']);
  });

  it('a secondary skill covers a cluster as well as a primary one', () => {
    const check = checkOf(
      composition([
        group('team', { teamType: 'feature' }),
        ...members('team', [
          'data-scientist, analytics-translator',
          'data-engineer, sre',
        ]),
      ]),
      'composition.skill-coverage',
    );
    expect(check.status).toBe('pass');
  });

  it('head counts on the Group cover clusters for people not in the catalog', () => {
    const check = checkOf(
      composition([
        group('team', {
          teamType: 'feature',
          skills: 'analytics-translator=1, sre=2',
        }),
        ...members('team', ['data-scientist', 'data-engineer']),
      ]),
      'composition.skill-coverage',
    );
    expect(check.status).toBe('pass');
  });

  it("a team's required-skills annotation replaces its type's clusters", () => {
    const check = checkOf(
      composition([
        group('team', {
          teamType: 'feature',
          requiredSkills: 'front-end-engineer, ux-designer',
        }),
        ...members('team', ['front-end-engineer', 'data-scientist']),
      ]),
      'composition.skill-coverage',
    );
    expect(check.status).toBe('fail');
    expect(check.message).toContain(
      'Missing 1 of 2 required clusters: ux-designer',
    );
  });

  it('a centralized team is not judged on skill coverage: nothing is required of it', () => {
    const check = checkOf(
      composition([group('team', { teamType: 'centralized' })]),
      'composition.skill-coverage',
    );
    expect(check.status).toBe('not-applicable');
  });
});

describe('composition.team-size', () => {
  const sized = (n: number, headCount = 0) =>
    checkOf(
      composition([
        group('team', {
          teamType: 'feature',
          ...(headCount ? { skills: `data-engineer=${headCount}` } : {}),
        }),
        ...members('team', Array(n).fill('data-scientist')),
      ]),
      'composition.team-size',
    );

  it('a team of 7 passes and shows its 21 communication paths', () => {
    const check = sized(7);
    expect(check.status).toBe('pass');
    expect(check.message).toContain('7 people');
    expect(check.message).toContain('21 communication paths');
  });

  it('each added person adds communication overhead: 12 people warn', () => {
    const check = sized(12);
    expect(check.status).toBe('warn');
    expect(check.message).toContain('66 communication paths');
    expect(check.remediation).toContain('Split the team');
  });

  it('feature teams do not scale: more than 15 people fail, head counts included', () => {
    const check = sized(8, 10);
    expect(check.status).toBe('fail');
    expect(check.message).toContain('18 people (8 members, 10 head counts)');
    expect(check.message).toContain('153 communication paths');
  });

  it('a team of two warns: nobody takes over when someone is away', () => {
    expect(sized(2).status).toBe('warn');
  });

  it('a team with nobody in it fails', () => {
    const check = sized(0);
    expect(check.status).toBe('fail');
    expect(check.remediation).toContain('```yaml');
  });

  it('the boundaries are 3 and 9 (pass), 10 and 15 (warn), 16 (fail)', () => {
    expect([3, 9, 10, 15, 16].map(n => sized(n).status)).toEqual([
      'pass',
      'pass',
      'warn',
      'warn',
      'fail',
    ]);
  });
});

describe('composition.redundancy', () => {
  it('a cluster held by one person is a single point of failure and warns, naming the person', () => {
    const check = checkOf(
      composition([
        group('team', { teamType: 'feature' }),
        user('solo-sre', { skills: 'sre', memberOf: ['team'] }),
        ...members('team', [
          'data-scientist',
          'data-scientist',
          'data-engineer',
          'data-engineer',
          'analytics-translator',
          'analytics-translator',
        ]),
      ]),
      'composition.redundancy',
    );
    expect(check.status).toBe('warn');
    expect(check.message).toContain(
      'site-reliability-engineer (user:default/solo-sre)',
    );
    expect(check.message).toContain('single points of failure');
    expect(check.entities).toEqual(['user:default/solo-sre']);
  });

  it('every covered cluster held twice passes', () => {
    const check = checkOf(
      composition([
        group('team', { teamType: 'feature' }),
        ...members('team', [...FOUR, ...FOUR]),
      ]),
      'composition.redundancy',
    );
    expect(check.status).toBe('pass');
  });

  it('with no required cluster held there is no redundancy to judge', () => {
    const check = checkOf(
      composition([
        group('team', { teamType: 'feature' }),
        ...members('team', ['ux-designer']),
      ]),
      'composition.redundancy',
    );
    expect(check.status).toBe('not-applicable');
  });
});

describe('composition.cross-functional', () => {
  it('an expertise-oriented team fails cross-functional: hand-overs and split ownership', () => {
    const check = checkOf(
      composition([
        group('team', { teamType: 'expertise' }),
        ...members('team', Array(5).fill('data-scientist')),
      ]),
      'composition.cross-functional',
    );
    expect(check.status).toBe('fail');
    expect(check.message).toContain('hand-overs');
    expect(check.message).toContain('split ownership');
    expect(check.message).toContain('lead time');
    expect(check.remediation).toContain('feature teams');
    expect(check.remediation).toContain('team-insights.io/team-type: feature');
  });

  it('a feature team where one cluster is the primary skill of more than 75 % fails: it is an expertise team in disguise', () => {
    const check = checkOf(
      composition([
        group('team', { teamType: 'feature' }),
        ...members('team', [
          'data-scientist',
          'data-scientist',
          'data-scientist',
          'data-scientist, sre',
          'data-engineer',
        ]),
      ]),
      'composition.cross-functional',
    );
    expect(check.status).toBe('fail');
    expect(check.message).toContain('4 of 5 people (80 %) have data-scientist');
  });

  it('exactly 75 % of one primary cluster still passes', () => {
    const check = checkOf(
      composition([
        group('team', { teamType: 'feature' }),
        ...members('team', [
          'data-scientist',
          'data-scientist',
          'data-scientist',
          'data-engineer',
        ]),
      ]),
      'composition.cross-functional',
    );
    expect(check.status).toBe('pass');
  });

  it('fewer than three people with a declared primary cluster cannot be judged', () => {
    const check = checkOf(
      composition([
        group('team', { teamType: 'feature' }),
        ...members('team', ['data-scientist', 'data-scientist', undefined]),
      ]),
      'composition.cross-functional',
    );
    expect(check.status).toBe('not-applicable');
  });

  it('a centralized team is not judged on its mix of skills', () => {
    const check = checkOf(
      composition([
        group('team', { teamType: 'platform' }),
        ...members('team', Array(4).fill('sre')),
      ]),
      'composition.cross-functional',
    );
    expect(check.status).toBe('not-applicable');
  });
});

describe('composition.hand-overs', () => {
  const dependingOn = (
    teams: number,
    extra: Parameters<typeof withRelations>[0] = [],
  ) => {
    const others = Array.from({ length: teams }, (_, i) => `other-${i + 1}`);
    return checkOf(
      composition([
        group('team', { teamType: 'feature' }),
        component('ours', {
          owner: 'team',
          dependsOn: others.map(o => `component:${o}-svc`),
        }),
        ...others.flatMap(o => [
          group(o, { teamType: 'feature' }),
          component(`${o}-svc`, { owner: o }),
        ]),
        ...extra,
      ]),
      'composition.hand-overs',
    );
  };

  it('depending on the internals of four other teams fails, listing them: each is a hand-over', () => {
    const check = dependingOn(4);
    expect(check.status).toBe('fail');
    expect(check.message).toContain('4 other teams');
    expect(check.entities).toEqual([
      'group:default/other-1',
      'group:default/other-2',
      'group:default/other-3',
      'group:default/other-4',
    ]);
  });

  it('two or three teams depended on warn, one passes', () => {
    expect(dependingOn(1).status).toBe('pass');
    expect(dependingOn(2).status).toBe('warn');
    expect(dependingOn(3).status).toBe('warn');
  });

  it('using self-service products or centralized teams is not a hand-over', () => {
    const check = checkOf(
      composition([
        group('team', { teamType: 'feature' }),
        group('platform', { teamType: 'centralized' }),
        group('a', { teamType: 'feature' }),
        group('b', { teamType: 'feature' }),
        component('ours', {
          owner: 'team',
          dependsOn: [
            'component:platform-internal',
            'component:a-product',
            'component:b-product',
          ],
        }),
        component('platform-internal', { owner: 'platform', product: 'false' }),
        component('a-product', { owner: 'a', product: 'true' }),
        component('b-product', { owner: 'b', product: 'true' }),
      ]),
      'composition.hand-overs',
    );
    expect(check.status).toBe('pass');
    expect(check.entities).toBeUndefined();
  });

  it('an API is reached through the Component that provides it', () => {
    const check = checkOf(
      composition([
        group('team', { teamType: 'feature' }),
        group('a', { teamType: 'feature' }),
        group('b', { teamType: 'feature' }),
        component('ours', {
          owner: 'team',
          consumesApis: ['a-api'],
          dependsOn: ['component:b-svc'],
        }),
        api('a-api', { owner: 'group:default/nobody' }),
        component('a-svc', { owner: 'a', providesApis: ['a-api'] }),
        component('b-svc', { owner: 'b' }),
      ]),
      'composition.hand-overs',
    );
    expect(check.status).toBe('warn');
    expect(check.entities).toEqual(['group:default/a', 'group:default/b']);
  });
});

describe('composition.end-to-end-ownership', () => {
  it('a feature team that owns no Component is not end-to-end responsible and fails', () => {
    const check = checkOf(
      composition([
        group('team', { teamType: 'feature' }),
        api('only-an-api', { owner: 'team' }),
      ]),
      'composition.end-to-end-ownership',
    );
    expect(check.status).toBe('fail');
    expect(check.remediation).toContain('owner: group:default/team');
  });

  it('owning a Component passes', () => {
    const check = checkOf(
      composition([
        group('team', { teamType: 'expertise' }),
        component('svc', { owner: 'team' }),
      ]),
      'composition.end-to-end-ownership',
    );
    expect(check.status).toBe('pass');
    expect(check.message).toContain('component:default/svc');
  });
});

describe('composition.skills-declared', () => {
  const declared = (skills: Array<string | undefined>) =>
    checkOf(
      composition([
        group('team', { teamType: 'feature' }),
        ...members('team', skills),
      ]),
      'composition.skills-declared',
    );

  it('undeclared people make the team look weaker than it is: 4 of 5 declaring pass, 3 warn, 2 fail', () => {
    const five = (n: number) =>
      Array.from({ length: 5 }, (_, i) =>
        i < n ? 'data-engineer' : undefined,
      );
    expect(declared(five(4)).status).toBe('pass');
    expect(declared(five(3)).status).toBe('warn');
    const failing = declared(five(2));
    expect(failing.status).toBe('fail');
    expect(failing.message).toContain('2 of 5 members (40 %)');
    expect(failing.entities).toEqual([
      'user:default/team-3',
      'user:default/team-4',
      'user:default/team-5',
    ]);
  });

  it('a member who declared only an unknown cluster still declared skills', () => {
    expect(declared(['data-sceintist', 'data-engineer']).status).toBe('pass');
  });

  it('head counts are not members: a team of head counts only is not judged', () => {
    const check = checkOf(
      composition([
        group('team', { teamType: 'feature', skills: 'data-engineer=4' }),
      ]),
      'composition.skills-declared',
    );
    expect(check.status).toBe('not-applicable');
  });
});

describe('composition.annotations-valid', () => {
  it("a member's misspelt cluster is an error the team's scorecard shows", () => {
    const check = checkOf(
      composition([
        group('team', { teamType: 'feature' }),
        user('typo', { skills: 'data-sceintist', memberOf: ['team'] }),
      ]),
      'composition.annotations-valid',
    );
    expect(check.status).toBe('fail');
    expect(check.entities).toEqual(['user:default/typo']);
    expect(check.message).toContain("did you mean 'data-scientist'?");
  });

  it('warnings alone do not fail it', () => {
    const check = checkOf(
      composition([
        group('team', { skills: 'data-engineer=1, data-engineer=1' }),
      ]),
      'composition.annotations-valid',
    );
    expect(check.status).toBe('pass');
  });
});

describe('teams and organisational units', () => {
  it('a Group of type team without a team type is evaluated as a feature team, with a warning', () => {
    const report = evaluate(withRelations([group('team')]), { now: NOW });
    const team = teamOf(report, 'team');
    expect(team.teamType).toBe('feature');
    expect(team.teamTypeDeclared).toBe(false);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        entityRef: 'group:default/team',
        annotation: 'team-insights.io/team-type',
      }),
    );
  });

  it('an unknown team type is an error and counts as not declared', () => {
    const report = evaluate(
      withRelations([group('team', { teamType: 'featrue' })]),
      {
        now: NOW,
      },
    );
    expect(teamOf(report, 'team').teamTypeDeclared).toBe(false);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining("did you mean 'feature'?"),
      }),
    );
  });

  it('a department without a team type is an organisational unit, not a team', () => {
    const report = evaluate(
      withRelations([group('ml', { type: 'department' })]),
      {
        now: NOW,
      },
    );
    expect(report.teams).toEqual([]);
    expect(report.orgUnits.map(o => o.entityRef)).toEqual(['group:default/ml']);
  });

  it.each(['forward', 'reverse'] as const)(
    'members and owned entities are found when the catalog emits only the %s relations',
    directions => {
      const entities = [
        group('team', { teamType: 'feature' }),
        ...members('team', FOUR),
        component('svc', { owner: 'team' }),
      ];
      const report = evaluate(withRelations(entities, directions), {
        now: NOW,
      });
      const team = teamOf(report, 'team');
      expect(team.members).toBe(4);
      expect(team.owned).toEqual(['component:default/svc']);
      expect(
        checkOf(team.scorecards.composition, 'composition.skill-coverage')
          .status,
      ).toBe('pass');
    },
  );
});

describe("a team's remediation snippets are its own catalog-info.yaml", () => {
  // a team of two under an org unit, one of them counted on the Group or
  // both in the catalog
  const small = (headCount: boolean) =>
    composition(
      [
        group('marketplace', { type: 'org-unit' }),
        group('team', {
          teamType: 'feature',
          title: 'Recommendations',
          parent: 'marketplace',
          ...(headCount ? { skills: 'data-engineer=1' } : {}),
        }),
        user('ana', {
          skills: 'data-scientist',
          memberOf: ['team'],
        }),
        ...(headCount ? [] : [user('ben', { memberOf: ['team'] })]),
      ],
      'team',
    );

  it('adding people: its name, title, parent and current members, then a marked placeholder for who is missing', () => {
    const check = checkOf(small(false), 'composition.team-size');
    expect(check.status).toBe('warn');
    expect(check.remediation).toContain(
      [
        '```yaml',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Group',
        'metadata:',
        '  name: team',
        '  title: Recommendations',
        'spec:',
        '  type: team',
        '  parent: marketplace',
        '  members:',
        '    - ana',
        '    - ben',
        '    - <your-member> # placeholder: the User name of each person still missing',
        '```',
      ].join('\n'),
    );
    // no head counts yet: a marked placeholder, after its other annotations
    expect(check.remediation).toContain(
      [
        '  annotations:',
        '    team-insights.io/team-type: feature',
        '    team-insights.io/skills: <your-head-counts> # placeholder: cluster=count for the people who are not in the catalog, e.g. analytics-translator=1',
      ].join('\n'),
    );
    expect(check.remediation).not.toMatch(/jdoe|asmith/);
  });

  it('with head counts: the counts it declares today, to raise', () => {
    const check = checkOf(small(true), 'composition.team-size');
    expect(check.status).toBe('warn');
    expect(check.remediation).toContain('  members:\n    - ana\n    - <your');
    expect(check.remediation).toContain(
      '    team-insights.io/skills: data-engineer=1 # today’s counts: add each person who is not in the catalog\n',
    );
  });

  it('missing clusters: its current skills annotation, with one head count more for each', () => {
    const check = checkOf(small(true), 'composition.skill-coverage');
    expect(check.remediation).toContain(
      '    team-insights.io/skills: analytics-translator=1, data-engineer=1, site-reliability-engineer=1 # was: data-engineer=1\nspec:\n  type: team\n  parent: marketplace\n',
    );
  });

  it('a member without skills: that User, with a placeholder for the clusters, e.g. those the team needs', () => {
    const check = checkOf(small(false), 'composition.skills-declared');
    expect(check.remediation).toContain('e.g. user:default/ben:');
    expect(check.remediation).toContain(
      [
        'kind: User',
        'metadata:',
        '  name: ben',
        '  annotations:',
        '    team-insights.io/skills: <your-skills> # placeholder: the clusters this person brings, primary first, e.g. analytics-translator, data-engineer',
      ].join('\n'),
    );
  });

  it('members of another namespace are written as namespace/name', () => {
    const check = checkOf(
      composition([
        group('team', { teamType: 'feature' }),
        {
          ...user('cy', { memberOf: ['default/team'] }),
          metadata: { name: 'cy', namespace: 'search' },
        },
      ]),
      'composition.team-size',
    );
    expect(check.remediation).toContain('  members:\n    - search/cy\n');
  });

  it('hand-overs: the entity used, as its own file, made a product', () => {
    const check = checkOf(
      composition([
        group('team', { teamType: 'feature' }),
        group('other', { teamType: 'feature' }),
        group('third', { teamType: 'feature' }),
        component('svc', {
          owner: 'team',
          dependsOn: ['component:a', 'component:b', 'component:c'],
        }),
        component('a', { owner: 'other', system: 'search' }),
        component('b', { owner: 'other' }),
        component('c', { owner: 'third' }),
      ]),
      'composition.hand-overs',
    );
    expect(check.remediation).toContain(
      "`team-insights.io/product: 'true'` in its catalog-info.yaml, e.g. component:default/a:",
    );
    expect(check.remediation).toContain(
      "  name: a\n  annotations:\n    team-insights.io/product: 'true'\nspec:\n  type: service\n  owner: other\n  system: search\n",
    );
  });
});
