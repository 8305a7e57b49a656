import { describe, expect, test } from 'vitest';
import { kurt, skew } from '../stats.ts';
import { treatColumn } from './treat.ts';

const t = { skew: 2, kurt: 3.5 };

describe('treatment (COINr Treat defaults)', () => {
  test('a column that passes is left alone', () => {
    const x = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const r = treatColumn(x, t, 5, 'x');
    expect(r.detail.status).toBe('pass');
    expect(Array.from(r.x)).toEqual(Array.from(x));
  });

  test('winsorising sets the maximum to the next-highest value, one step at a time', () => {
    // 1..20 plus one outlier: one winsorisation step (100 → 20) brings skew under 2
    const x = Float64Array.from([...Array.from({ length: 20 }, (_, i) => i + 1), 100]);
    expect(Math.abs(skew(x)) >= 2 && kurt(x) >= 3.5).toBe(true);
    const r = treatColumn(x, t, 5, 'x');
    expect(r.detail.status).toBe('winsorised');
    expect(r.detail.nWinsorised).toBe(1);
    expect(r.x[20]).toBe(20);
    expect(r.detail.points[20]).toBe('winhi');
  });

  test('negative skew winsorises the minimum side', () => {
    const x = Float64Array.from([...Array.from({ length: 20 }, (_, i) => i + 1), -100]);
    const r = treatColumn(x, t, 5, 'x');
    expect(r.detail.status).toBe('winsorised');
    expect(r.x[20]).toBe(1);
    expect(r.detail.points[20]).toBe('winlo');
  });

  test('when winsorisation is not allowed enough points, the ORIGINAL values are log-transformed', () => {
    const x = Float64Array.from([...Array.from({ length: 20 }, (_, i) => i + 1), 100]);
    const r = treatColumn(x, t, 0, 'x');
    expect(r.detail.status).toBe('log');
    // ln(x − min + 0.01·(max − min)) with min 1, max 100
    expect(r.x[0]).toBeCloseTo(Math.log(0 + 0.99), 12);
    expect(r.x[20]).toBeCloseTo(Math.log(99 + 0.99), 12);
  });

  test('missing values are ignored and stay missing', () => {
    const x = Float64Array.from([...Array.from({ length: 20 }, (_, i) => i + 1), Number.NaN, 100]);
    const r = treatColumn(x, t, 5, 'x');
    expect(r.x[20]).toBeNaN();
    expect(r.x[21]).toBe(20);
  });
});
