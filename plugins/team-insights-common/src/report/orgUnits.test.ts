import { evaluate } from '../evaluate';
import { group, NOW, withRelations } from '../testing/entities';
import { orgUnitNames } from '.';

describe('orgUnitNames', () => {
  it('names every unit of the report by ref and title, in its order, and nothing else', () => {
    const report = evaluate(
      withRelations([
        group('ml', { type: 'department', title: 'Machine Learning' }),
        group('finance', { type: 'department' }),
        group('search', { teamType: 'feature', parent: 'ml' }),
        group('ledger', { teamType: 'feature', parent: 'finance' }),
      ]),
      { now: NOW },
    );
    expect(orgUnitNames(report.orgUnits)).toEqual([
      { entityRef: 'group:default/finance', title: 'finance' },
      { entityRef: 'group:default/ml', title: 'Machine Learning' },
    ]);
  });

  it('keeps the order it is given', () => {
    const [finance, ml] = evaluate(
      withRelations([
        group('ml', { type: 'department' }),
        group('finance', { type: 'department' }),
        group('search', { teamType: 'feature', parent: 'ml' }),
        group('ledger', { teamType: 'feature', parent: 'finance' }),
      ]),
      { now: NOW },
    ).orgUnits;
    expect(orgUnitNames([ml, finance]).map(u => u.entityRef)).toEqual([
      'group:default/ml',
      'group:default/finance',
    ]);
  });
});
