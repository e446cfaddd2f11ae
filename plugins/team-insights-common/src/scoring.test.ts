import { defaultTeamInsightsConfig, TeamInsightsConfig } from './config';
import {
  checkCredit,
  levelOf,
  meanScore,
  orderCheck,
  rollUp,
  scoreChecks,
  toScorecard,
} from './scoring';
import type { CheckResult, CheckStatus } from './types';

// Direct tests of the score arithmetic of SPEC §4: every expected number is
// worked out by hand in the comment beside it.

const check = (
  status: CheckStatus,
  weight: number,
  waived?: boolean,
): CheckResult => ({
  id: `test.${status}-${weight}`,
  title: 'A check',
  status,
  weight,
  message: 'm',
  ...(waived ? { waived: { until: '2026-12-31', reason: 'r' } } : {}),
});

const config = defaultTeamInsightsConfig;

describe('checkCredit', () => {
  it('gives pass 1, warn one half, fail 0, and no credit when the check does not apply', () => {
    expect(checkCredit(check('pass', 1))).toBe(1);
    expect(checkCredit(check('warn', 1))).toBe(0.5);
    expect(checkCredit(check('fail', 1))).toBe(0);
    expect(checkCredit(check('not-applicable', 1))).toBeUndefined();
  });

  it('counts a waived check as pass, whatever its real status, unless it does not apply', () => {
    expect(checkCredit(check('fail', 1, true))).toBe(1);
    expect(checkCredit(check('warn', 1, true))).toBe(1);
    expect(checkCredit(check('not-applicable', 1, true))).toBeUndefined();
  });
});

describe('scoreChecks', () => {
  it('a warn earns half its weight', () => {
    // pass 3 + warn 2 → 100 · (3·1 + 2·0.5) / (3 + 2) = 100 · 4 / 5 = 80
    expect(scoreChecks([check('pass', 3), check('warn', 2)])).toBe(80);
    // warn 1 alone → 100 · 0.5 / 1 = 50
    expect(scoreChecks([check('warn', 1)])).toBe(50);
  });

  it('weights the credits, not the count of checks', () => {
    // pass 1 + fail 3 → 100 · 1 / 4 = 25 (an unweighted mean would say 50)
    expect(scoreChecks([check('pass', 1), check('fail', 3)])).toBe(25);
    // pass 3 + fail 1 → 100 · 3 / 4 = 75
    expect(scoreChecks([check('pass', 3), check('fail', 1)])).toBe(75);
  });

  it('rounds to the nearest whole score, halves up', () => {
    // pass 2 + fail 1 → 100 · 2 / 3 = 66.67 → 67
    expect(scoreChecks([check('pass', 2), check('fail', 1)])).toBe(67);
    // pass 1 + fail 2 → 100 · 1 / 3 = 33.33 → 33
    expect(scoreChecks([check('pass', 1), check('fail', 2)])).toBe(33);
    // warn 1 + fail 7 → 100 · 0.5 / 8 = 6.25 → 6
    expect(scoreChecks([check('warn', 1), check('fail', 7)])).toBe(6);
    // pass 1 + warn 1 + fail 6 → 100 · 1.5 / 8 = 18.75 → 19
    expect(
      scoreChecks([check('pass', 1), check('warn', 1), check('fail', 6)]),
    ).toBe(19);
    // warn 1 + fail 3 → 100 · 0.5 / 4 = 12.5 → 13
    expect(scoreChecks([check('warn', 1), check('fail', 3)])).toBe(13);
  });

  it('leaves out checks that do not apply, weight and all', () => {
    // pass 1 + fail 1 → 50; a not-applicable of weight 10 changes nothing
    expect(
      scoreChecks([
        check('pass', 1),
        check('fail', 1),
        check('not-applicable', 10),
      ]),
    ).toBe(50);
  });

  it('a weight of 0 takes a check out of the score', () => {
    // pass 2 + fail 0 → 100 · 2 / 2 = 100
    expect(scoreChecks([check('pass', 2), check('fail', 0)])).toBe(100);
    // fail 2 + pass 0 → 0 / 2 = 0
    expect(scoreChecks([check('fail', 2), check('pass', 0)])).toBe(0);
  });

  it('is null when no check applies or every applicable weight is 0', () => {
    expect(scoreChecks([])).toBeNull();
    expect(scoreChecks([check('not-applicable', 3)])).toBeNull();
    expect(scoreChecks([check('pass', 0), check('fail', 0)])).toBeNull();
  });

  it('a waived fail scores as a pass', () => {
    // pass 1 + fail 1 waived → 100 · 2 / 2 = 100; unwaived → 50
    expect(scoreChecks([check('pass', 1), check('fail', 1, true)])).toBe(100);
    expect(scoreChecks([check('pass', 1), check('fail', 1)])).toBe(50);
  });

  it('all pass is 100, all fail is 0', () => {
    expect(scoreChecks([check('pass', 3), check('pass', 1)])).toBe(100);
    expect(scoreChecks([check('fail', 3), check('fail', 1)])).toBe(0);
  });
});

describe('levelOf', () => {
  it('has its boundaries at 90, 75 and 50, each inclusive', () => {
    const at = [100, 90, 89, 75, 74, 50, 49, 0].map(s => levelOf(s, config));
    expect(at).toEqual([
      'gold',
      'gold',
      'silver',
      'silver',
      'bronze',
      'bronze',
      'none',
      'none',
    ]);
  });

  it('is null for a null score, and none (not null) for 0', () => {
    expect(levelOf(null, config)).toBeNull();
    expect(levelOf(0, config)).toBe('none');
  });

  it('follows configured thresholds', () => {
    const custom: TeamInsightsConfig = {
      ...config,
      levels: { gold: 95, silver: 80, bronze: 60 },
    };
    expect([95, 94, 80, 79, 60, 59].map(s => levelOf(s, custom))).toEqual([
      'gold',
      'silver',
      'silver',
      'bronze',
      'bronze',
      'none',
    ]);
  });
});

describe('toScorecard', () => {
  it('pairs the score with its level and keeps the checks', () => {
    const checks = [check('pass', 3), check('warn', 1)];
    // 100 · (3 + 0.5) / 4 = 87.5 → 88: silver (75 ≤ 88 < 90)
    expect(toScorecard(checks, config)).toEqual({
      score: 88,
      level: 'silver',
      checks,
    });
    expect(toScorecard([], config)).toEqual({
      score: null,
      level: null,
      checks: [],
    });
  });
});

describe('meanScore', () => {
  it('is the rounded mean of the scores, skipping nulls', () => {
    // (100 + 50 + 45) / 3 = 65
    expect(meanScore([100, 50, null, 45])).toBe(65);
    // (90 + 75) / 2 = 82.5 → 83
    expect(meanScore([90, 75])).toBe(83);
    // (1 + 2 + 2) / 3 = 1.67 → 2
    expect(meanScore([1, 2, 2])).toBe(2);
    expect(meanScore([0])).toBe(0);
  });

  it('is null without a score', () => {
    expect(meanScore([])).toBeNull();
    expect(meanScore([null, null])).toBeNull();
  });
});

describe('rollUp', () => {
  const card = (score: number | null) =>
    toScorecard(
      score === null
        ? []
        : [
            { ...check('pass', score), id: 'p' },
            { ...check('fail', 100 - score), id: 'f' },
          ],
      config,
    );

  it('is the mean of the scorecards, with the count of each level', () => {
    const cards = [
      card(95),
      card(90),
      card(80),
      card(60),
      card(20),
      card(null),
    ];
    expect(cards.map(c => c.score)).toEqual([95, 90, 80, 60, 20, null]);
    // (95 + 90 + 80 + 60 + 20) / 5 = 345 / 5 = 69 → bronze (50 ≤ 69 < 75);
    // levels: gold 95, 90; silver 80; bronze 60; none 20; null not counted
    expect(rollUp(cards, config)).toEqual({
      score: 69,
      level: 'bronze',
      byLevel: { gold: 2, silver: 1, bronze: 1, none: 1 },
    });
  });

  it('of nothing is null, with every count 0', () => {
    expect(rollUp([], config)).toEqual({
      score: null,
      level: null,
      byLevel: { gold: 0, silver: 0, bronze: 0, none: 0 },
    });
  });
});

describe('orderCheck', () => {
  it('puts the keys in the documented order and drops undefined ones', () => {
    const ordered = orderCheck({
      waived: { until: '2026-12-31', reason: 'r' },
      entities: ['a'],
      message: 'm',
      remediation: undefined,
      weight: 2,
      status: 'fail',
      title: 't',
      id: 'x.y',
    } as CheckResult);
    expect(Object.keys(ordered)).toEqual([
      'id',
      'title',
      'status',
      'weight',
      'message',
      'waived',
      'entities',
    ]);
    expect(JSON.stringify(orderCheck({ ...ordered, remediation: 'fix' }))).toBe(
      '{"id":"x.y","title":"t","status":"fail","weight":2,"message":"m","remediation":"fix","waived":{"until":"2026-12-31","reason":"r"},"entities":["a"]}',
    );
  });
});
