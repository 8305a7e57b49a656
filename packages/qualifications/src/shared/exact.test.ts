import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cmpAmount, cmpCagr2, cmpHnteGrowth, cmpRatio } from './exact.ts';

const sign = (d: bigint): number => (d > 0n ? 1 : d < 0n ? -1 : 0);

describe('exact comparisons at band edges', () => {
  test('0.1 + 0.2 元 against 0.3 元 is equal to the fen, where floats say otherwise', () => {
    expect(0.1 + 0.2 > 0.3).toBe(true);
    expect(cmpAmount(0.1 + 0.2, 0.3)).toBe(0);
  });

  test('R&D of 4% of 5,000万 sits exactly on the 4% edge; one fen less is below it', () => {
    expect(cmpRatio(2_000_000, 50_000_000, 4, 100)).toBe(0);
    expect(cmpRatio(1_999_999.99, 50_000_000, 4, 100)).toBe(-1);
  });

  test('at 千亿 scale a one-fen difference is still seen', () => {
    expect(cmpRatio(3_000_000_000.01, 100_000_000_000, 3, 100)).toBe(1);
    expect(cmpRatio(3_000_000_000, 100_000_000_000, 3, 100)).toBe(0);
  });

  test('the sign of a/b − p/q agrees with bigint arithmetic on fen for any amounts, edges included', () => {
    const fen = fc.bigInt({ min: 0n, max: 10n ** 14n });
    fc.assert(fc.property(fen, fc.bigInt({ min: 1n, max: 10n ** 14n }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 }), fc.constantFrom(-1n, 0n, 1n), (_a, b, p, q, nudge) => {
      // Put a on the edge p/q when b·p divides by q, then nudge it by one fen.
      const onEdge = (b * BigInt(p)) / BigInt(q) + nudge;
      const a = onEdge < 0n ? 0n : onEdge;
      fc.pre(a <= 10n ** 15n); // amounts the validator accepts: at most 10万亿元
      const expected = sign(a * BigInt(q) - BigInt(p) * b);
      expect(cmpRatio(Number(a) / 100, Number(b) / 100, p, q)).toBe(expected);
    }), { numRuns: 2000 });
  });

  test('the 高企 growth rate of exactly 35% is on the edge: ½(135/100 + 182.25/135) − 1', () => {
    expect(cmpHnteGrowth(100, 135, 182.25, 35, 100)).toBe(0);
    expect(cmpHnteGrowth(100, 135, 182.24, 35, 100)).toBe(-1);
  });

  test('a two-year compound growth of exactly 5% is on the edge: 100 → 110.25', () => {
    expect(cmpCagr2(10_000_000, 11_025_000, 5, 100)).toBe(0);
    expect(cmpCagr2(10_000_000, 11_024_999.99, 5, 100)).toBe(-1);
  });
});
