import type { HistoryPoint, TeamSummary } from '../api';
import type { Level } from '../types';
import { myTeams, selectMyTeams } from './myTeams';

function levelOf(score: number | null): Level | null {
  if (score === null) return null;
  return score >= 80 ? 'gold' : 'bronze';
}

function team(
  entityRef: string,
  title: string,
  orgUnits: string[],
  composition: number | null,
): TeamSummary {
  return {
    entityRef,
    title,
    teamType: 'feature',
    teamTypeDeclared: true,
    size: 5,
    orgUnits,
    scores: {
      composition: {
        score: composition,
        level: levelOf(composition),
      },
      adoption: { score: null, level: null },
      documentation: { score: 50, level: 'bronze' },
    },
  };
}

const teams = [
  team('group:default/zeta', 'Zeta', ['group:default/lab'], 90),
  team('group:default/alpha', 'Alpha', ['group:default/lab'], 70),
  team('group:default/search', 'Search', ['group:default/web'], 60),
  team('group:default/other', 'Other', ['group:default/elsewhere'], 60),
];

function point(
  entityRef: string,
  day: string,
  score: number | null,
  level: HistoryPoint['level'],
): HistoryPoint & { entityRef: string } {
  return {
    entityRef,
    day,
    scorecard: 'composition',
    score,
    level,
    failingChecks: [],
  };
}

describe('selectMyTeams', () => {
  it('takes the teams the caller belongs to and those under their groups', () => {
    const selected = selectMyTeams(teams, [
      'user:default/guest',
      'group:default/Search',
      'group:default/lab',
    ]);
    expect([...selected.keys()].sort()).toEqual([
      'group:default/alpha',
      'group:default/search',
      'group:default/zeta',
    ]);
    expect(selected.get('group:default/search')?.relation).toBe('member');
    expect(selected.get('group:default/alpha')).toMatchObject({
      relation: 'org-unit',
      via: 'group:default/lab',
    });
  });

  it('takes nothing for a caller without groups', () => {
    expect(selectMyTeams(teams, ['user:default/guest']).size).toBe(0);
  });
});

describe('myTeams', () => {
  const history = [
    // before the window: ignored
    point('group:default/search', '2026-05-01', 10, 'bronze'),
    point('group:default/search', '2026-05-04', 50, 'bronze'),
    point('group:default/search', '2026-05-06', 55, 'bronze'),
    // alpha: the day itself is missing, the earliest later one counts
    point('group:default/alpha', '2026-05-05', 75, 'silver'),
    // zeta: only today, no baseline
    point('group:default/zeta', '2026-05-10', 90, 'gold'),
  ];

  it('puts the own teams first and counts the change from a week ago', () => {
    const answer = myTeams({
      teams,
      ownershipRefs: ['group:default/search', 'group:default/lab'],
      history,
      sinceDay: '2026-05-03',
      today: '2026-05-10',
    });
    expect(answer.totalCount).toBe(3);
    expect(answer.items.map(t => t.title)).toEqual(['Search', 'Alpha', 'Zeta']);
    expect(answer.items[0].scores.composition).toEqual({
      score: 60,
      level: 'bronze',
      previousScore: 50,
      previousLevel: 'bronze',
      delta: 10,
    });
    expect(answer.items[1].scores.composition).toMatchObject({
      previousLevel: 'silver',
      delta: -5,
    });
    expect(answer.items[2].scores.composition).toMatchObject({
      previousScore: null,
      delta: null,
    });
    // no history for documentation: the level now, no change
    expect(answer.items[0].scores.documentation).toMatchObject({
      level: 'bronze',
      delta: null,
    });
  });

  it('answers at most limit teams but counts them all', () => {
    const answer = myTeams({
      teams,
      ownershipRefs: ['group:default/lab'],
      history: [],
      sinceDay: '2026-05-03',
      today: '2026-05-10',
      limit: 1,
    });
    expect(answer.items.map(t => t.title)).toEqual(['Alpha']);
    expect(answer.totalCount).toBe(2);
  });
});
