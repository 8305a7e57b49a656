// Statistics with R's conventions: NaN stands for NA and is skipped where R uses na.rm = TRUE.

/** Non-missing values of a column, in order. */
export function present(x: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (!Number.isNaN(v)) out.push(v);
  }
  return out;
}

export function mean(x: ArrayLike<number>): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (!Number.isNaN(v)) {
      s += v;
      n++;
    }
  }
  return n === 0 ? Number.NaN : s / n;
}

/** R's median: mean of the two middle values when n is even. */
export function median(x: ArrayLike<number>): number {
  const v = present(x).sort((a, b) => a - b);
  const n = v.length;
  if (n === 0) return Number.NaN;
  const h = n >> 1;
  return n % 2 === 1 ? v[h]! : (v[h - 1]! + v[h]!) / 2;
}

/** Sample standard deviation (denominator n − 1), as R's sd(). */
export function sd(x: ArrayLike<number>): number {
  const m = mean(x);
  let ss = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (!Number.isNaN(v)) {
      ss += (v - m) * (v - m);
      n++;
    }
  }
  return n < 2 ? Number.NaN : Math.sqrt(ss / (n - 1));
}

export function minMax(x: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** Central moment sums over the non-missing values: n, Σd², Σd³, Σd⁴. */
function moments(x: ArrayLike<number>): { n: number; m2: number; m3: number; m4: number } {
  const m = mean(x);
  let n = 0;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (Number.isNaN(v)) continue;
    const d = v - m;
    const d2 = d * d;
    n++;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  return { n, m2, m3, m4 };
}

/** Skewness as e1071::skewness type 2 (Excel's SKEW), which COINr's skew() uses. Needs 3 values. */
export function skew(x: ArrayLike<number>): number {
  const { n, m2, m3 } = moments(x);
  if (n < 3) return Number.NaN;
  const y = (Math.sqrt(n) * m3) / Math.pow(m2, 1.5);
  return (y * Math.sqrt(n * (n - 1))) / (n - 2);
}

/** Excess kurtosis as e1071::kurtosis type 2 (Excel's KURT), which COINr's kurt() uses. Needs 4 values. */
export function kurt(x: ArrayLike<number>): number {
  const { n, m2, m4 } = moments(x);
  if (n < 4) return Number.NaN;
  const r = (n * m4) / (m2 * m2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

/**
 * R's rank(x, ties.method = "min", na.last = "keep"): ascending, tied values share the lowest rank,
 * NA stays NA. Pass descending = true for "higher score = rank 1" (rank(-x)).
 */
export function rankMin(x: ArrayLike<number>, descending = false): Float64Array {
  const n = x.length;
  const out = new Float64Array(n).fill(Number.NaN);
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(x[i]!)) idx.push(i);
  const sign = descending ? -1 : 1;
  idx.sort((a, b) => sign * (x[a]! - x[b]!));
  let k = 0;
  while (k < idx.length) {
    let j = k;
    const v = x[idx[k]!]!;
    while (j + 1 < idx.length && x[idx[j + 1]!]! === v) j++;
    for (let t = k; t <= j; t++) out[idx[t]!] = k + 1;
    k = j + 1;
  }
  return out;
}

/** R's quantile(x, p, type = 7, na.rm = TRUE). */
export function quantile7(x: ArrayLike<number>, p: number): number {
  const v = present(x).sort((a, b) => a - b);
  const n = v.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return v[lo]! + (h - lo) * (v[hi]! - v[lo]!);
}

/** Pearson correlation over pairwise-complete observations (R's use = "pairwise.complete.obs"). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    n++;
    sx += a;
    sy += b;
  }
  if (n < 2) return Number.NaN;
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    sxy += (a - mx) * (b - my);
    sxx += (a - mx) * (a - mx);
    syy += (b - my) * (b - my);
  }
  return sxy / Math.sqrt(sxx * syy);
}
