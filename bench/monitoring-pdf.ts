// PDF report: generation time and file size, in Chinese and English, for the demo city (6 targets, 14 districts
// and counties) and for a large synthetic city (140 units, to see how pages and time grow), plus the one-off cost
// of reading the two Noto Sans SC files.
// Run: node --import tsx bench/monitoring-pdf.ts   (PostgreSQL: BENCH_PG_ADMIN_URL, default the local server)
import pg from 'pg';
import { SYSTEM_ACTOR } from '../apps/server/src/platform/auth/actor.ts';
import { loadDemo } from '../apps/server/src/demo/load-demo.ts';
import { openDatabase } from '../apps/server/src/platform/database/open-database.ts';
import { prepareDatabase } from '../apps/server/src/platform/database/prepare-database.ts';
import { inspectPdf } from '../apps/server/src/monitoring/reports/inspect-pdf.ts';
import { monitoringPdf, type PdfReportInput } from '../apps/server/src/monitoring/reports/monitoring-pdf.ts';
import { loadReportFonts } from '../apps/server/src/monitoring/reports/pdf-fonts.ts';
import { reportPdf } from '../apps/server/src/monitoring/reports/report-pdf.ts';
import type { CompositeResult } from '../apps/server/src/monitoring/runs/index-result.ts';
import { runIndex } from '../apps/server/src/monitoring/runs/run-index.ts';
import { getTargetBoard } from '../apps/server/src/monitoring/targets/get-target-board.ts';

async function time(label: string, reps: number, f: () => Promise<unknown>): Promise<number> {
  await f(); // warm-up
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await f();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  const median = ts[Math.floor(ts.length / 2)]!;
  console.log(`${label}: median ${median.toFixed(1)} ms (min ${ts[0]!.toFixed(1)}, max ${ts.at(-1)!.toFixed(1)}, ${reps} runs)`);
  return median;
}

function describe(label: string, file: Buffer): void {
  const pdf = inspectPdf(file);
  const fonts = pdf.fonts.map((f) => `${f.baseFont} ${(f.fontFileBytes / 1024).toFixed(1)} kB`).join(', ');
  console.log(`${label}: ${(file.length / 1024).toFixed(1)} kB, ${pdf.pageCount} pages; fonts: ${fonts}`);
}

const t0 = performance.now();
await loadReportFonts();
console.log(`reading both font files (once per process): ${(performance.now() - t0).toFixed(0)} ms`);

const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `kc_bench_monitoring_pdf_${process.pid}`;
const admin = async (sql: string) => { const c = new pg.Client({ connectionString: adminUrl }); await c.connect(); try { await c.query(sql); } finally { await c.end(); } };
await admin(`CREATE DATABASE ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 10 });
try {
  await prepareDatabase(database);
  await loadDemo(database.db);
  const db = database.db;
  const run = await runIndex(db, SYSTEM_ACTOR, '410300', 'innovative-city', {});
  const board = await getTargetBoard(db, '410300');
  const region = { code: '410300', name: '洛阳市', nameEn: 'Luoyang' };
  const input = (lang: 'zh' | 'en', over: Partial<PdfReportInput> = {}): PdfReportInput => ({ lang, region, date: '2025-01-01', plans: board.plans, run, ...over });

  const first = performance.now();
  await monitoringPdf(input('zh'));
  console.log(`first report in the process (fonts already read; fontkit parses them): ${(performance.now() - first).toFixed(0)} ms`);

  for (const lang of ['zh', 'en'] as const) {
    await time(`demo city, ${lang}: PDF only`, 20, () => monitoringPdf(input(lang)));
    await time(`demo city, ${lang}: whole request path (board + run from PostgreSQL + PDF)`, 20, () => reportPdf(db, '410300', { lang, run: run.id }));
    describe(`demo city, ${lang}, compressed`, await monitoringPdf(input(lang)));
    describe(`demo city, ${lang}, uncompressed (compress: false)`, await monitoringPdf(input(lang, { compress: false })));
  }

  // a large city: the 14 units ten times over (140 units), names numbered so every row is different text
  const result = run.result as CompositeResult;
  const units = Array.from({ length: 10 }, (_, k) => result.units.map((u) => ({ ...u, code: `${u.code}-${k}`, nameZh: `${u.nameZh}${k + 1}`, nameEn: `${u.nameEn} ${k + 1}` })))
    .flat().sort((a, b) => b.score! - a.score!).map((u, i) => ({ ...u, rank: i + 1 }));
  const big = { ...run, result: { ...result, units } };
  await time('140 units, zh: PDF only', 10, () => monitoringPdf(input('zh', { run: big })));
  describe('140 units, zh, compressed', await monitoringPdf(input('zh', { run: big })));
  console.log(`resident memory after the runs: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
} finally {
  await database.close();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
