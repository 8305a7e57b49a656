// 专精特新中小企业 (2022): 《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）附件2《专精特新中小企业认定标准》.
// The 13 indicators and their bands were checked against reproductions of the attachment (see the README);
// 特色化 (15) is set by each province. Edges: "X以上" includes X (民法典第1259条); where two bands of the text
// share an edge ("70%-80%" and "60%-70%", "60%-70%" and "70%以上"), the edge goes to the better-scoring band,
// as in the other packs.
import type { Criterion, EvaluationContext, FiscalYear, Gap, Profile, RdInstitution, RulePack, RuleResult, ScoreRange } from '../../types.ts';
import { pct, rest, type Band } from '../../shared/bands.ts';
import { criterion, gap, gapFrom, missing, statusOf } from '../../shared/criterion.ts';
import { cmpAmount, cmpAvgGrowth2, cmpRatio } from '../../shared/exact.ts';
import { equityInLastYears, ipCounts, lastConsecutiveYears, latestYear } from '../../shared/facts.ts';
import { fmtMoney, fmtMoneyEn, fmtPct, round2 } from '../../shared/format.ts';
import { noIncidents } from '../../shared/incidents.ts';
import { amountGate, atMostPart, cmpPart, manualPart, ratioGate, ratioPart } from '../../shared/parts.ts';
import { fmtPoints, hi, range, reaches, sumPoints } from '../../shared/points.ts';
import { all, any, outcomeOf, triOf, type Tri } from '../../shared/tri.ts';
import { endOfLastYear, yearsOperating } from '../../shared/years.ts';
import { decideSpecializedSme2022 } from './specialized-sme-2022-decide.ts';
import { direct2022, directTri, type Direct2022 } from './specialized-sme-2022-direct.ts';

export const specializedSme2022: RulePack = {
  rule: 'specialized-sme',
  version: '2022',
  effectiveFrom: '2022-06-01',
  source: '优质中小企业梯度培育管理暂行办法（工信部企业〔2022〕63号）附件2 专精特新中小企业认定标准',
  evaluate: evaluateSpecializedSme2022,
  decide: decideSpecializedSme2022,
};

// 指标1 上年度主营业务收入总额占营业收入总额比重 (5分): 80%以上 5, 70%-80% 3, 60%-70% 1, 60%以下 0.
export const SHARE_BANDS: readonly Band[] = [pct(80, 5), pct(70, 3), pct(60, 1), rest(0)];
// 指标2 近2年主营业务收入平均增长率 (10分): 10%以上 10, 8%-10% 8, 6%-8% 6, 4%-6% 4, 0%-4% 2, 0%以下 0.
export const GROWTH_BANDS: readonly Band[] = [pct(10, 10), pct(8, 8), pct(6, 6), pct(4, 4), pct(0, 2), rest(0)];
// 指标7 上年度净利润率 (10分): 10%以上 10, 8%-10% 8, 6%-8% 6, 4%-6% 4, 2%-4% 2, 2%以下 0.
export const MARGIN_BANDS: readonly Band[] = [pct(10, 10), pct(8, 8), pct(6, 6), pct(4, 4), pct(2, 2), rest(0)];
// 指标8 上年度资产负债率 (5分): 50%以下 5, 50%-60% 3, 60%-70% 1, 70%以上 0.
export const DEBT_BANDS = [[50, 5, false], [60, 3, false], [70, 1, false]] as const;
// 指标12 上年度研发人员占比 (5分): 20%以上 5, 10%-20% 3, 5%-10% 1, 5%以下 0.
export const RD_STAFF_BANDS: readonly Band[] = [pct(20, 5), pct(10, 3), pct(5, 1), rest(0)];
// 指标11 上年度研发费用投入 (10分): 500万元以上或10%以上 10, 400-500万元或8%-10% 8, 300-400万元或6%-8% 6,
// 200-300万元或4%-6% 4, 100-200万元或3%-4% 2, 不属于以上情况 0 — the better of amount and share counts.
export const RD_RATIO_BANDS: readonly Band[] = [pct(10, 10), pct(8, 8), pct(6, 6), pct(4, 4), pct(3, 2), rest(0)];
export const RD_AMOUNT_EDGES = [[5_000_000, 10], [4_000_000, 8], [3_000_000, 6], [2_000_000, 4], [1_000_000, 2]] as const;
const PASS_MARK = 60;
const DIRECT_THRESHOLD = '近三年省级科技奖励前三或国家级科技奖励前五；近两年研发费用均值 ≥ 1000万元；近两年股权融资 ≥ 6000万元';

export function evaluateSpecializedSme2022(p: Profile, ctx: EvaluationContext): RuleResult {
  const asOf = ctx.assessedOn;
  const last = latestYear(p);
  const three = lastConsecutiveYears(p, 3);

  // 一(一) 从事特定细分市场时间达到2年以上.
  const niche = yearsOperating('niche_years', p, asOf, 2);
  // 一(二) 上年度研发费用总额不低于100万元，且占营业收入总额比重不低于3%.
  const rdAmount = amountGate('rd_expense', last?.rdExpense, 1_000_000, { zh: '上年度研发费用', en: 'Last-year R&D expense' });
  const rdShare = ratioGate('rd_expense_ratio', last?.rdExpense, last?.operatingRevenue, 3, 'min', { zh: '上年度研发费用占营业收入比重', en: 'Last-year R&D share of operating revenue' });
  // 一(三) 上年度营业收入总额在1000万元以上，或近2年新增股权融资总额（合格机构投资者的实缴额）达到2000万元以上.
  const revenue = revenueOrFinancing(p, last, asOf);
  const incidents = noIncidents(p);

  // 一(四) 评价得分达到60分以上: 专业化 25、精细化 25、特色化 15、创新能力 35.
  const parts: Criterion[] = [
    ratioPart('main_business_share', last?.mainBusinessRevenue, last?.operatingRevenue, SHARE_BANDS, 5, { zh: '上年度主营业务收入占营业收入比重', en: 'Last-year main-business share' }),
    mainGrowth(three),
    nicheYearsScore(p, asOf),
    manualPart('product_field', 5, { zh: '主导产品所属领域情况', en: 'Field of the main product' }),
    manualPart('digitalisation', 5, { zh: '数字化水平', en: 'Digitalisation level' }),
    manualPart('quality_management', 5, { zh: '质量管理水平', en: 'Quality management' }),
    ratioPart('net_profit_margin', last?.netProfit, last?.operatingRevenue, MARGIN_BANDS, 10, { zh: '上年度净利润率', en: 'Last-year net profit margin' }),
    atMostPart('debt_ratio', last?.totalLiabilities, last?.totalAssets, DEBT_BANDS, 5, { zh: '上年度资产负债率', en: 'Last-year debt ratio' }),
    manualPart('distinctiveness', 15, { zh: '特色化指标（省级设定）', en: 'Distinctiveness (set by the province)' }),
    ipScore(p),
    rdScore(last),
    ratioPart('rd_staff_ratio', p.rdStaff, p.employees, RD_STAFF_BANDS, 5, { zh: '上年度研发人员占比', en: 'Last-year R&D staff share' }),
    rdInstitutionScore(p),
  ];
  const maxes = [5, 10, 5, 5, 5, 5, 10, 5, 15, 10, 10, 5, 10];
  const total = sumPoints(parts.map((c, i) => ({ points: c.points, max: maxes[i]! })));
  const scorePass = reaches(total, PASS_MARK, false, 100);
  const anyUnknown = parts.some((c) => c.status === 'unknown');
  const score = criterion('score', scorePass === 'maybe' ? (anyUnknown ? 'unknown' : 'manual_review') : statusOf(scorePass),
    typeof total === 'number' ? total : null, '≥ 60', total, () => [`13项指标评价得分 ${fmtPoints(total)}（须 ≥ 60）`, `Score on the 13 indicators ${fmtPoints(total)} (needs ≥ 60)`]);

  // 一(四) 或满足下列条件之一 (specialized-sme-2022-direct.ts): 省级科技奖励前三或国家级科技奖励前五 (近三年);
  // 近两年研发费用总额均值 ≥ 1000万元; 近两年新增股权融资 ≥ 6000万元. ("创客中国"500强 is not in the profile.)
  const d = direct2022(p, asOf, lastConsecutiveYears(p, 2));
  const directT = directTri(d);
  const direct = criterion('direct_pass', statusOf(directT), directT === 'maybe' ? null : directT === 'yes', DIRECT_THRESHOLD, null, () => directMessages(d, directT));

  const gates = [niche, rdAmount, rdShare, revenue, incidents];
  const verdict: Tri = all(...gates.map((c) => triOf(c.status)), any(directT, scorePass));
  const gaps: Gap[] = gates.filter((c) => c.status === 'unmet').map((c) => rdGap(c, last) ?? gapFrom(c));
  if (directT === 'no' && scorePass === 'no') {
    const short = PASS_MARK - hi(total, 100);
    gaps.push(gap('score', short, 'points', `评价得分最高 ${hi(total, 100)} < 60：还差 ${short} 分`, `Highest possible score ${hi(total, 100)} < 60: ${short} points short`));
  }
  return { rule: 'specialized-sme', version: '2022', outcome: outcomeOf(verdict), score: total, criteria: [...gates, ...parts, score, direct], gaps };
}

function rdGap(c: Criterion, last: FiscalYear | undefined): Gap | null {
  if (c.id === 'rd_expense' && last?.rdExpense !== undefined) {
    const need = Math.round((1_000_000 - last.rdExpense) * 100) / 100;
    return gap(c.id, need, 'yuan', `${c.message}：还需增加研发投入 ${fmtMoney(need)}`, `${c.message_en}: ${fmtMoneyEn(need)} more R&D needed`);
  }
  return null;
}

function revenueOrFinancing(p: Profile, last: FiscalYear | undefined, asOf: string): Criterion {
  const rev: Tri = last?.operatingRevenue === undefined ? 'maybe' : cmpAmount(last.operatingRevenue, 10_000_000) >= 0 ? 'yes' : 'no';
  const equity = equityInLastYears(p, asOf, 2);
  const fin: Tri = equity === null ? 'maybe' : cmpAmount(equity, 20_000_000) >= 0 ? 'yes' : 'no';
  const t = any(rev, fin);
  const threshold = '营业收入 ≥ 1000万元 或 近2年股权融资 ≥ 2000万元';
  const revenue = last?.operatingRevenue;
  if (t === 'maybe') return missing('revenue_or_financing', threshold, '上年度营业收入或近2年股权融资', 'last-year operating revenue or equity financing in the last 2 years');
  return criterion('revenue_or_financing', t === 'yes' ? 'met' : 'unmet', revenue ?? null, threshold, null,
    () => [`上年度营业收入 ${revenue === undefined ? '—' : fmtMoney(revenue)}，近2年股权融资 ${equity === null ? '—' : fmtMoney(equity)}`, `Last-year operating revenue ${revenue === undefined ? '—' : fmtMoneyEn(revenue)}, equity financing in 2 years ${equity === null ? '—' : fmtMoneyEn(equity)}`]);
}

/** 指标2 近2年主营业务收入平均增长率 = (上年度增长率 + 上上年度增长率) / 2; needs three fiscal years. */
function mainGrowth(three: FiscalYear[]): Criterion {
  const n = { zh: '近2年主营业务收入平均增长率', en: 'Average main-business growth over 2 years' };
  const [a, b, c] = three.map((y) => y.mainBusinessRevenue);
  if (three.length < 3 || a === undefined || b === undefined || c === undefined) return missing('main_revenue_growth', '≤ 10 分', '近三年主营业务收入', 'main-business revenue for the last three years');
  if (a <= 0 || b <= 0) return cmpPart('main_revenue_growth', null, null, GROWTH_BANDS, 10, n, '基期主营业务收入为0');
  return cmpPart('main_revenue_growth', (pp, q) => cmpAvgGrowth2(a, b, c, pp, q), round2(((b / a + c / b) / 2 - 1) * 100), GROWTH_BANDS, 10, n);
}

/** 指标3 从事特定细分市场年限: 每满2年得1分，最高5分 (from the founding date, see README). */
function nicheYearsScore(p: Profile, asOf: string): Criterion {
  const c = yearsOperating('niche_years_score', p, endOfLastYear(asOf), 0);
  if (c.status === 'unknown') return missing('niche_years_score', '≤ 5 分', '成立日期', 'founding date');
  const years = typeof c.value === 'number' ? c.value : 0;
  const pts = Math.min(5, Math.floor(years / 2));
  return criterion('niche_years_score', pts > 0 ? 'met' : 'unmet', years, '≤ 5 分', pts, () => [`从事细分市场 ${years} 年（按成立日期），得 ${pts} 分`, `${years} years in the niche (from the founding date): ${pts} points`]);
}

/** 指标10 有效知识产权 (10分): Ⅰ类高价值 10, 自主研发Ⅰ类 8, Ⅰ类 6, Ⅱ类 2, 无 0 — high value needs review. */
function ipScore(p: Profile): Criterion {
  const c = ipCounts(p);
  if (c === null) return missing('ip', '≤ 10 分', '知识产权', 'intellectual property');
  const points = c.class1Self > 0 ? range(8, 10) : c.class1 > 0 ? range(6, 10) : c.class2 > 0 ? 2 : 0;
  return criterion('ip', hi(points, 10) > 0 ? 'met' : 'unmet', c.class1 + c.class2, '≤ 10 分', points,
    () => [`Ⅰ类 ${c.class1} 项（自主 ${c.class1Self}）、Ⅱ类 ${c.class2} 项，得 ${fmtPoints(points)} 分`, `Class I ${c.class1} (self ${c.class1Self}), class II ${c.class2}: ${fmtPoints(points)} points`]);
}

/** 指标11 上年度研发费用投入 (10分): the better of the amount (500/400/300/200/100万) and the share (10/8/6/4/3%). */
function rdScore(last: FiscalYear | undefined): Criterion {
  if (last?.rdExpense === undefined) return missing('rd_investment', '≤ 10 分', '上年度研发费用', 'last-year R&D expense');
  const rd = last.rdExpense;
  let byAmount = 0;
  for (const [edge, pts] of RD_AMOUNT_EDGES)
    if (cmpAmount(rd, edge) >= 0) {
      byAmount = pts;
      break;
    }
  const rev = last.operatingRevenue;
  let byRatio: number | null = null;
  if (rev !== undefined) {
    byRatio = 0;
    if (rev > 0)
      for (const b of RD_RATIO_BANDS)
        if (b.edge === null || cmpRatio(rd, rev, b.edge[0], b.edge[1]) >= 0) {
          byRatio = b.points[0];
          break;
        }
  }
  const points = byRatio === null ? range(byAmount, 10) : Math.max(byAmount, byRatio);
  return criterion('rd_investment', typeof points !== 'number' ? 'unknown' : points > 0 ? 'met' : 'unmet', rd, '≤ 10 分', points,
    () => [`上年度研发费用 ${fmtMoney(rd)}${rev ? `（占营业收入 ${fmtPct(rd, rev)}）` : ''}，得 ${fmtPoints(points)} 分`, `Last-year R&D ${fmtMoneyEn(rd)}${rev ? ` (${fmtPct(rd, rev)} of revenue)` : ''}: ${fmtPoints(points)} points`]);
}

function directMessages(d: Direct2022, t: 'yes' | 'no' | 'maybe'): [string, string] {
  if (t === 'no') return ['不满足直通条件', 'No direct condition is met'];
  if (t === 'maybe') return ['直通条件数据不全（奖励、近两年研发费用或股权融资）', 'Direct-condition data incomplete (awards, R&D or equity financing of the last two years)'];
  const zh: string[] = [];
  const en: string[] = [];
  if (d.award === 'yes') {
    zh.push('近三年科技奖励');
    en.push('S&T award in the last 3 years');
  }
  if (d.rd === 'yes') {
    zh.push('近两年研发费用均值 ≥ 1000万元');
    en.push('average R&D of the last 2 years ≥ ¥10m');
  }
  if (d.equity === 'yes') {
    zh.push('近两年股权融资 ≥ 6000万元');
    en.push('equity financing in the last 2 years ≥ ¥60m');
  }
  return [`满足直通条件：${zh.join('；')}`, `Direct condition met: ${en.join('; ')}`];
}

/**
 * 指标13 建立研发机构级别 (10分): 国家级 10, 省级 8, 市级 4, 市级以下 2, 未建立研发机构 0. The profile records
 * institutions of municipal level and above only, so a firm without one may still have one below: 0–2, for review.
 */
export function institutionPoints(inst: readonly RdInstitution[]): number | ScoreRange {
  let best = 0;
  for (const r of inst) best = Math.max(best, r.level === 'national' ? 10 : r.level === 'provincial' ? 8 : 4);
  return best > 0 ? best : range(0, 2);
}

function rdInstitutionScore(p: Profile): Criterion {
  if (p.rdInstitutions === undefined) return missing('rd_institution', '≤ 10 分', '研发机构', 'R&D institutions');
  const levels = p.rdInstitutions.map((r) => r.level);
  const pts = institutionPoints(p.rdInstitutions);
  if (typeof pts !== 'number')
    return criterion('rd_institution', 'manual_review', levels[0] ?? null, '≤ 10 分', pts,
      () => ['未登记市级及以上研发机构：市级以下研发机构（2分）需人工核实，得 0–2 分', 'No R&D institution of municipal level or above: one below municipal level (2 points) needs review, 0–2 points']);
  return criterion('rd_institution', 'met', levels[0] ?? null, '≤ 10 分', pts,
    () => [`最高级别研发机构：${pts === 10 ? '国家级' : pts === 8 ? '省级' : '市级'}，得 ${pts} 分`, `Highest R&D institution: ${pts === 10 ? 'national' : pts === 8 ? 'provincial' : 'municipal'}: ${pts} points`]);
}
