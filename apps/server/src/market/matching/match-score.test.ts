import { expect, test } from 'vitest';
import { BASE_WEIGHTS, combine, learnedWeights, priceFit, trlFit } from './match-score.ts';

const parts = { text: 0.5, field: 1, trl: 0.6, price: 0.2, region: 0 };

test('an asking price within the budget fits fully, twice the budget not at all, 面议 halfway', () => {
  expect(priceFit(100n, 100n)).toEqual({ fit: 'within_budget', value: 1 });
  expect(priceFit(200n, 100n).value).toBe(0);
  expect(priceFit(150n, 100n).value).toBeCloseTo(0.5);
  expect(priceFit(null, 100n).fit).toBe('negotiable');
  expect(priceFit(100n, null).fit).toBe('no_budget');
});

test('TRL 7 and above is ready to apply, 5–6 is pilot, below is early', () => {
  expect([trlFit(9).fit, trlFit(7).fit, trlFit(6).fit, trlFit(5).fit, trlFit(4).fit, trlFit(null).fit]).toEqual(['ready', 'ready', 'pilot', 'pilot', 'early', 'unknown']);
});

test('with no past rejections the weights are the base weights', () => {
  const w = learnedWeights({});
  for (const key of Object.keys(BASE_WEIGHTS) as (keyof typeof BASE_WEIGHTS)[]) expect(w[key]).toBeCloseTo(BASE_WEIGHTS[key]);
});

test('rejections for price make price weigh more, so an over-budget match ranks lower than before', () => {
  const before = combine(parts, learnedWeights({}), { acceptedSameField: false, othersRejectedForField: 0 });
  const after = combine(parts, learnedWeights({ price: 3 }), { acceptedSameField: false, othersRejectedForField: 0 });
  expect(learnedWeights({ price: 3 }).price).toBeGreaterThan(learnedWeights({}).price);
  expect(after).toBeLessThan(before);
});

test('other organisations rejecting an achievement for field mismatch lowers it, capped at 0.2', () => {
  const w = learnedWeights({});
  const plain = combine(parts, w, { acceptedSameField: false, othersRejectedForField: 0 });
  expect(combine(parts, w, { acceptedSameField: false, othersRejectedForField: 1 })).toBeCloseTo(plain - 0.05);
  expect(combine(parts, w, { acceptedSameField: false, othersRejectedForField: 10 })).toBeCloseTo(plain - 0.2);
});
