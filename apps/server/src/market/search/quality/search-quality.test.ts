// Search quality on the labelled set: ranked Chinese search must beat the plain ILIKE baseline clearly.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { DEMO_REGION } from '../../../demo/demo-city.ts';
import { evaluateSearchQuality } from './evaluate-quality.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

test('nDCG@10 and recall@50 on the labelled queries beat the ILIKE baseline by a clear margin', async () => {
  const report = await evaluateSearchQuality(t.database.db, DEMO_REGION);
  expect(report.queries.length).toBeGreaterThanOrEqual(50);
  expect(report.queries.every((q) => q.relevant > 0)).toBe(true);
  expect(report.mean.bm25.ndcg10).toBeGreaterThan(report.mean.ilike.ndcg10 + 0.1);
  expect(report.mean.bm25.recall50).toBeGreaterThan(report.mean.ilike.recall50);
}, 120_000);
