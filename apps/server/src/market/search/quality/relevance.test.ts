import { expect, test } from 'vitest';
import { DEMO_CLUSTERS } from '../../demo/demo-catalogue.ts';
import { LABELLED_QUERIES } from './labelled-queries.ts';
import { grade, ndcgAt, recallAt } from './relevance.ts';

test('the labelled set has at least 50 distinct queries, each wanting concepts and products the catalogue has', () => {
  expect(LABELLED_QUERIES.length).toBeGreaterThanOrEqual(50);
  expect(new Set(LABELLED_QUERIES.map((x) => x.q)).size).toBe(LABELLED_QUERIES.length);
  const concepts = new Set(DEMO_CLUSTERS.flatMap((c) => c.concepts.map((x) => x.key)));
  const products = new Set(DEMO_CLUSTERS.flatMap((c) => c.products));
  for (const query of LABELLED_QUERIES) {
    for (const concept of query.wants.concepts) expect(concepts.has(concept), `${query.id} ${concept}`).toBe(true);
    if (query.wants.product) expect(products.has(query.wants.product), `${query.id} ${query.wants.product}`).toBe(true);
  }
});

test('grades: main topic 2, mention 1, plus the product or full coverage, at most 3', () => {
  const query = { id: 'x', q: '', wants: { concepts: ['锂电池'], product: '隔膜' } };
  expect(grade(query, { primary: '锂电池', secondary: [], product: '隔膜' })).toBe(3);
  expect(grade(query, { primary: '锂电池', secondary: [], product: '电解液' })).toBe(2);
  expect(grade(query, { primary: '储能', secondary: ['锂电池'], product: '隔膜' })).toBe(2);
  expect(grade(query, { primary: '储能', secondary: ['锂电池'], product: '电解液' })).toBe(1);
  expect(grade(query, { primary: '储能', secondary: [], product: '隔膜' })).toBe(0);
});

test('nDCG is 1 for the ideal order, lower for a worse one, 0 without relevant results', () => {
  const all = [3, 2, 0, 1, 0];
  expect(ndcgAt(10, [3, 2, 1, 0, 0], all)).toBeCloseTo(1);
  expect(ndcgAt(10, [0, 1, 2, 3], all)).toBeLessThan(0.7);
  expect(ndcgAt(10, [0, 0], all)).toBe(0);
  // (2^3−1)/log2(2) + (2^2−1)/log2(3) over the ideal with the grade-1 item too
  expect(ndcgAt(2, [3, 2], all)).toBeCloseTo(1);
});

test('recall counts listings graded 2 or more among the first k', () => {
  expect(recallAt(2, [3, 0, 2], [3, 2, 2, 1])).toBeCloseTo(1 / 3);
});
