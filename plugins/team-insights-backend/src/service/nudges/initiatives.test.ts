import type {
  Initiative,
  Report,
  TeamReport,
} from '@team-insights/plugin-team-insights-common';
import { NudgeStateRow } from '../NudgeStore';
import { initiativeNudges } from './initiatives';

function team(name: string, level: 'gold' | 'bronze'): TeamReport {
  return {
    entityRef: `group:default/${name}`,
    title: name,
    teamType: 'feature',
    teamTypeDeclared: true,
    size: 4,
    members: 4,
    headCount: 0,
    communicationPaths: 6,
    orgUnits: ['group:default/ml'],
    requiredSkills: [],
    missingSkills: [],
    skills: [],
    owned: [],
    scorecards: {
      composition: {
        score: level === 'gold' ? 95 : 60,
        level,
        checks:
          level === 'gold'
            ? []
            : [
                {
                  id: 'composition.skill-coverage',
                  title: 'Skill coverage',
                  status: 'fail',
                  weight: 3,
                  message: '',
                },
              ],
      },
      adoption: { score: null, level: null, checks: [] },
      documentation: { score: null, level: null, checks: [] },
    },
  };
}

const initiative: Initiative = {
  id: 'ml-feature-teams',
  title: 'Feature teams',
  teams: { orgUnit: 'group:default/ml' },
  target: { scorecard: 'composition', level: 'silver' },
  start: '2026-12-01',
  deadline: '2027-03-31',
};

function report(...teams: TeamReport[]): Report {
  return {
    version: 1,
    evaluatedAt: '2026-12-10T00:00:00.000Z',
    teams,
    orgUnits: [],
    entities: [],
    products: [],
    concerns: [],
    findings: [],
  };
}

function run(
  r: Report,
  day: string,
  previous = new Map<string, string | null>(),
) {
  const next = new Map<string, NudgeStateRow>();
  const nudges = initiativeNudges(
    r,
    [initiative],
    { previous, next },
    new Date(`${day}T08:00:00Z`),
  );
  const state = new Map([...next.entries()].map(([k, row]) => [k, row.value]));
  return { nudges, state };
}

describe('initiativeNudges', () => {
  it('sends nothing before the start or after the deadline', () => {
    expect(run(report(team('a', 'bronze')), '2026-11-30').nudges).toEqual([]);
    expect(run(report(team('a', 'bronze')), '2027-04-01').nudges).toEqual([]);
  });

  it('tells each covered team the initiative started, with what holds it back', () => {
    const { nudges } = run(
      report(team('a', 'bronze'), team('b', 'gold')),
      '2026-12-02',
    );
    expect(nudges.map(n => [n.kind, n.recipientRef])).toEqual([
      ['initiative-started', 'group:default/a'],
      ['initiative-started', 'group:default/b'],
    ]);
    expect(nudges[0].payload.description).toContain(
      'composition.skill-coverage',
    );
    expect(nudges[0].payload.link).toBe(
      '/team-insights/initiatives/ml-feature-teams',
    );
  });

  it('reminds a team not at target 14 days before the deadline, not earlier', () => {
    const kinds = (day: string) =>
      run(report(team('a', 'bronze'), team('b', 'gold')), day)
        .nudges.filter(n => n.kind === 'initiative-deadline')
        .map(n => n.recipientRef);
    expect(kinds('2027-03-16')).toEqual([]);
    expect(kinds('2027-03-17')).toEqual(['group:default/a']);
  });

  it('congratulates a team when it reaches the target after being below it', () => {
    const first = run(report(team('a', 'bronze')), '2026-12-02');
    const second = run(report(team('a', 'gold')), '2026-12-09', first.state);
    expect(second.nudges.map(n => n.kind)).toContain('initiative-reached');
    // a team at target from the first observation is not congratulated
    expect(
      run(report(team('b', 'gold')), '2026-12-02').nudges.map(n => n.kind),
    ).toEqual(['initiative-started']);
  });
});
