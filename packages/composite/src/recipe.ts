// Recipe = list of steps, each reading a named data set (`from`) and writing a new one (`name`).
import { inputError } from './errors.ts';

export type ImputeMethod = 'groupMean' | 'mean' | 'median';
export type TransformFn = 'ln' | 'sqrt' | 'clamp';
export type NormaliseMethod =
  | 'minmax' | 'zscore' | 'rank' | 'borda' | 'prank' | 'goalposts' | 'dist2ref' | 'dist2max' | 'fracmax' | 'dist2targ' | 'none';
export type AggregationMethod = 'arithmetic' | 'geometric' | 'harmonic' | 'generalised';

interface StepBase {
  /** Data set to read; default the previous step's output (the first step reads `Raw`). */
  readonly from?: string;
  /** Data set to write; default the capitalised op (`Denominated`, `Imputed`, …). */
  readonly name?: string;
  /** When true the step copies its input unchanged (used to switch a step off in sensitivity analysis). */
  readonly skip?: boolean;
}

export type DenominateStep = StepBase & { readonly op: 'denominate' };
export type ImputeStep = StepBase & { readonly op: 'impute'; readonly method: ImputeMethod; readonly group?: string };
export type ScreenStep = StepBase & { readonly op: 'screen'; readonly minAvailability?: number };
export type TreatStep = StepBase & {
  readonly op: 'treat'; readonly skew?: number; readonly kurtosis?: number; readonly winmax?: number;
};
export type TransformStep = StepBase & {
  readonly op: 'transform'; readonly fn: TransformFn; readonly indicators: readonly string[]; readonly bounds?: readonly [number, number];
};
export type NormaliseStep = StepBase & {
  readonly op: 'normalise';
  readonly method?: NormaliseMethod;
  readonly range?: readonly [number, number];
  readonly meanSd?: readonly [number, number];
  readonly goalposts?: Readonly<Record<string, readonly [number, number, number]>>;
  readonly refUnit?: string;
  readonly capMax?: boolean;
};
export type AggregateStep = StepBase & {
  readonly op: 'aggregate';
  readonly method?: AggregationMethod | Readonly<Record<string, AggregationMethod>>;
  readonly p?: number;
  readonly minShare?: number;
  readonly weights?: string;
};

export type Step = DenominateStep | ImputeStep | ScreenStep | TreatStep | TransformStep | NormaliseStep | AggregateStep;
export type StepOp = Step['op'];
export interface Recipe {
  readonly steps: readonly Step[];
}

export const DEFAULT_NAMES: Readonly<Record<StepOp, string>> = {
  denominate: 'Denominated',
  impute: 'Imputed',
  screen: 'Screened',
  treat: 'Treated',
  transform: 'Transformed',
  normalise: 'Normalised',
  aggregate: 'Aggregated',
};

const BASE_KEYS = ['op', 'from', 'name', 'skip'];
const KEYS: Readonly<Record<StepOp, readonly string[]>> = {
  denominate: [],
  impute: ['method', 'group'],
  screen: ['minAvailability'],
  treat: ['skew', 'kurtosis', 'winmax'],
  transform: ['fn', 'indicators', 'bounds'],
  normalise: ['method', 'range', 'meanSd', 'goalposts', 'refUnit', 'capMax'],
  aggregate: ['method', 'p', 'minShare', 'weights'],
};
const NORMALISE: readonly NormaliseMethod[] = [
  'minmax', 'zscore', 'rank', 'borda', 'prank', 'goalposts', 'dist2ref', 'dist2max', 'fracmax', 'dist2targ', 'none',
];
const AGGREGATE: readonly AggregationMethod[] = ['arithmetic', 'geometric', 'harmonic', 'generalised'];

function bad(field: string, zhWhat: string, enWhat: string): never {
  throw inputError('bad_recipe_value', field, `配方中「${field}」无效：${zhWhat}`, `Recipe field ${field} is invalid: ${enWhat}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkNumber(v: unknown, field: string): void {
  if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) bad(field, '应为数字', 'must be a number');
}

function checkPair(v: unknown, field: string): void {
  if (v === undefined) return;
  if (!Array.isArray(v) || v.length !== 2 || v.some((x) => typeof x !== 'number' || !Number.isFinite(x))) {
    bad(field, '应为两个数字 [下限, 上限]', 'must be two numbers [lo, hi]');
  }
}

/** Checks a step object (from JSON) and returns it typed; unknown keys and bad values throw. */
export function parseStep(raw: unknown, field: string): Step {
  if (!isObject(raw)) bad(field, '每一步应为对象', 'each step must be an object');
  const op = raw['op'];
  if (typeof op !== 'string' || !(op in KEYS)) {
    throw inputError('bad_recipe_key', `${field}.op`, `配方步骤的 op「${String(op)}」未知`, `Unknown recipe op "${String(op)}"`);
  }
  const allowed = new Set([...BASE_KEYS, ...KEYS[op as StepOp]]);
  for (const k of Object.keys(raw)) {
    if (!allowed.has(k)) {
      throw inputError('bad_recipe_key', `${field}.${k}`, `步骤「${op}」不接受参数「${k}」`, `Step "${op}" does not take key "${k}"`);
    }
  }
  for (const k of ['from', 'name']) {
    if (raw[k] !== undefined && (typeof raw[k] !== 'string' || raw[k] === '')) bad(`${field}.${k}`, '应为非空字符串', 'must be a non-empty string');
  }
  if (raw['skip'] !== undefined && typeof raw['skip'] !== 'boolean') bad(`${field}.skip`, '应为 true 或 false', 'must be true or false');
  switch (op as StepOp) {
    case 'impute': {
      const m = raw['method'];
      if (m !== 'groupMean' && m !== 'mean' && m !== 'median') bad(`${field}.method`, '应为 groupMean、mean 或 median', 'must be groupMean, mean or median');
      if (m === 'groupMean' && (typeof raw['group'] !== 'string' || !raw['group'].endsWith('_group'))) {
        bad(`${field}.group`, 'groupMean 需要以 _group 结尾的分组列', 'groupMean needs a group column ending in _group');
      }
      break;
    }
    case 'screen': {
      checkNumber(raw['minAvailability'], `${field}.minAvailability`);
      const a = raw['minAvailability'];
      if (typeof a === 'number' && (a < 0 || a > 1)) bad(`${field}.minAvailability`, '应在 0 到 1 之间', 'must be between 0 and 1');
      break;
    }
    case 'treat':
      for (const k of ['skew', 'kurtosis', 'winmax']) checkNumber(raw[k], `${field}.${k}`);
      break;
    case 'transform': {
      const fn = raw['fn'];
      if (fn !== 'ln' && fn !== 'sqrt' && fn !== 'clamp') bad(`${field}.fn`, '应为 ln、sqrt 或 clamp', 'must be ln, sqrt or clamp');
      const ind = raw['indicators'];
      if (!Array.isArray(ind) || ind.some((x) => typeof x !== 'string')) bad(`${field}.indicators`, '应为指标代码列表', 'must be a list of iCodes');
      checkPair(raw['bounds'], `${field}.bounds`);
      if (fn === 'clamp' && raw['bounds'] === undefined) bad(`${field}.bounds`, 'clamp 需要 bounds', 'clamp needs bounds');
      break;
    }
    case 'normalise': {
      const m = raw['method'];
      if (m !== undefined && !NORMALISE.includes(m as NormaliseMethod)) {
        bad(`${field}.method`, `应为 ${NORMALISE.join('、')} 之一`, `must be one of ${NORMALISE.join(', ')}`);
      }
      checkPair(raw['range'], `${field}.range`);
      checkPair(raw['meanSd'], `${field}.meanSd`);
      const gp = raw['goalposts'];
      if (gp !== undefined) {
        if (!isObject(gp)) bad(`${field}.goalposts`, '应为 {指标代码: [下限, 上限, 比例]}', 'must be {iCode: [lo, hi, scale]}');
        for (const [k, v] of Object.entries(gp)) {
          if (!Array.isArray(v) || v.length !== 3 || v.some((x) => typeof x !== 'number' || !Number.isFinite(x))) {
            bad(`${field}.goalposts.${k}`, '应为 [下限, 上限, 比例]', 'must be [lo, hi, scale]');
          }
        }
      }
      if (m === 'goalposts' && gp === undefined) bad(`${field}.goalposts`, 'goalposts 方法需要 goalposts', 'the goalposts method needs goalposts');
      if (m === 'dist2ref' && typeof raw['refUnit'] !== 'string') bad(`${field}.refUnit`, 'dist2ref 需要参照单位 refUnit', 'dist2ref needs refUnit');
      if (raw['capMax'] !== undefined && typeof raw['capMax'] !== 'boolean') bad(`${field}.capMax`, '应为 true 或 false', 'must be true or false');
      break;
    }
    case 'aggregate': {
      const m = raw['method'];
      if (m !== undefined) {
        const values = typeof m === 'string' ? [m] : isObject(m) ? Object.values(m) : [null];
        if (values.some((x) => !AGGREGATE.includes(x as AggregationMethod))) {
          bad(`${field}.method`, `应为 ${AGGREGATE.join('、')} 之一，或 {层级: 方法}`, `must be one of ${AGGREGATE.join(', ')} or {level: method}`);
        }
        if (isObject(m)) for (const k of Object.keys(m)) if (!/^\d+$/.test(k)) bad(`${field}.method.${k}`, '层级应为整数', 'level must be an integer');
      }
      checkNumber(raw['p'], `${field}.p`);
      checkNumber(raw['minShare'], `${field}.minShare`);
      const usesGen = m === 'generalised' || (isObject(m) && Object.values(m).includes('generalised'));
      if (usesGen && (raw['p'] === undefined || raw['p'] === 0)) bad(`${field}.p`, '广义均值需要非零的 p', 'the generalised mean needs a non-zero p');
      if (raw['weights'] !== undefined && typeof raw['weights'] !== 'string') bad(`${field}.weights`, '应为权重集名称', 'must be a weight-set name');
      break;
    }
    case 'denominate':
      break;
  }
  return raw as unknown as Step;
}

export function parseRecipe(raw: unknown): Recipe {
  if (!isObject(raw) || !Array.isArray(raw['steps'])) {
    throw inputError('bad_recipe', 'steps', '配方应为 {"steps": [...]} 形式', 'A recipe must look like {"steps": [...]}');
  }
  for (const k of Object.keys(raw)) {
    if (k !== 'steps') throw inputError('bad_recipe_key', k, `配方不接受顶层参数「${k}」`, `Recipe does not take top-level key "${k}"`);
  }
  return { steps: (raw['steps'] as unknown[]).map((s, i) => parseStep(s, `steps[${i}]`)) };
}
