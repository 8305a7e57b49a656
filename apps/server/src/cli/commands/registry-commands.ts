// `kechuang registry import FILE [--kind K]` (progress bar, error report beside the file), `kechuang registry
// export FILE [--kind K]`, `kechuang registry template FILE [--kind K]` and `kechuang cultivation run`.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../platform/auth/actor.ts';
import { runEvaluation } from '../../cultivation/runs/run-evaluation.ts';
import { writeErrorReport } from '../../registry/import/error-report.ts';
import { formatOf } from '../../registry/import/read-sheet.ts';
import { exportSheet, IMPORT_KINDS, importSheet, writeTemplateOf, type ImportKind } from '../../registry/import/import-sheet.ts';
import { progress } from '../progress.ts';
import { withDatabase } from '../with-database.ts';

const DEFAULT_REGION = '410300';

const KIND_HELP = `sheet kind / 表的种类: ${IMPORT_KINDS.join(' | ')}`;

function importKind(kind: string): ImportKind {
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new Error(`--kind: ${kind} is not one of ${IMPORT_KINDS.join(', ')} / 不是可导入的表`);
  return kind as ImportKind;
}

function sheetFormat(file: string) {
  const format = formatOf(file);
  if (!format) throw new Error(`${file}: must end in .csv or .xlsx / 文件须为 .csv 或 .xlsx`);
  return format;
}

export function registerRegistryCommands(program: Command): void {
  const registry = program.command('registry').description('企业名录 / enterprise registry');

  registry.command('import').description('导入企业名录、证书、荣誉、平台或人才（CSV 或 Excel，幂等更新）/ import a sheet (idempotent by its natural key)')
    .argument('<file>', '.csv or .xlsx in the template layout')
    .option('--kind <kind>', KIND_HELP, 'enterprises')
    .option('--region <code>', 'region (GB/T 2260 city code)', DEFAULT_REGION)
    .option('--report <file>', 'where to write the error report (default: <file>.errors.<ext>)')
    .action(async (file: string, opts: { kind: string; region: string; report?: string }) => {
      const format = sheetFormat(file);
      const kind = importKind(opts.kind);
      const bar = progress();
      const mb = (b: number) => (b / 1048576).toFixed(1);
      const summary = await withDatabase(async (database) => {
        const s = await importSheet(database, kind, {
          regionCode: opts.region, path: file, format, fileName: path.basename(file), actor: SYSTEM_ACTOR,
          onProgress: (p) => bar.step(`import: ${p.rowsRead} rows (${p.rowsImported} ok, ${p.rowsFailed} failed), ${mb(p.bytesRead)}/${mb(p.totalBytes)} MB`, p.bytesRead, p.totalBytes),
        });
        if (s.rowsFailed > 0) {
          const report = opts.report ?? `${file}.errors.${format}`;
          const headers = (await database.pool.query<{ headers: string[] }>('SELECT headers FROM registry_import_jobs WHERE id = $1', [s.jobId])).rows[0]!.headers;
          await writeErrorReport(database, opts.region, s.jobId, headers, format, fs.createWriteStream(report));
          return { ...s, report };
        }
        return { ...s, report: null };
      });
      bar.done();
      if (summary.error) {
        process.stderr.write(`kechuang registry import: ${summary.error.message_en} / ${summary.error.message}\n`);
        process.exitCode = 2;
        return;
      }
      const created = kind === 'enterprises' ? ` (${summary.organisationsCreated} new enterprises)` : '';
      process.stdout.write(`imported ${summary.rowsImported} of ${summary.rowsRead} rows${created}, ${summary.rowsFailed} failed\n`);
      if (summary.report) {
        process.stdout.write(`error report: ${summary.report}\n`);
        process.exitCode = 1;
      }
    });

  registry.command('export').description('导出企业名录、证书、荣誉、平台或人才（与导入模板相同的格式）/ export a sheet in its import layout')
    .argument('<file>', '.csv or .xlsx')
    .option('--kind <kind>', KIND_HELP, 'enterprises')
    .option('--region <code>', 'region', DEFAULT_REGION)
    .option('--cluster <code>', 'only this industry cluster (of the organisation a row belongs to)')
    .action(async (file: string, opts: { kind: string; region: string; cluster?: string }) => {
      const format = sheetFormat(file);
      const kind = importKind(opts.kind);
      await withDatabase((database) => exportSheet(database.pool, {
        kind: 'user', userId: '', role: 'bureau_admin', displayName: 'cli', login: 'cli', regionCode: opts.region, organisation: null, csrfToken: '',
      }, kind, { cluster: opts.cluster }, format, fs.createWriteStream(file)));
      process.stdout.write(`exported to ${file}\n`);
    });

  registry.command('template').description('导入模板 / write the import template').argument('<file>', '.csv or .xlsx')
    .option('--kind <kind>', KIND_HELP, 'enterprises')
    .action(async (file: string, opts: { kind: string }) => {
      await writeTemplateOf(importKind(opts.kind), sheetFormat(file), fs.createWriteStream(file));
      process.stdout.write(`template written to ${file}\n`);
    });

  program.command('cultivation').description('梯次培育 / tiered cultivation').command('run')
    .description('全市评价：用在施行的规则评价所有企业，结果按规则版本存档并更新培育库 / evaluate every enterprise and refill the pools')
    .option('--region <code>', 'region', DEFAULT_REGION)
    .option('--as-of <date>', 'assessment date YYYY-MM-DD (default today)')
    .action(async (opts: { region: string; asOf?: string }) => {
      const asOf = opts.asOf ?? new Date().toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`--as-of: expected YYYY-MM-DD / 日期格式应为 YYYY-MM-DD, got ${asOf}`);
      const bar = progress();
      const s = await withDatabase((database) => runEvaluation(database, {
        regionCode: opts.region, asOf, trigger: 'cli', actor: SYSTEM_ACTOR, onProgress: (p) => bar.step('evaluate', p.done, p.total),
      }));
      bar.done(`run ${s.runId}: ${s.enterprises} enterprises, ${s.results} results stored (${Object.entries(s.ruleVersions).map(([r, v]) => `${r} ${v}`).join(', ')}), ${s.poolAdditions} added to pools`);
    });
}
