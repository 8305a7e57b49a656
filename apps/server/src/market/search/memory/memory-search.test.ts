// The in-memory index against the database path on the same corpus (same pages, same scores, same totals
// and facets wherever the database counts exactly), and its freshness: a search sees every write committed
// before it, including a transaction that began earlier and committed later.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CORPUS_REGION, deterministicId, loadDeterministicCorpus } from '../../../../test/market-corpus.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-database.ts';
import { LABELLED_QUERIES } from '../quality/labelled-queries.ts';
import { RANK_WEIGHTS, RANK_WEIGHTS_SQL } from '../champions.ts';
import { searchColumnsOf } from '../search-columns.ts';
import { searchListings, type SearchInput } from '../search-listings.ts';
import { domainTerms, parseQuery, segmenter } from '@kechuang/zh-text';
import { expandUnknownTerms } from './expand-unknown-terms.ts';
import { parseTsvector } from './parse-tsvector.ts';
import { rankInMemory, type MemoryFilters } from './rank-in-memory.ts';
import { replicaFor } from './replicas.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await loadDeterministicCorpus(t.db);
}, 120_000);
afterAll(async () => { await t?.close(); });

const both = async (input: Omit<SearchInput, 'regionCode'>) => ({
  memory: await searchListings(t.db, { regionCode: CORPUS_REGION, ...input, engine: 'memory' }),
  database: await searchListings(t.db, { regionCode: CORPUS_REGION, ...input, engine: 'database' }),
});

describe('the in-memory index answers as the database does', () => {
  const queries = [...LABELLED_QUERIES.map((q) => q.q), '锂电 OR 储能', '拖拉机 石墨烯', '轴承', '新能源 电池 检测'];

  test('pages, scores, modes; totals and facets wherever the database counts every match', async () => {
    let exact = 0;
    for (const q of queries) {
      const { memory, database } = await both({ q, limit: 20, facets: true });
      expect(memory.mode, q).toBe(database.mode);
      expect(memory.hits.map((h) => [h.id, h.score]), q).toEqual(database.hits.map((h) => [h.id, h.score]));
      expect(memory.totalCapped, q).toBe(false);
      if (!database.totalCapped) {
        exact += 1;
        expect(memory.total, q).toBe(database.total);
        expect(memory.facets, q).toEqual(database.facets);
      }
      if (memory.nextCursor && database.nextCursor) {
        const next = await searchListings(t.db, { regionCode: CORPUS_REGION, q, limit: 20, cursor: memory.nextCursor, engine: 'memory' });
        const dbNext = await searchListings(t.db, { regionCode: CORPUS_REGION, q, limit: 20, cursor: database.nextCursor, engine: 'database' });
        expect(next.hits.map((h) => h.id), `${q} page 2`).toEqual(dbNext.hits.map((h) => h.id));
      }
    }
    expect(exact).toBeGreaterThan(queries.length / 2);
  });

  test('filters, any-term mode and excluded ids', async () => {
    const variants: Omit<SearchInput, 'regionCode'>[] = [
      { q: '石墨烯', kind: 'achievement', trlMin: 5, facets: true },
      { q: '电池', priceBand: ['lt_100k', '1m_5m'], district: ['410302', '410305'], facets: true },
      { q: '传感器 检测', field: ['先进制造与自动化', '电子信息'], facets: true },
      { q: '轴承 寿命 检测', mode: 'any', limit: 30, facets: true },
      { q: '锂电池', kind: 'demand', trlMax: 3 },
    ];
    for (const v of variants) {
      const { memory, database } = await both(v);
      expect(memory.hits.map((h) => [h.id, h.score]), JSON.stringify(v)).toEqual(database.hits.map((h) => [h.id, h.score]));
      if (!database.totalCapped) expect([memory.total, memory.facets], JSON.stringify(v)).toEqual([database.total, database.facets]);
    }
    const first = await searchListings(t.db, { regionCode: CORPUS_REGION, q: '石墨烯', engine: 'memory' });
    const without = await searchListings(t.db, { regionCode: CORPUS_REGION, q: '石墨烯', excludeIds: [first.hits[0]!.id], engine: 'memory' });
    expect(without.total).toBe(first.total - 1);
    expect(without.hits.map((h) => h.id)).not.toContain(first.hits[0]!.id);
  });

  test('a stored tsvector read back gives the ranks PostgreSQL computes', async () => {
    const { rows } = await t.pool.query<{ vector: string; ranks: Record<string, number> }>(`
      SELECT m.search_vector::text AS vector,
             (SELECT json_object_agg(term, ts_rank('${RANK_WEIGHTS_SQL}'::float4[], m.search_vector, quote_literal(term)::tsquery)) FROM unnest(tsvector_to_array(m.search_vector)) AS term) AS ranks
      FROM market_listings m WHERE m.region_code = $1 ORDER BY m.id LIMIT 50`, [CORPUS_REGION]);
    expect(rows.length).toBe(50);
    for (const row of rows) {
      const parsed = parseTsvector(row.vector, RANK_WEIGHTS);
      // float4 arrives as its shortest decimal; the index keeps the same float4 value.
      const expected = Object.fromEntries(Object.entries(row.ranks).map(([term, rank]) => [term, Math.fround(rank)]));
      expect(Object.fromEntries(parsed.terms.map((term, i) => [term, parsed.ranks[i]]))).toEqual(expected);
    }
    const odd = searchColumnsOf({ title: "it's a back\\slash 测试", keywords: ["o'neil"], summary: '' });
    const { rows: [stored] } = await t.pool.query<{ vector: string }>('SELECT $1::tsvector::text AS vector', [odd.searchVector]);
    const parsed = parseTsvector(stored!.vector, RANK_WEIGHTS);
    expect(new Map(parsed.terms.map((term, i) => [term, parsed.ranks[i]]))).toEqual(new Map(odd.terms.map((term, i) => [term, odd.ranks[i]])));
  });
});

describe('broad queries through the champion lists', () => {
  test('rank the same best listings as scoring every match, with an estimated total and candidate facets', async () => {
    const replica = (await replicaFor(t.db, CORPUS_REGION, 0))!;
    const index = replica.index;
    const broad = [...index.postings].filter(([, list]) => list.size > 300).map(([term]) => term).slice(0, 6);
    expect(broad.length).toBeGreaterThan(3);
    const filters: MemoryFilters = { asOfMs: Date.now(), kind: -1, fields: null, trlMin: null, trlMax: null, bands: null, districts: null, excludeSlots: null };
    const queries: { terms: string[]; mode: 'all' | 'any' }[] = [
      { terms: [broad[0]!], mode: 'all' }, { terms: [broad[1]!], mode: 'all' }, { terms: [broad[0]!, broad[2]!], mode: 'any' }, { terms: [broad[3]!, broad[4]!, broad[5]!], mode: 'any' },
    ];
    for (const q of queries) {
      const query = { ...q, idfs: q.terms.map((_, i) => 1.5 + i / 10), avgLength: 40, want: 11, facets: true };
      const exact = rankInMemory(index, query, filters, { exactPostings: Infinity, minPostings: Infinity, champions: 0 });
      // Every list above 300 listings uses its 100 champions (the sizes lowered for this small corpus).
      const viaChampions = rankInMemory(index, query, filters, { exactPostings: 0, minPostings: 300, champions: 100 });
      expect(viaChampions.top, q.terms.join(' ')).toEqual(exact.top);
      expect(exact.estimated).toBe(false);
      expect(viaChampions.estimated || viaChampions.total === exact.total).toBe(true);
      if (q.mode === 'all' && q.terms.length === 1) expect(viaChampions.total).toBe(exact.total);
      else expect(Math.abs(viaChampions.total - exact.total) / exact.total).toBeLessThan(0.5);
    }
  });
});

describe('words no listing holds', () => {
  test('are searched by their sub-words (any of them), page two included, before the typo search', async () => {
    const replica = (await replicaFor(t.db, CORPUS_REGION, 0))!;
    let word: string | null = null;
    let parts: string[] = [];
    for (const term of domainTerms()) {
      const parsed = parseQuery(segmenter(), term);
      if (!parsed.ok || parsed.terms.length !== 1) continue;
      const expanded = expandUnknownTerms(parsed.terms, replica.index);
      if (expanded && expanded.length >= 2) { word = term; parts = expanded.map((e) => e.lexeme); break; }
    }
    expect(word).not.toBeNull();
    const first = await searchListings(t.db, { regionCode: CORPUS_REGION, q: word!, limit: 5, engine: 'memory' });
    expect(first.mode).toBe('any');
    expect(first.terms).toEqual(parts);
    expect(first.total).toBeGreaterThan(5);
    for (const hit of first.hits) expect(hit.highlights.title.concat(hit.highlights.summary).some((seg) => seg.hit)).toBe(true);
    const second = await searchListings(t.db, { regionCode: CORPUS_REGION, q: word!, limit: 5, cursor: first.nextCursor!, engine: 'memory' });
    expect(second.terms).toEqual(parts);
    expect(second.hits.some((h) => first.hits.some((f) => f.id === h.id))).toBe(false);
    // Words with no known part at all still reach the typo search.
    expect((await searchListings(t.db, { regionCode: CORPUS_REGION, q: '莫来石浇注科', engine: 'memory' })).total).toBeGreaterThan(0);
  });
});

describe('freshness', () => {
  /** A published listing, written on the given connection (so a test can hold its transaction open). */
  const insertPublished = async (client: { query: (text: string, values: unknown[]) => Promise<unknown> }, key: string, title: string): Promise<string> => {
    const c = searchColumnsOf({ title, keywords: [], summary: '' });
    const id = deterministicId(key);
    await client.query(`
      INSERT INTO market_listings (region_code, id, kind, owner_org_id, title, field, status, search_vector, search_length, published_at)
      VALUES ($1, $2, 'achievement', $3, $4, '新材料', 'published', $5::tsvector, $6, now() - interval '1 second')`,
    [CORPUS_REGION, id, deterministicId('owner-1'), title, c.searchVector, c.searchLength]);
    return id;
  };
  const found = async (q: string): Promise<string[]> => (await searchListings(t.db, { regionCode: CORPUS_REGION, q, engine: 'memory' })).hits.map((h) => h.id);

  test('a write committed before a search is seen by it; one still running is not; a transaction that began first and commits last is not skipped', async () => {
    expect(await found('zqxwv')).toEqual([]); // loads and catches up the index
    const early = await t.pool.connect();
    try {
      await early.query('BEGIN');
      const earlyId = await insertPublished(early, 'fresh-early', 'zqxwv 早开始的事务');
      const lateId = await insertPublished(t.pool, 'fresh-late', 'zqxwv 后开始先提交');
      expect(await found('zqxwv')).toEqual([lateId]);
      await early.query('COMMIT');
      expect((await found('zqxwv')).sort()).toEqual([earlyId, lateId].sort());
    } finally {
      early.release();
    }
  });

  test('a closed listing leaves the index at once, and comes back when published again', async () => {
    const id = await insertPublished(t.pool, 'fresh-closed', 'vbnmq 关闭再发布');
    expect(await found('vbnmq')).toEqual([id]);
    await t.pool.query(`UPDATE market_listings SET status = 'closed' WHERE region_code = $1 AND id = $2`, [CORPUS_REGION, id]);
    expect(await found('vbnmq')).toEqual([]);
    await t.pool.query(`UPDATE market_listings SET status = 'published' WHERE region_code = $1 AND id = $2`, [CORPUS_REGION, id]);
    expect(await found('vbnmq')).toEqual([id]);
  });
});
