// `kechuang monitoring import FILE.xlsx --region CODE [--commit] [--report OUT.xlsx]`: checks (and with --commit
// writes) an observation sheet, exactly as the web import does; exit status 1 when the sheet has errors.
// `kechuang monitoring run FRAMEWORK --region CODE [--period YYYY] [--n N --seed S] [--out RESULT.json]`:
// runs an index framework over the stored data and keeps the run.
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../platform/auth/actor.ts';
import { errorReport } from '../../monitoring/imports/observation-workbook.ts';
import { checkObservationFile, importObservations } from '../../monitoring/imports/import-observations.ts';
import { runIndex } from '../../monitoring/runs/run-index.ts';
import { withDatabase } from '../with-database.ts';

const write = (text: string) => new Promise<void>((resolve) => process.stdout.write(text, () => resolve()));

export function registerMonitoringCommand(program: Command): void {
  const monitoring = program.command('monitoring').description('监测评价: import observations, run index frameworks');

  monitoring.command('import')
    .argument('<file>', 'Excel sheet (.xlsx) with 地区代码, 指标代码, 期间, 数值[, 单位, 状态, 来源]')
    .requiredOption('--region <code>', 'the city (or district) whose data this is; rows may name it or its sub-regions')
    .option('--commit', 'write the rows when there is no error (default: check only)')
    .option('--report <out>', 'write the row-level issue report (.xlsx)')
    .action(async (file: string, opts: { region: string; commit?: boolean; report?: string }) => {
      const buffer = await readFile(file);
      await withDatabase(async ({ db }) => {
        const result = await importObservations(db, SYSTEM_ACTOR, opts.region, buffer, !opts.commit);
        if (opts.report) {
          const { raw, check } = await checkObservationFile(db, opts.region, buffer);
          await writeFile(opts.report, await errorReport(raw, check.issues));
        }
        await write(`${JSON.stringify(result, null, 2)}\n`);
        if (result.errorCount > 0) process.exitCode = 1;
      });
    });

  monitoring.command('run')
    .argument('<framework>', 'framework code, e.g. innovative-city or industry-bearing')
    .requiredOption('--region <code>', 'the region whose framework and data to use')
    .option('--period <yyyy>', 'year (composite frameworks; default the latest with data)')
    .option('--n <n>', 'Monte Carlo sample size for the rank sensitivity (composite only)')
    .option('--seed <seed>', 'seed of the sensitivity run', '1')
    .option('--out <file>', 'write the result JSON here instead of standard output')
    .action(async (framework: string, opts: { region: string; period?: string; n?: string; seed: string; out?: string }) => {
      await withDatabase(async ({ db }) => {
        const run = await runIndex(db, SYSTEM_ACTOR, opts.region, framework, {
          period: opts.period, sensitivity: opts.n ? { n: Number(opts.n), seed: Number(opts.seed) } : undefined,
        });
        const json = `${JSON.stringify(run, null, 2)}\n`;
        if (opts.out) await writeFile(opts.out, json);
        else await write(json);
      });
    });
}
