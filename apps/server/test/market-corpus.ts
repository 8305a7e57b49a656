// A deterministic market corpus for search tests: the demo generator's listings with ids and times derived
// from their keys, so two databases (or two engines) hold byte-identical rows.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/database/open-database.ts';
import { generateDemoListings } from '../src/market/demo/generate-demo-listings.ts';
import { adjustCorpus, searchColumnsOf } from '../src/market/search/search-columns.ts';

export const CORPUS_REGION = '410300';
const BASE_TIME = Date.parse('2025-06-30T08:00:00Z');

export function deterministicId(key: string): string {
  const h = crypto.createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Writes 1,600 listings (1,200 achievements, 400 demands, every status) and their statistics. */
export async function loadDeterministicCorpus(db: Db): Promise<void> {
  const listings = generateDemoListings({ achievements: 1200, demands: 400, owners: 30 });
  const published: { terms: string[]; length: number }[] = [];
  await db.transaction(async (tx) => {
    for (const g of listings) {
      const c = searchColumnsOf(g);
      const at = new Date(BASE_TIME - g.daysAgo * 86_400_000).toISOString();
      if (g.status === 'published') published.push({ terms: c.terms, length: c.searchLength });
      await tx.execute(sql`
        INSERT INTO market_listings (region_code, id, kind, owner_org_id, external_id, title, summary, field, keywords, trl, price_fen, budget_max_fen,
          district_code, status, search_vector, search_length, title_grams, created_at, updated_at, published_at)
        VALUES (${CORPUS_REGION}, ${deterministicId(g.externalId)}, ${g.kind}, ${deterministicId(`owner-${g.ownerIndex}`)}, ${g.externalId}, ${g.title}, ${g.summary}, ${g.field},
          ${`{${g.keywords.map((k) => `"${k}"`).join(',')}}`}::text[], ${g.trl}, ${g.priceFen?.toString() ?? null}, ${g.budgetMaxFen?.toString() ?? null},
          ${`4103${String(2 + (g.ownerIndex % 9)).padStart(2, '0')}`}, ${g.status}, ${c.searchVector}::tsvector, ${c.searchLength}, ${c.titleGrams}, ${at}, ${at},
          ${g.status === 'published' || g.status === 'closed' ? at : null})`);
    }
    await adjustCorpus(tx, CORPUS_REGION, published, 1);
  });
}
