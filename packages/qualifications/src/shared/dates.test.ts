import fc from 'fast-check';
import { expect, test } from 'vitest';
import { addYears, fullYearsBetween, isIsoDate, withinLastYears, yearWithinLast } from './dates.ts';

const isoDay = fc.integer({ min: 0, max: 40_000 }).map((d) => new Date(Date.UTC(1980, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

test('whole years count anniversaries; 29 February reaches its anniversary on 28 February', () => {
  expect(fullYearsBetween('2015-03-01', '2025-02-28')).toBe(9);
  expect(fullYearsBetween('2015-03-01', '2025-03-01')).toBe(10);
  expect(fullYearsBetween('2020-02-29', '2021-02-28')).toBe(1);
  expect(fullYearsBetween('2020-02-29', '2024-02-28')).toBe(3);
  expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
});

test('whole years agree with the anniversary computed by addYears', () => {
  fc.assert(fc.property(isoDay, isoDay, (a, b) => {
    const [from, to] = a <= b ? [a, b] : [b, a];
    const n = fullYearsBetween(from, to);
    expect(addYears(from, n) <= to).toBe(true);
    expect(addYears(from, n + 1) > to).toBe(true);
  }), { numRuns: 1000 });
});

test('"the last 3 years" from 2025-06-30 starts after 2022-06-30; year-only events count 2023–2025', () => {
  expect(withinLastYears('2022-06-30', '2025-06-30', 3)).toBe(false);
  expect(withinLastYears('2022-07-01', '2025-06-30', 3)).toBe(true);
  expect(yearWithinLast(2022, '2025-06-30', 3)).toBe(false);
  expect(yearWithinLast(2023, '2025-06-30', 3)).toBe(true);
});

test('calendar dates only', () => {
  expect(isIsoDate('2024-02-29')).toBe(true);
  expect(isIsoDate('2023-02-29')).toBe(false);
  expect(isIsoDate('2025-6-1')).toBe(false);
});

test('"one year after founding" by addYears is the same as at least one whole year, in either order of dates', () => {
  // The hnte decision path relies on this to count the years once per profile.
  fc.assert(fc.property(isoDay, isoDay, (from, to) => {
    expect(addYears(from, 1) <= to).toBe(fullYearsBetween(from, to) >= 1);
  }), { numRuns: 2000 });
});
