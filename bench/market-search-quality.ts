// Search quality on the labelled set (60 Chinese queries over the demo corpus): nDCG@10 and recall@50 of
// market search and of the plain ILIKE baseline, in the same run. Uses DATABASE_URL, else an embedded
// PostgreSQL in a temporary directory.
//   node --import tsx bench/market-search-quality.ts [--per-query]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemo } from '../apps/server/src/demo/load-demo.ts';
import { DEMO_REGION } from '../apps/server/src/demo/demo-city.ts';
import { openDatabase } from '../apps/server/src/platform/database/open-database.ts';
import { prepareDatabase } from '../apps/server/src/platform/database/prepare-database.ts';
import { evaluateSearchQuality } from '../apps/server/src/market/search/quality/evaluate-quality.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-quality-'));
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
try {
  await prepareDatabase(database);
  await loadDemo(database.db);
  const report = await evaluateSearchQuality(database.db, DEMO_REGION);
  if (process.argv.includes('--per-query')) {
    for (const q of report.queries) {
      process.stdout.write(`${q.id}\t${q.q}\trelevant=${q.relevant}\tnDCG@10 ${q.bm25.ndcg10.toFixed(3)} vs ${q.ilike.ndcg10.toFixed(3)}\trecall@50 ${q.bm25.recall50.toFixed(3)} vs ${q.ilike.recall50.toFixed(3)}\n`);
    }
  }
  process.stdout.write(`${JSON.stringify({ database: `${database.kind} PostgreSQL ${database.serverVersion}`, queries: report.queries.length, ...report.mean }, null, 2)}\n`);
} finally {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
