// Numbers as the messages show them. Display only: decisions never read these strings.

/** a/b as a percentage with at most two decimals, e.g. "3.2%". */
export function fmtPct(a: number, b: number): string {
  return `${round2((a / b) * 100)}%`;
}

/** a/b in percent, rounded to 2 decimals, as the criterion's reported value. */
export function pctValue(a: number, b: number): number {
  return round2((a / b) * 100);
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** 元 as 万元 with one decimal, rounded up so that a shortfall shown is always enough: "96.0万元". */
export function fmtWanCeil(yuan: number): string {
  return `${(Math.ceil(yuan / 1000) / 10).toFixed(1)}万元`;
}

/** 元 as 万元 (or 亿元 from 1亿) for thresholds and values, e.g. "5000万元", "2亿元". */
export function fmtMoney(yuan: number): string {
  if (Math.abs(yuan) >= 1e8) return `${round2(yuan / 1e8)}亿元`;
  return `${round2(yuan / 1e4)}万元`;
}

/** 元 in English: "CNY 50.0 million". */
export function fmtMoneyEn(yuan: number): string {
  return `CNY ${round2(yuan / 1e6)} million`;
}

/** The amount (元, to the fen, rounded up) that brings the ratio num/den up to p/q when added to num. */
export function shortfallToRatio(num: number, den: number, p: number, q: number): number {
  return Math.max(0, Math.ceil(((den * p) / q - num) * 100 - 1e-6) / 100);
}
