import type { Entity } from '@backstage/catalog-model';
import { evaluate } from './evaluate';
import { parseWaivers } from './parsers';
import {
  checkOf,
  component,
  group,
  members,
  NOW,
  teamOf,
  user,
  withRelations,
} from './testing/entities';
import type { Report } from './types';

// The edges of the rules of SPEC §4, each tried on both sides.

const run = (entities: Entity[], now = NOW): Report =>
  evaluate(withRelations(entities), { now });

describe('adoption.self-service bands', () => {
  /** A Component product of the platform team with some fields removed. */
  const product = (
    name: string,
    remove: Array<'description' | 'system' | 'links' | 'tags' | 'lifecycle'>,
  ): Entity => {
    const entity = component(name, { owner: 'platform', documented: true });
    const metadata = { ...entity.metadata } as Record<string, unknown>;
    const spec: NonNullable<Entity['spec']> = { ...entity.spec };
    for (const field of remove) {
      if (field === 'system' || field === 'lifecycle') delete spec[field];
      else delete metadata[field];
    }
    return { ...entity, metadata: metadata as Entity['metadata'], spec };
  };
  // Documentation of a Component product (weights 14 in all; none of these
  // provides an API, so provides-api fails everywhere):
  // full: (14 − 2) / 14 = 85.71 → 86
  // without system, links, tags: (14 − 2 − 3) / 14 = 9 / 14 = 64.29 → 64
  // also without description: 7 / 14 = 50
  // also without lifecycle: 6 / 14 = 42.86 → 43
  const full = () => product('full', []);
  const sixtyFour = () => product('sixty-four', ['system', 'links', 'tags']);
  const fifty = () =>
    product('fifty', ['system', 'links', 'tags', 'description']);
  const fortyThree = () =>
    product('forty-three', [
      'system',
      'links',
      'tags',
      'description',
      'lifecycle',
    ]);

  const selfService = (products: Entity[]) => {
    const report = run([
      group('platform', { teamType: 'centralized' }),
      ...products,
    ]);
    return {
      check: checkOf(
        teamOf(report, 'platform').scorecards.adoption,
        'adoption.self-service',
      ),
      scores: Object.fromEntries(
        report.products.map(p => [
          p.entityRef.split('/')[1],
          p.documentationScore,
        ]),
      ),
    };
  };

  it('the products score what the bands below assume', () => {
    expect(
      selfService([full(), sixtyFour(), fifty(), fortyThree()]).scores,
    ).toEqual({ full: 86, 'sixty-four': 64, fifty: 50, 'forty-three': 43 });
  });

  it('every product at 75 or more passes', () => {
    expect(selfService([full()]).check.status).toBe('pass');
  });

  it('all products at 50 or more but one below 75 warn, naming that one', () => {
    const { check } = selfService([full(), sixtyFour()]);
    expect(check.status).toBe('warn');
    expect(check.entities).toEqual(['component:default/sixty-four']);
    expect(check.message).toContain(
      'is below 75: component:default/sixty-four',
    );
  });

  it('a product at exactly 50 still warns', () => {
    const { check } = selfService([full(), fifty()]);
    expect(check.status).toBe('warn');
    expect(check.entities).toEqual(['component:default/fifty']);
  });

  it('one product below 50 fails, and every product below 75 is named', () => {
    const { check } = selfService([full(), sixtyFour(), fortyThree()]);
    expect(check.status).toBe('fail');
    expect(check.entities).toEqual([
      'component:default/forty-three',
      'component:default/sixty-four',
    ]);
    expect(check.message).toContain('are below 75');
  });
});

describe('composition.skills-declared bands', () => {
  const declared = (declaring: number, silent: number) =>
    checkOf(
      teamOf(
        run([
          group('team', { teamType: 'feature' }),
          ...members('team', [
            ...Array(declaring).fill('data-scientist'),
            ...Array(silent).fill(undefined),
          ]),
        ]),
        'team',
      ).scorecards.composition,
      'composition.skills-declared',
    );

  it('exactly 50 % declaring warns', () => {
    const check = declared(2, 2);
    expect(check.status).toBe('warn');
    expect(check.message).toContain('2 of 4 members (50 %) declare');
    expect(check.entities).toEqual([
      'user:default/team-3',
      'user:default/team-4',
    ]);
  });

  it('40 % fails, 75 % warns, exactly 80 % passes', () => {
    expect(declared(2, 3).status).toBe('fail');
    expect(declared(3, 1).status).toBe('warn');
    expect(declared(4, 1).status).toBe('pass');
  });
});

describe('a team of one', () => {
  const solo = () =>
    teamOf(
      run([
        group('solo', { teamType: 'feature' }),
        user('ada', { skills: 'data-scientist, sre', memberOf: ['solo'] }),
        component('solo-svc', { owner: 'solo' }),
      ]),
      'solo',
    );

  it('has no communication paths and warns on size: nobody takes over', () => {
    const team = solo();
    expect(team.size).toBe(1);
    expect(team.communicationPaths).toBe(0);
    const size = checkOf(team.scorecards.composition, 'composition.team-size');
    expect(size.status).toBe('warn');
    expect(size.message).toContain(
      '1 person (1 member, 0 head counts): 0 communication paths',
    );
  });

  it('is the single point of failure of every cluster it holds, and too few to judge its mix', () => {
    const card = solo().scorecards.composition;
    expect(checkOf(card, 'composition.redundancy')).toMatchObject({
      status: 'warn',
      entities: ['user:default/ada'],
    });
    expect(checkOf(card, 'composition.cross-functional').status).toBe(
      'not-applicable',
    );
    // skill-coverage 0 of 3 (two of four missing), team-size ½·2,
    // redundancy ½·1, hand-overs 2, ownership 1, skills-declared 1,
    // annotations-valid 1: 6.5 / 11 = 59.09 → 59, bronze
    expect([card.score, card.level]).toEqual([59, 'bronze']);
  });
});

describe('waiver length and end', () => {
  // NOW is 2026-03-15: 365 days later is 2027-03-15 (no 29 February between)
  it('a waiver of exactly 365 days is accepted, 366 days is refused', () => {
    const accepted = parseWaivers(
      'composition.team-size until 2027-03-15: a year to hire',
      { now: NOW },
    );
    expect(accepted.findings).toEqual([]);
    expect(accepted.value).toEqual([
      {
        checkId: 'composition.team-size',
        until: '2027-03-15',
        reason: 'a year to hire',
        active: true,
      },
    ]);
    const refused = parseWaivers(
      'composition.team-size until 2027-03-16: a year and a day',
      { now: NOW },
    );
    expect(refused.value).toEqual([]);
    expect(refused.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining(
          'is 366 days long, more than the 365 allowed',
        ),
      }),
    ]);
  });

  const lab = (waivers: string) => [
    group('lab', { teamType: 'expertise', waivers }),
    ...members('lab', Array(5).fill('data-scientist')),
    component('lab-svc', { owner: 'lab' }),
  ];
  const crossFunctional = (report: Report) =>
    checkOf(
      teamOf(report, 'lab').scorecards.composition,
      'composition.cross-functional',
    );

  it('holds through the last second of its day and ends at the next midnight (UTC)', () => {
    const entities = lab(
      'composition.cross-functional until 2026-03-15: last day',
    );
    const lastSecond = run(entities, new Date('2026-03-15T23:59:59Z'));
    expect(crossFunctional(lastSecond)).toMatchObject({
      status: 'fail',
      waived: { until: '2026-03-15', reason: 'last day' },
    });
    // 9 / 9 with the waiver (see scores.test.ts)
    expect(teamOf(lastSecond, 'lab').scorecards.composition.score).toBe(100);

    const nextDay = run(entities, new Date('2026-03-16T00:00:00Z'));
    expect(crossFunctional(nextDay).waived).toBeUndefined();
    // 7 / 9 = 77.78 → 78 without it
    expect(teamOf(nextDay, 'lab').scorecards.composition.score).toBe(78);
    expect(nextDay.findings).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('expired on 2026-03-15'),
      }),
    );
  });
});
