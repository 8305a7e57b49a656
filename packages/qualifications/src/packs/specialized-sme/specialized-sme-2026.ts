// 专精特新中小企业 (2026): 《优质中小企业梯度培育管理办法》（工信部企业〔2026〕2号）, in force from 2026-04-01.
// Known only from secondary sources (three agreeing, see DOMAIN and README); the new indicator system is not
// published in them, so the score (≥ 50) is left to manual review.
import type { Criterion, EvaluationContext, Gap, Profile, RulePack, RuleResult } from '../../types.ts';
import { criterion, gapFrom } from '../../shared/criterion.ts';
import { latestYear } from '../../shared/facts.ts';
import { noIncidents } from '../../shared/incidents.ts';
import { class1AtLeast } from '../../shared/ip-gate.ts';
import { amountGate, ratioGate } from '../../shared/parts.ts';
import { rdEachYear } from '../../shared/rd-years.ts';
import { all, outcomeOf, triOf } from '../../shared/tri.ts';
import { yearsOperating } from '../../shared/years.ts';
import { decideSpecializedSme2026 } from './specialized-sme-2026-decide.ts';

export const specializedSme2026: RulePack = {
  rule: 'specialized-sme',
  version: '2026',
  effectiveFrom: '2026-04-01',
  source: '优质中小企业梯度培育管理办法（工信部企业〔2026〕2号）— secondary sources',
  evaluate: evaluateSpecializedSme2026,
  decide: decideSpecializedSme2026,
};

export function evaluateSpecializedSme2026(p: Profile, ctx: EvaluationContext): RuleResult {
  const last = latestYear(p);
  const criteria: Criterion[] = [
    yearsOperating('years_operating', p, ctx.assessedOn, 3),
    amountGate('operating_revenue', last?.operatingRevenue, 15_000_000, { zh: '上年度营业收入', en: 'Last-year operating revenue' }),
    ratioGate('main_business_share', last?.mainBusinessRevenue, last?.operatingRevenue, 80, 'min', { zh: '主营业务收入占比', en: 'Main-business share' }),
    ratioGate('debt_ratio', last?.totalLiabilities, last?.totalAssets, 80, 'max', { zh: '资产负债率', en: 'Debt ratio' }),
    rdEachYear('rd_expense', p, { years: 2, minPercent: 3, minEachYear: 1_000_000 }),
    class1AtLeast('class1_ip', p, 1),
    noIncidents(p),
    criterion('score', 'manual_review', null, '≥ 50', { min: 0, max: 100 }, () => ['评价得分（≥ 50）：新指标体系需人工评审', 'Score (≥ 50): the new indicator system needs manual review']),
  ];
  const verdict = all(...criteria.map((c) => triOf(c.status)));
  const gaps: Gap[] = criteria.filter((c) => c.status === 'unmet').map(gapFrom);
  return { rule: 'specialized-sme', version: '2026', outcome: outcomeOf(verdict), score: { min: 0, max: 100 }, criteria, gaps };
}
