import type { Entity } from '@backstage/catalog-model';
import { attachRelations, emitRelations } from '../catalog/relations';
import { evaluate } from '../evaluate';
import { component, group, NOW, user } from '../testing/entities';
import { applyPlan } from './applyPlan';
import { comparePlan } from './comparePlan';
import { formatEntityEdit } from './edits';
import { parsePlan } from './parsePlan';
import { PlanChange } from './types';

/** Entities with the relations the catalog's processors emit for them. */
function catalog(entities: Entity[]): Entity[] {
  const copy = JSON.parse(JSON.stringify(entities)) as Entity[];
  attachRelations(copy, copy.flatMap(emitRelations));
  return copy;
}

/**
 * A small ML organisation: two feature teams under a division, one missing
 * its analytics translator, and a centralized platform team with a product.
 */
function organisation(): Entity[] {
  return [
    group('ml-division', { type: 'department' }),
    group('churn-prediction', { teamType: 'feature', parent: 'ml-division' }),
    group('demand-forecasting', {
      teamType: 'feature',
      parent: 'ml-division',
    }),
    group('ml-platform', { teamType: 'centralized', parent: 'ml-division' }),
    user('ann', { skills: 'data-scientist', memberOf: ['churn-prediction'] }),
    user('bob', { skills: 'data-engineer', memberOf: ['churn-prediction'] }),
    user('ivo', {
      skills: 'analytics-translator',
      memberOf: ['churn-prediction'],
    }),
    user('cy', { skills: 'sre', memberOf: ['churn-prediction'] }),
    user('dee', {
      skills: 'data-scientist',
      memberOf: ['demand-forecasting'],
    }),
    user('eve', { skills: 'data-engineer', memberOf: ['demand-forecasting'] }),
    user('pat', { skills: 'sre', memberOf: ['ml-platform'] }),
    component('churn-model', { owner: 'churn-prediction' }),
    component('forecast-service', { owner: 'demand-forecasting' }),
    component('model-serving', {
      owner: 'ml-platform',
      concern: 'model-serving',
    }),
  ];
}

const options = { now: NOW };

/** The same organisation with `edit` made by hand to its YAML. */
function byHand(edit: (entities: Map<string, Entity>) => void): Entity[] {
  const entities = organisation();
  const byName = new Map(
    entities.map(e => [`${e.kind.toLowerCase()}:${e.metadata.name}`, e]),
  );
  edit(byName);
  return catalog([...byName.values()]);
}

function scoreOf(entities: Entity[]) {
  return JSON.stringify(evaluate(entities, options));
}

function planned(changes: PlanChange[]) {
  return applyPlan(catalog(organisation()), parsePlan({ changes }));
}

describe('applyPlan', () => {
  it('changes nothing for an empty plan', () => {
    const before = catalog(organisation());
    const { entities, edits } = applyPlan(before, { changes: [] });
    expect(scoreOf(entities)).toBe(scoreOf(before));
    expect(edits).toEqual([]);
  });

  it('moves a person as an edit of their memberOf would, and says so', () => {
    const { entities, edits } = planned([
      {
        move: {
          user: 'ivo',
          from: 'churn-prediction',
          to: 'demand-forecasting',
        },
      },
    ]);
    const expected = byHand(e => {
      (e.get('user:ivo')!.spec as any).memberOf = ['demand-forecasting'];
    });
    expect(scoreOf(entities)).toBe(scoreOf(expected));
    expect(edits).toEqual([
      {
        entityRef: 'user:default/ivo',
        action: 'update',
        fields: [
          {
            path: 'spec.memberOf',
            before: ['churn-prediction'],
            after: ['demand-forecasting'],
          },
        ],
      },
    ]);
    expect(formatEntityEdit(edits[0])).toBe(
      '# spec.memberOf (was: ["churn-prediction"])\nmemberOf:\n  - demand-forecasting\n',
    );
  });

  it('restores the report byte for byte when a move is undone', () => {
    const before = catalog(organisation());
    const there = {
      move: { user: 'ivo', from: 'churn-prediction', to: 'ml-platform' },
    };
    const back = {
      move: { user: 'ivo', from: 'ml-platform', to: 'churn-prediction' },
    };
    const { entities } = applyPlan(before, { changes: [there, back] });
    expect(scoreOf(entities)).toBe(scoreOf(before));
  });

  it('splits a team: members and owned entities go to the parts', () => {
    const { entities } = planned([
      {
        split: {
          team: 'churn-prediction',
          into: [
            { name: 'churn-core', members: ['ann', 'bob'] },
            {
              name: 'churn-lab',
              members: ['ivo', 'cy'],
              owns: ['churn-model'],
            },
          ],
        },
      },
    ]);
    const expected = byHand(e => {
      e.delete('group:churn-prediction');
      e.set(
        'group:churn-core',
        group('churn-core', { teamType: 'feature', parent: 'ml-division' }),
      );
      e.set(
        'group:churn-lab',
        group('churn-lab', { teamType: 'feature', parent: 'ml-division' }),
      );
      (e.get('user:ann')!.spec as any).memberOf = ['churn-core'];
      (e.get('user:bob')!.spec as any).memberOf = ['churn-core'];
      (e.get('user:ivo')!.spec as any).memberOf = ['churn-lab'];
      (e.get('user:cy')!.spec as any).memberOf = ['churn-lab'];
      (e.get('component:churn-model')!.spec as any).owner = 'churn-lab';
    });
    expect(scoreOf(entities)).toBe(scoreOf(expected));
    const report = evaluate(entities, options);
    expect(report.teams.map(t => [t.entityRef, t.size])).toEqual([
      ['group:default/churn-core', 2],
      ['group:default/churn-lab', 2],
      ['group:default/demand-forecasting', 2],
      ['group:default/ml-platform', 1],
    ]);
  });

  it('merges teams into a new one with every member and owned entity', () => {
    const { entities, edits } = planned([
      {
        merge: {
          teams: ['churn-prediction', 'demand-forecasting'],
          into: 'forecasting',
        },
      },
    ]);
    const expected = byHand(e => {
      e.delete('group:churn-prediction');
      e.delete('group:demand-forecasting');
      e.set(
        'group:forecasting',
        group('forecasting', { teamType: 'feature', parent: 'ml-division' }),
      );
      for (const name of ['ann', 'bob', 'ivo', 'cy', 'dee', 'eve']) {
        (e.get(`user:${name}`)!.spec as any).memberOf = ['forecasting'];
      }
      (e.get('component:churn-model')!.spec as any).owner = 'forecasting';
      (e.get('component:forecast-service')!.spec as any).owner = 'forecasting';
    });
    expect(scoreOf(entities)).toBe(scoreOf(expected));
    expect(
      edits.filter(e => e.action !== 'update').map(e => e.entityRef),
    ).toEqual([
      'group:default/churn-prediction',
      'group:default/demand-forecasting',
      'group:default/forecasting',
    ]);
  });

  it('creates a centralized team, gives it products, and teams adopt or decline them', () => {
    const { entities } = planned([
      {
        createTeam: {
          name: 'data-platform',
          type: 'centralized',
          parent: 'ml-division',
          members: ['eve'],
          owns: ['model-serving'],
        },
      },
      { adopt: { team: 'churn-prediction', product: 'model-serving' } },
      {
        decline: {
          team: 'demand-forecasting',
          product: 'model-serving',
          reason: 'needs streaming',
        },
      },
    ]);
    const expected = byHand(e => {
      const team = group('data-platform', {
        teamType: 'centralized',
        parent: 'ml-division',
      });
      e.set('group:data-platform', team);
      (e.get('user:eve')!.spec as any).memberOf = ['data-platform'];
      (e.get('component:model-serving')!.spec as any).owner = 'data-platform';
      (e.get('component:churn-model')!.spec as any).dependsOn = [
        'component:default/model-serving',
      ];
      e.get('group:demand-forecasting')!.metadata.annotations![
        'team-insights.io/declined-products'
      ] = 'model-serving: needs streaming';
    });
    expect(scoreOf(entities)).toBe(scoreOf(expected));
    const product = evaluate(entities, options).products[0];
    expect(product.adopters).toEqual(['group:default/churn-prediction']);
    expect(product.declinedBy).toEqual(['group:default/demand-forecasting']);
    // the plan's reason reaches the product's team
    expect(product.declineReasons).toEqual([
      {
        teamRef: 'group:default/demand-forecasting',
        reason: 'needs streaming',
      },
    ]);
  });

  it('a team that adopts a product it declined drops it from a list separated by ";", keeping the other reasons', () => {
    const before = organisation();
    before.find(
      e => e.metadata.name === 'demand-forecasting',
    )!.metadata.annotations!['team-insights.io/declined-products'] =
      'model-serving: needs streaming; feature-kit: too slow';
    const { entities } = applyPlan(catalog(before), {
      changes: [
        { adopt: { team: 'demand-forecasting', product: 'model-serving' } },
      ],
    });
    expect(
      entities.find(e => e.metadata.name === 'demand-forecasting')!.metadata
        .annotations!['team-insights.io/declined-products'],
    ).toBe('feature-kit: too slow');
  });

  it('changes skills, head counts and team types through their annotations', () => {
    const { entities } = planned([
      {
        skills: { user: 'ann', skills: 'analytics-translator, data-scientist' },
      },
      {
        headcount: {
          team: 'demand-forecasting',
          skills: 'site-reliability-engineer=1',
        },
      },
      { teamType: { team: 'ml-platform', type: 'expertise' } },
    ]);
    const expected = byHand(e => {
      e.get('user:ann')!.metadata.annotations!['team-insights.io/skills'] =
        'analytics-translator, data-scientist';
      e.get('group:demand-forecasting')!.metadata.annotations![
        'team-insights.io/skills'
      ] = 'site-reliability-engineer=1';
      e.get('group:ml-platform')!.metadata.annotations![
        'team-insights.io/team-type'
      ] = 'expertise';
    });
    expect(scoreOf(entities)).toBe(scoreOf(expected));
  });

  it('names the change when it refers to someone who does not exist', () => {
    expect(() =>
      planned([
        { teamType: { team: 'ml-platform', type: 'feature' } },
        { move: { user: 'nobody', from: 'ml-platform', to: 'ml-division' } },
      ]),
    ).toThrow("changes[1] (move): unknown user 'nobody'");
    expect(() =>
      planned([
        {
          split: {
            team: 'churn-prediction',
            into: [
              { name: 'a', members: ['ann'] },
              { name: 'b', members: ['bob'] },
            ],
          },
        },
      ]),
    ).toThrow(
      /changes\[0\] \(split\): every member must go to one part; not placed: cy, ivo/,
    );
    expect(() =>
      planned([{ adopt: { team: 'ml-division', product: 'model-serving' } }]),
    ).toThrow(/owns no Component or Resource/);
  });

  it('shows what changes for each team and concern', () => {
    const before = catalog(organisation());
    const { entities } = applyPlan(before, {
      changes: [
        {
          move: {
            user: 'ivo',
            from: 'churn-prediction',
            to: 'demand-forecasting',
          },
        },
      ],
    });
    const comparison = comparePlan(
      evaluate(before, options),
      evaluate(entities, options),
    );
    const churn = comparison.teams.find(
      t => t.entityRef === 'group:default/churn-prediction',
    )!;
    expect(churn.before!.size).toBe(4);
    expect(churn.after!.size).toBe(3);
    expect(churn.checks).toContainEqual(
      expect.objectContaining({
        id: 'composition.skill-coverage',
        before: 'pass',
        after: 'fail',
      }),
    );
    expect(comparison.teams.map(t => t.entityRef)).toEqual([
      'group:default/churn-prediction',
      'group:default/demand-forecasting',
    ]);
  });
});

describe('parsePlan', () => {
  it('reads the documented change file', () => {
    const plan = parsePlan({
      changes: [
        { move: { user: 'ivo', from: 'a', to: 'b' } },
        { teamType: { team: 'data-lab', type: 'stream-aligned' } },
        { decline: { team: 'p', product: 'f', reason: 'needs streaming' } },
      ],
    });
    expect(plan.changes[1]).toEqual({
      teamType: { team: 'data-lab', type: 'feature' },
    });
  });

  it.each([
    [{}, /a plan is an object with a 'changes' list/],
    [
      { changes: [{ move: {}, skills: {} }] },
      /changes\[0\]: must be an object with one of/,
    ],
    [{ changes: [{ hire: {} }] }, /changes\[0\]: unknown change 'hire'/],
    [
      { changes: [{ move: { user: 'a', from: 'b' } }] },
      /changes\[0\] \(move\): 'to' must be a non-empty string/,
    ],
    [
      { changes: [{ teamType: { team: 'a', type: 'squad' } }] },
      /'squad' is not a team type/,
    ],
    [
      {
        changes: [{ split: { team: 'a', into: [{ name: 'x', members: [] }] } }],
      },
      /'into' must list 2 to 20 new teams/,
    ],
    [
      { changes: [{ decline: { team: 'a', product: 'b', reason: 'x, y' } }] },
      /'reason' may not contain/,
    ],
  ])('refuses %j', (document, message) => {
    expect(() => parsePlan(document)).toThrow(message);
  });
});
