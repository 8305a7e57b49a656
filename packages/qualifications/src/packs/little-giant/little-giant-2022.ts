// 专精特新"小巨人"企业 (2022): 《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）附件3
// 《专精特新"小巨人"企业认定标准》: 专业化, 精细化, 特色化, 创新能力, 产业链配套, 主导产品所属领域.
import type { Criterion, EvaluationContext, FiscalYear, Gap, Profile, RulePack, RuleResult } from '../../types.ts';
import { criterion, gapFrom, missing, statusOf } from '../../shared/criterion.ts';
import { cmpAmount, cmpAvgGrowth2, cmpRatio } from '../../shared/exact.ts';
import { equityInLastYears, hasAward, hasRdInstitution, holdsCertificate, lastConsecutiveYears, latestYear } from '../../shared/facts.ts';
import { fmtMoney, fmtPct, round2 } from '../../shared/format.ts';
import { noIncidents } from '../../shared/incidents.ts';
import { class1AtLeast } from '../../shared/ip-gate.ts';
import { manualGate, ratioGate } from '../../shared/parts.ts';
import { all, any, outcomeOf, triOf, type Tri } from '../../shared/tri.ts';
import { endOfLastYear, yearsOperating } from '../../shared/years.ts';
import { decideLittleGiant2022 } from './little-giant-2022-decide.ts';

export const littleGiant2022: RulePack = {
  rule: 'little-giant',
  version: '2022',
  effectiveFrom: '2022-06-01',
  source: '优质中小企业梯度培育管理暂行办法（工信部企业〔2022〕63号）附件3 专精特新"小巨人"企业认定标准',
  evaluate: evaluateLittleGiant2022,
  decide: decideLittleGiant2022,
};

export function evaluateLittleGiant2022(p: Profile, ctx: EvaluationContext): RuleResult {
  const asOf = ctx.assessedOn;
  const last = latestYear(p);
  // 第十条: "小巨人" are recognised among 专精特新中小企业.
  const certified = certifiedGate(p, asOf);
  // (一) 专业化: 截至上年末从事特定细分市场时间达到3年以上，主营业务收入占营业收入比重不低于70%，近2年主营业务收入平均增长率不低于5%.
  const years = yearsOperating('years_operating', p, endOfLastYear(asOf), 3);
  const share = ratioGate('main_business_share', last?.mainBusinessRevenue, last?.operatingRevenue, 70, 'min', { zh: '主营业务收入占比', en: 'Main-business share' });
  const growth = mainGrowthGate(p);
  // (二) 精细化: 数字化水平、管理体系认证 (manual); 截至上年末资产负债率不高于70%.
  const debt = ratioGate('debt_ratio', last?.totalLiabilities, last?.totalAssets, 70, 'max', { zh: '资产负债率', en: 'Debt ratio' });
  const refinement = manualGate('refinement', '数字化水平二级以上、管理体系认证等', { zh: '精细化（数字化、质量管理）', en: 'Refinement (digitalisation, quality management)' });
  // (三) 特色化: 主导产品在全国细分市场占有率达到10%以上，且享有较高知名度和影响力; 拥有自主品牌.
  const marketShare = manualGate('market_share', '全国细分市场占有率 ≥ 10%', { zh: '全国细分市场占有率', en: 'National niche market share' });
  // (四) 创新能力: 一般性条件 (同时满足) 或创新直通条件.
  const rd = rdIntensity(p, last, asOf);
  const inst = rdInstitutionGate(p);
  const ip = class1AtLeast('class1_ip', p, 2);
  const directT = hasAward(p, asOf, 3, 'national', 3);
  const direct = criterion('innovation_direct', statusOf(directT), directT === 'maybe' ? null : directT === 'yes', '近三年国家级科技奖励且排名前三', null,
    () => [directT === 'yes' ? '创新直通：近三年国家级科技奖励（前三）' : directT === 'no' ? '无创新直通条件' : '奖励数据不全', directT === 'yes' ? 'Innovation direct condition: national award in 3 years (top 3)' : directT === 'no' ? 'No innovation direct condition' : 'Award data incomplete']);
  // (五) 产业链配套 and (六) 主导产品所属领域: judged on the application.
  const chain = manualGate('supply_chain', '位于产业链关键环节，配套能力强', { zh: '产业链配套', en: 'Supply-chain role' });
  const field = manualGate('product_field', '属于重点领域', { zh: '主导产品所属领域', en: 'Field of the main product' });
  const incidents = noIncidents(p);

  const innovation: Tri = any(directT, all(triOf(rd.status), triOf(inst.status), triOf(ip.status)));
  const gates = [certified, years, share, growth, debt, refinement, marketShare, chain, field, incidents];
  const verdict = all(...gates.map((c) => triOf(c.status)), innovation);
  const criteria = [certified, years, share, growth, debt, refinement, marketShare, rd, inst, ip, direct, chain, field, incidents];
  const gaps: Gap[] = gates.filter((c) => c.status === 'unmet').map(gapFrom);
  if (innovation === 'no') for (const c of [rd, inst, ip]) if (c.status === 'unmet') gaps.push(gapFrom(c));
  return { rule: 'little-giant', version: '2022', outcome: outcomeOf(verdict), score: null, criteria, gaps };
}

export function certifiedGate(p: Profile, asOf: string): Criterion {
  const t = holdsCertificate(p, 'specialized-sme', asOf);
  if (t === 'maybe') return missing('specialized_sme_certified', '有效专精特新中小企业', '证书', 'certificates');
  return criterion('specialized_sme_certified', statusOf(t), t === 'yes', '有效专精特新中小企业', null,
    () => [t === 'yes' ? '持有有效的专精特新中小企业认定' : '未持有有效的专精特新中小企业认定', t === 'yes' ? 'Holds a valid specialised-SME recognition' : 'No valid specialised-SME recognition']);
}

/** 近2年主营业务收入平均增长率 ≥ 5%: the average of the last two yearly rates (three fiscal years). */
function mainGrowthGate(p: Profile): Criterion {
  const ys = lastConsecutiveYears(p, 3);
  const [a, b, c] = ys.map((y) => y.mainBusinessRevenue);
  if (ys.length < 3 || a === undefined || b === undefined || c === undefined) return missing('main_revenue_growth', '≥ 5%', '近三年主营业务收入', 'main-business revenue for three years');
  if (a <= 0 || b <= 0) return criterion('main_revenue_growth', 'unmet', null, '≥ 5%', null, () => ['基期主营业务收入为0，无法计算增长率', 'No base-year main revenue: no growth rate']);
  const ok = cmpAvgGrowth2(a, b, c, 5, 100) >= 0;
  const rate = round2(((b / a + c / b) / 2 - 1) * 100);
  return criterion('main_revenue_growth', ok ? 'met' : 'unmet', rate, '≥ 5%', null, () => [`近2年主营业务收入平均增长率 ${rate}% ${ok ? '≥' : '<'} 5%`, `Average main-business growth over 2 years ${rate}% ${ok ? '≥' : '<'} 5%`]);
}

/**
 * 一般性条件1: 上年度营业收入 > 1亿 → 近2年研发费用占营业收入比重均 ≥ 3%; 5,000万–1亿 → 均 ≥ 6%;
 * < 5,000万 → 近2年新增股权融资 ≥ 8,000万，且研发费用总额 ≥ 3,000万、研发人员占比 ≥ 50%.
 */
function rdIntensity(p: Profile, last: FiscalYear | undefined, asOf: string): Criterion {
  const id = 'rd_intensity';
  const rev = last?.operatingRevenue;
  if (rev === undefined) return missing(id, '按营业收入分档', '上年度营业收入', 'last-year operating revenue');
  const two = lastConsecutiveYears(p, 2);
  if (cmpAmount(rev, 50_000_000) >= 0) {
    const pct = cmpAmount(rev, 100_000_000) > 0 ? 3 : 6;
    if (two.length < 2 || two.some((y) => y.rdExpense === undefined || y.operatingRevenue === undefined)) return missing(id, `近2年均 ≥ ${pct}%`, '近2年研发费用和营业收入', 'R&D and revenue for 2 years');
    const low = two.filter((y) => !(y.operatingRevenue! > 0 && cmpRatio(y.rdExpense!, y.operatingRevenue!, pct, 100) >= 0));
    const ok = low.length === 0;
    return criterion(id, ok ? 'met' : 'unmet', null, `近2年均 ≥ ${pct}%`, null, () => {
      const shown = two.map((y) => (y.operatingRevenue! > 0 ? fmtPct(y.rdExpense!, y.operatingRevenue!) : '—')).join('、');
      return [`近2年研发费用占营业收入 ${shown}（要求均 ≥ ${pct}%）`, `R&D share in the last 2 years ${shown} (each must be ≥ ${pct}%)`];
    });
  }
  const equity = equityInLastYears(p, asOf, 2);
  const rdTotal = two.length === 2 && two.every((y) => y.rdExpense !== undefined) ? two[0]!.rdExpense! + two[1]!.rdExpense! : null;
  const fin: Tri = equity === null ? 'maybe' : cmpAmount(equity, 80_000_000) >= 0 ? 'yes' : 'no';
  const rdOk: Tri = rdTotal === null ? 'maybe' : cmpAmount(rdTotal, 30_000_000) >= 0 ? 'yes' : 'no';
  const staff: Tri = p.rdStaff === undefined || p.employees === undefined ? 'maybe' : p.employees > 0 && cmpRatio(p.rdStaff, p.employees, 50, 100) >= 0 ? 'yes' : 'no';
  const t = all(fin, rdOk, staff);
  const threshold = '近2年股权融资 ≥ 8000万元、研发费用 ≥ 3000万元、研发人员占比 ≥ 50%';
  return criterion(id, statusOf(t), rdTotal, threshold, null,
    () => [`营业收入 ${fmtMoney(rev)} < 5000万元：近2年股权融资 ${equity === null ? '—' : fmtMoney(equity)}，研发费用 ${rdTotal === null ? '—' : fmtMoney(rdTotal)}`, `Revenue below CNY 50 million: needs ≥ CNY 80 million equity, ≥ CNY 30 million R&D and ≥ 50% R&D staff over 2 years`]);
}

function rdInstitutionGate(p: Profile): Criterion {
  const t = hasRdInstitution(p, ['national', 'provincial', 'municipal']);
  if (t === 'maybe') return missing('rd_institution', '建有研发机构', '研发机构', 'R&D institutions');
  return criterion('rd_institution', statusOf(t), t === 'yes', '建有研发机构', null,
    () => [t === 'yes' ? '建有研发机构' : '未建立研发机构（技术研究院、企业技术中心、工程中心等）', t === 'yes' ? 'Has an R&D institution' : 'No R&D institution']);
}
