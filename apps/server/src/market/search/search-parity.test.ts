// The same corpus gives the same search results — ids, order, scores, totals, facets, highlights — on a
// second, embedded PostgreSQL as on the run's database. Run with TEST_DATABASE_URL pointing at the external
// PostgreSQL 15 to compare embedded 17 with external 15 (the CI setting); without it both are embedded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { CORPUS_REGION, loadDeterministicCorpus } from '../../../test/market-corpus.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { startEmbeddedServer, type EmbeddedServer } from '../../platform/database/embedded-server.ts';
import { openDatabase, type Database, type Db } from '../../platform/database/open-database.ts';
import { prepareDatabase } from '../../platform/database/prepare-database.ts';
import { LABELLED_QUERIES } from './quality/labelled-queries.ts';
import { searchListings } from './search-listings.ts';

const REGION = CORPUS_REGION;
let runDb: TestDatabase;
let second: { server: EmbeddedServer; database: Database; dir: string };

beforeAll(async () => {
  runDb = await createTestDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-parity-'));
  const server = await startEmbeddedServer({ dataDir: dir });
  const database = await openDatabase({ databaseUrl: server.url, dataDir: '' });
  await prepareDatabase(database);
  second = { server, database, dir };
  await loadDeterministicCorpus(runDb.db);
  await loadDeterministicCorpus(database.db);
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
      // The database engine: the in-memory one is the same code on both (memory/memory-search.test.ts compares the two).
      const first = await searchListings(db, { regionCode: REGION, q, limit: 20, facets: true, engine: 'database' });
      // Drop nextCursor's moment of search; compare everything else, then page two through each cursor.
      const page2 = first.nextCursor ? await searchListings(db, { regionCode: REGION, q, limit: 20, cursor: first.nextCursor, engine: 'database' }) : null;
      return { ...first, nextCursor: first.nextCursor !== null, page2: page2?.hits.map((h) => [h.id, h.score]) ?? null };
    };
    expect(await run(second.database.db), q).toEqual(await run(runDb.db));
  }
}, 120_000);
