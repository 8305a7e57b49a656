// Runs the labelled queries through market search and through the ILIKE baseline on the demo corpus, and
// reports nDCG@10 and recall@50 of both. Used by the quality test and bench/market-search-quality.ts.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/database/open-database.ts';
import { DEMO_ACHIEVEMENTS, DEMO_DEMANDS } from '../../demo/load-market-demo.ts';
import { generateDemoListings, type DemoListing } from '../../demo/generate-demo-listings.ts';
import { ilikeSearch } from '../ilike-baseline.ts';
import { searchListings } from '../search-listings.ts';
import { LABELLED_QUERIES, type LabelledQuery } from './labelled-queries.ts';
import { grade, ndcgAt, recallAt } from './relevance.ts';

export type QueryScore = { id: string; q: string; relevant: number; bm25: { ndcg10: number; recall50: number }; ilike: { ndcg10: number; recall50: number } };
export type QualityReport = { queries: QueryScore[]; mean: { bm25: { ndcg10: number; recall50: number }; ilike: { ndcg10: number; recall50: number } } };

export async function evaluateSearchQuality(db: Db, regionCode: string, queries: readonly LabelledQuery[] = LABELLED_QUERIES): Promise<QualityReport> {
  const truth = new Map<string, DemoListing>(generateDemoListings({ achievements: DEMO_ACHIEVEMENTS, demands: DEMO_DEMANDS, owners: 120 }).map((g) => [g.externalId, g]));
  const rows = await db.execute<{ id: string; external_id: string }>(sql`
    SELECT id, external_id FROM market_listings WHERE region_code = ${regionCode} AND status = 'published' AND external_id LIKE 'DEMO-%'`);
  const byId = new Map(rows.rows.map((r) => [r.id, truth.get(r.external_id)!]));
  const scores: QueryScore[] = [];
  for (const query of queries) {
    const all = [...byId.values()].map((l) => grade(query, l));
    const gradesOf = (ids: string[]): number[] => ids.map((id) => { const l = byId.get(id); return l ? grade(query, l) : 0; });
    const ours = (await searchListings(db, { regionCode, q: query.q, limit: 50 })).hits.map((h) => h.id);
    const base = await ilikeSearch(db, regionCode, query.q, 50);
    scores.push({
      id: query.id, q: query.q, relevant: all.filter((g) => g >= 2).length,
      bm25: { ndcg10: ndcgAt(10, gradesOf(ours), all), recall50: recallAt(50, gradesOf(ours), all) },
      ilike: { ndcg10: ndcgAt(10, gradesOf(base), all), recall50: recallAt(50, gradesOf(base), all) },
    });
  }
  const mean = (pick: (s: QueryScore) => number): number => Math.round((scores.reduce((sum, s) => sum + pick(s), 0) / scores.length) * 1e4) / 1e4;
  return {
    queries: scores,
    mean: {
      bm25: { ndcg10: mean((s) => s.bm25.ndcg10), recall50: mean((s) => s.bm25.recall50) },
      ilike: { ndcg10: mean((s) => s.ilike.ndcg10), recall50: mean((s) => s.ilike.recall50) },
    },
  };
}
