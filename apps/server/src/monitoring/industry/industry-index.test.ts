import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  chainedPriceIndex, compositeIndex, developmentIndex, diffusionIndex, jevonsLink, laspeyresLink, overallSentiment, sentimentIndex,
} from './industry-index.ts';

test('Jevons link is the geometric mean of the price relatives of products quoted in both periods', () => {
  // relatives 1.10 and 0.90 → √(0.99) = 0.994 987…; the new product C has no relative
  const link = jevonsLink(new Map([['A', 100], ['B', 50]]), new Map([['A', 110], ['B', 45], ['C', 7]]));
  expect(link).toBeCloseTo(Math.sqrt(0.99), 12);
  expect(jevonsLink(new Map([['A', 1]]), new Map([['B', 2]]))).toBeNull();
});

test('Laspeyres link weights the class links with base weights renormalised over the classes present', () => {
  expect(laspeyresLink(new Map([['screws', 1.1], ['guides', 0.95]]), { screws: 0.6, guides: 0.4 })).toBeCloseTo(0.6 * 1.1 + 0.4 * 0.95, 12);
  expect(laspeyresLink(new Map([['screws', 1.1]]), { screws: 0.6, guides: 0.4 })).toBeCloseTo(1.1, 12);
});

test('the chained index is 100 × the product of the links and carries a missing link forward', () => {
  const quotes = [
    { period: 'p0', productClass: 'x', product: 'a', price: 10 }, { period: 'p0', productClass: 'y', product: 'b', price: 20 },
    { period: 'p1', productClass: 'x', product: 'a', price: 12 }, { period: 'p1', productClass: 'y', product: 'b', price: 20 },
    { period: 'p3', productClass: 'x', product: 'a', price: 6 },
  ];
  const out = chainedPriceIndex(quotes, ['p0', 'p1', 'p2', 'p3'], { x: 0.5, y: 0.5 });
  expect(out.map((p) => p.index)[0]).toBe(100);
  expect(out[1]!.index).toBeCloseTo(100 * (0.5 * 1.2 + 0.5 * 1), 10); // 110
  expect(out[2]).toMatchObject({ link: null });
  expect(out[2]!.index).toBeCloseTo(110, 10);
  expect(out[3]!.link).toBeNull(); // p2 has no quotes to link p3 with
});

test('景气: 60% good, 25% flat, 15% bad is 145; overall = 0.4 × current + 0.6 × expected', () => {
  expect(sentimentIndex({ up: 60, flat: 25, down: 15 })).toBeCloseTo(145, 10);
  expect(overallSentiment(145, 120)).toBeCloseTo(130, 10);
  expect(sentimentIndex({ up: 0, flat: 0, down: 0 })).toBeNull();
});

test('diffusion: 40% up, 30% flat is 55', () => {
  expect(diffusionIndex({ up: 4, flat: 3, down: 3 })).toBeCloseTo(55, 10);
});

test('development and composite are 100 in the base period and weight the rebased parts', () => {
  const base = new Map([['output', 50], ['orders', 20]]);
  expect(developmentIndex(base, base, { output: 0.7, orders: 0.3 })).toBeCloseTo(100, 12);
  expect(developmentIndex(new Map([['output', 60], ['orders', 18]]), base, { output: 0.7, orders: 0.3 })).toBeCloseTo(0.7 * 120 + 0.3 * 90, 10);
  const series = { price: new Map([['b', 100], ['t', 104]]), sentiment: new Map([['b', 125], ['t', 150]]) };
  expect(compositeIndex(series, { price: 0.5, sentiment: 0.5 }, 'b', 'b')).toBeCloseTo(100, 12);
  expect(compositeIndex(series, { price: 0.5, sentiment: 0.5 }, 'b', 't')).toBeCloseTo(0.5 * 104 + 0.5 * 120, 10);
});

test('sentiment is in [0, 200] and diffusion in [0, 100] for any answer counts', () => {
  fc.assert(fc.property(fc.nat(1000), fc.nat(1000), fc.nat(1000), (up, flat, down) => {
    fc.pre(up + flat + down > 0);
    const s = sentimentIndex({ up, flat, down })!;
    const d = diffusionIndex({ up, flat, down })!;
    expect(s).toBeGreaterThanOrEqual(0 - 1e-9);
    expect(s).toBeLessThanOrEqual(200 + 1e-9);
    expect(d).toBeGreaterThanOrEqual(0 - 1e-9);
    expect(d).toBeLessThanOrEqual(100 + 1e-9);
  }));
});

test('a Jevons link does not depend on the order of the products, and equal prices give 1', () => {
  fc.assert(fc.property(fc.array(fc.double({ min: 0.1, max: 1000, noNaN: true }), { minLength: 1, maxLength: 8 }), (prices) => {
    const m = new Map(prices.map((p, i) => [`p${i}`, p]));
    expect(jevonsLink(m, m)).toBeCloseTo(1, 12);
    const doubled = new Map(prices.map((p, i) => [`p${i}`, 2 * p]).reverse() as [string, number][]);
    expect(jevonsLink(m, doubled)).toBeCloseTo(2, 10);
  }));
});
