import { describe, expect, test } from 'vitest';
import { asemData, asemMeta } from '../test/read-csv.ts';
import { buildFramework } from './framework.ts';
import { parseRecipe } from './recipe.ts';
import { createRng } from './rng.ts';
import { cutIndices, runSensitivity, saEstimate, saltelliSample } from './sensitivity.ts';

describe('Saltelli design and estimators', () => {
  test('the sample has N(d+2) rows: A, B, then A with column i from B', () => {
    const x = saltelliSample(4, 3, createRng(1));
    expect(x).toHaveLength(4 * 5);
    for (let k = 0; k < 3; k++) {
      for (let i = 0; i < 4; i++) {
        const row = x[(2 + k) * 4 + i]!;
        for (let j = 0; j < 3; j++) expect(row[j]).toBe(j === k ? x[4 + i]![j] : x[i]![j]);
      }
    }
  });

  test('cut() splits the sample range into equal right-closed intervals', () => {
    // range [0, 1] → breaks −0.001, 0.5, 1.001
    expect(Array.from(cutIndices([0, 0.5, 0.5000001, 1], 2))).toEqual([0, 0, 1, 1]);
    // breaks 0.1994, 0.4, 0.6, 0.8006: a value on a break falls in the interval to its left
    expect(Array.from(cutIndices([0.2, 0.4, 0.6, 0.8], 3))).toEqual([0, 0, 1, 2]);
  });

  test('indices of a linear model approach a_i²/Σa² (y = x1 + 2·x2 + 3·x3, uniform inputs)', () => {
    const n = 20000;
    const x = saltelliSample(n, 3, createRng(7));
    const y = x.map((r) => r[0]! + 2 * r[1]! + 3 * r[2]!);
    const est = saEstimate(y, n, 3);
    [1 / 14, 4 / 14, 9 / 14].forEach((want, i) => {
      expect(est.si[i]).toBeCloseTo(want, 1);
      expect(est.sti[i]).toBeCloseTo(want, 1);
    });
    // variance of the sum of uniforms: (1 + 4 + 9)/12
    expect(est.variance).toBeCloseTo(14 / 12, 1);
  });
});

describe('sensitivity analysis on ASEM', () => {
  const fw = buildFramework(asemData(), asemMeta());
  const recipe = parseRecipe({
    steps: [
      { op: 'denominate' },
      { op: 'impute', method: 'groupMean', group: 'EurAsia_group' },
      { op: 'screen', minAvailability: 0.9 },
      { op: 'treat' },
      { op: 'normalise', method: 'minmax', range: [1, 100] },
      { op: 'aggregate', method: 'arithmetic' },
    ],
  });
  const spec = {
    type: 'SA' as const, n: 20, seed: 3,
    inputs: [
      { name: 'Weights', step: 'aggregate' as const, weightNoise: { 2: 0.25, 3: 0.25 } },
      { name: 'Normalisation', step: 'normalise' as const, alternatives: [{ method: 'minmax', range: [1, 100] }, { method: 'zscore', meanSd: [10, 2] }] },
      { name: 'Treatment', step: 'treat' as const, alternatives: [{ skip: false }, { skip: true }] },
      { name: 'Aggregation', step: 'aggregate' as const, alternatives: [{ method: 'arithmetic' }, { method: 'geometric' }] },
    ],
  };

  test('a seeded run repeats exactly and reports ranks and indices per input', () => {
    const a = runSensitivity(fw, recipe, spec);
    const b = runSensitivity(fw, recipe, spec);
    expect(a).toEqual(b);
    expect(a.runs).toBe(20 * 6);
    expect(a.rankStats).toHaveLength(51);
    for (const r of a.rankStats) {
      expect(r.q5).toBeLessThanOrEqual(r.median);
      expect(r.median).toBeLessThanOrEqual(r.q95);
      expect(r.mean).toBeGreaterThanOrEqual(1);
      expect(r.mean).toBeLessThanOrEqual(51);
    }
    expect(a.sensitivity!.map((s) => s.input)).toEqual(['Weights', 'Normalisation', 'Treatment', 'Aggregation']);
    expect(a.sensitivity!.every((s) => Number.isFinite(s.si) && Number.isFinite(s.sti))).toBe(true);
  });

  test('a different seed gives a different sample', () => {
    const a = runSensitivity(fw, recipe, { ...spec, type: 'UA', n: 10, inputs: spec.inputs.slice(0, 1) });
    const b = runSensitivity(fw, recipe, { ...spec, type: 'UA', n: 10, seed: 4, inputs: spec.inputs.slice(0, 1) });
    expect(a.rankStats.map((r) => r.mean)).not.toEqual(b.rankStats.map((r) => r.mean));
  });
});
