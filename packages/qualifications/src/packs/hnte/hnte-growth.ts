// 高新技术企业认定管理工作指引（国科发火〔2016〕195号）三(四) 企业成长性评价 (净资产增长率、销售收入增长率, 各 ≤ 10 分):
// 增长率 = 1/2 × (第二年/第一年 + 第三年/第二年) − 1. "如果第一年…为0，则按后两年计算；第二年…为0的，按0分计算";
// "增长率为负的，按0分计算". Fewer than three years of operation: the actual period (实际经营期).
import { bandBy, pct, rest, type Band } from '../../shared/bands.ts';
import { cmpGrowth, cmpHnteGrowth } from '../../shared/exact.ts';
import { round2 } from '../../shared/format.ts';

/** A ≥35% 9–10, B ≥25% 7–8, C ≥15% 5–6, D ≥5% 3–4, E >0 1–2, F ≤0 0. */
export const GROWTH_BANDS: readonly Band[] = [pct(35, 9, 10), pct(25, 7, 8), pct(15, 5, 6), pct(5, 3, 4), pct(0, 1, 2, true), rest(0)];

export interface GrowthScore {
  /** Index into GROWTH_BANDS. */
  band: number;
  /** The rate in percent for display (null when the text scores it 0 without a rate). */
  ratePct: number | null;
  /** Why the rate was scored 0 without a band, or which formula was used. */
  basis: 'three_years' | 'last_two_years' | 'two_years' | 'year2_zero' | 'negative_base' | 'single_year';
}

const ZERO = GROWTH_BANDS.length - 1;

/** Scores a growth series, oldest first (1 to 3 values). */
export function scoreGrowth(ys: readonly number[]): GrowthScore {
  if (ys.length < 2) return { band: ZERO, ratePct: null, basis: 'single_year' };
  if (ys.length === 2) return twoYears(ys[0]!, ys[1]!, 'two_years');
  const [y1, y2, y3] = ys as [number, number, number];
  if (y2 === 0) return { band: ZERO, ratePct: null, basis: 'year2_zero' };
  if (y1 === 0) return twoYears(y2, y3, 'last_two_years');
  // A negative base (net assets below zero) makes the ratios meaningless; the text scores it 0 (see README).
  if (y1 < 0 || y2 < 0) return { band: ZERO, ratePct: null, basis: 'negative_base' };
  const band = bandBy((p, q) => cmpHnteGrowth(y1, y2, y3, p, q), GROWTH_BANDS);
  return { band, ratePct: round2((0.5 * (y2 / y1 + y3 / y2) - 1) * 100), basis: 'three_years' };
}

function twoYears(a: number, b: number, basis: 'two_years' | 'last_two_years'): GrowthScore {
  if (a <= 0) return { band: ZERO, ratePct: null, basis: 'negative_base' };
  const band = bandBy((p, q) => cmpGrowth(a, b, p, q), GROWTH_BANDS);
  return { band, ratePct: round2((b / a - 1) * 100), basis };
}
