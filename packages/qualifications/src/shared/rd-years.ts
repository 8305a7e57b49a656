// R&D conditions that must hold in each of the last n fiscal years (the 2026 texts and 小巨人 2022).
import type { Criterion, FiscalYear, Profile } from '../types.ts';
import { criterion, missing } from './criterion.ts';
import { cmpAmount, cmpRatio } from './exact.ts';
import { lastConsecutiveYears } from './facts.ts';
import { fmtMoney, fmtMoneyEn, fmtPct } from './format.ts';

export interface RdEachYearRule {
  years: number;
  /** Minimum R&D share of operating revenue each year, in percent (one decimal at most). */
  minPercent: number;
  /** Minimum R&D each year, 元. */
  minEachYear?: number;
  /** Minimum R&D summed over the years, 元. */
  minTotal?: number;
}

export function rdEachYear(id: string, p: Profile, rule: RdEachYearRule): Criterion {
  const parts: string[] = [`每年 ≥ ${rule.minPercent}%`];
  if (rule.minEachYear !== undefined) parts.push(`每年 ≥ ${fmtMoney(rule.minEachYear)}`);
  if (rule.minTotal !== undefined) parts.push(`合计 ≥ ${fmtMoney(rule.minTotal)}`);
  const threshold = `近${rule.years}年研发费用 ${parts.join('，')}`;
  const ys: FiscalYear[] = lastConsecutiveYears(p, rule.years);
  if (ys.length < rule.years || ys.some((y) => y.rdExpense === undefined || y.operatingRevenue === undefined))
    return missing(id, threshold, `近${rule.years}年研发费用和营业收入`, `R&D and operating revenue for the last ${rule.years} years`);
  const q = Math.round(rule.minPercent * 10);
  const fails: string[] = [];
  const failsEn: string[] = [];
  let total = 0;
  for (const y of ys) {
    const rd = y.rdExpense!;
    const rev = y.operatingRevenue!;
    total += rd;
    if (rev <= 0 || cmpRatio(rd, rev, q, 1000) < 0) {
      fails.push(`${y.year}年占比 ${rev > 0 ? fmtPct(rd, rev) : '—'} < ${rule.minPercent}%`);
      failsEn.push(`${y.year}: ${rev > 0 ? fmtPct(rd, rev) : '—'} < ${rule.minPercent}%`);
    }
    if (rule.minEachYear !== undefined && cmpAmount(rd, rule.minEachYear) < 0) {
      fails.push(`${y.year}年 ${fmtMoney(rd)} < ${fmtMoney(rule.minEachYear)}`);
      failsEn.push(`${y.year}: ${fmtMoneyEn(rd)} < ${fmtMoneyEn(rule.minEachYear)}`);
    }
  }
  if (rule.minTotal !== undefined && cmpAmount(total, rule.minTotal) < 0) {
    fails.push(`合计 ${fmtMoney(total)} < ${fmtMoney(rule.minTotal)}，还差 ${fmtMoney(rule.minTotal - total)}`);
    failsEn.push(`total ${fmtMoneyEn(total)} < ${fmtMoneyEn(rule.minTotal)}`);
  }
  const ok = fails.length === 0;
  return criterion(id, ok ? 'met' : 'unmet', total, threshold, null,
    () => [ok ? `近${rule.years}年研发投入满足要求（合计 ${fmtMoney(total)}）` : `研发投入不足：${fails.join('；')}`, ok ? `R&D in the last ${rule.years} years meets the rule (total ${fmtMoneyEn(total)})` : `R&D short: ${failsEn.join('; ')}`]);
}
