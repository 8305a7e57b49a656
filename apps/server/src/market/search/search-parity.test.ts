// The same corpus gives the same search results — ids, order, scores, totals, facets, highlights — on a
// second, embedded PostgreSQL as on the run's database. Run with TEST_DATABASE_URL pointing at the external
// PostgreSQL 15 to compare embedded 17 with external 15 (the CI setting); without it both are embedded.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { startEmbeddedServer, type EmbeddedServer } from '../../platform/database/embedded-server.ts';
import { openDatabase, type Database, type Db } from '../../platform/database/open-database.ts';
import { prepareDatabase } from '../../platform/database/prepare-database.ts';
import { generateDemoListings } from '../demo/generate-demo-listings.ts';
import { LABELLED_QUERIES } from './quality/labelled-queries.ts';
import { adjustCorpus, searchColumnsOf } from './search-columns.ts';
import { searchListings } from './search-listings.ts';

const REGION = '410300';
const BASE_TIME = Date.parse('2025-06-30T08:00:00Z');
let runDb: TestDatabase;
let second: { server: EmbeddedServer; database: Database; dir: string };

/** Deterministic ids and times, so both databases hold byte-identical rows. */
async function loadCorpus(db: Db): Promise<void> {
  const listings = generateDemoListings({ achievements: 1200, demands: 400, owners: 30 });
  const idOf = (key: string): string => {
    const h = crypto.createHash('sha256').update(key).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const published: { terms: string[]; length: number }[] = [];
  await db.transaction(async (tx) => {
    for (const g of listings) {
      const c = searchColumnsOf(g);
      const at = new Date(BASE_TIME - g.daysAgo * 86_400_000).toISOString();
      if (g.status === 'published') published.push({ terms: c.terms, length: c.searchLength });
      await tx.execute(sql`
        INSERT INTO market_listings (region_code, id, kind, owner_org_id, external_id, title, summary, field, keywords, trl, price_fen, budget_max_fen,
          district_code, status, search_vector, search_length, title_grams, created_at, updated_at, published_at)
        VALUES (${REGION}, ${idOf(g.externalId)}, ${g.kind}, ${idOf(`owner-${g.ownerIndex}`)}, ${g.externalId}, ${g.title}, ${g.summary}, ${g.field},
          ${`{${g.keywords.map((k) => `"${k}"`).join(',')}}`}::text[], ${g.trl}, ${g.priceFen?.toString() ?? null}, ${g.budgetMaxFen?.toString() ?? null},
          ${`4103${String(2 + (g.ownerIndex % 9)).padStart(2, '0')}`}, ${g.status}, ${c.searchVector}::tsvector, ${c.searchLength}, ${c.titleGrams}, ${at}, ${at},
          ${g.status === 'published' || g.status === 'closed' ? at : null})`);
    }
    await adjustCorpus(tx, REGION, published, 1);
  });
}

beforeAll(async () => {
  runDb = await createTestDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-parity-'));
  const server = await startEmbeddedServer({ dataDir: dir });
  const database = await openDatabase({ databaseUrl: server.url, dataDir: '' });
  await prepareDatabase(database);
  second = { server, database, dir };
  await loadCorpus(runDb.db);
  await loadCorpus(database.db);
}, 120_000);

afterAll(async () => {
  await runDb?.close();
  await second?.database.close();
  await second?.server.stop();
  if (second) fs.rmSync(second.dir, { recursive: true, force: true });
});

test(`search gives identical results on the run's ${inject('pgKind')} PostgreSQL and on embedded PostgreSQL`, async () => {
  const corpus = async (d: Database | TestDatabase): Promise<unknown> => (await d.pool.query('SELECT * FROM market_search_corpus')).rows;
  expect(await corpus(second.database)).toEqual(await corpus(runDb));
  const queries = [
    ...LABELLED_QUERIES.map((q) => q.q),
    '石墨稀导热膜', 'lifepo4', '工业ＣＴ', '锂电 OR 储能', '拖拉机 石墨烯', '曌曌曌轴承钢热处理',
  ];
  for (const q of queries) {
    const run = async (db: Db) => {
      const first = await searchListings(db, { regionCode: REGION, q, limit: 20, facets: true });
      // Drop nextCursor's moment of search; compare everything else, then page two through each cursor.
      const page2 = first.nextCursor ? await searchListings(db, { regionCode: REGION, q, limit: 20, cursor: first.nextCursor }) : null;
      return { ...first, nextCursor: first.nextCursor !== null, page2: page2?.hits.map((h) => [h.id, h.score]) ?? null };
    };
    expect(await run(second.database.db), q).toEqual(await run(runDb.db));
  }
}, 120_000);
