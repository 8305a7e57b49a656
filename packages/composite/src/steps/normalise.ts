// COINr Normalise: multiply by Direction first, then apply one n_* function per column.
import { inputError } from '../errors.ts';
import type { Framework } from '../framework.ts';
import type { NormaliseStep } from '../recipe.ts';
import { mean, rankMin, sd } from '../stats.ts';
import type { DataSet } from '../types.ts';

function extremes(x: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of x) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

export function nMinmax(x: Float64Array, lo = 0, hi = 100): Float64Array {
  const [mn, mx] = extremes(x);
  return x.map((v) => ((v - mn) / (mx - mn)) * (hi - lo) + lo);
}

export function nZscore(x: Float64Array, m = 0, s = 1): Float64Array {
  const mu = mean(x);
  const sigma = sd(x);
  return x.map((v) => ((v - mu) / sigma) * s + m);
}

export function nRank(x: Float64Array): Float64Array {
  return rankMin(x);
}

export function nBorda(x: Float64Array): Float64Array {
  return rankMin(x).map((r) => r - 1);
}

export function nPrank(x: Float64Array): Float64Array {
  let n = 0;
  for (const v of x) if (!Number.isNaN(v)) n++;
  return rankMin(x).map((r) => (r - 1) / (n - 1));
}

/** (x − lo)/(hi − lo), truncated to [0, 1], times scale. */
export function nGoalposts(x: Float64Array, lo: number, hi: number, scale: number): Float64Array {
  return x.map((v) => {
    let y = (v - lo) / (hi - lo);
    if (y > 1) y = 1;
    if (y < 0) y = 0;
    return y * scale;
  });
}

export function nDist2ref(x: Float64Array, iref: number, capMax = false): Float64Array {
  const [mn] = extremes(x);
  const ref = x[iref]!;
  return x.map((v) => {
    const y = 1 - (ref - v) / (ref - mn);
    return capMax && y > 1 ? 1 : y;
  });
}

export function nDist2max(x: Float64Array): Float64Array {
  const [mn, mx] = extremes(x);
  return x.map((v) => 1 - (mx - v) / (mx - mn));
}

export function nFracmax(x: Float64Array): Float64Array {
  const [, mx] = extremes(x);
  return x.map((v) => v / mx);
}

/** Distance to target, direction 1 (COINr passes the target already multiplied by Direction). */
export function nDist2targ(x: Float64Array, targ: number, capMax = false): Float64Array {
  const [mn] = extremes(x);
  return x.map((v) => {
    const y = (v - mn) / (targ - mn);
    return capMax && y > 1 ? 1 : y;
  });
}

export function normalise(input: DataSet, fw: Framework, step: NormaliseStep): DataSet {
  const method = step.method ?? 'minmax';
  let iref = -1;
  if (method === 'dist2ref') {
    iref = input.uCodes.indexOf(step.refUnit ?? '');
    if (iref < 0) {
      throw inputError('bad_recipe_value', 'normalise.refUnit', `参照单位「${step.refUnit ?? ''}」不在数据集中`, `Reference unit "${step.refUnit ?? ''}" is not in the data set`);
    }
  }
  const columns = input.columns.map((src, k) => {
    const code = input.iCodes[k]!;
    const m = fw.meta.get(code);
    const dir = m?.direction ?? 1;
    const x = dir === 1 ? src : src.map((v) => v * dir);
    switch (method) {
      case 'minmax': {
        const [lo, hi] = step.range ?? [0, 100];
        return nMinmax(x, lo, hi);
      }
      case 'zscore': {
        const [mu, s] = step.meanSd ?? [0, 1];
        return nZscore(x, mu, s);
      }
      case 'rank':
        return nRank(x);
      case 'borda':
        return nBorda(x);
      case 'prank':
        return nPrank(x);
      case 'goalposts': {
        const gp = step.goalposts?.[code];
        if (gp === undefined) {
          throw inputError('bad_recipe_value', `normalise.goalposts.${code}`, `缺少指标「${code}」的目标值区间`, `No goalposts given for ${code}`);
        }
        const [lo, hi, scale] = gp;
        // as COINr's iMeta goalposts: for Direction −1 the posts are negated and swapped
        return dir === -1 ? nGoalposts(x, -hi, -lo, scale) : nGoalposts(x, lo, hi, scale);
      }
      case 'dist2ref':
        return nDist2ref(x, iref, step.capMax ?? false);
      case 'dist2max':
        return nDist2max(x);
      case 'fracmax':
        return nFracmax(x);
      case 'dist2targ': {
        const targ = m?.target ?? Number.NaN;
        if (Number.isNaN(targ)) {
          throw inputError('bad_recipe_value', `meta.${code}.Target`, `距目标值法需要指标「${code}」的 Target`, `dist2targ needs a Target for ${code}`);
        }
        return nDist2targ(x, targ * dir, step.capMax ?? false);
      }
      case 'none':
        return x.slice();
    }
  });
  return { uCodes: input.uCodes, iCodes: input.iCodes, columns };
}
