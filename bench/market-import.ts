// The market's own import at scale: a CSV of N listings (default 1,000,000) in the import columns, loaded by
// importListingsFile as `kechuang market import FILE` and the HTTP import jobs load it — reading, row checks,
// owner lookups, segmentation in a worker, COPY, statistics, champion lists, GIN merges. Reports listings/s.
//   node --import tsx bench/market-import.ts [--n 1000000]
// DATABASE_URL: an external PostgreSQL (a database kc_bench_market_import is created and dropped); otherwise an
// embedded PostgreSQL in a temporary directory. CSL_ACHIEVEMENTS_CSV (optional): the CSL abstracts file, whose
// real titles and abstracts make half of the listings (read at run time, never copied).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBenchDatabase } from './bench-database.ts';
import { readCslRecords, type CslRecord } from './csl-records.ts';
import { createOrganisation } from '../apps/server/src/identity/create-organisation.ts';
import { importListingsFile } from '../apps/server/src/market/imports/import-listings.ts';
import { generateDemoListings } from '../apps/server/src/market/demo/generate-demo-listings.ts';
import { SYSTEM_ACTOR } from '../apps/server/src/platform/auth/actor.ts';
import { prepareDatabase } from '../apps/server/src/platform/database/prepare-database.ts';
import { makeUscc } from '../apps/server/src/platform/identity/uscc.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('n', 1_000_000);
const OWNERS = 500;
const REGION = '410300';
const DB_NAME = 'kc_bench_market_import';

const csl: CslRecord[] = readCslRecords();


const quote = (value: string): string => `"${value.replace(/"/g, '""')}"`;

/** The import file: the demo generator's listings, every other one replaced by a real CSL record when given. */
function writeCsv(file: string, usccs: string[]): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'id,type,title,summary,field,keywords,trl,price,credit_code\n');
  for (let start = 0; start < N; start += 10_000) {
    const generated = generateDemoListings({ achievements: Math.min(10_000, N - start), demands: 0, owners: OWNERS, seed: 7 + start });
    const lines = generated.map((g, i) => {
      const n = start + i;
      const real = csl.length > 0 && n % 2 === 1 ? csl[(n >> 1) % csl.length]! : null;
      const demand = n % 4 === 3;
      const keywords = (real ? real.keywords : g.keywords).map((k) => k.trim()).filter((k) => k !== '' && [...k].length <= 30 && !/[;；,，、|]/.test(k)).slice(0, 12);
      return [
        `B-${n}`, demand ? 'demand' : 'achievement', quote(real ? real.title : g.title), quote(real ? real.summary : g.summary), quote(real ? real.field : g.field),
        quote(keywords.join(';')), demand ? '' : String(g.trl ?? ''), g.priceFen === null ? '面议' : String(g.priceFen / 100n), usccs[n % OWNERS]!,
      ].join(',');
    });
    fs.writeSync(fd, `${lines.join('\n')}\n`);
  }
  fs.closeSync(fd);
}

const { database, cleanup } = await openBenchDatabase({ name: DB_NAME, poolSize: 8 });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-market-import-csv-'));
try {
  await prepareDatabase(database);
  const districts = (await database.pool.query<{ code: string }>(`SELECT code FROM regions WHERE code LIKE '4103%' AND code <> $1 ORDER BY code`, [REGION])).rows.map((r) => r.code);
  const usccs: string[] = [];
  for (let i = 0; i < OWNERS; i += 1) {
    const uscc = makeUscc(`91${REGION}${String(100_000_000 + i)}`);
    await createOrganisation(database.db, SYSTEM_ACTOR, { regionCode: REGION, districtCode: districts[i % districts.length], kind: 'enterprise', name: `基准测试企业${i}`, uscc });
    usccs.push(uscc);
  }
  const file = path.join(dir, 'listings.csv');
  writeCsv(file, usccs);
  const load = [os.loadavg()[0]!];
  const sampler = setInterval(() => load.push(os.loadavg()[0]!), 30_000);
  const started = performance.now();
  const summary = await importListingsFile(database.db, file, 'csv', { regionCode: REGION, actor: SYSTEM_ACTOR, status: 'published' });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  load.push(os.loadavg()[0]!);
  const rejectedBy = new Map<string, number>();
  for (const r of summary.rejected) for (const e of r.errors) rejectedBy.set(e.code, (rejectedBy.get(e.code) ?? 0) + 1);
  process.stdout.write(`${JSON.stringify({
    database: `${database.kind} PostgreSQL ${database.serverVersion}`, rows: N, realCslShare: csl.length > 0 ? 0.5 : 0, fileMB: Math.round(fs.statSync(file).size / 1e6),
    imported: summary.imported, failed: summary.failed, rejectedBy: Object.fromEntries(rejectedBy), seconds: Math.round(seconds),
    listingsPerSecond: Math.round(summary.imported / seconds), peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), loadAverage1m: load.map((l) => Math.round(l * 10) / 10),
  }, null, 2)}\n`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
  await cleanup();
}
