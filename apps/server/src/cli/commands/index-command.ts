// `kechuang index compute` and `kechuang index sensitivity`: CSV in, the composite engine, CSV / JSON out.
import { readFile, writeFile } from 'node:fs/promises';
import {
  buildFramework, CompositeInputError, getDataSet, parseRecipe, runRecipe, runSensitivity, scoreTable,
  type Row, type SensitivitySpec, type WeightSet,
} from '@kechuang/composite';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

async function readCsvRows(file: string): Promise<Row[]> {
  const text = await readFile(file, 'utf8');
  return parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Row[];
}

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8')) as unknown;
}

function cell(v: number): string {
  return Number.isNaN(v) ? 'NA' : String(v);
}

interface ComputeOptions {
  data: string;
  meta: string;
  recipe: string;
  out: string;
  dataset?: string;
  weights?: string;
}

/** Builds the output table: uCode, every aggregate (top level first) and Rank, or every column of a data set. */
export async function computeIndex(opts: ComputeOptions): Promise<string[][]> {
  const fw = buildFramework(await readCsvRows(opts.data), await readCsvRows(opts.meta));
  const recipe = parseRecipe(await readJson(opts.recipe));
  const weightSets = opts.weights === undefined ? undefined : ((await readJson(opts.weights)) as Record<string, WeightSet>);
  const coin = runRecipe(fw, recipe, { weightSets });
  let table: string[][];
  if (opts.dataset !== undefined) {
    const ds = getDataSet(coin, opts.dataset);
    table = [['uCode', ...ds.iCodes], ...ds.uCodes.map((u, i) => [u, ...ds.columns.map((c) => cell(c[i]!))])];
  } else {
    const st = scoreTable(fw, getDataSet(coin, coin.last));
    const top = st.codes[0];
    table = [
      ['uCode', ...st.codes, 'Rank'],
      ...st.uCodes.map((u, i) => [u, ...st.codes.map((c) => cell(st.scores[c]![i]!)), top === undefined ? 'NA' : cell(st.ranks[top]![i]!)]),
    ];
  }
  await writeFile(opts.out, stringify(table));
  return table;
}

interface SensitivityOptions {
  data: string;
  meta: string;
  recipe: string;
  spec: string;
  out: string;
  n?: string;
  seed?: string;
  type?: string;
  weights?: string;
}

export async function sensitivityIndex(opts: SensitivityOptions): Promise<void> {
  const fw = buildFramework(await readCsvRows(opts.data), await readCsvRows(opts.meta));
  const recipe = parseRecipe(await readJson(opts.recipe));
  const spec = (await readJson(opts.spec)) as Partial<SensitivitySpec>;
  const weightSets = opts.weights === undefined ? undefined : ((await readJson(opts.weights)) as Record<string, WeightSet>);
  const full: SensitivitySpec = {
    type: (opts.type ?? spec.type ?? 'SA') as SensitivitySpec['type'],
    n: opts.n !== undefined ? Number(opts.n) : (spec.n ?? 100),
    seed: opts.seed !== undefined ? Number(opts.seed) : (spec.seed ?? 1),
    dataset: spec.dataset,
    target: spec.target,
    inputs: spec.inputs ?? [],
  };
  const result = runSensitivity(fw, recipe, full, { weightSets });
  await writeFile(opts.out, `${JSON.stringify(result, (_k, v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? null : v), 2)}\n`);
}

function report(err: unknown): never {
  if (err instanceof CompositeInputError) {
    throw new Error(`[${err.code}] ${err.field}: ${err.message} / ${err.messageEn}`);
  }
  throw err;
}

export function registerIndexCommand(program: Command): void {
  const index = program.command('index').description('综合指数（COINr 方法）: compute composite indices and their sensitivity');
  index
    .command('compute')
    .description('Run a recipe on a unit table and indicator metadata; write scores and ranks (or one data set) as CSV')
    .requiredOption('--data <file>', 'unit table CSV (uCode, uName, *_group, Time, indicator columns)')
    .requiredOption('--meta <file>', 'indicator metadata CSV (Level, iCode, iName, Direction, Weight, Unit, Target, Denominator, Parent, Type)')
    .requiredOption('--recipe <file>', 'recipe JSON {"steps": [...]}')
    .requiredOption('--out <file>', 'output CSV')
    .option('--dataset <name>', 'write this named data set instead of the scores (e.g. Normalised)')
    .option('--weights <file>', 'JSON of named weight sets {name: {iCode: weight}}')
    .action(async (opts: ComputeOptions) => {
      await computeIndex(opts).catch(report);
    });
  index
    .command('sensitivity')
    .description('Uncertainty / sensitivity analysis (Saltelli design) of the top-level ranks; writes JSON')
    .requiredOption('--data <file>', 'unit table CSV')
    .requiredOption('--meta <file>', 'indicator metadata CSV')
    .requiredOption('--recipe <file>', 'recipe JSON')
    .requiredOption('--spec <file>', 'uncertain inputs JSON {"inputs": [...], "type"?, "target"?, "dataset"?}')
    .requiredOption('--out <file>', 'output JSON')
    .option('--n <count>', 'Monte Carlo sample size N (SA runs N·(d+2) rebuilds)')
    .option('--seed <seed>', 'random seed, so a run can be repeated')
    .option('--type <type>', 'SA (default) or UA')
    .option('--weights <file>', 'JSON of named weight sets')
    .action(async (opts: SensitivityOptions) => {
      await sensitivityIndex(opts).catch(report);
    });
}
