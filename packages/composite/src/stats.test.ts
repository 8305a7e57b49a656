import { describe, expect, test } from 'vitest';
import { kurt, median, quantile7, rankMin, sd, skew } from './stats.ts';

const NA = Number.NaN;

describe('statistics follow R', () => {
  test('sd uses n − 1: sd(2,4,4,4,5,5,7,9) = sqrt(32/7)', () => {
    expect(sd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 14);
  });

  test('median of an even count is the mean of the middle two, NA skipped', () => {
    expect(median([4, NA, 1, 3, 2])).toBe(2.5);
  });

  test('skew type 2 of (1,2,3,10): hand computed', () => {
    // mean 4; d = -3,-2,-1,6; Σd² = 50; Σd³ = -27-8-1+216 = 180
    const g = (Math.sqrt(4) * 180) / Math.pow(50, 1.5);
    expect(skew([1, 2, 3, 10])).toBeCloseTo((g * Math.sqrt(12)) / 2, 12);
  });

  test('kurtosis type 2 of (1,2,3,10): hand computed', () => {
    // Σd⁴ = 81+16+1+1296 = 1394; r = 4·1394/50² = 2.2304
    const r = (4 * 1394) / 2500;
    expect(kurt([1, 2, 3, 10])).toBeCloseTo(((5 * (r - 3) + 6) * 3) / (2 * 1), 12);
  });

  test('skew ignores missing values', () => {
    expect(skew([1, NA, 2, 3, 10])).toBeCloseTo(skew([1, 2, 3, 10]), 14);
  });

  test('rank ties take the minimum rank and NA stays NA', () => {
    expect(Array.from(rankMin([10, 20, 20, NA, 5]))).toEqual([2, 3, 3, NA, 1]);
    expect(Array.from(rankMin([10, 20, 20, NA, 5], true))).toEqual([3, 1, 1, NA, 4]);
  });

  test('quantile type 7 interpolates between order statistics', () => {
    // x = 1..10: h = 9·0.05 = 0.45 → 1 + 0.45; h = 9·0.95 = 8.55 → 9 + 0.55
    const x = [3, 1, 2, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile7(x, 0.05)).toBeCloseTo(1.45, 12);
    expect(quantile7(x, 0.95)).toBeCloseTo(9.55, 12);
  });
});
