// Search against the demo city's generated market on a real PostgreSQL (embedded, or TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, errorOf, type TestApp } from '../../../test/test-app.ts';
import { DEMO_REGION } from '../../demo/demo-city.ts';
import { searchListings, type SearchResult } from './search-listings.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const search = async (q: string | undefined, extra: Record<string, string> = {}): Promise<SearchResult> => {
  const params = new URLSearchParams({ region: DEMO_REGION, ...(q === undefined ? {} : { q }), ...extra });
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/market/search?${params}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SearchResult;
};

describe('Chinese search over published listings', () => {
  test('a domain term finds listings that contain it, title matches first, and highlights mark it', async () => {
    const r = await search('石墨烯');
    expect(r.mode).toBe('all');
    expect(r.total).toBeGreaterThan(10);
    for (const hit of r.hits) {
      expect(hit.highlights.title.concat(hit.highlights.summary).some((s) => s.hit && s.text.includes('石墨烯'))).toBe(true);
    }
    expect(r.hits[0]!.title).toContain('石墨烯');
    const scores = r.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  test('a synonym finds the same listings as its canonical term', async () => {
    const a = await search('锂电');
    const b = await search('锂电池');
    expect(a.total).toBeGreaterThan(0);
    expect(a.hits.map((h) => h.id)).toEqual(b.hits.map((h) => h.id));
  });

  test('only published listings of the region are found', async () => {
    const { rows } = await t.database.pool.query<{ id: string }>(`SELECT id FROM market_listings WHERE region_code = $1 AND status <> 'published' AND title LIKE '%轴承%'`, [DEMO_REGION]);
    expect(rows.length).toBeGreaterThan(0);
    const ids = new Set<string>();
    let cursor: string | null = null;
    do {
      const r: SearchResult = await search('轴承', { limit: '50', ...(cursor ? { cursor } : {}) });
      r.hits.forEach((h) => ids.add(h.id));
      cursor = r.nextCursor;
    } while (cursor);
    for (const row of rows) expect(ids.has(row.id)).toBe(false);
    const other = await search('轴承', { region: '410100' });
    expect(other.total).toBe(0);
  });

  test('pages are stable: page two is the same after a new listing is published, and pages never overlap', async () => {
    const first = await search('轴承', { limit: '10' });
    const second = await search('轴承', { limit: '10', cursor: first.nextCursor! });
    await t.database.pool.query(`UPDATE market_listings SET status = 'published', published_at = now() WHERE region_code = $1 AND status = 'submitted' AND title LIKE '%轴承%'`, [DEMO_REGION]);
    const again = await search('轴承', { limit: '10', cursor: first.nextCursor! });
    expect(again.hits.map((h) => h.id)).toEqual(second.hits.map((h) => h.id));
    expect(second.hits.some((h) => first.hits.some((f) => f.id === h.id))).toBe(false);
  });

  test('facets count the matches by kind, field, TRL, price band and district, and filters narrow them', async () => {
    const r = await search('轴承');
    const sum = (list: { count: number }[]): number => list.reduce((s, x) => s + x.count, 0);
    expect(sum(r.facets!.kind)).toBe(r.total);
    expect(sum(r.facets!.priceBand)).toBe(r.total);
    const achievements = r.facets!.kind.find((k) => k.value === 'achievement')!.count;
    const filtered = await search('轴承', { kind: 'achievement', trlMin: '7' });
    expect(filtered.total).toBeLessThan(achievements);
    expect(filtered.hits.every((h) => h.kind === 'achievement' && (h.trl ?? 0) >= 7)).toBe(true);
  });

  test('two terms that rarely meet relax to any-term matching; a typo falls back to trigram similarity', async () => {
    const relaxed = await search('石墨烯 拖拉机');
    expect(relaxed.mode).toBe('any');
    const typo = await search('联合收割机液压系桶');
    expect(['all', 'any', 'fuzzy']).toContain(typo.mode);
    const fuzzy = await search('莫来石浇注科');
    expect(fuzzy.total).toBeGreaterThan(0);
  });

  test('a trigram search finds a title with one wrong character', async () => {
    const { rows } = await t.database.pool.query<{ id: string; title: string }>(
      `SELECT id, title FROM market_listings WHERE region_code = $1 AND status = 'published' AND title LIKE '一种%' ORDER BY id LIMIT 1`, [DEMO_REGION]);
    const title = rows[0]!.title;
    // Replace one character in the middle with a character that appears nowhere in the corpus.
    const chars = [...title];
    chars[Math.floor(chars.length / 2)] = '曌';
    const r = await searchListings(t.database.db, { regionCode: DEMO_REGION, q: chars.join(''), limit: 50 });
    expect(r.hits.map((h) => h.id)).toContain(rows[0]!.id);
  });

  test('no query browses the newest listings first', async () => {
    const r = await search(undefined, { limit: '20' });
    expect(r.mode).toBe('browse');
    const times = r.hits.map((h) => h.publishedAt!);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe('bad input', () => {
  const bad = async (q: string, extra: Record<string, string> = {}): Promise<{ status: number; code: string; field: string | null; message: string; message_en: string }> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/market/search?${new URLSearchParams({ region: DEMO_REGION, q, ...extra })}` });
    return { status: res.statusCode, ...errorOf(res) };
  };

  test.each([
    ['empty', '', 'query_empty'], ['1,000 characters', '石'.repeat(1000), 'query_too_long'], ['only punctuation', '，。！？；：', 'query_no_terms'],
    ['only emoji', '😀🚀🎉💡', 'query_no_terms'], ['only tsquery operators', "& | ! : ( ) '", 'query_no_terms'],
  ])('a query of %s is a clear 400 naming the field', async (_label, q, code) => {
    const error = await bad(q);
    expect(error).toMatchObject({ status: 400, code, field: 'q' });
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(error.message_en).toMatch(/[a-z]/);
  });

  test("tsquery and SQL metacharacters around words are only data", async () => {
    for (const q of ["石墨烯 & 导热'", "石墨烯'); DROP TABLE market_listings; --", '石墨烯:* | !光伏', "(石墨烯) <-> '导热膜'"]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/market/search?${new URLSearchParams({ region: DEMO_REGION, q })}` });
      expect(res.statusCode, q).toBe(200);
    }
    const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM market_listings');
    expect(rows[0].n).toBeGreaterThan(1000);
  });

  test('a forged or foreign cursor is refused', async () => {
    expect((await bad('轴承', { cursor: 'not-a-cursor' })).code).toBe('invalid_cursor');
    const other = await search('石墨烯', { limit: '5' });
    expect((await bad('轴承', { cursor: other.nextCursor! })).code).toBe('invalid_cursor');
  });
});
