// 专精特新"小巨人"企业 (2026): 《优质中小企业梯度培育管理办法》（工信部企业〔2026〕2号）, in force from 2026-04-01.
// Known from secondary sources (three agreeing, see DOMAIN and README); the scoring system is left to review.
import type { Criterion, EvaluationContext, Gap, Profile, RulePack, RuleResult } from '../../types.ts';
import { criterion, gapFrom, missing } from '../../shared/criterion.ts';
import { cmpCagr2 } from '../../shared/exact.ts';
import { lastConsecutiveYears, latestYear } from '../../shared/facts.ts';
import { round2 } from '../../shared/format.ts';
import { noIncidents } from '../../shared/incidents.ts';
import { class1AtLeast } from '../../shared/ip-gate.ts';
import { amountGate, manualGate, ratioGate } from '../../shared/parts.ts';
import { rdEachYear } from '../../shared/rd-years.ts';
import { all, outcomeOf, triOf } from '../../shared/tri.ts';
import { certifiedGate } from './little-giant-2022.ts';
import { decideLittleGiant2026 } from './little-giant-2026-decide.ts';

export const littleGiant2026: RulePack = {
  rule: 'little-giant',
  version: '2026',
  effectiveFrom: '2026-04-01',
  source: '优质中小企业梯度培育管理办法（工信部企业〔2026〕2号）— secondary sources',
  evaluate: evaluateLittleGiant2026,
  decide: decideLittleGiant2026,
};

export function evaluateLittleGiant2026(p: Profile, ctx: EvaluationContext): RuleResult {
  const last = latestYear(p);
  const criteria: Criterion[] = [
    certifiedGate(p, ctx.assessedOn),
    amountGate('operating_revenue', last?.operatingRevenue, 50_000_000, { zh: '上年度营业收入', en: 'Last-year operating revenue' }),
    ratioGate('main_business_share', last?.mainBusinessRevenue, last?.operatingRevenue, 90, 'min', { zh: '主营业务收入占比', en: 'Main-business share' }),
    cagrGate(p),
    ratioGate('debt_ratio', last?.totalLiabilities, last?.totalAssets, 75, 'max', { zh: '资产负债率', en: 'Debt ratio' }),
    rdEachYear('rd_expense', p, { years: 2, minPercent: 3, minTotal: 12_000_000 }),
    class1AtLeast('class1_ip', p, 4),
    manualGate('market_position', '全国细分市场占有率 ≥ 10% 或国内前三', { zh: '细分市场地位', en: 'Niche market position' }),
    noIncidents(p),
    criterion('score', 'manual_review', null, '≥ 60', { min: 0, max: 100 }, () => ['评价得分（≥ 60）：需人工评审', 'Score (≥ 60): needs manual review']),
  ];
  const verdict = all(...criteria.map((c) => triOf(c.status)));
  const gaps: Gap[] = criteria.filter((c) => c.status === 'unmet').map(gapFrom);
  return { rule: 'little-giant', version: '2026', outcome: outcomeOf(verdict), score: { min: 0, max: 100 }, criteria, gaps };
}

/** 近2年主营业务收入复合增长率 ≥ 5%: √(Y3/Y1) − 1 over the last three fiscal years. */
function cagrGate(p: Profile): Criterion {
  const ys = lastConsecutiveYears(p, 3);
  const a = ys[0]?.mainBusinessRevenue;
  const c = ys[2]?.mainBusinessRevenue;
  if (ys.length < 3 || a === undefined || c === undefined) return missing('revenue_cagr', '≥ 5%', '近三年主营业务收入', 'main-business revenue for three years');
  if (a <= 0) return criterion('revenue_cagr', 'unmet', null, '≥ 5%', null, () => ['基期主营业务收入为0', 'No base-year main revenue']);
  const ok = cmpCagr2(a, c, 5, 100) >= 0;
  const rate = round2((Math.sqrt(c / a) - 1) * 100);
  return criterion('revenue_cagr', ok ? 'met' : 'unmet', rate, '≥ 5%', null, () => [`近2年复合增长率 ${rate}% ${ok ? '≥' : '<'} 5%`, `2-year CAGR ${rate}% ${ok ? '≥' : '<'} 5%`]);
}
