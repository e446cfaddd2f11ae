/*
 * Copyright 2026 The Team Insights Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
import fc from 'fast-check';
import { parseWaivers, readWaiverItem } from './parsers';

// The expression waiver items were read with before; it backtracks
// quadratically on long runs of spaces, so it only sees short inputs here.
const REFERENCE =
  /^([^\s:]+)(?:\s+until(?:\s+([^\s:]*))?)?\s*(?::([\s\S]*))?$/i;

const piece = fc.constantFrom(
  'a',
  'composition.team-size',
  'until',
  'UNTIL',
  ' ',
  '  ',
  '\t',
  ':',
  '2030-01-01',
  'x',
  ';',
  '\u00a0',
);
const shortItem = fc
  .array(piece, { maxLength: 12 })
  .map(parts => parts.join('').trim())
  .filter(item => item.length > 0);

describe('waiver items', () => {
  it('are read exactly as the former expression read them', () => {
    let runs = 0;
    fc.assert(
      fc.property(shortItem, item => {
        runs += 1;
        const expected = REFERENCE.exec(item);
        const actual = readWaiverItem(item);
        expect(actual).toEqual(
          expected
            ? [expected[0], expected[1], expected[2], expected[3]]
            : undefined,
        );
      }),
      { numRuns: 2000 },
    );
    expect(runs).toBe(2000);
  });

  it('are read in work linear in their length, also on long hostile inputs', () => {
    const long = fc
      .tuple(
        fc.array(piece, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1000, max: 4000 }),
        fc.array(piece, { maxLength: 8 }),
      )
      .map(([head, repeat, tail]) =>
        `${head.join('')}${' '.repeat(repeat)}${tail.join('')}`.trim(),
      )
      .filter(item => item.length > 0);
    fc.assert(
      fc.property(long, item => {
        const steps = { count: 0 };
        readWaiverItem(item, steps);
        // Each character is looked at a bounded number of times.
        expect(steps.count).toBeLessThanOrEqual(2 * item.length + 10);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the parsed waivers of a long annotation', () => {
    const item = `composition.team-size until 2030-01-01:${' '.repeat(
      4000,
    )}merging teams`;
    const steps = { count: 0 };
    expect(readWaiverItem(item, steps)?.[2]).toBe('2030-01-01');
    expect(steps.count).toBeLessThanOrEqual(2 * item.length + 10);
    // The former expression took about 30 ms on this 4 KB item.
    const hostile = `composition.team-size until${' '.repeat(4000)}x y`;
    const hostileSteps = { count: 0 };
    expect(readWaiverItem(hostile, hostileSteps)).toBeUndefined();
    expect(hostileSteps.count).toBeLessThanOrEqual(2 * hostile.length + 10);
    const parsed = parseWaivers(item, { now: new Date('2029-12-01') });
    expect(parsed.value).toEqual([
      {
        checkId: 'composition.team-size',
        until: '2030-01-01',
        reason: 'merging teams',
        active: true,
      },
    ]);
  });
});
