import { expect, test } from 'vitest';
import { industryPreset } from '../frameworks/framework-presets.ts';
import { computeIndustry } from './compute-industry.ts';

test('the base period is 100 for price, development and composite; later periods follow the formulas', () => {
  const def = { ...industryPreset('d').definition, basePeriod: '2022-Q1', classWeights: { a: 1 }, developmentItems: { out: 1 }, diffusionQuestions: ['orders'],
    compositeWeights: { price: 0.5, development: 0.5, sentiment: 0, diffusion: 0 } };
  const r = computeIndustry(def, {
    prices: [
      { period: '2021-Q4', productClass: 'a', product: 'x', price: 1 }, // before the base: ignored
      { period: '2022-Q1', productClass: 'a', product: 'x', price: 10 }, { period: '2022-Q2', productClass: 'a', product: 'x', price: 11 },
    ],
    surveys: [
      { period: '2022-Q2', question: 'business_now', up: 5, flat: 3, down: 2 }, { period: '2022-Q2', question: 'business_next', up: 6, flat: 4, down: 0 },
      { period: '2022-Q2', question: 'orders', up: 2, flat: 2, down: 6 },
    ],
    figures: [{ period: '2022-Q1', item: 'out', value: 40 }, { period: '2022-Q2', item: 'out', value: 50 }],
  });
  expect(r.periods.map((p) => p.period)).toEqual(['2022-Q1', '2022-Q2']);
  expect(r.periods[0]).toMatchObject({ price: 100, development: 100, composite: 100 });
  const q2 = r.periods[1]!;
  expect(q2.price).toBeCloseTo(110, 10);
  expect(q2.development).toBeCloseTo(125, 10);
  expect(q2.sentimentCurrent).toBeCloseTo(130, 10); // (0.5 − 0.2) × 100 + 100
  expect(q2.sentimentExpected).toBeCloseTo(160, 10);
  expect(q2.sentiment).toBeCloseTo(0.4 * 130 + 0.6 * 160, 10);
  expect(q2.diffusion).toBeCloseTo(30, 10); // 20% up + ½ × 20% flat
  expect(q2.composite).toBeCloseTo(0.5 * 110 + 0.5 * 125, 10);
});
