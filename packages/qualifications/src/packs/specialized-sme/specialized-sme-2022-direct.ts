// 专精特新中小企业 (2022) 附件2 一(四): the conditions that pass without the score (直通条件), read the same way
// by the full evaluation and the decision-only path. Condition 4 (近三年进入"创客中国"中小企业创新创业大赛
// 全国500强企业组名单) is not in the profile and is not counted.
import type { FiscalYear, Profile } from '../../types.ts';
import { cmpAmount } from '../../shared/exact.ts';
import { equityInLastYears, hasAward } from '../../shared/facts.ts';
import { any, type Tri } from '../../shared/tri.ts';

/** 2. 近两年研发费用总额均值在1000万元以上: an average of 1,000万 over two years is a total of 2,000万. */
export const RD_TWO_YEAR_TOTAL = 20_000_000;
/** 3. 近两年新增股权融资总额（合格机构投资者的实缴额）6000万元以上. */
export const EQUITY_TWO_YEARS = 60_000_000;

export interface Direct2022 {
  /** 1. 近三年获得过省级科技奖励并在获奖单位中排名前三，或获得国家级科技奖励并在获奖单位中排名前五. */
  award: Tri;
  rd: Tri;
  equity: Tri;
}

/** `years2`: the last two consecutive fiscal years, oldest first (fewer when a year is missing). */
export function direct2022(p: Profile, asOf: string, years2: readonly FiscalYear[]): Direct2022 {
  const award = any(hasAward(p, asOf, 3, 'provincial', 3), hasAward(p, asOf, 3, 'national', 5));
  // R&D is never negative, so a known total already at 2,000万 passes even when a year is missing.
  let rdTotal = 0;
  let complete = years2.length === 2;
  for (const y of years2) {
    if (y.rdExpense === undefined) complete = false;
    else rdTotal += y.rdExpense;
  }
  const rd: Tri = cmpAmount(rdTotal, RD_TWO_YEAR_TOTAL) >= 0 ? 'yes' : complete ? 'no' : 'maybe';
  const eq = equityInLastYears(p, asOf, 2);
  const equity: Tri = eq === null ? 'maybe' : cmpAmount(eq, EQUITY_TWO_YEARS) >= 0 ? 'yes' : 'no';
  return { award, rd, equity };
}

export function directTri(d: Direct2022): Tri {
  return any(d.award, d.rd, d.equity);
}
