// The segmentation pool hands the bulk writer columns with numbered terms (two worker threads, each
// numbering its own way). Whatever the pool does, an import must store the same rows, statistics and
// champion lists as when every listing is segmented on the spot.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { generateDemoListings } from '../demo/generate-demo-listings.ts';
import { finishBulkWrite, prepareBulkWrite, writeListings, type ListingToWrite } from '../imports/write-listings.ts';
import { createColumnsPool } from './columns-pool.ts';
import { emptyCorpusDelta } from './search-columns.ts';

let d: TestDatabase;
beforeAll(async () => { d = await createTestDatabase(); });
afterAll(async () => { await d.close(); });

const BY_POOL = '990001';
const ON_THE_SPOT = '990002';
/** Enough listings for the commonest terms to pass CHAMPION_MIN_DOCS and get lists, in batches like an import's. */
const LISTINGS = 1_600;
const BATCH = 400;

const listings: ListingToWrite[] = generateDemoListings({ achievements: LISTINGS, demands: 0, owners: 40, seed: 11 }).map((g, i) => ({
  externalId: `P-${i}`, kind: i % 4 === 3 ? 'demand' : 'achievement', title: g.title, summary: g.summary, field: g.field, keywords: g.keywords,
  trl: i % 4 === 3 ? null : g.trl, priceFen: g.priceFen, ownerOrgId: `00000000-0000-4000-8000-${String(i % 40).padStart(12, '0')}`,
  districtCode: `4103${String(2 + (i % 9)).padStart(2, '0')}`, createdBy: null,
}));

async function importInto(regionCode: string, pooled: boolean): Promise<void> {
  const stats = emptyCorpusDelta({ collectChampions: true });
  const pool = pooled ? createColumnsPool(2, stats.champions!.dictionary) : null;
  try {
    for (let start = 0; start < listings.length; start += BATCH) {
      const rows = listings.slice(start, start + BATCH);
      const columns = pool ? await pool.columnsOf(rows.map((r) => ({ title: r.title, keywords: r.keywords, summary: r.summary }))) : undefined;
      await d.db.transaction(async (tx) => {
        await prepareBulkWrite(tx);
        await writeListings(tx, regionCode, rows, 'published', stats, columns);
      });
    }
  } finally {
    await pool?.close();
  }
  await finishBulkWrite(d.db, regionCode, stats);
}

const stored = async (regionCode: string) => ({
  listings: (await d.pool.query('SELECT external_id, search_vector::text, search_length, title_grams FROM market_listings WHERE region_code = $1 ORDER BY external_id', [regionCode])).rows,
  terms: (await d.pool.query('SELECT term, docs, champion_size, champion_floor FROM market_search_terms WHERE region_code = $1 ORDER BY term', [regionCode])).rows,
  champions: (await d.pool.query(`
    SELECT c.term, m.external_id, c.impact, c.tf, c.kind, c.field, c.trl, c.price_band, c.district_code FROM market_search_champions c
    JOIN market_listings m ON m.region_code = c.region_code AND m.id = c.listing_id WHERE c.region_code = $1 ORDER BY c.term, m.external_id`, [regionCode])).rows,
  corpus: (await d.pool.query('SELECT docs, total_length FROM market_search_corpus WHERE region_code = $1', [regionCode])).rows,
});

test('columns from the pool store what columns computed on the spot store: rows, statistics, champion lists', async () => {
  await importInto(BY_POOL, true);
  await importInto(ON_THE_SPOT, false);
  const [pooled, spot] = [await stored(BY_POOL), await stored(ON_THE_SPOT)];
  expect(spot.listings).toHaveLength(LISTINGS);
  expect(spot.terms.filter((t) => t.champion_size > 0).length).toBeGreaterThan(0);
  expect(spot.champions.length).toBeGreaterThan(0);
  expect(pooled).toEqual(spot);
});
