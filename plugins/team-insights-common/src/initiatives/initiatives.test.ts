import type { CheckResult, Level, TeamReport, TeamType } from '../types';
import {
  evaluateInitiative,
  initiativeBurnUp,
  initiativePhase,
  projectCompletion,
  readInitiatives,
} from './index';
import type { Initiative } from './types';

function check(
  id: string,
  status: CheckResult['status'],
  weight = 1,
  waived = false,
): CheckResult {
  return {
    id,
    title: id,
    status,
    weight,
    message: '',
    ...(waived ? { waived: { until: '2027-01-01', reason: 'r' } } : {}),
  };
}

function team(
  name: string,
  options: {
    type?: TeamType;
    units?: string[];
    level?: Level | null;
    checks?: CheckResult[];
  } = {},
): TeamReport {
  const card = {
    score: null,
    level: options.level ?? null,
    checks: options.checks ?? [],
  };
  return {
    entityRef: `group:default/${name}`,
    title: name,
    teamType: options.type ?? 'feature',
    teamTypeDeclared: true,
    size: 5,
    members: 5,
    headCount: 0,
    communicationPaths: 10,
    orgUnits: options.units ?? ['group:default/ml'],
    requiredSkills: [],
    missingSkills: [],
    skills: [],
    owned: [],
    scorecards: {
      composition: card,
      adoption: { score: null, level: null, checks: [] },
      documentation: { score: null, level: null, checks: [] },
    },
  };
}

const valid = {
  id: 'ml-feature-teams',
  title: 'Feature teams that hold every cluster',
  description: 'Move the data lab into feature teams.',
  teams: { orgUnit: 'group:default/ml', teamTypes: ['feature'] },
  target: { scorecard: 'composition', level: 'silver' },
  start: '2026-12-01',
  deadline: '2027-03-31',
};

function one(raw: object): Initiative {
  const { initiatives, problems } = readInitiatives([raw]);
  expect(problems).toEqual([]);
  return initiatives[0];
}

describe('readInitiatives', () => {
  it('reads a valid initiative and normalises its refs', () => {
    expect(
      one({ ...valid, teams: { orgUnit: 'Group:default/ML' } }),
    ).toMatchObject({
      id: 'ml-feature-teams',
      teams: { orgUnit: 'group:default/ml' },
      target: { scorecard: 'composition', level: 'silver' },
      start: '2026-12-01',
      deadline: '2027-03-31',
    });
    expect(
      one({ ...valid, teams: { refs: ['search', 'group:default/search'] } })
        .teams,
    ).toEqual({ refs: ['group:default/search'] });
  });

  it('skips invalid initiatives with the key path of what is wrong, keeping the valid ones', () => {
    const { initiatives, problems } = readInitiatives([
      valid,
      { ...valid, id: 'late', deadline: '2026-02-30' },
      {
        ...valid,
        id: 'bad-target',
        target: { scorecard: 'speed', level: 'x' },
      },
      { ...valid, id: 'types', teams: { orgUnit: 'ml', teamTypes: ['squad'] } },
      { ...valid, title: 'again' },
      'nonsense',
    ]);
    expect(initiatives.map(i => i.id)).toEqual(['ml-feature-teams']);
    expect(problems.map(p => p.path)).toEqual([
      'teamInsights.initiatives[1].deadline',
      'teamInsights.initiatives[2].target.scorecard',
      'teamInsights.initiatives[3].teams.teamTypes[0]',
      'teamInsights.initiatives[4].id',
      'teamInsights.initiatives[5]',
    ]);
    expect(problems[2].message).toContain('feature, centralized, expertise');
  });

  it('refuses a deadline before the start and a target level of none', () => {
    const { problems } = readInitiatives([
      { ...valid, deadline: '2026-11-01' },
      {
        ...valid,
        id: 'x',
        target: { scorecard: 'composition', level: 'none' },
      },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'teamInsights.initiatives[0].deadline',
      }),
      expect.objectContaining({
        path: 'teamInsights.initiatives[1].target.level',
        message: 'must be gold, silver or bronze',
      }),
    ]);
  });

  it('says when the list is not a list', () => {
    expect(readInitiatives({ id: 'x' }).problems[0]).toEqual({
      path: 'teamInsights.initiatives',
      message: 'must be a list of initiatives',
    });
    expect(readInitiatives(undefined)).toEqual({
      initiatives: [],
      problems: [],
    });
  });
});

describe('evaluateInitiative', () => {
  const report = {
    teams: [
      team('search', {
        level: 'gold',
        checks: [
          check('composition.redundancy', 'warn'),
          check('composition.team-size', 'pass', 2),
        ],
      }),
      team('fraud', {
        level: 'bronze',
        checks: [
          check('composition.redundancy', 'warn', 1),
          check('composition.skill-coverage', 'fail', 3),
          check('composition.team-size', 'fail', 2, true),
        ],
      }),
      team('lab', { type: 'expertise', level: 'none' }),
      team('infra', { units: ['group:default/platform'], level: 'none' }),
    ],
  };

  it('covers the teams below the org unit with the listed types, and tells who is at target', () => {
    const result = evaluateInitiative(one(valid), report);
    expect(result.teamsTotal).toBe(2);
    expect(result.teamsAtTarget).toBe(1);
    expect(result.teams).toEqual([
      expect.objectContaining({
        entityRef: 'group:default/fraud',
        atTarget: false,
        level: 'bronze',
        failingChecks: ['composition.skill-coverage', 'composition.redundancy'],
      }),
      expect.objectContaining({
        entityRef: 'group:default/search',
        atTarget: true,
        level: 'gold',
        failingChecks: [],
      }),
    ]);
  });

  it('with a checks target, counts waived and passing checks as met', () => {
    const initiative = one({
      ...valid,
      teams: { refs: ['group:default/fraud', 'group:default/search'] },
      target: { checks: ['composition.team-size', 'composition.redundancy'] },
    });
    const result = evaluateInitiative(initiative, report);
    expect(result.teams.map(t => [t.title, t.failingChecks])).toEqual([
      ['fraud', ['composition.redundancy']],
      ['search', ['composition.redundancy']],
    ]);
    expect(result.teamsAtTarget).toBe(0);
  });

  it('counts a listed check the team was not evaluated on as not met', () => {
    const initiative = one({
      ...valid,
      teams: { refs: ['group:default/lab'] },
      target: { checks: ['composition.team-size'] },
    });
    expect(evaluateInitiative(initiative, report).teams[0]).toMatchObject({
      atTarget: false,
      failingChecks: ['composition.team-size'],
    });
  });
});

describe('initiativeBurnUp and projectCompletion', () => {
  const initiative = one(valid);
  const row = (entityRef: string, day: string, level: Level | null) => ({
    entityRef,
    day,
    level,
    scorecard: 'composition' as const,
    failingChecks: [],
  });

  it('counts the covered teams at target on each day', () => {
    const history = initiativeBurnUp(
      initiative,
      ['group:default/a', 'group:default/b'],
      [
        row('group:default/a', '2026-12-02', 'bronze'),
        row('group:default/b', '2026-12-02', 'silver'),
        row('group:default/other', '2026-12-02', 'gold'),
        row('group:default/a', '2026-12-01', 'none'),
        row('group:default/a', '2026-12-03', 'gold'),
        row('group:default/b', '2026-12-03', 'gold'),
      ],
    );
    expect(history).toEqual([
      { date: '2026-12-01', teamsAtTarget: 0, teamsTotal: 1 },
      { date: '2026-12-02', teamsAtTarget: 1, teamsTotal: 2 },
      { date: '2026-12-03', teamsAtTarget: 2, teamsTotal: 2 },
    ]);
    expect(projectCompletion(history, '2027-03-31')).toEqual({
      projectedCompletion: '2026-12-03',
      onTrack: true,
    });
  });

  it('projects completion at the pace of the last 28 days', () => {
    const history = [
      { date: '2026-11-01', teamsAtTarget: 0, teamsTotal: 10 },
      { date: '2026-12-01', teamsAtTarget: 2, teamsTotal: 10 },
      { date: '2026-12-11', teamsAtTarget: 4, teamsTotal: 10 },
    ];
    // 2 teams in 10 days, 6 to go: 30 days more
    expect(projectCompletion(history, '2027-01-31')).toEqual({
      projectedCompletion: '2027-01-10',
      onTrack: true,
    });
    expect(projectCompletion(history, '2026-12-31').onTrack).toBe(false);
  });

  it('projects nothing when nothing moves', () => {
    expect(
      projectCompletion(
        [
          { date: '2026-12-01', teamsAtTarget: 1, teamsTotal: 3 },
          { date: '2026-12-05', teamsAtTarget: 1, teamsTotal: 3 },
        ],
        '2027-01-01',
      ),
    ).toEqual({ projectedCompletion: null, onTrack: null });
    expect(projectCompletion([], '2027-01-01').projectedCompletion).toBeNull();
  });

  it('knows an initiative before, during and after its dates', () => {
    expect(initiativePhase(initiative, '2026-11-30')).toBe('upcoming');
    expect(initiativePhase(initiative, '2027-03-31')).toBe('active');
    expect(initiativePhase(initiative, '2027-04-01')).toBe('ended');
  });
});
