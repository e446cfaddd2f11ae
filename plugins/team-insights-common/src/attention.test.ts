import { needKey, rankCheckGains, worstCheckOf } from './attention';
import type { CheckResult, ScorecardResult, TeamReport } from './types';

function check(
  id: string,
  status: CheckResult['status'],
  weight: number,
): CheckResult {
  return { id, title: id, status, weight, message: '' };
}

function card(
  score: number | null,
  level: ScorecardResult['level'],
  checks: CheckResult[],
): ScorecardResult {
  return { score, level, checks };
}

const levels = { gold: 90, silver: 75, bronze: 50 };

describe('rankCheckGains', () => {
  const team = {
    scorecards: {
      // 3 + 2 + 1 + 1 applicable: 5 of 7 earned → 71
      composition: card(71, 'bronze', [
        check('composition.annotations-valid', 'fail', 1),
        check('composition.skill-coverage', 'pass', 3),
        check('composition.team-size', 'warn', 2),
        check('composition.redundancy', 'pass', 1),
        check('composition.cross-functional', 'not-applicable', 2),
      ]),
      // 3 of 9 earned → 33
      adoption: card(33, 'none', [
        check('adoption.exposes-products', 'pass', 3),
        check('adoption.reach', 'fail', 3),
        check('adoption.self-service', 'fail', 3),
      ]),
      documentation: card(100, 'gold', [check('docs.owner', 'pass', 2)]),
    },
  } as unknown as TeamReport;

  it('ranks by points gained, annotation findings last, with the level reached', () => {
    const gains = rankCheckGains(team, levels);
    expect(
      gains.map(g => [g.check.id, g.points, g.scoreAfter, g.levelAfter]),
    ).toEqual([
      ['adoption.reach', 34, 67, 'bronze'],
      ['adoption.self-service', 34, 67, 'bronze'],
      ['composition.team-size', 15, 86, 'silver'],
      ['composition.annotations-valid', 15, 86, 'silver'],
    ]);
    expect(worstCheckOf(team)?.check.id).toBe('adoption.reach');
  });

  it('leaves out waived checks, which already count as a pass', () => {
    const waived = {
      scorecards: {
        composition: card(100, 'gold', [
          {
            ...check('composition.team-size', 'fail', 2),
            waived: { until: '2099-01-01', reason: 'hiring' },
          },
        ]),
      },
    } as unknown as TeamReport;
    expect(rankCheckGains(waived)).toEqual([]);
    expect(worstCheckOf(waived)).toBeUndefined();
  });
});

describe('needKey', () => {
  const of = (...cards: ScorecardResult[]) =>
    needKey({
      scorecards: {
        composition: cards[0],
        adoption: cards[1],
        documentation: cards[2],
      },
    } as unknown as TeamReport);

  it('puts a team with a bronze scorecard before one whose lowest score is higher but not bronze', () => {
    const bronze = of(
      card(60, 'bronze', []),
      card(95, 'gold', []),
      card(95, 'gold', []),
    );
    const silver = of(
      card(76, 'silver', []),
      card(76, 'silver', []),
      card(76, 'silver', []),
    );
    const worse = of(
      card(40, 'none', []),
      card(95, 'gold', []),
      card(95, 'gold', []),
    );
    expect(bronze!).toBeLessThan(silver!);
    expect(worse!).toBeLessThan(bronze!);
  });

  it('has no key when no scorecard has a score', () => {
    expect(
      of(card(null, null, []), card(null, null, []), card(null, null, [])),
    ).toBeNull();
  });
});
