// The bulk writer sends listings, term statistics and champion entries by COPY: text survives COPY's
// escaping as written, a re-import still updates drafts only, and champion entries that are already stored
// (COPY refused by the unique index) are kept once, with list sizes that count what was added.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { DEMO_REGION } from '../../demo/demo-city.ts';
import { applyCorpusDelta, emptyCorpusDelta } from '../search/search-columns.ts';
import { writeListings, type ListingToWrite } from './write-listings.ts';

let d: TestDatabase;
let owner: { id: string; district: string | null };
beforeAll(async () => {
  d = await createTestDatabase({ withDemo: true });
  const row = (await d.pool.query<{ id: string; district_code: string | null }>(
    `SELECT id, district_code FROM organisations WHERE region_code = $1 AND kind = 'university' ORDER BY name LIMIT 1`, [DEMO_REGION])).rows[0]!;
  owner = { id: row.id, district: row.district_code };
});
afterAll(async () => { await d.close(); });

const listing = (externalId: string | null, title: string, extra: Partial<ListingToWrite> = {}): ListingToWrite => ({
  externalId, kind: 'achievement', title, summary: '一种用于动力电池的隔膜涂层工艺，提高耐热性与安全性。', field: '新能源电池', keywords: ['动力电池'], trl: 6,
  priceFen: 12_000_000n, ownerOrgId: owner.id, districtCode: owner.district, createdBy: null, ...extra,
});

const champions = async (): Promise<{ entries: number; sizes: number }> => (await d.pool.query<{ entries: number; sizes: number }>(`
  SELECT (SELECT count(*)::int FROM market_search_champions WHERE region_code = $1) AS entries,
         (SELECT sum(champion_size)::int FROM market_search_terms WHERE region_code = $1) AS sizes`, [DEMO_REGION])).rows[0]!;

describe('bulk writer (COPY)', () => {
  test('backslashes, tabs, line breaks and quotes arrive as written; a second write updates the draft', async () => {
    const title = 'C:\\涂层\t隔膜\n"第二行"\r\\N';
    const keywords = ['a\\b', '"引号"', 'tab\there', '逗号,在内', '{花括号}'];
    const first = await writeListings(d.db, DEMO_REGION, [listing('COPY-1', title, { keywords, summary: '\\N' }), listing(null, '无编号的\\条目')], 'draft');
    expect(first.notEditable).toEqual([]);
    const stored = await d.pool.query<{ id: string; title: string; summary: string; keywords: string[]; price_fen: string; budget_max_fen: string | null }>(
      'SELECT id, title, summary, keywords, price_fen, budget_max_fen FROM market_listings WHERE id = ANY($1::uuid[]) ORDER BY title', [first.written.map((w) => w.id)]);
    expect(stored.rows.map((r) => r.title).sort()).toEqual([title, '无编号的\\条目'].sort());
    const copied = stored.rows.find((r) => r.title === title)!;
    expect(copied).toMatchObject({ summary: '\\N', keywords, price_fen: '12000000', budget_max_fen: null });

    const again = await writeListings(d.db, DEMO_REGION, [listing('COPY-1', '改过的标题')], 'draft');
    expect(again.written).toEqual([{ index: 0, id: copied.id }]);
    await d.pool.query(`UPDATE market_listings SET status = 'submitted' WHERE id = $1`, [copied.id]);
    expect((await writeListings(d.db, DEMO_REGION, [listing('COPY-1', '再改一次')], 'draft')).notEditable).toEqual([0]);
  });

  test('a published bulk write adds its statistics and champion entries; entries already stored are kept once', async () => {
    const before = await champions();
    const delta = emptyCorpusDelta({ collectChampions: true });
    const rows = Array.from({ length: 20 }, (_, i) => listing(`COPY-P${i}`, `动力电池隔膜涂层技术第${i}号`));
    const { written } = await writeListings(d.db, DEMO_REGION, rows, 'published', delta);
    expect(written).toHaveLength(20);
    const docsOf = async (term: string): Promise<number> =>
      (await d.pool.query<{ docs: number }>('SELECT docs FROM market_search_terms WHERE region_code = $1 AND term = $2', [DEMO_REGION, term])).rows[0]?.docs ?? 0;
    const batteryBefore = await docsOf('动力电池');
    await applyCorpusDelta(d.db, DEMO_REGION, delta, 1);
    expect(await docsOf('动力电池')).toBe(batteryBefore + 20);
    const added = await champions();
    expect(added.entries).toBeGreaterThan(before.entries);
    // Every entry is counted in its list's size, whichever way it was written.
    expect(added.sizes - before.sizes).toBe(added.entries - before.entries);

    // The same listings collected again (their entries are stored now): the COPY is refused and undone, the
    // staging path adds nothing twice.
    const repeat = emptyCorpusDelta({ collectChampions: true });
    const { rows: ranks } = await d.pool.query<{ id: string }>('SELECT listing_id AS id FROM market_search_champions WHERE region_code = $1 AND listing_id = ANY($2::uuid[]) LIMIT 1', [DEMO_REGION, written.map((w) => w.id)]);
    expect(ranks).toHaveLength(1);
    const again = await writeListings(d.db, DEMO_REGION, rows.map((r, i) => ({ ...r, externalId: `COPY-Q${i}` })), 'published', repeat);
    // Swap the new listings' ids for the stored ones, so the collected entries are the ones already listed.
    await d.pool.query('DELETE FROM market_listings WHERE id = ANY($1::uuid[])', [again.written.map((w) => w.id)]);
    const ids = new Map(again.written.map((w) => [w.id, written[w.index]!.id]));
    const collected = repeat.champions!;
    for (const entry of collected.entries(['动力电池', '隔膜', '涂层'])) (entry.doc as { id: string }).id = ids.get(entry.doc.id) ?? entry.doc.id;
    const beforeRepeat = await champions();
    await applyCorpusDelta(d.db, DEMO_REGION, repeat, 1);
    const afterRepeat = await champions();
    expect(afterRepeat).toEqual(beforeRepeat);
  });
});
