// Monitoring timings: index runs on the synthetic Luoyang districts (engine only and over stored data), the
// import check of a 50,000-row sheet, and the demo load that the first start pays.
// Run: node --import tsx bench/monitoring-index.ts   (PostgreSQL: BENCH_PG_ADMIN_URL, default the local server)
import ExcelJS from 'exceljs';
import pg from 'pg';
import { withComputed } from '../apps/server/src/monitoring/catalogue/indicator-formula.ts';
import { demoDistrictObservations } from '../apps/server/src/monitoring/demo/demo-districts.ts';
import { innovativeCityPreset } from '../apps/server/src/monitoring/frameworks/framework-presets.ts';
import { checkImport, type RawImportRow } from '../apps/server/src/monitoring/imports/check-import.ts';
import { readObservationSheet } from '../apps/server/src/monitoring/imports/observation-workbook.ts';
import { INDICATOR_CATALOGUE } from '../apps/server/src/monitoring/indicator-catalogue.ts';
import { computeComposite } from '../apps/server/src/monitoring/runs/compute-composite.ts';
import { runIndex } from '../apps/server/src/monitoring/runs/run-index.ts';
import { getTargetBoard } from '../apps/server/src/monitoring/targets/get-target-board.ts';
import { loadDemo } from '../apps/server/src/demo/load-demo.ts';
import { openDatabase } from '../apps/server/src/platform/database/open-database.ts';
import { prepareDatabase } from '../apps/server/src/platform/database/prepare-database.ts';
import { SYSTEM_ACTOR } from '../apps/server/src/platform/auth/actor.ts';

async function time(label: string, reps: number, f: () => unknown): Promise<void> {
  await f(); // warm-up
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await f();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  console.log(`${label}: median ${ts[Math.floor(ts.length / 2)]!.toFixed(1)} ms (min ${ts[0]!.toFixed(1)}, ${reps} runs)`);
}

// 1. the engine on the 14 districts and counties, 2023
const defs = INDICATOR_CATALOGUE.map((d) => ({ code: d.code, formula: d.formula ?? null }));
const obs = demoDistrictObservations().filter((o) => o.period === '2023');
const codes = [...new Set(obs.map((o) => o.regionCode))];
const values = new Map(codes.map((c) => {
  const m = withComputed(new Map(obs.filter((o) => o.regionCode === c).map((o) => [o.indicatorCode, o.value])), defs);
  return [c, new Map([...m].map(([k, v]) => [k, { ...v, status: null, source: null }]))];
}));
const units = codes.map((c) => ({ code: c, name: c, nameEn: c, level: 'district', parentCode: '410300' }));
const definition = innovativeCityPreset().definition;
await time('composite, 14 units × 11 indicators, no sensitivity', 50, () => computeComposite({ definition, period: '2023', units, values }));
await time('composite + sensitivity N = 200 (4 inputs, 1,200 rebuilds)', 5, () => computeComposite({ definition, period: '2023', units, values, sensitivity: { n: 200, seed: 1 } }));
await time('composite + sensitivity N = 1,000 (6,000 rebuilds)', 3, () => computeComposite({ definition, period: '2023', units, values, sensitivity: { n: 1000, seed: 1 } }));

// 2. the import check of 50,000 rows (14 regions × 20 indicators × ~180 periods), and reading the sheet
const regions = new Map(codes.map((c) => [c, { name: c }]));
const indicatorCodes = INDICATOR_CATALOGUE.slice(0, 20).map((d) => d.code);
const rows: RawImportRow[] = [];
for (let i = 0; rows.length < 50_000; i++) {
  const year = 1800 + Math.floor(i / (codes.length * indicatorCodes.length));
  rows.push({ row: rows.length + 2, regionCode: codes[i % codes.length], indicatorCode: indicatorCodes[Math.floor(i / codes.length) % indicatorCodes.length], period: String(year), value: 10 + (i % 97), unit: '', status: '', source: 'bench' });
}
const indicators = new Map(INDICATOR_CATALOGUE.map((d) => [d.code, { unit: d.unit }]));
await time('import check, 50,000 rows', 5, () => checkImport(rows, { indicators, regions, existing: [] }));
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('s');
ws.addRow(['地区代码', '指标代码', '期间', '数值', '单位', '状态', '来源']);
for (const r of rows) ws.addRow([r.regionCode as string, r.indicatorCode as string, r.period as string, r.value as number, '', '', 'bench']);
const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
console.log(`sheet: ${(xlsx.length / 1024 / 1024).toFixed(1)} MB`);
await time('read 50,000-row .xlsx', 3, () => readObservationSheet(xlsx));

// 3. over a real PostgreSQL: the demo load (first start), an index run over stored data, the target board
const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `kc_bench_monitoring_${process.pid}`;
const admin = async (sql: string) => { const c = new pg.Client({ connectionString: adminUrl }); await c.connect(); try { await c.query(sql); } finally { await c.end(); } };
await admin(`CREATE DATABASE ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 10 });
try {
  await prepareDatabase(database);
  const t0 = performance.now();
  await loadDemo(database.db);
  console.log(`whole demo load (platform + every module's demo) on a migrated database: ${(performance.now() - t0).toFixed(0)} ms`);
  await time('index run over stored data, 14 units, no sensitivity (read + compute + store + audit)', 10, () => runIndex(database.db, SYSTEM_ACTOR, '410300', 'innovative-city', {}));
  await time('index run over stored data with sensitivity N = 200', 3, () => runIndex(database.db, SYSTEM_ACTOR, '410300', 'innovative-city', { sensitivity: { n: 200, seed: 1 } }));
  await time('industry index run (12 quarters)', 10, () => runIndex(database.db, SYSTEM_ACTOR, '410300', 'industry-bearing', {}));
  await time('target board', 20, () => getTargetBoard(database.db, '410300'));
} finally {
  await database.close();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
