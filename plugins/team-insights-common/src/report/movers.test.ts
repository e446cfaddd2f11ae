import { rankMovers } from './movers';
import type { MoverSeries } from './movers';

function series(
  entityRef: string,
  points: Array<[string, number | null, ('composition' | 'adoption')?]>,
  kind: 'team' | 'orgUnit' = 'team',
): MoverSeries {
  return {
    entityRef,
    kind,
    title: entityRef.split('/')[1],
    points: points.map(([day, score, scorecard]) => ({
      day,
      score,
      scorecard: scorecard ?? 'composition',
    })),
  };
}

const today = '2026-12-06';

describe('rankMovers', () => {
  it('ranks the biggest improvements and the biggest drops, from the start of the period to today', () => {
    const result = rankMovers(
      [
        series('group:default/up-a-little', [
          ['2026-11-20', 50],
          ['2026-12-06', 55],
        ]),
        series('group:default/up-a-lot', [
          ['2026-11-20', 40],
          ['2026-12-06', 80],
        ]),
        series('group:default/down', [
          ['2026-11-20', 90],
          ['2026-12-05', 60],
        ]),
        series(
          'group:default/division',
          [
            ['2026-11-20', 70],
            ['2026-12-06', 65],
          ],
          'orgUnit',
        ),
        series('group:default/flat', [
          ['2026-11-20', 70],
          ['2026-12-06', 70],
        ]),
      ],
      { days: 30, today },
    );
    expect(result.improved.map(m => [m.title, m.from, m.to, m.delta])).toEqual([
      ['up-a-lot', 40, 80, 40],
      ['up-a-little', 50, 55, 5],
    ]);
    expect(result.dropped.map(m => [m.title, m.kind, m.delta])).toEqual([
      ['down', 'team', -30],
      ['division', 'orgUnit', -5],
    ]);
  });

  it('starts from the last score on or before the first day of the period', () => {
    const points: Array<[string, number]> = [
      ['2026-10-01', 10],
      ['2026-11-28', 30],
      ['2026-12-02', 45],
      ['2026-12-06', 50],
    ];
    const week = rankMovers([series('group:default/a', points)], {
      days: 7,
      today,
    });
    expect(week.improved[0]).toMatchObject({ from: 30, to: 50, delta: 20 });
    const year = rankMovers([series('group:default/a', points)], {
      days: 365,
      today,
    });
    expect(year.improved[0]).toMatchObject({ from: 10, to: 50, delta: 40 });
  });

  it('uses the first score inside the period when history starts within it', () => {
    const result = rankMovers(
      [
        series('group:default/new', [
          ['2026-12-03', 20],
          ['2026-12-06', 35],
        ]),
      ],
      { days: 30, today },
    );
    expect(result.improved[0]).toMatchObject({ from: 20, to: 35 });
  });

  it('skips unscored days, single scores, days after today and series that stopped before the period', () => {
    const result = rankMovers(
      [
        series('group:default/gaps', [
          ['2026-11-20', 40],
          ['2026-12-01', null],
          ['2026-12-06', 60],
          ['2026-12-09', 0],
        ]),
        series('group:default/once', [['2026-12-06', 80]]),
        series('group:default/stale', [
          ['2026-01-01', 10],
          ['2026-02-01', 90],
        ]),
      ],
      { days: 30, today },
    );
    expect(result.improved.map(m => [m.title, m.to])).toEqual([['gaps', 60]]);
    expect(result.dropped).toEqual([]);
  });

  it('ranks each scorecard apart, filters by scorecard and honours the limit', () => {
    const a = series('group:default/a', [
      ['2026-11-20', 10, 'composition'],
      ['2026-12-06', 30, 'composition'],
      ['2026-11-20', 50, 'adoption'],
      ['2026-12-06', 20, 'adoption'],
    ]);
    const b = series('group:default/b', [
      ['2026-11-20', 10, 'composition'],
      ['2026-12-06', 50, 'composition'],
    ]);
    const all = rankMovers([a, b], { days: 30, today });
    expect(all.improved.map(m => `${m.title}:${m.scorecard}`)).toEqual([
      'b:composition',
      'a:composition',
    ]);
    expect(all.dropped.map(m => `${m.title}:${m.scorecard}`)).toEqual([
      'a:adoption',
    ]);
    const adoption = rankMovers([a, b], {
      days: 30,
      today,
      scorecard: 'adoption',
    });
    expect(adoption.improved).toEqual([]);
    expect(adoption.dropped).toHaveLength(1);
    const top = rankMovers([a, b], { days: 30, today, limit: 1 });
    expect(top.improved.map(m => m.title)).toEqual(['b']);
  });
});
