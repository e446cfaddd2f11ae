import { isoWeek } from './initiativesDigest';

describe('isoWeek', () => {
  it.each([
    ['2026-11-27T08:00:00Z', '2026-W48'],
    ['2026-11-29T23:59:59Z', '2026-W48'],
    ['2026-11-30T00:00:00Z', '2026-W49'],
    // the last days of a year can belong to the first week of the next
    ['2024-12-30T12:00:00Z', '2025-W01'],
    // and the first days of a year to the last week of the one before
    ['2027-01-01T12:00:00Z', '2026-W53'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeek(new Date(date))).toBe(week);
  });
});
