import type { Entity } from '@backstage/catalog-model';
import fc from 'fast-check';
import { attachRelations, emitRelations } from '../catalog/relations';
import { evaluate } from '../evaluate';
import { component, group, NOW, user } from '../testing/entities';
import { LEVELS } from '../types';
import { applyPlan } from './applyPlan';
import { suggestStaffing } from './staffing';

function catalog(entities: Entity[]): Entity[] {
  const copy = JSON.parse(JSON.stringify(entities)) as Entity[];
  attachRelations(copy, copy.flatMap(emitRelations));
  return copy;
}

const options = { now: NOW };

describe('suggestStaffing', () => {
  it('moves a spare analytics translator from the data lab into the feature team that lacks one', () => {
    const entities = catalog([
      group('fraud', { teamType: 'feature' }),
      group('data-lab', { teamType: 'expertise' }),
      user('ds', { skills: 'data-scientist', memberOf: ['fraud'] }),
      user('de', { skills: 'data-engineer', memberOf: ['fraud'] }),
      user('de2', { skills: 'data-engineer', memberOf: ['fraud'] }),
      user('ds2', { skills: 'data-scientist', memberOf: ['fraud'] }),
      user('sre', { skills: 'sre', memberOf: ['fraud'] }),
      user('sre2', { skills: 'sre', memberOf: ['fraud'] }),
      user('arjun', {
        skills: 'data-scientist, analytics-translator',
        memberOf: ['data-lab'],
      }),
      user('lab1', { skills: 'data-scientist', memberOf: ['data-lab'] }),
      user('lab2', { skills: 'data-scientist', memberOf: ['data-lab'] }),
      user('lab3', { skills: 'data-scientist', memberOf: ['data-lab'] }),
      component('fraud-model', { owner: 'fraud' }),
      component('lab-notebooks', { owner: 'data-lab' }),
    ]);
    const plan = suggestStaffing(entities, {
      ...options,
      teams: ['group:default/fraud'],
    });
    expect(plan.gapsBefore).toBe(1);
    const [move, hire] = plan.suggestions;
    expect(move).toMatchObject({
      kind: 'move',
      user: 'user:default/arjun',
      from: 'group:default/data-lab',
      team: 'group:default/fraud',
      closes: [
        {
          team: 'group:default/fraud',
          cluster: 'analytics-translator',
          gap: 'missing',
        },
      ],
    });
    expect(move.text).toBe(
      'Move arjun (analytics translator) from data-lab to fraud: closes its missing analytics translator; data-lab keeps silver on composition.',
    );
    // one translator is a single point of failure: a hire closes that
    expect(hire).toMatchObject({
      kind: 'hire',
      closes: [
        { cluster: 'analytics-translator', gap: 'single-point-of-failure' },
      ],
    });
    expect(plan.suggestions).toHaveLength(2);
    expect(plan.remaining).toEqual([]);
    // the suggestion, applied, does what it says
    const after = evaluate(
      applyPlan(entities, [move.change]).entities,
      options,
    );
    const fraud = after.teams.find(t => t.entityRef === 'group:default/fraud')!;
    expect(fraud.missingSkills).toEqual([]);
  });

  it("hires instead of taking a team's only person of a cluster", () => {
    const entities = catalog([
      group('search', { teamType: 'feature' }),
      group('checkout', { teamType: 'feature' }),
      user('s1', { skills: 'data-scientist', memberOf: ['search'] }),
      user('s2', { skills: 'data-engineer', memberOf: ['search'] }),
      user('s3', { skills: 'analytics-translator', memberOf: ['search'] }),
      user('c1', { skills: 'sre', memberOf: ['checkout'] }),
      user('c2', { skills: 'data-scientist', memberOf: ['checkout'] }),
      user('c3', { skills: 'data-engineer', memberOf: ['checkout'] }),
      user('c4', { skills: 'analytics-translator', memberOf: ['checkout'] }),
    ]);
    const plan = suggestStaffing(entities, {
      ...options,
      teams: ['group:default/search'],
    });
    const sre = plan.suggestions.find(
      s => s.cluster === 'site-reliability-engineer',
    )!;
    // Checkout would lose its only SRE: no move, a hire
    expect(sre.kind).toBe('hire');
    expect(sre.change).toEqual({
      headcount: {
        team: 'group:default/search',
        skills: 'site-reliability-engineer=1',
      },
    });
    // a missing SRE and then a single one: two hires
    expect(plan.summary).toContain(
      '2 site reliability engineers bring 1 team closer to full coverage: search',
    );
  });

  it('leaves a gap open rather than grow a team past its size limit', () => {
    const members = Array.from({ length: 9 }, (_, i) =>
      user(`p${i}`, { skills: 'data-scientist', memberOf: ['big'] }),
    );
    const entities = catalog([
      group('big', { teamType: 'feature' }),
      ...members,
    ]);
    const plan = suggestStaffing(entities, options);
    expect(plan.suggestions).toEqual([]);
    expect(plan.remaining.map(g => g.cluster)).toEqual([
      'analytics-translator',
      'data-engineer',
      'site-reliability-engineer',
    ]);
  });

  it("never suggests a move that lowers another team's composition level (property)", () => {
    const clusters = [
      'data-scientist',
      'data-engineer',
      'sre',
      'analytics-translator',
    ];
    const person = fc.record({
      team: fc.integer({ min: 0, max: 3 }),
      skills: fc.subarray(clusters, { minLength: 1, maxLength: 2 }),
    });
    let moves = 0;
    fc.assert(
      fc.property(
        fc.array(person, { minLength: 2, maxLength: 24 }),
        fc.array(fc.constantFrom('feature', 'expertise', 'centralized'), {
          minLength: 4,
          maxLength: 4,
        }),
        (people, types) => {
          const entities = catalog([
            ...types.map((teamType, i) => group(`t${i}`, { teamType })),
            ...types.map((_, i) => component(`c${i}`, { owner: `t${i}` })),
            ...people.map((p, i) =>
              user(`u${i}`, {
                skills: p.skills.join(', '),
                memberOf: [`t${p.team}`],
              }),
            ),
          ]);
          const plan = suggestStaffing(entities, options);
          const before = evaluate(entities, options);
          // higher is better: gold 4 … none 1, no level 0
          const levelOf = (report: typeof before, ref: string) => {
            const level = report.teams.find(t => t.entityRef === ref)
              ?.scorecards.composition.level;
            return level ? LEVELS.length - LEVELS.indexOf(level) : 0;
          };
          moves += plan.suggestions.filter(x => x.kind === 'move').length;
          // suggestions build on each other: apply them in order
          let current = entities;
          let report = before;
          for (const s of plan.suggestions) {
            const next = applyPlan(current, [s.change]).entities;
            const after = evaluate(next, options);
            if (
              s.kind === 'move' &&
              levelOf(after, s.from!) < levelOf(report, s.from!)
            ) {
              return false;
            }
            current = next;
            report = after;
          }
          return true;
        },
      ),
      { numRuns: 150 },
    );
    // the property says something only if moves were suggested
    expect(moves).toBeGreaterThan(20);
  }, 120_000);
});
