// Runs a recipe: each step reads a named data set and writes a new one, so any step can be re-run or compared.
import { inputError } from './errors.ts';
import type { Framework } from './framework.ts';
import { DEFAULT_NAMES, type Recipe, type Step } from './recipe.ts';
import { aggregate } from './steps/aggregate.ts';
import { denominate } from './steps/denominate.ts';
import { impute, type ImputeReport } from './steps/impute.ts';
import { normalise } from './steps/normalise.ts';
import { screen, type ScreenReport } from './steps/screen.ts';
import { treat, type TreatDetail } from './steps/treat.ts';
import { transform } from './steps/transform.ts';
import type { DataSet, WeightSet } from './types.ts';

export interface StepRecord {
  readonly op: Step['op'];
  readonly from: string;
  readonly name: string;
  readonly skipped: boolean;
  readonly treated?: readonly TreatDetail[];
  readonly screened?: ScreenReport;
  readonly imputed?: ImputeReport;
}

export interface Coin {
  readonly framework: Framework;
  /** Every data set by name, starting with `Raw`. */
  readonly data: ReadonlyMap<string, DataSet>;
  readonly log: readonly StepRecord[];
  /** Name of the last data set written. */
  readonly last: string;
}

export interface RunOptions {
  /** Named weight sets (COINr `.$Meta$Weights`); `Original` is always the metadata's Weight column. */
  readonly weightSets?: Readonly<Record<string, WeightSet>>;
}

function runStep(step: Step, input: DataSet, fw: Framework, opts: RunOptions, field: string): { data: DataSet; record: Partial<StepRecord> } {
  switch (step.op) {
    case 'denominate':
      return { data: denominate(input, fw), record: {} };
    case 'impute': {
      const r = impute(input, fw, step);
      return { data: r.data, record: { imputed: r.report } };
    }
    case 'screen': {
      const r = screen(input, step);
      return { data: r.data, record: { screened: r.report } };
    }
    case 'treat': {
      const r = treat(input, step);
      return { data: r.data, record: { treated: r.report } };
    }
    case 'transform':
      return { data: transform(input, step), record: {} };
    case 'normalise':
      return { data: normalise(input, fw, step), record: {} };
    case 'aggregate': {
      const name = step.weights ?? 'Original';
      const w = name === 'Original' ? (opts.weightSets?.['Original'] ?? fw.originalWeights) : opts.weightSets?.[name];
      if (w === undefined) {
        throw inputError('bad_recipe_value', `${field}.weights`, `权重集「${name}」不存在`, `Weight set "${name}" does not exist`);
      }
      return { data: aggregate(input, fw, step, { ...fw.originalWeights, ...w }), record: {} };
    }
  }
}

/**
 * Runs steps[startAt..] on top of already computed data sets (used by sensitivity analysis to restart
 * after the last step whose parameters do not vary).
 */
export function runFrom(fw: Framework, recipe: Recipe, opts: RunOptions, startAt: number, prior: Coin | null): Coin {
  const data = new Map<string, DataSet>(prior === null ? [['Raw', fw.raw]] : prior.data);
  const log: StepRecord[] = prior === null ? [] : prior.log.slice(0, startAt);
  let last = prior === null || startAt === 0 ? 'Raw' : log[startAt - 1]!.name;
  recipe.steps.forEach((step, i) => {
    if (i < startAt) return;
    const field = `steps[${i}]`;
    const from = step.from ?? last;
    const input = data.get(from);
    if (input === undefined) {
      throw inputError('unknown_dataset', `${field}.from`, `数据集「${from}」不存在`, `Data set "${from}" does not exist`);
    }
    const name = step.name ?? DEFAULT_NAMES[step.op];
    if (step.skip === true) {
      data.set(name, input);
      log.push({ op: step.op, from, name, skipped: true });
    } else {
      const r = runStep(step, input, fw, opts, field);
      data.set(name, r.data);
      log.push({ ...r.record, op: step.op, from, name, skipped: false });
    }
    last = name;
  });
  return { framework: fw, data, log, last };
}

export function runRecipe(fw: Framework, recipe: Recipe, opts: RunOptions = {}): Coin {
  return runFrom(fw, recipe, opts, 0, null);
}

export function getDataSet(coin: Coin, name: string): DataSet {
  const d = coin.data.get(name);
  if (d === undefined) {
    throw inputError('unknown_dataset', 'dataset', `数据集「${name}」不存在`, `Data set "${name}" does not exist`);
  }
  return d;
}
