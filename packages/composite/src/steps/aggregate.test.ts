import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CompositeInputError } from '../errors.ts';
import { aggregateRow } from './aggregate.ts';

const NA = Number.NaN;

describe('aggregation functions (COINr a_*)', () => {
  test('weighted arithmetic mean renormalises over non-missing children', () => {
    expect(aggregateRow('arithmetic', [10, 20, 30], [1, 1, 2], 1, 'x')).toBe(22.5);
    // the missing child's weight is dropped: (1·10 + 2·30)/3
    expect(aggregateRow('arithmetic', [10, NA, 30], [1, 1, 2], 1, 'x')).toBeCloseTo(70 / 3, 12);
    expect(aggregateRow('arithmetic', [NA, NA], [1, 1], 1, 'x')).toBeNaN();
  });
  test('geometric mean: exp(Σw ln x / Σw)', () => {
    expect(aggregateRow('geometric', [1, 4, 16], [1, 1, 1], 1, 'x')).toBeCloseTo(4, 12);
    expect(aggregateRow('geometric', [2, 8], [1, 2], 1, 'x')).toBeCloseTo(Math.pow(2 * 64, 1 / 3), 12);
    expect(() => aggregateRow('geometric', [0, 4], [1, 1], 1, 'x')).toThrow(CompositeInputError);
  });
  test('harmonic mean: Σw / Σ(w/x)', () => {
    expect(aggregateRow('harmonic', [1, 4, 4], [1, 1, 1], 1, 'x')).toBeCloseTo(2, 12);
    expect(() => aggregateRow('harmonic', [0, 4], [1, 1], 1, 'x')).toThrow(CompositeInputError);
  });
  test('generalised mean with p = 2 is the quadratic mean, and missing children give NA as in COINr', () => {
    expect(aggregateRow('generalised', [3, 4], [1, 1], 2, 'x')).toBeCloseTo(Math.sqrt(12.5), 12);
    expect(aggregateRow('generalised', [3, NA], [1, 1], 2, 'x')).toBeNaN();
  });
  test('property: weights renormalise over missing children (arithmetic = mean of present with their weights)', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ v: fc.option(fc.double({ min: -100, max: 100, noNaN: true }), { nil: undefined }), w: fc.double({ min: 0.01, max: 10, noNaN: true }) }), { minLength: 1, maxLength: 12 }),
      (cells) => {
        const x = cells.map((c) => c.v ?? NA);
        const w = cells.map((c) => c.w);
        const present = cells.filter((c) => c.v !== undefined);
        const got = aggregateRow('arithmetic', x, w, 1, 'x');
        if (present.length === 0) return Number.isNaN(got);
        const sw = present.reduce((s, c) => s + c.w, 0);
        const want = present.reduce((s, c) => s + (c.w / sw) * c.v!, 0);
        return Math.abs(got - want) < 1e-9;
      },
    ));
  });
  test('property: scaling all weights changes nothing', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0.1, max: 100, noNaN: true }), { minLength: 2, maxLength: 10 }), fc.double({ min: 0.1, max: 50, noNaN: true }), (x, k) => {
      const w = x.map((_, i) => i + 1);
      const wk = w.map((v) => v * k);
      return (['arithmetic', 'geometric', 'harmonic'] as const).every((m) =>
        Math.abs(aggregateRow(m, x, w, 1, 'x') - aggregateRow(m, x, wk, 1, 'x')) < 1e-9 * Math.max(...x));
    }));
  });
});
