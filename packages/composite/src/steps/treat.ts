// COINr Treat with its default specs: check_SkewKurt, then winsorise, then log_CT on the original values.
import { inputError } from '../errors.ts';
import type { TreatStep } from '../recipe.ts';
import { kurt, skew } from '../stats.ts';
import type { DataSet } from '../types.ts';

export type TreatStatus = 'pass' | 'winsorised' | 'log' | 'passNA';

export interface TreatDetail {
  readonly iCode: string;
  readonly status: TreatStatus;
  /** Points set by winsorisation (COINr's nwin), 0 when none. */
  readonly nWinsorised: number;
  /** Skew and kurtosis before and after treatment. */
  readonly skewBefore: number;
  readonly kurtBefore: number;
  readonly skewAfter: number;
  readonly kurtAfter: number;
  /** Whether the final values pass the check (false for a log that still fails). */
  readonly passes: boolean;
  /** Per unit: 'winhi', 'winlo', 'log' or '' (COINr's Treated_Points). */
  readonly points: readonly string[];
}

interface Thresholds {
  readonly skew: number;
  readonly kurt: number;
}

/** TRUE = pass, FALSE = fail, null = NA (constant column): |skew| < s OR kurtosis < k. */
function check(x: Float64Array, t: Thresholds, code: string): { pass: boolean | null; sk: number; kt: number } {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]!)) n++;
  if (n < 4) {
    throw inputError('too_few_values', `treat.${code}`, `「${code}」的非缺失值少于 4 个，无法计算偏度和峰度`,
      `${code} has fewer than 4 non-missing values: skew and kurtosis cannot be computed`);
  }
  const sk = skew(x);
  const kt = kurt(x);
  if (Number.isNaN(sk) || Number.isNaN(kt)) return { pass: null, sk, kt };
  return { pass: Math.abs(sk) < t.skew || kt < t.kurt, sk, kt };
}

/** COINr winsorise(): replace all points equal to the max (or min) by the next value, until pass or winmax. */
function winsorise(x0: Float64Array, t: Thresholds, winmax: number, code: string): { x: Float64Array; nwin: number; imax: number[]; imin: number[] } {
  const x = x0.slice();
  let imax: number[] = [];
  let imin: number[] = [];
  let nwin = 0;
  let passing = check(x, t, code).pass;
  while (passing === false && nwin < winmax) {
    if (skew(x) >= 0) {
      let mx = -Infinity;
      for (const v of x) if (v > mx) mx = v;
      imax = [];
      let next = -Infinity;
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        if (v === mx) imax.push(i);
        else if (v > next) next = v;
      }
      for (const i of imax) x[i] = next;
    } else {
      let mn = Infinity;
      for (const v of x) if (v < mn) mn = v;
      imin = [];
      let next = Infinity;
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        if (v === mn) imin.push(i);
        else if (v < next) next = v;
      }
      for (const i of imin) x[i] = next;
    }
    // COINr counts the points at the current extremes: previously winsorised points tie with them
    nwin = imax.length + imin.length;
    passing = check(x, t, code).pass;
  }
  return { x, nwin, imax, imin };
}

/** COINr log_CT(): ln(x − min + 0.01·(max − min)). */
function logCT(x: Float64Array): Float64Array {
  let mn = Infinity;
  let mx = -Infinity;
  for (const v of x) {
    if (v < mn) mn = v;
    if (v > mx) mx = v;
  }
  return x.map((v) => Math.log(v - mn + 0.01 * (mx - mn)));
}

export function treatColumn(x: Float64Array, t: Thresholds, winmax: number, code: string): { x: Float64Array; detail: TreatDetail } {
  const points = new Array<string>(x.length).fill('');
  const c0 = check(x, t, code);
  const base = { iCode: code, skewBefore: c0.sk, kurtBefore: c0.kt };
  if (c0.pass !== false) {
    return {
      x: x.slice(),
      detail: { ...base, status: c0.pass === null ? 'passNA' : 'pass', nWinsorised: 0, skewAfter: c0.sk, kurtAfter: c0.kt, passes: c0.pass === true, points },
    };
  }
  const w = winsorise(x, t, winmax, code);
  const c1 = check(w.x, t, code);
  for (const i of w.imax) points[i] = 'winhi';
  for (const i of w.imin) points[i] = 'winlo';
  if (c1.pass !== false) {
    return {
      x: w.x,
      detail: { ...base, status: c1.pass === null ? 'passNA' : 'winsorised', nWinsorised: w.nwin, skewAfter: c1.sk, kurtAfter: c1.kt, passes: c1.pass === true, points },
    };
  }
  // still failing: log-transform the ORIGINAL values (COINr combine_treat = FALSE)
  const l = logCT(x);
  const c2 = check(l, t, code);
  return {
    x: l,
    detail: {
      ...base, status: 'log', nWinsorised: w.nwin, skewAfter: c2.sk, kurtAfter: c2.kt, passes: c2.pass === true,
      points: points.map((p) => (p === '' ? 'log' : `${p}+log`)),
    },
  };
}

export function treat(input: DataSet, step: TreatStep): { data: DataSet; report: readonly TreatDetail[] } {
  const t = { skew: step.skew ?? 2, kurt: step.kurtosis ?? 3.5 };
  const winmax = step.winmax ?? 5;
  const report: TreatDetail[] = [];
  const columns = input.columns.map((c, k) => {
    const r = treatColumn(c, t, winmax, input.iCodes[k]!);
    report.push(r.detail);
    return r.x;
  });
  return { data: { uCodes: input.uCodes, iCodes: input.iCodes, columns }, report };
}
