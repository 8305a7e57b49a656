// Champion lists on the demo city's market (a real PostgreSQL): the writer's ranks are ts_rank's, the
// lists hold the listings where their term weighs most, they follow publication and closing, and a broad
// search over them ranks its page as scoring every match would.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { quoteLexeme } from '@kechuang/zh-text';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { DEMO_REGION } from '../../demo/demo-city.ts';
import { CHAMPIONS_PER_TERM, RANK_WEIGHTS_SQL } from './champions.ts';
import { BM25_B, decodeCursor } from './ranking.ts';
import { adjustCorpus, searchColumnsOf, storedTerms } from './search-columns.ts';
import { searchListings } from './search-listings.ts';

let d: TestDatabase;
beforeAll(async () => { d = await createTestDatabase({ withDemo: true }); });
afterAll(async () => { await d.close(); });

const avgLength = async (): Promise<number> =>
  (await d.pool.query<{ avg: number }>('SELECT total_length::float8 / docs AS avg FROM market_search_corpus WHERE region_code = $1', [DEMO_REGION])).rows[0]!.avg;

/** Listed terms, most frequent first. */
const listedTerms = async (): Promise<{ term: string; docs: number }[]> =>
  (await d.pool.query<{ term: string; docs: number }>(
    'SELECT term, docs FROM market_search_terms WHERE region_code = $1 AND champion_floor IS NOT NULL ORDER BY docs DESC, term', [DEMO_REGION])).rows;

describe('champion lists', () => {
  test("the writer's per-term ranks are the ts_rank search computes", async () => {
    const { rows } = await d.pool.query<{ title: string; keywords: string[]; summary: string; ranks: Record<string, number> }>(`
      SELECT title, keywords, summary,
             (SELECT json_object_agg(t, ts_rank($2::float4[], search_vector, ('''' || replace(replace(t, '\\', '\\\\'), '''', '''''') || '''')::tsquery))
                FROM unnest(tsvector_to_array(search_vector)) AS t) AS ranks
      FROM market_listings WHERE region_code = $1 ORDER BY id LIMIT 40`, [DEMO_REGION, RANK_WEIGHTS_SQL]);
    let compared = 0;
    for (const row of rows) {
      const c = searchColumnsOf(row);
      c.terms.forEach((term, i) => {
        expect(c.ranks[i], term).toBeCloseTo(row.ranks[term]!, 6);
        compared += 1;
      });
    }
    expect(compared).toBeGreaterThan(1000);
  });

  test('a frequent term has a list holding the listings where it weighs most', async () => {
    const terms = await listedTerms();
    expect(terms.length).toBeGreaterThan(3);
    const avg = await avgLength();
    for (const { term } of terms.slice(0, 4)) {
      const best = await d.pool.query<{ id: string }>(`
        SELECT id FROM market_listings WHERE region_code = $1 AND status = 'published' AND search_vector @@ $2::tsquery
        ORDER BY ts_rank($3::float4[], search_vector, $2::tsquery) / ($4::float8 + $5::float8 * search_length / $6::float8) DESC, id
        LIMIT ${CHAMPIONS_PER_TERM - 50}`, [DEMO_REGION, quoteLexeme(term), RANK_WEIGHTS_SQL, 1 - BM25_B, BM25_B, avg]);
      const list = await d.pool.query<{ listing_id: string }>('SELECT listing_id FROM market_search_champions WHERE region_code = $1 AND term = $2', [DEMO_REGION, term]);
      const inList = new Set(list.rows.map((r) => r.listing_id));
      expect(list.rows.length, term).toBeGreaterThanOrEqual(CHAMPIONS_PER_TERM);
      for (const { id } of best.rows) expect(inList.has(id), `${term} ${id}`).toBe(true);
    }
  });

  test('closing a listing takes it out of every list; publishing it again puts it back', async () => {
    const { term } = (await listedTerms())[0]!;
    const { rows } = await d.pool.query<{ listing_id: string }>(
      'SELECT listing_id FROM market_search_champions WHERE region_code = $1 AND term = $2 ORDER BY impact DESC LIMIT 1', [DEMO_REGION, term]);
    const id = rows[0]!.listing_id;
    const entries = async (): Promise<number> =>
      (await d.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM market_search_champions WHERE region_code = $1 AND listing_id = $2', [DEMO_REGION, id])).rows[0]!.n;
    const before = await entries();
    expect(before).toBeGreaterThan(0);
    const setStatus = async (status: 'closed' | 'published'): Promise<void> => {
      await d.db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE market_listings SET status = ${status} WHERE region_code = ${DEMO_REGION} AND id = ${id}`);
        const doc = await storedTerms(tx, DEMO_REGION, id);
        await adjustCorpus(tx, DEMO_REGION, [doc!], status === 'published' ? 1 : -1);
      });
    };
    await setStatus('closed');
    expect(await entries()).toBe(0);
    await setStatus('published');
    expect(await entries()).toBe(before);
  });

  test('a broad search ranks its page from the lists exactly as scoring every match would', async () => {
    // Two frequent terms that rarely meet: strict matching relaxes to any term, over thousands of listings.
    const terms = await listedTerms();
    let query: string | null = null;
    for (const a of terms) {
      for (const b of terms) {
        if (a.term >= b.term || a.docs + b.docs <= 500) continue;
        const both = await d.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM market_listings WHERE region_code = $1 AND status = 'published' AND search_vector @@ $2::tsquery`,
          [DEMO_REGION, `${quoteLexeme(a.term)} & ${quoteLexeme(b.term)}`]);
        if (both.rows[0]!.n < 20 && /^[\u4e00-\u9fff]{2,}$/.test(a.term) && /^[\u4e00-\u9fff]{2,}$/.test(b.term)) { query = `${a.term} ${b.term}`; break; }
      }
      if (query) break;
    }
    expect(query).not.toBeNull();
    const r = await searchListings(d.db, { regionCode: DEMO_REGION, q: query!, limit: 10, facets: true, engine: 'database' });
    expect(r.mode).toBe('any');
    expect(r.totalCapped).toBe(true);
    expect(r.nextCursor).not.toBeNull();
    const cursor = decodeCursor(r.nextCursor!)!;
    expect(cursor.champions).toBe(true);
    // Every match scored in SQL with the same idf and average length.
    const rank = r.terms.map((t, i) => `${cursor.idfs[i]}::float8 * ts_rank($2::float4[], search_vector, '${quoteLexeme(t).replace(/'/g, "''")}'::tsquery)`).join(' + ');
    const exact = await d.pool.query<{ id: string; score: number }>(`
      SELECT id, ((${rank}) / ($3::float8 + $4::float8 * search_length / $5::float8)) AS score FROM market_listings
      WHERE region_code = $1 AND status = 'published' AND search_vector @@ $6::tsquery ORDER BY score DESC, id LIMIT 10`,
    [DEMO_REGION, RANK_WEIGHTS_SQL, 1 - BM25_B, BM25_B, Math.max(cursor.avgLength, 1), r.terms.map(quoteLexeme).join(' | ')]);
    expect(r.hits.map((h) => h.id)).toEqual(exact.rows.map((e) => e.id));
    expect(r.hits.map((h) => h.score)).toEqual(exact.rows.map((e) => Math.round(e.score * 1e6) / 1e6));
    // Page two continues from the same ranked window without repeating page one.
    const two = await searchListings(d.db, { regionCode: DEMO_REGION, q: query!, limit: 10, cursor: r.nextCursor!, engine: 'database' });
    expect(two.total).toBe(r.total);
    expect(two.hits.some((h) => r.hits.some((f) => f.id === h.id))).toBe(false);
    expect(Math.max(...two.hits.map((h) => h.score))).toBeLessThanOrEqual(Math.min(...r.hits.map((h) => h.score)));
  });
});
