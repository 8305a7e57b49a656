// Uncertainty and sensitivity analysis as COINr get_sensitivity(): Saltelli A/B/AB design, discrete or uniform
// inputs, ranks of the target per replication, rank statistics and first-order / total sensitivity indices.
import { CompositeInputError, inputError } from './errors.ts';
import type { Framework } from './framework.ts';
import { runFrom, runRecipe, type Coin, type RunOptions } from './pipeline.ts';
import { parseStep, type Recipe, type Step, type StepOp } from './recipe.ts';
import { createRng, type Rng } from './rng.ts';
import { mean, median, quantile7, rankMin } from './stats.ts';
import type { WeightSet } from './types.ts';

export interface SensitivityInput {
  readonly name: string;
  /** Step to vary: its index in the recipe, or an op name (the first step with that op). */
  readonly step?: number | StepOp;
  /** Discrete alternatives: each is merged into the step (e.g. `{"method": "zscore"}` or `{"skip": true}`). */
  readonly alternatives?: readonly Readonly<Record<string, unknown>>[];
  /** Continuous uniform input: the numeric step key to set and its [lo, hi] range. */
  readonly param?: string;
  readonly range?: readonly [number, number];
  /** Weight noise by metadata level: weight · (1 + f·U(−1, 1)), as COINr get_noisy_weights(). */
  readonly weightNoise?: Readonly<Record<string, number>>;
  /** Number of noisy weight sets drawn up front (COINr's Nrep); default 100. */
  readonly weightSets?: number;
}

export interface SensitivitySpec {
  /** "UA" runs N replications; "SA" runs N·(d + 2) and estimates sensitivity indices. */
  readonly type: 'UA' | 'SA';
  readonly n: number;
  readonly seed: number;
  /** Target data set and code; default the last data set and the top aggregate. */
  readonly dataset?: string;
  readonly target?: string;
  readonly inputs: readonly SensitivityInput[];
}

export interface RankStat {
  readonly uCode: string;
  readonly nominal: number;
  readonly mean: number;
  readonly median: number;
  readonly q5: number;
  readonly q95: number;
}

export interface SensitivityIndex {
  readonly input: string;
  /** First-order index S_i. */
  readonly si: number;
  /** Total-order index S_Ti. */
  readonly sti: number;
}

export interface SensitivityResult {
  readonly type: 'UA' | 'SA';
  readonly n: number;
  readonly seed: number;
  readonly runs: number;
  readonly failedRuns: number;
  readonly target: string;
  readonly dataset: string;
  readonly nominal: readonly { uCode: string; score: number; rank: number }[];
  readonly rankStats: readonly RankStat[];
  readonly sensitivity?: readonly SensitivityIndex[];
  /** Variance of the SA output (mean absolute rank shift), COINr's SA_estimate()$Variance. */
  readonly outputVariance?: number;
}

function specError(field: string, zh: string, en: string): CompositeInputError {
  return inputError('bad_sensitivity_spec', field, zh, en);
}

/** COINr SA_sample(): rows A (N), B (N), then A with column i taken from B, for i = 1..d. */
export function saltelliSample(n: number, d: number, rng: Rng): Float64Array[] {
  // R fills the N × 2d base matrix column by column
  const base: Float64Array[] = [];
  for (let j = 0; j < 2 * d; j++) {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = rng.next();
    base.push(col);
  }
  const rows: Float64Array[] = [];
  for (let i = 0; i < n; i++) rows.push(Float64Array.from({ length: d }, (_, j) => base[j]![i]!));
  for (let i = 0; i < n; i++) rows.push(Float64Array.from({ length: d }, (_, j) => base[d + j]![i]!));
  for (let k = 0; k < d; k++) {
    for (let i = 0; i < n; i++) rows.push(Float64Array.from({ length: d }, (_, j) => (j === k ? base[d + j]![i]! : base[j]![i]!)));
  }
  return rows;
}

/**
 * R's cut(x, nAlt, labels = 1:nAlt) as COINr sample_2_para() uses it: nAlt equal intervals over the range of
 * the whole sample column (extended by 0.1% at both ends), right-closed. Returns 0-based alternative indices.
 */
export function cutIndices(x: ArrayLike<number>, nAlt: number): Int32Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    lo = Math.min(lo, x[i]!);
    hi = Math.max(hi, x[i]!);
  }
  const dx = hi - lo;
  const breaks = new Float64Array(nAlt + 1);
  const by = dx / nAlt;
  for (let k = 0; k <= nAlt; k++) breaks[k] = lo + k * by;
  breaks[0] = lo - dx / 1000;
  breaks[nAlt] = hi + dx / 1000;
  const out = new Int32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    let k = 0;
    while (k < nAlt - 1 && x[i]! > breaks[k + 1]!) k++;
    out[i] = k;
  }
  return out;
}

/** COINr SA_estimate(): S_i = mean(yB·(yABi − yA))/V, S_Ti = Σ(yA − yABi)²/(2N·V), V = var(c(yA, yB)). */
export function saEstimate(y: ArrayLike<number>, n: number, d: number): { variance: number; si: number[]; sti: number[] } {
  const yA = Array.from({ length: n }, (_, i) => y[i]!);
  const yB = Array.from({ length: n }, (_, i) => y[n + i]!);
  const all = [...yA, ...yB];
  const m = all.reduce((s, v) => s + v, 0) / all.length;
  const variance = all.reduce((s, v) => s + (v - m) * (v - m), 0) / (all.length - 1);
  const si: number[] = [];
  const sti: number[] = [];
  for (let k = 0; k < d; k++) {
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const yab = y[(2 + k) * n + i]!;
      s1 += yB[i]! * (yab - yA[i]!);
      s2 += (yA[i]! - yab) * (yA[i]! - yab);
    }
    si.push(s1 / n / variance);
    sti.push(s2 / (2 * n * variance));
  }
  return { variance, si, sti };
}

function resolveStep(recipe: Recipe, input: SensitivityInput, field: string): number {
  const s = input.step;
  if (typeof s === 'number') {
    if (!Number.isInteger(s) || s < 0 || s >= recipe.steps.length) throw specError(`${field}.step`, '步骤序号超出配方范围', 'step index is outside the recipe');
    return s;
  }
  const idx = recipe.steps.findIndex((st) => st.op === (s ?? 'aggregate'));
  if (idx < 0) throw specError(`${field}.step`, `配方中没有「${s ?? 'aggregate'}」步骤`, `The recipe has no "${s ?? 'aggregate'}" step`);
  return idx;
}

interface PreparedInput {
  readonly stepIndex: number;
  readonly nAlt: number;
  /** Applies the sampled value (u in [0,1], or the discrete index) to a copy of the steps. */
  apply(steps: Step[], value: number, weightSets: Record<string, WeightSet>): void;
  readonly discrete: boolean;
}

/** COINr get_noisy_weights(): each listed level's weights get w·f·U(−1, 1) added, Nrep times. */
function noisyWeights(fw: Framework, baseW: WeightSet, noise: Readonly<Record<string, number>>, nRep: number, rng: Rng): WeightSet[] {
  const out: WeightSet[] = [];
  for (let r = 0; r < nRep; r++) {
    const w: Record<string, number> = { ...baseW };
    for (const [lev, f] of Object.entries(noise)) {
      for (const m of fw.meta.values()) {
        if (m.level !== Number(lev) || !(m.iCode in w)) continue;
        w[m.iCode] = w[m.iCode]! + (rng.next() * 2 - 1) * f * w[m.iCode]!;
      }
    }
    out.push(w);
  }
  return out;
}

function prepare(fw: Framework, recipe: Recipe, opts: RunOptions, input: SensitivityInput, k: number, rng: Rng): PreparedInput {
  const field = `inputs[${k}]`;
  const idx = resolveStep(recipe, input, field);
  if (input.weightNoise !== undefined) {
    const st = recipe.steps[idx]!;
    if (st.op !== 'aggregate') throw specError(`${field}.step`, '权重扰动只能作用于 aggregate 步骤', 'weight noise applies to an aggregate step');
    const baseName = st.weights ?? 'Original';
    const baseW = { ...fw.originalWeights, ...(opts.weightSets?.[baseName] ?? {}) };
    const sets = noisyWeights(fw, baseW, input.weightNoise, input.weightSets ?? 100, rng);
    return {
      stepIndex: idx, nAlt: sets.length, discrete: true,
      apply(steps, value, ws) {
        const name = `__noise_${k}_${value}`;
        ws[name] = sets[value]!;
        steps[idx] = { ...(steps[idx] as Step & { op: 'aggregate' }), weights: name };
      },
    };
  }
  if (input.alternatives !== undefined) {
    if (input.alternatives.length < 2) throw specError(`${field}.alternatives`, '至少需要两个备选值', 'at least two alternatives are needed');
    const merged = input.alternatives.map((a, j) => parseStep({ ...recipe.steps[idx], ...a }, `${field}.alternatives[${j}]`));
    return {
      stepIndex: idx, nAlt: merged.length, discrete: true,
      apply(steps, value) {
        // later inputs on the same step keep their own keys: merge only this input's keys
        steps[idx] = { ...steps[idx], ...input.alternatives![value] } as Step;
        void merged;
      },
    };
  }
  if (input.param !== undefined && input.range !== undefined) {
    const [lo, hi] = input.range;
    if (!(hi > lo)) throw specError(`${field}.range`, '区间上限须大于下限', 'range upper bound must exceed the lower');
    parseStep({ ...recipe.steps[idx], [input.param]: lo }, field);
    return {
      stepIndex: idx, nAlt: 0, discrete: false,
      apply(steps, value) {
        steps[idx] = { ...steps[idx], [input.param!]: value * (hi - lo) + lo } as Step;
      },
    };
  }
  throw specError(field, '每个输入需要 alternatives、param+range 或 weightNoise 之一', 'each input needs alternatives, param + range, or weightNoise');
}

export function runSensitivity(fw: Framework, recipe: Recipe, spec: SensitivitySpec, opts: RunOptions = {}): SensitivityResult {
  const d = spec.inputs.length;
  if (!Number.isInteger(spec.n) || spec.n <= 2) throw specError('n', 'N 须为大于 2 的整数', 'N must be an integer above 2');
  if (d === 0) throw specError('inputs', '至少需要一个不确定输入', 'at least one uncertain input is needed');
  if (spec.type === 'SA' && d === 1) throw specError('type', '只有一个输入时不能做敏感性分析，请用 UA', 'sensitivity analysis needs two or more inputs: use UA');
  const names = new Set<string>();
  spec.inputs.forEach((inp, k) => {
    if (typeof inp.name !== 'string' || inp.name === '' || names.has(inp.name)) throw specError(`inputs[${k}].name`, '输入名称须非空且唯一', 'input names must be non-empty and unique');
    names.add(inp.name);
  });

  const rng = createRng(spec.seed);
  const nominalCoin = runRecipe(fw, recipe, opts);
  const dataset = spec.dataset ?? nominalCoin.last;
  const target = spec.target ?? (fw.aggregatesByLevel.get(fw.nLevels) ?? [])[0] ?? '';
  const scoreOf = (coin: Coin): Map<string, number> => {
    const ds = coin.data.get(dataset);
    if (ds === undefined) throw specError('dataset', `数据集「${dataset}」不存在`, `Data set "${dataset}" does not exist`);
    const k = ds.iCodes.indexOf(target);
    if (k < 0) throw specError('target', `目标「${target}」不在数据集「${dataset}」中`, `Target ${target} is not in data set ${dataset}`);
    return new Map(ds.uCodes.map((u, i) => [u, ds.columns[k]![i]!]));
  };
  const nominalScores = scoreOf(nominalCoin);

  const prepared = spec.inputs.map((inp, k) => prepare(fw, recipe, opts, inp, k, rng));
  const rows = spec.type === 'SA' ? saltelliSample(spec.n, d, rng) : Array.from({ length: spec.n }, () => Float64Array.from({ length: d }, () => rng.next()));
  const nRuns = rows.length;
  const values = prepared.map((p, j) => {
    const col = Float64Array.from(rows, (r) => r[j]!);
    return p.discrete ? Float64Array.from(cutIndices(col, p.nAlt)) : col;
  });
  const startAt = Math.min(...prepared.map((p) => p.stepIndex));

  const uCodes = fw.uCodes;
  const nU = uCodes.length;
  const nominal = Float64Array.from(uCodes, (u) => nominalScores.get(u) ?? Number.NaN);
  const nominalRank = rankMin(nominal, true);
  const ranks: Float64Array[] = [];
  const cache = new Map<string, Float64Array>();
  let failed = 0;
  for (let r = 0; r < nRuns; r++) {
    const key = prepared.map((_, j) => values[j]![r]!).join(',');
    let rank = cache.get(key);
    if (rank === undefined) {
      const steps = recipe.steps.slice();
      const ws: Record<string, WeightSet> = { ...(opts.weightSets ?? {}) };
      prepared.forEach((p, j) => p.apply(steps, values[j]![r]!, ws));
      let scores: Float64Array;
      try {
        const coin = runFrom(fw, { steps }, { weightSets: ws }, startAt, nominalCoin);
        const m = scoreOf(coin);
        scores = Float64Array.from(uCodes, (u) => m.get(u) ?? Number.NaN);
      } catch (err) {
        // as COINr: a replication whose methods conflict (e.g. a geometric mean of zeros) yields NA
        if (!(err instanceof CompositeInputError) || err.code === 'bad_sensitivity_spec') throw err;
        scores = new Float64Array(nU).fill(Number.NaN);
        failed++;
      }
      rank = rankMin(scores, true);
      cache.set(key, rank);
    }
    ranks.push(rank);
  }

  const statRuns = spec.type === 'SA' ? 2 * spec.n : nRuns;
  const rankStats: RankStat[] = [];
  const per = new Float64Array(statRuns);
  for (let u = 0; u < nU; u++) {
    for (let r = 0; r < statRuns; r++) per[r] = ranks[r]![u]!;
    if (Number.isNaN(nominalRank[u]!) && per.every((v) => Number.isNaN(v))) continue;
    rankStats.push({ uCode: uCodes[u]!, nominal: nominalRank[u]!, mean: mean(per), median: median(per), q5: quantile7(per, 0.05), q95: quantile7(per, 0.95) });
  }

  const base = {
    type: spec.type, n: spec.n, seed: spec.seed, runs: nRuns, failedRuns: failed, target, dataset,
    nominal: uCodes.map((u, i) => ({ uCode: u, score: nominal[i]!, rank: nominalRank[i]! })).filter((x) => !Number.isNaN(x.score)),
    rankStats,
  };
  if (spec.type === 'UA') return base;
  // SA output per run: mean absolute rank shift from nominal over units
  const y = ranks.map((rk) => {
    let s = 0;
    let c = 0;
    for (let u = 0; u < nU; u++) {
      const v = Math.abs(rk[u]! - nominalRank[u]!);
      if (!Number.isNaN(v)) {
        s += v;
        c++;
      }
    }
    return c === 0 ? Number.NaN : s / c;
  });
  const est = saEstimate(y, spec.n, d);
  return {
    ...base,
    outputVariance: est.variance,
    sensitivity: spec.inputs.map((inp, j) => ({ input: inp.name, si: est.si[j]!, sti: est.sti[j]! })),
  };
}
