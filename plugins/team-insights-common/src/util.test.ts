import fc from 'fast-check';
import { compareStrings, sortedUnique, sortInPlace } from './util';

describe('sortInPlace', () => {
  it('orders short and long lists as Array.prototype.sort does, keeping equal items in their order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ key: fc.integer({ min: 0, max: 9 }), at: fc.nat() }),
          {
            maxLength: 40,
          },
        ),
        items => {
          const expected = [...items].sort((a, b) => a.key - b.key);
          const sorted = [...items];
          sortInPlace(sorted, (a, b) => a.key - b.key);
          expect(sorted).toEqual(expected);
        },
      ),
    );
  });

  it('sortedUnique gives each string once, in code-unit order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 3 }), { maxLength: 40 }),
        values => {
          expect(sortedUnique(values)).toEqual(
            Array.from(new Set(values)).sort(compareStrings),
          );
        },
      ),
    );
  });
});
