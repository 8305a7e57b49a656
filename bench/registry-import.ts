// Registry import figures:
//  1. ROWS (1,000,000) enterprise rows from CSV through `runImport` (stream, validate every row, batched
//     multi-row upserts by credit code with an audit row per batch), against `psql \copy` of the same file
//     into an all-text staging table in the same run; reports rows/s and the ratio.
//  2. XLSX_ROWS (100,000) rows from an .xlsx file, sampling the process RSS along the way to show memory stays
//     flat (streaming reader, one batch in flight per lane).
// The files are generated here into a temporary directory and removed afterwards; nothing is committed.
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/registry-import.ts
//   BENCH_EMBEDDED=1 node --import tsx bench/registry-import.ts   (the embedded PostgreSQL the product starts by default)
// Options: ROWS, XLSX_ROWS, LANES (2), AGAIN=0 skips the second (all-upsert) import of the same file.
// The import is CPU-bound: the load average and how busy the machine's cores were during the import are printed
// with it, since other work on a shared machine takes cores from it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { SYSTEM_ACTOR } from '../apps/server/src/platform/auth/actor.ts';
import { openDatabase, type Database } from '../apps/server/src/platform/database/open-database.ts';
import { prepareDatabase } from '../apps/server/src/platform/database/prepare-database.ts';
import { COLUMNS } from '../apps/server/src/registry/import/columns.ts';
import { runImport } from '../apps/server/src/registry/import/run-import.ts';
import { writeCsv, writeXlsx } from './registry-sheets.ts';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const XLSX_ROWS = Number(process.env.XLSX_ROWS ?? 100_000);
const LANES = Number(process.env.LANES ?? 2);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'kc_bench_registry_import';
const REGION = '410300';
function withDb(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

const EMBEDDED = process.env.BENCH_EMBEDDED === '1';

/** CPU time counters of the whole machine (Linux /proc/stat), to say how busy its cores were; null elsewhere. */
function machineTicks(): { idle: number; total: number } | null {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    return { idle: f[3]! + f[4]!, total: f.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

async function freshDatabase(dir: string): Promise<{ database: Database; url: string }> {
  if (EMBEDDED) {
    fs.chmodSync(dir, 0o755); // as root, the embedded cluster runs as the postgres account, which must reach its directory
    const database = await openDatabase({ databaseUrl: undefined, dataDir: path.join(dir, 'data'), poolSize: 8 });
    await prepareDatabase(database);
    return { database, url: (database.pool as unknown as { options: { connectionString: string } }).options.connectionString };
  }
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: withDb(ADMIN_URL, DB_NAME), dataDir: '', poolSize: 8 });
  await prepareDatabase(database);
  return { database, url: withDb(ADMIN_URL, DB_NAME) };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-import-'));
  const csv = path.join(dir, 'enterprises.csv');
  const xlsx = path.join(dir, 'enterprises.xlsx');
  const { database, url } = await freshDatabase(dir);
  try {
    console.log(`PostgreSQL ${database.serverVersion}; generating ${ROWS.toLocaleString()} CSV rows …`);
    await writeCsv(csv, ROWS);
    console.log(`CSV: ${(fs.statSync(csv).size / 1048576).toFixed(1)} MB`);

    const cols = COLUMNS.map((c) => `"${c.key}" text`).join(', ');
    await database.pool.query(`CREATE UNLOGGED TABLE bench_copy_stage (${cols})`);
    const c0 = performance.now();
    execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `\\copy bench_copy_stage FROM '${csv}' WITH (FORMAT csv, HEADER true)`]);
    const copyS = (performance.now() - c0) / 1000;
    console.log(`psql \\copy into an all-text staging table: ${copyS.toFixed(1)} s = ${Math.round(ROWS / copyS).toLocaleString()} rows/s`);

    console.log(`load average before the import: ${load()}`);
    const ticks0 = machineTicks();
    const t0 = performance.now();
    const s = await runImport(database, { regionCode: REGION, path: csv, format: 'csv', fileName: 'enterprises.csv', actor: SYSTEM_ACTOR, lanes: LANES });
    const importS = (performance.now() - t0) / 1000;
    const ticks1 = machineTicks();
    console.log(`runImport (new enterprises): ${s.rowsImported.toLocaleString()} imported, ${s.rowsFailed} failed in ${importS.toFixed(1)} s = ${Math.round(ROWS / importS).toLocaleString()} rows/s; ratio to \\copy ${(importS / copyS).toFixed(2)}×`);
    if (ticks0 && ticks1) console.log(`  cores busy during the import (all processes): ${(100 * (1 - (ticks1.idle - ticks0.idle) / (ticks1.total - ticks0.total))).toFixed(0)} % of ${os.cpus().length}; load average after: ${load()}`);
    if (process.env.AGAIN !== '0') {
      const t1 = performance.now();
      const again = await runImport(database, { regionCode: REGION, path: csv, format: 'csv', fileName: 'enterprises.csv', actor: SYSTEM_ACTOR, lanes: LANES });
      const againS = (performance.now() - t1) / 1000;
      console.log(`runImport again (all upserts): ${again.rowsImported.toLocaleString()} in ${againS.toFixed(1)} s = ${Math.round(ROWS / againS).toLocaleString()} rows/s`);
    }

    console.log(`generating ${XLSX_ROWS.toLocaleString()} Excel rows …`);
    await writeXlsx(xlsx, XLSX_ROWS);
    console.log(`XLSX: ${(fs.statSync(xlsx).size / 1048576).toFixed(1)} MB`);
    global.gc?.();
    const samples: { pct: number; rss: number }[] = [];
    const rss = () => process.memoryUsage().rss / 1048576;
    const base = rss();
    let pct = 0;
    const timer = setInterval(() => samples.push({ pct, rss: rss() }), 100);
    const x0 = performance.now();
    const xs = await runImport(database, { regionCode: REGION, path: xlsx, format: 'xlsx', fileName: 'enterprises.xlsx', actor: SYSTEM_ACTOR, lanes: LANES,
      onProgress: (p) => { pct = p.bytesRead / p.totalBytes; } });
    clearInterval(timer);
    const xS = (performance.now() - x0) / 1000;
    const at = (q: number) => samples.filter((p) => p.pct <= q).at(-1)?.rss ?? base;
    const peak = Math.max(...samples.map((p) => p.rss));
    console.log(`xlsx import: ${xs.rowsImported.toLocaleString()} imported, ${xs.rowsFailed} failed in ${xS.toFixed(1)} s = ${Math.round(XLSX_ROWS / xS).toLocaleString()} rows/s`);
    console.log(`RSS MB: before ${base.toFixed(0)}, at 10% ${at(0.1).toFixed(0)}, 50% ${at(0.5).toFixed(0)}, 90% ${at(0.9).toFixed(0)}, peak ${peak.toFixed(0)}`);
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
    if (!EMBEDDED) {
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
      await admin.end();
    }
  }
}

await main();
