// Exact comparisons at band edges. A float computation decides only when it is far from the edge
// (relative margin 1e-9, millions of times the float error); anything closer is decided with bigint
// integers in fen (分), so a ratio of exactly 4% is never lost to 0.039999… .

export type Sign = -1 | 0 | 1;

const MARGIN = 1e-9;

/** Amount in 元 (or a count) as an exact integer number of fen. */
export function toFen(x: number): bigint {
  return BigInt(Math.round(x * 100));
}

function bigSign(d: bigint): Sign {
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

function floatSign(x: number, y: number): Sign | null {
  const d = x - y;
  const tol = (Math.abs(x) + Math.abs(y)) * MARGIN;
  if (d > tol) return 1;
  if (d < -tol) return -1;
  return null;
}

/** sign(a/b − p/q) for b > 0 and integers p ≥ 0, q > 0. */
export function cmpRatio(a: number, b: number, p: number, q: number): Sign {
  const s = floatSign(a * q, p * b);
  if (s !== null) return s;
  return bigSign(toFen(a) * BigInt(q) - BigInt(p) * toFen(b));
}

/** sign(a − b) for two amounts, exact to the fen. */
export function cmpAmount(a: number, b: number): Sign {
  const s = floatSign(a, b);
  if (s !== null) return s;
  return bigSign(toFen(a) - toFen(b));
}

/**
 * sign(½ × (y2/y1 + y3/y2) − 1 − p/q) for y1, y2 > 0: the 高企 growth rate against a band edge.
 * Multiplied out: (y2² + y1·y3)·q  vs  2·y1·y2·(q + p).
 */
export function cmpHnteGrowth(y1: number, y2: number, y3: number, p: number, q: number): Sign {
  const s = floatSign((y2 * y2 + y1 * y3) * q, 2 * y1 * y2 * (q + p));
  if (s !== null) return s;
  const [b1, b2, b3] = [toFen(y1), toFen(y2), toFen(y3)];
  return bigSign((b2 * b2 + b1 * b3) * BigInt(q) - 2n * b1 * b2 * BigInt(q + p));
}

/** sign(y2/y0 − 1 − p/q): a simple growth over one period. */
export function cmpGrowth(y0: number, y2: number, p: number, q: number): Sign {
  return cmpRatio(y2, y0, q + p, q);
}

/** sign(√(y2/y0) − 1 − p/q) for y0 > 0: a two-year compound annual growth rate against p/q. */
export function cmpCagr2(y0: number, y2: number, p: number, q: number): Sign {
  const s = floatSign(y2 * q * q, y0 * (q + p) * (q + p));
  if (s !== null) return s;
  const Q = BigInt(q);
  const P = BigInt(q + p);
  return bigSign(toFen(y2) * Q * Q - toFen(y0) * P * P);
}

/**
 * sign(((y1/y0 − 1) + (y2/y1 − 1)) / 2 − p/q) for y0, y1 > 0: the average of two yearly growth rates.
 * Multiplied out: (y1² + y0·y2)·q  vs  2·y0·y1·(q + p) — the same shape as the 高企 rate.
 */
export function cmpAvgGrowth2(y0: number, y1: number, y2: number, p: number, q: number): Sign {
  return cmpHnteGrowth(y0, y1, y2, p, q);
}
