// `kechuang market search "QUERY" [--type achievement|demand] [--limit 10] [--json]`,
// `kechuang market import FILE [--publish] [--owner-uscc CODE] [--report FILE]` and `kechuang market export FILE`.
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../platform/auth/actor.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { formatOf } from '../../registry/import/read-sheet.ts';
import { DEMO_REGION } from '../../demo/demo-city.ts';
import { exportListings } from '../../market/imports/export-listings.ts';
import { importListingsFile, writeImportReport } from '../../market/imports/import-listings.ts';
import { searchListings } from '../../market/search/search-listings.ts';
import { progress } from '../progress.ts';
import { withDatabase } from '../with-database.ts';

export function registerMarketCommands(program: Command): void {
  const market = program.command('market').description('科技大市场 / technology market');

  market.command('search').argument('<query>', '搜索词 / what to search for')
    .description('搜索成果与需求 / search achievements and demands')
    .option('--type <type>', 'achievement | demand')
    .option('--limit <n>', 'results (1–50)', '10')
    .option('--region <code>', 'GB/T 2260 region code', DEMO_REGION)
    .option('--json', 'print JSON: ranked ids, scores and highlights')
    .action(async (query: string, opts: { type?: string; limit: string; region: string; json?: boolean }) => {
      if (opts.type !== undefined && opts.type !== 'achievement' && opts.type !== 'demand') throw new Error('--type must be achievement or demand / 类型须为 achievement 或 demand');
      const limit = Number(opts.limit);
      const result = await withDatabase(async (database) => {
        try {
          return await searchListings(database.db, { regionCode: opts.region, q: query, kind: opts.type as 'achievement' | 'demand' | undefined, limit });
        } catch (err) {
          if (err instanceof DomainError) throw new Error(`${err.text.zh} / ${err.text.en} (${err.code})`);
          throw err;
        }
      });
      const marked = (segments: { text: string; hit: boolean }[]): string => segments.map((s) => (s.hit ? `【${s.text}】` : s.text)).join('');
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({
          query, mode: result.mode, terms: result.terms, total: result.total,
          hits: result.hits.map((h, i) => ({ rank: i + 1, id: h.id, kind: h.kind, score: h.score, title: h.title, highlights: { title: marked(h.highlights.title), summary: marked(h.highlights.summary) } })),
        }, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${result.total} matches (${result.mode}; terms: ${result.terms.join(' ')})\n`);
      result.hits.forEach((h, i) => process.stdout.write(`${String(i + 1).padStart(3)}. ${h.score.toFixed(3).padStart(8)}  ${h.id}  ${marked(h.highlights.title)}\n`));
    });

  market.command('import').argument('<file>', 'CSV 或 .xlsx 文件 / CSV or .xlsx file')
    .description('导入成果与需求（列：id, type, title, summary, field, keywords, trl, price, credit_code）/ import listings')
    .option('--region <code>', 'GB/T 2260 region code', DEMO_REGION)
    .option('--owner-uscc <code>', '无 credit_code 的行归属此机构 / owner of rows without a credit code')
    .option('--publish', '直接发布（科技局导入）/ publish at once (bureau import)')
    .option('--report <file>', '错误报告输出文件（.csv 或 .xlsx）/ where to write the error report')
    .action(async (file: string, opts: { region: string; ownerUscc?: string; publish?: boolean; report?: string }) => {
      const format = formatOf(file);
      if (!format) throw new Error('the file must be .csv or .xlsx / 文件须为 .csv 或 .xlsx');
      if (!fs.existsSync(file)) throw new Error(`no such file: ${file} / 文件不存在`);
      const bar = progress();
      const summary = await withDatabase((database) => importListingsFile(database.db, file, format, {
        regionCode: opts.region, actor: SYSTEM_ACTOR, status: opts.publish ? 'published' : 'draft', defaultCreditCode: opts.ownerUscc,
        onProgress: (n) => { if (n % 1000 === 0) bar.step(`import: ${n} rows`); },
      }));
      bar.done();
      if (opts.report && summary.rejected.length > 0) {
        const reportFormat = formatOf(opts.report) ?? 'csv';
        const out = fs.createWriteStream(opts.report);
        await writeImportReport(summary, reportFormat, out);
        await finished(out).catch(() => undefined);
      }
      process.stdout.write(`${JSON.stringify({
        rowsRead: summary.rowsRead, imported: summary.imported, failed: summary.failed,
        errors: summary.rejected.slice(0, 20).map((r) => ({ row: r.row, errors: r.errors })),
        report: opts.report && summary.rejected.length > 0 ? opts.report : null,
      }, null, 2)}\n`);
      if (summary.failed > 0) process.exitCode = 2;
    });

  market.command('export').argument('<file>', 'CSV 或 .xlsx 文件 / CSV or .xlsx file')
    .description('导出成果与需求 / export listings in the import columns')
    .option('--region <code>', 'GB/T 2260 region code', DEMO_REGION)
    .option('--status <status>', 'draft | submitted | published | closed')
    .action(async (file: string, opts: { region: string; status?: 'draft' | 'submitted' | 'published' | 'closed' }) => {
      const format = formatOf(file);
      if (!format) throw new Error('the file must be .csv or .xlsx / 文件须为 .csv 或 .xlsx');
      await withDatabase(async (database) => {
        const out = fs.createWriteStream(file);
        await exportListings(database.db, { regionCode: opts.region, status: opts.status, format }, out);
      });
      process.stdout.write(`exported to ${file}\n`);
    });
}
