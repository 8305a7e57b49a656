// The ASEM example run end to end with the recipe, against COINr's published results
// (COINr "Presenting Results" vignette, build_example_coin(): Denominate, Impute by EurAsia group, Screen 0.9,
// Treat, Normalise min-max 0–100, Aggregate arithmetic).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  buildFramework, effectiveWeights, getDataSet, parentCorrelations, parseRecipe, runRecipe, scoreTable, strengthsAndWeaknesses,
} from '../src/index.ts';
import { asemData, asemMeta } from './read-csv.ts';

const recipe = parseRecipe({
  steps: [
    { op: 'denominate' },
    { op: 'impute', method: 'groupMean', group: 'EurAsia_group' },
    { op: 'screen', minAvailability: 0.9 },
    { op: 'treat', from: 'Screened' },
    { op: 'normalise', method: 'minmax', range: [0, 100] },
    { op: 'aggregate', method: 'arithmetic' },
  ],
});

// uCode → Index, Conn, Sust, Physical, ConEcFin, Political, Instit, P2P, Environ, Social, SusEcFin (2 d.p.)
const published: Record<string, number[]> = {
  CHE: [68.38, 62.79, 73.98, 63.41, 32.87, 74.78, 85.94, 56.93, 77.21, 87.85, 56.88],
  NLD: [64.82, 61.94, 67.7, 64.87, 46.62, 84.55, 71.74, 41.92, 58.73, 86.58, 57.78],
  DNK: [64.8, 57.1, 72.51, 50.52, 30.43, 78.13, 75.35, 51.04, 69.83, 86.4, 61.29],
  NOR: [64.47, 57.44, 71.5, 58.18, 25.7, 80.03, 89.46, 33.8, 70.9, 87.0, 56.59],
  BEL: [63.54, 63.99, 63.09, 71.97, 48.22, 80.84, 75.6, 43.32, 53.01, 86.17, 50.09],
  SWE: [63.0, 53.87, 72.12, 51.51, 23.87, 80.98, 74.51, 38.5, 66.37, 87.74, 62.27],
  IND: [39.79, 28.6, 50.99, 18.78, 6.38, 51.9, 59.84, 6.07, 75.34, 22.74, 54.88],
};
const publishedRanks: Record<string, number> = { CHE: 1, NLD: 2, DNK: 3, NOR: 4, BEL: 5, SWE: 6, IND: 45 };

describe('ASEM example against COINr', () => {
  const fw = buildFramework(asemData(), asemMeta());
  const coin = runRecipe(fw, recipe);

  test('every step writes its named data set', () => {
    expect([...coin.data.keys()]).toEqual(['Raw', 'Denominated', 'Imputed', 'Screened', 'Treated', 'Normalised', 'Aggregated']);
    expect(getDataSet(coin, 'Screened').uCodes).toHaveLength(51);
  });

  test('scores and ranks match the published results to two decimals', () => {
    const st = scoreTable(fw, getDataSet(coin, 'Aggregated'));
    expect(st.codes).toEqual(['Index', 'Conn', 'Sust', 'Physical', 'ConEcFin', 'Political', 'Instit', 'P2P', 'Environ', 'Social', 'SusEcFin']);
    for (const [u, want] of Object.entries(published)) {
      const i = st.uCodes.indexOf(u);
      st.codes.forEach((c, k) => expect(Math.round(st.scores[c]![i]! * 100) / 100, `${u} ${c}`).toBeCloseTo(want[k]!, 10));
      expect(st.ranks['Index']![i]).toBe(publishedRanks[u]);
    }
  });

  test('strengths and weaknesses of ESP match the published table', () => {
    const sw = strengthsAndWeaknesses(coin, 'Raw', 'ESP');
    expect(sw.strengths.map((s) => [s.iCode, s.rank])).toEqual([['CostImpEx', 1], ['TIRcon', 1], ['Tourist', 2], ['Flights', 3], ['UNVote', 3]]);
    expect(new Set(sw.weaknesses.map((s) => `${s.iCode}:${s.rank}`))).toEqual(new Set(['NEET:33', 'Lang:38', 'Forest:40', 'TBTs:40', 'PubDebt:43']));
  });

  test('effective weights of each level sum to one, and correlations are in [−1, 1]', () => {
    const ew = effectiveWeights(fw);
    const sum = fw.indicators.reduce((s, c) => s + ew[c]!, 0);
    expect(sum).toBeCloseTo(1, 12);
    // Physical has 8 indicators under Conn (5 pillars) under Index (2 sub-indices)
    expect(ew['LPI']).toBeCloseTo(1 / 8 / 5 / 2, 14);
    const corr = parentCorrelations(fw, getDataSet(coin, 'Aggregated'));
    expect(Object.keys(corr)).toHaveLength(49 + 8 + 2);
    expect(Object.values(corr).every((r) => r >= -1 && r <= 1)).toBe(true);
  });

  test('treatment report names what was done to each indicator', () => {
    const rec = coin.log.find((l) => l.op === 'treat')!;
    expect(rec.from).toBe('Screened');
    expect(rec.treated).toHaveLength(49);
    expect(rec.treated!.every((d) => ['pass', 'winsorised', 'log', 'passNA'].includes(d.status))).toBe(true);
  });

  test('property: permuting the units changes no unit score', () => {
    const base = scoreTable(fw, getDataSet(coin, 'Aggregated'));
    const rows = asemData();
    fc.assert(fc.property(fc.shuffledSubarray(rows.map((_, i) => i), { minLength: rows.length, maxLength: rows.length }), (order) => {
      const fw2 = buildFramework(order.map((i) => rows[i]!), asemMeta());
      const st = scoreTable(fw2, getDataSet(runRecipe(fw2, recipe), 'Aggregated'));
      return st.uCodes.every((u, i) => {
        const j = base.uCodes.indexOf(u);
        return Math.abs(st.scores['Index']![i]! - base.scores['Index']![j]!) < 1e-9 && st.ranks['Index']![i] === base.ranks['Index']![j];
      });
    }), { numRuns: 10 });
  });
});
