// Market search at scale: indexes N listings (default 1,000,000) and measures indexing throughput, then
// runs a mixed query set from 16 concurrent clients and reports p50/p95/p99 latency.
//   node --import tsx bench/market-search-load.ts [--n 1000000] [--clients 16] [--seconds 60] [--threads 1]
// Indexing is the bulk import's path: segmentation in --threads worker threads overlapping the writes,
// then the statistics and champion lists collected meanwhile written while the GIN pending lists are merged.
// After indexing, the server's in-memory search index is loaded as a server start would (its time and the
// process's memory are reported); searches then use it, as the server does.
// Searches run without any result cache (there is none): every request is a full search with facets.
// DATABASE_URL: an external PostgreSQL (a database kc_bench_market is created and dropped); otherwise an
// embedded PostgreSQL in a temporary directory. CSL_ACHIEVEMENTS_CSV (optional): the CSL abstracts file,
// whose real titles and abstracts make half of the listings (read at run time, never copied).
import os from 'node:os';
import { openBenchDatabase } from './bench-database.ts';
import { readCslRecords, type CslRecord } from './csl-records.ts';
import { prepareDatabase } from '../apps/server/src/platform/database/prepare-database.ts';
import { generateDemoListings } from '../apps/server/src/market/demo/generate-demo-listings.ts';
import { finishBulkWrite, prepareBulkWrite, writeListings, type ListingToWrite } from '../apps/server/src/market/imports/write-listings.ts';
import { createColumnsPool } from '../apps/server/src/market/search/columns-pool.ts';
import { emptyCorpusDelta, type NumberedColumns } from '../apps/server/src/market/search/search-columns.ts';
import { LABELLED_QUERIES } from '../apps/server/src/market/search/quality/labelled-queries.ts';
import { searchListings } from '../apps/server/src/market/search/search-listings.ts';
import { warmSearchReplicas } from '../apps/server/src/market/search/memory/replicas.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('n', 1_000_000);
const CLIENTS = arg('clients', 16);
const SECONDS = arg('seconds', 60);
const THREADS = arg('threads', 1);
/** Concurrent write transactions: one inserts while the next batch's statement is being built and sent. */
const WRITERS = arg('writers', 2);
const BATCH = 2000;
const REGION = '410300';

const csl: CslRecord[] = readCslRecords();


function batchAt(start: number, size: number): ListingToWrite[] {
  const generated = generateDemoListings({ achievements: size, demands: 0, owners: 500, seed: 7 + start });
  return generated.map((g, i) => {
    const n = start + i;
    const real = csl.length > 0 && n % 2 === 1 ? csl[(n >> 1) % csl.length]! : null;
    return {
      externalId: `B-${n}`, kind: n % 4 === 3 ? 'demand' : 'achievement', title: real ? real.title : g.title, summary: real ? real.summary : g.summary,
      field: real ? real.field : g.field, keywords: real ? real.keywords.slice(0, 12) : g.keywords, trl: n % 4 === 3 ? null : g.trl,
      priceFen: g.priceFen, ownerOrgId: `00000000-0000-4000-8000-${String(n % 500).padStart(12, '0')}`, districtCode: `4103${String(2 + (n % 9)).padStart(2, '0')}`, createdBy: null,
    };
  });
}

function queries(): string[] {
  const list = LABELLED_QUERIES.map((q) => q.q);
  list.push('石墨稀导热膜', '锂电', '新能源车 电池', '轴承 寿命', '工业CT', '智能制造 视觉', '耐火材料', '疫苗');
  for (const r of csl.slice(0, 40)) list.push(r.keywords.slice(0, 2).join(' '));
  return list;
}

/** The 1-minute load average (the machine is shared: every figure is read beside it). */
const loadAverage = (): number => os.loadavg()[0] ?? 0;
const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const { database, cleanup } = await openBenchDatabase({ name: 'kc_bench_market', poolSize: CLIENTS + 4, keep: process.argv.includes('--keep') });
try {
  await prepareDatabase(database);
  // In a function of its own: what the import held (its statistics, champion heaps) is garbage once it returns,
  // as in a server, and does not weigh on the searches' garbage collection.
  const indexing = await (async () => {
    // Indexing: segmentation, tsvector, per-term ranks, trigram transcription, the insert with its GIN and
    // trigram indexes, the BM25 statistics and the champion lists — everything a published import does.
    const load = [loadAverage()];
    // The whole import's statistics and champion lists are collected in memory and applied once at its end.
    const stats = emptyCorpusDelta({ collectChampions: true });
    const pool = createColumnsPool(THREADS, stats.champions!.dictionary);
    const started = performance.now();
    const segmented = (start: number): { rows: ListingToWrite[]; columns: Promise<NumberedColumns[]> } => {
      const rows = batchAt(start, Math.min(BATCH, N - start));
      return { rows, columns: pool.columnsOf(rows.map((r) => ({ title: r.title, keywords: r.keywords, summary: r.summary }))) };
    };
    const ahead: { rows: ListingToWrite[]; columns: Promise<NumberedColumns[]> }[] = [];
    const writing: Promise<void>[] = [];
    for (let start = 0; start < N; start += BATCH) {
      // Keep two batches in the workers while this one is written.
      while (ahead.length < 3 && start + ahead.length * BATCH < N) ahead.push(segmented(start + ahead.length * BATCH));
      const next = ahead.shift()!;
      const columns = await next.columns;
      if (writing.length >= WRITERS) await writing.shift();
      writing.push(database.db.transaction(async (tx) => {
        await prepareBulkWrite(tx);
        await writeListings(tx, REGION, next.rows, 'published', stats, columns);
      }));
      if ((start / BATCH) % 50 === 0) { load.push(loadAverage()); process.stderr.write(`indexed ${start} (${Math.round(start / ((performance.now() - started) / 1000))} docs/s)\n`); }
    }
    await Promise.all(writing);
    await pool.close();
    const writeSeconds = (performance.now() - started) / 1000;
    await finishBulkWrite(database.db, REGION, stats);
    const indexSeconds = (performance.now() - started) / 1000;
    load.push(loadAverage());
    return { writeSeconds, indexSeconds, load };
  })();
  const { writeSeconds, indexSeconds, load } = indexing;
  await database.pool.query('VACUUM ANALYZE market_listings');
  await database.pool.query('VACUUM ANALYZE market_search_champions');

  // The in-memory index, loaded as a server loads it when it starts.
  const rssBefore = process.memoryUsage().rss;
  const loadStarted = performance.now();
  await warmSearchReplicas(database.db);
  const memoryIndex = { seconds: Math.round((performance.now() - loadStarted) / 100) / 10, rssMB: Math.round(process.memoryUsage().rss / 1e6), rssGrowthMB: Math.round((process.memoryUsage().rss - rssBefore) / 1e6) };
  const set = queries();
  for (const q of set) await searchListings(database.db, { regionCode: REGION, q, limit: 10, facets: true }); // warm PostgreSQL's buffers once
  const searchLoad = [loadAverage()];
  const latencies: number[] = [];
  const errors: string[] = [];
  const until = performance.now() + SECONDS * 1000;
  let next = 0;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < until) {
      const q = set[next++ % set.length]!;
      const t0 = performance.now();
      try {
        await searchListings(database.db, { regionCode: REGION, q, limit: 10, facets: true });
        latencies.push(performance.now() - t0);
      } catch (err) {
        errors.push(String(err));
      }
    }
  }));
  latencies.sort((a, b) => a - b);
  const result = {
    database: `${database.kind} PostgreSQL ${database.serverVersion}`, listings: N, realCslShare: csl.length > 0 ? 0.5 : 0,
    indexing: {
      seconds: Math.round(indexSeconds), docsPerSecond: Math.round(N / indexSeconds), rowsSeconds: Math.round(writeSeconds),
      statisticsChampionsAndGinMergeSeconds: Math.round(indexSeconds - writeSeconds), threads: THREADS, writers: WRITERS, loadAverage1m: load.map((l) => Math.round(l * 10) / 10),
    },
    memoryIndex,
    champions: (await database.pool.query<{ lists: number; entries: number }>(`SELECT (SELECT count(*)::int FROM market_search_terms WHERE champion_floor IS NOT NULL) AS lists, (SELECT count(*)::int FROM market_search_champions) AS entries`)).rows[0],
    search: {
      clients: CLIENTS, queries: set.length, requests: latencies.length, errors: errors.length, throughputPerSecond: Math.round(latencies.length / SECONDS),
      p50ms: Math.round(percentile(latencies, 50)), p95ms: Math.round(percentile(latencies, 95)), p99ms: Math.round(percentile(latencies, 99)),
      loadAverage1m: [...searchLoad, loadAverage()].map((l) => Math.round(l * 10) / 10),
    },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await cleanup();
}
