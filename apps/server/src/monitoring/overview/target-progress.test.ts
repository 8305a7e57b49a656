import fc from 'fast-check';
import { expect, test } from 'vitest';
import { cagr, completionRate } from './target-progress.ts';

test('completion is latest ÷ target for at-least targets: 1,036 of 1,600 high-tech firms is 64.75%', () => {
  expect(completionRate(1036, 1600, 'at_least')).toBeCloseTo(0.6475, 10);
});

test('growth needed from 2.83% (2021) to 3.75% (2025) is (3.75/2.83)^(1/4) − 1 ≈ 7.2905% a year', () => {
  expect(cagr(2.83, 3.75, 4)).toBeCloseTo(0.0729048, 6);
});

test('growing at the needed rate reaches the target exactly', () => {
  fc.assert(fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), fc.double({ min: 0.01, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 20 }), (from, to, years) => {
    const rate = cagr(from, to, years)!;
    expect(from * (1 + rate) ** years).toBeCloseTo(to, 6 - Math.ceil(Math.log10(Math.max(to, 1))));
  }));
});

test('no growth rate exists for a zero or negative start, or no years left', () => {
  expect(cagr(0, 10, 3)).toBeNull();
  expect(cagr(5, 10, 0)).toBeNull();
  expect(completionRate(5, 0, 'at_least')).toBeNull();
});
