import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildFramework } from '../framework.ts';
import { nBorda, nDist2max, nDist2ref, nDist2targ, nFracmax, nGoalposts, nMinmax, nPrank, nRank, nZscore, normalise } from './normalise.ts';

const NA = Number.NaN;
const f = (xs: number[]): Float64Array => Float64Array.from(xs);
const arr = (x: Float64Array): number[] => Array.from(x);

describe('normalisation functions (COINr n_*)', () => {
  test('minmax maps min→lo and max→hi, NA kept', () => {
    expect(arr(nMinmax(f([2, 4, NA, 6]), 0, 100))).toEqual([0, 50, NA, 100]);
    expect(arr(nMinmax(f([2, 4, 6]), 1, 11))).toEqual([1, 6, 11]);
  });
  test('zscore uses the sample sd', () => {
    // mean 4, sd 2
    expect(arr(nZscore(f([2, 4, 6]), 10, 2))).toEqual([8, 10, 12]);
  });
  test('rank, borda and prank use min-ties and keep NA', () => {
    expect(arr(nRank(f([5, 1, 5, NA])))).toEqual([2, 1, 2, NA]);
    expect(arr(nBorda(f([5, 1, 5, NA])))).toEqual([1, 0, 1, NA]);
    // (rank − 1)/(non-missing count − 1)
    expect(arr(nPrank(f([5, 1, 5, NA, 9])))).toEqual([1 / 3, 0, 1 / 3, NA, 1]);
  });
  test('goalposts clamp to [0,1] then scale', () => {
    expect(arr(nGoalposts(f([10, 20, 85, 90]), 20, 85, 1))).toEqual([0, 0, 1, 1]);
    expect(nGoalposts(f([52.5]), 20, 85, 100)[0]).toBeCloseTo(50, 12);
  });
  test('dist2ref, dist2max, fracmax, dist2targ', () => {
    expect(arr(nDist2ref(f([1, 3, 5]), 1))).toEqual([0, 1, 2]);
    expect(arr(nDist2ref(f([1, 3, 5]), 1, true))).toEqual([0, 1, 1]);
    expect(arr(nDist2max(f([1, 3, 5])))).toEqual([0, 0.5, 1]);
    expect(arr(nFracmax(f([1, 2, 4])))).toEqual([0.25, 0.5, 1]);
    expect(arr(nDist2targ(f([1, 3, 5]), 3))).toEqual([0, 1, 2]);
    expect(arr(nDist2targ(f([1, 3, 5]), 3, true))).toEqual([0, 1, 1]);
  });
});

function tinyFramework(direction: number, values: number[]) {
  return buildFramework(
    values.map((v, i) => ({ uCode: `U${i}`, x: v, y: i })),
    [
      { Level: 1, iCode: 'x', Direction: direction, Weight: 1, Parent: 'T', Type: 'Indicator', Target: 5 },
      { Level: 1, iCode: 'y', Direction: 1, Weight: 1, Parent: 'T', Type: 'Indicator', Target: 1 },
      { Level: 2, iCode: 'T', Direction: 1, Weight: 1, Parent: 'NA', Type: 'Aggregate' },
    ],
  );
}

// Numerically distinct (0 and −0 are one value: with both, ranks would tie and the mirror would not hold).
const distinctValues = fc.uniqueArray(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 40, comparator: 'SameValueZero' });

describe('normalisation properties', () => {
  test('minmax values lie in the range', () => {
    fc.assert(fc.property(distinctValues, fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 1, max: 100, noNaN: true }), (xs, lo, width) => {
      const y = nMinmax(f(xs), lo, lo + width);
      return y.every((v) => v >= lo - 1e-9 * width && v <= lo + width + 1e-9 * width);
    }));
  });

  test('goalposts values lie in [0, scale]', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1 }), (xs) =>
      nGoalposts(f(xs), -10, 10, 100).every((v) => v >= 0 && v <= 100)));
  });

  test('Direction −1 mirrors Direction +1 (minmax, rank, goalposts)', () => {
    fc.assert(fc.property(distinctValues, (xs) => {
      const up = tinyFramework(1, xs);
      const down = tinyFramework(-1, xs);
      const mm = (fw: typeof up) => normalise(fw.raw, fw, { op: 'normalise', method: 'minmax', range: [0, 100] }).columns[0]!;
      const a = mm(up);
      const b = mm(down);
      const okMinmax = a.every((v, i) => Math.abs(v + b[i]! - 100) < 1e-6);
      const rk = (fw: typeof up) => normalise(fw.raw, fw, { op: 'normalise', method: 'rank' }).columns[0]!;
      const ra = rk(up);
      const rb = rk(down);
      const okRank = ra.every((v, i) => v + rb[i]! === xs.length + 1);
      const gp = (fw: typeof up) => normalise(fw.raw, fw, { op: 'normalise', method: 'goalposts', goalposts: { x: [-5e5, 5e5, 1], y: [0, 100, 1] } }).columns[0]!;
      const ga = gp(up);
      const gb = gp(down);
      const okGp = ga.every((v, i) => Math.abs(v + gb[i]! - 1) < 1e-9);
      return okMinmax && okRank && okGp;
    }));
  });

  test('dist2targ with Direction −1 measures from the maximum towards the target', () => {
    const fw = tinyFramework(-1, [1, 3, 9]);
    const y = normalise(fw.raw, fw, { op: 'normalise', method: 'dist2targ' }).columns[0]!;
    // (max − x)/(max − target) = (9 − x)/4
    expect(Array.from(y)).toEqual([2, 1.5, 0]);
  });
});
