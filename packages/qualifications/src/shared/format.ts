// Numbers as the messages show them. Display only: decisions never read these strings.

/**
 * x with at most two decimals ("3.2", "96", "-0.05"). Built from integers: converting a double to a string
 * is the most expensive step of a message, integers convert cheaply.
 */
export function fixed2(x: number): string {
  const n = Math.round(x * 100);
  const abs = n < 0 ? -n : n;
  const int = Math.floor(abs / 100);
  const frac = abs - int * 100;
  const sign = n < 0 ? '-' : '';
  if (frac === 0) return `${sign}${int}`;
  if (frac % 10 === 0) return `${sign}${int}.${frac / 10}`;
  return `${sign}${int}.${frac < 10 ? '0' : ''}${frac}`;
}

/** a/b as a percentage with at most two decimals, e.g. "3.2%". */
export function fmtPct(a: number, b: number): string {
  return `${fixed2((a / b) * 100)}%`;
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
  const tenths = Math.ceil(yuan / 1000);
  return `${Math.floor(tenths / 10)}.${tenths % 10}万元`;
}

/** 元 as 万元 (or 亿元 from 1亿) for thresholds and values, e.g. "5000万元", "2亿元". */
export function fmtMoney(yuan: number): string {
  if (Math.abs(yuan) >= 1e8) return `${fixed2(yuan / 1e8)}亿元`;
  return `${fixed2(yuan / 1e4)}万元`;
}

/** 元 in English: "CNY 50.0 million". */
export function fmtMoneyEn(yuan: number): string {
  return `CNY ${fixed2(yuan / 1e6)} million`;
}

/** The amount (元, to the fen, rounded up) that brings the ratio num/den up to p/q when added to num. */
export function shortfallToRatio(num: number, den: number, p: number, q: number): number {
  return Math.max(0, Math.ceil(((den * p) / q - num) * 100 - 1e-6) / 100);
}
