// 高新技术企业: 《高新技术企业认定管理办法》（国科发火〔2016〕32号）第十一条 and
// 《高新技术企业认定管理工作指引》（国科发火〔2016〕195号）.
import type { Criterion, EvaluationContext, FiscalYear, Gap, Points, Profile, RulePack, RuleResult } from '../../types.ts';
import { bandOfRatio, pct, rest, type Band } from '../../shared/bands.ts';
import { criterion, gap, gapFrom, missing, statusOf } from '../../shared/criterion.ts';
import { addYears, fullYearsBetween } from '../../shared/dates.ts';
import { cmpAmount, cmpRatio } from '../../shared/exact.ts';
import { ipCounts, lastConsecutiveYears } from '../../shared/facts.ts';
import { fmtMoney, fmtMoneyEn, fmtPct, fmtWanCeil, pctValue, shortfallToRatio } from '../../shared/format.ts';
import { noIncidents } from '../../shared/incidents.ts';
import { fmtPoints, hi, lo, range, reaches } from '../../shared/points.ts';
import { all, outcomeOf, triOf, type Tri } from '../../shared/tri.ts';
import { GROWTH_BANDS, scoreGrowth, type GrowthScore } from './hnte-growth.ts';
import { ipParts } from './hnte-ip.ts';
import { decideHnte } from './hnte-decide.ts';

export const hnte2016: RulePack = {
  rule: 'hnte',
  version: '2016',
  effectiveFrom: '2016-01-01',
  source: '高新技术企业认定管理办法（国科发火〔2016〕32号）；高新技术企业认定管理工作指引（国科发火〔2016〕195号）',
  evaluate: evaluateHnte,
  decide: decideHnte,
};

/** 《国家重点支持的高新技术领域》的八个领域. */
export const HIGH_TECH_FIELDS = ['电子信息', '生物与新医药', '航空航天', '新材料', '高技术服务', '新能源与节能', '资源与环境', '先进制造与自动化'] as const;

const PASS_MARK = 70;
const CN_NUM = ['零', '一', '两', '三'];

export function evaluateHnte(p: Profile, ctx: EvaluationContext): RuleResult {
  const asOf = ctx.assessedOn;
  const years = periodYears(p, asOf);
  const gaps: Gap[] = [];

  const registered = registeredOneYear(p, asOf);
  const ip = ownsIp(p);
  const field = techField(p);
  const staff = scienceStaffRatio(p);
  const rd = rdExpenseRatio(years);
  const domestic = rdDomesticShare(years);
  const highTech = highTechRevenueRatio(years);
  const parts = innovationParts(p, years);
  const innovation = innovationScore(parts);
  // 第十一条(八): 企业申请认定前一年内未发生重大安全、重大质量事故或严重环境违法行为.
  const incidents = noIncidents(p, ['majorSafetyOrQuality', 'seriousEnvironmental']);

  const gates = [registered, ip, field, staff, rd, domestic, highTech, innovation, incidents];
  const verdict: Tri = all(...gates.map((c) => triOf(c.status)));

  for (const c of gates) if (c.status === 'unmet') gaps.push(gapOf(c, p, years));

  return {
    rule: 'hnte',
    version: '2016',
    outcome: outcomeOf(verdict),
    score: innovation.points,
    criteria: [...gates, ...parts],
    gaps,
  };
}

/**
 * The fiscal years the ratios use: the last three (第十一条(五) 近三个会计年度); a firm registered less than three
 * years ago uses its actual period (工作指引: 实际经营期). null when years are missing for an older firm.
 */
function periodYears(p: Profile, asOf: string): FiscalYear[] | null {
  const ys = lastConsecutiveYears(p, 3);
  if (ys.length === 3) return ys;
  if (ys.length === 0 || p.foundedOn === undefined) return null;
  return fullYearsBetween(p.foundedOn, asOf) < 3 ? ys : null;
}

// 第十一条(一): 企业申请认定时须注册成立一年以上.
function registeredOneYear(p: Profile, asOf: string): Criterion {
  if (p.foundedOn === undefined) return missing('registered_one_year', '≥ 1 年', '成立日期', 'founding date');
  const founded = p.foundedOn;
  const from = addYears(founded, 1);
  const ok = from <= asOf;
  return criterion('registered_one_year', ok ? 'met' : 'unmet', p.foundedOn, '≥ 1 年', null,
    () => [ok ? `注册成立于 ${founded}，已满一年` : `注册成立于 ${founded}，不满一年：${from} 起方可申请`, ok ? `Registered on ${founded}, more than one year ago` : `Registered on ${founded}, less than a year ago: eligible from ${from}`]);
}

// 第十一条(二): 通过自主研发、受让、受赠、并购等方式，获得对其主要产品（服务）在技术上发挥核心支持作用的知识产权的所有权.
function ownsIp(p: Profile): Criterion {
  const c = ipCounts(p);
  if (c === null) return missing('owns_ip', '≥ 1 项', '知识产权', 'intellectual property');
  const ok = c.granted > 0;
  return criterion('owns_ip', ok ? 'met' : 'unmet', c.granted, '≥ 1 项', null,
    () => [ok ? `拥有已授权知识产权 ${c.granted} 项` : '没有已授权的知识产权：还需至少 1 项', ok ? `Owns ${c.granted} granted IP items` : 'No granted IP: at least 1 needed']);
}

// 第十一条(三): 对其主要产品（服务）发挥核心支持作用的技术属于《国家重点支持的高新技术领域》规定的范围.
function techField(p: Profile): Criterion {
  const threshold = '属于《国家重点支持的高新技术领域》';
  if (p.techField === undefined || p.techField.trim() === '') return missing('tech_field', threshold, '技术领域', 'technology field');
  const f = p.techField.trim();
  const ok = HIGH_TECH_FIELDS.some((name) => f.startsWith(name));
  return criterion('tech_field', ok ? 'met' : 'unmet', f, threshold, null,
    () => [ok ? `申报领域「${f}」属于重点支持领域（核心技术归属由专家确认）` : `领域「${f}」不在《国家重点支持的高新技术领域》八个领域内`, ok ? `Declared field "${f}" is a supported field (experts confirm the core technology belongs to it)` : `Field "${f}" is not one of the eight supported high-tech fields`]);
}

// 第十一条(四): 从事研发和相关技术创新活动的科技人员占企业当年职工总数的比例不低于10%.
function scienceStaffRatio(p: Profile): Criterion {
  if (p.employees === undefined || p.scienceStaff === undefined) return missing('science_staff_ratio', '≥ 10%', '职工总数或科技人员数', 'employees or science staff');
  if (p.employees === 0) return criterion('science_staff_ratio', 'unmet', null, '≥ 10%', null, () => ['职工总数为0，科技人员占比无法达到10%', 'No employees: the science-staff ratio cannot reach 10%']);
  const s = p.scienceStaff;
  const e = p.employees;
  const ok = cmpRatio(s, e, 10, 100) >= 0;
  return criterion('science_staff_ratio', ok ? 'met' : 'unmet', pctValue(s, e), '≥ 10%', null,
    () => [`科技人员占职工总数 ${fmtPct(s, e)}（${s}/${e}）${ok ? '≥' : '<'} 10%`, `Science staff ${fmtPct(s, e)} of employees (${s}/${e}) ${ok ? '≥' : '<'} 10%`]);
}

function sum(ys: readonly FiscalYear[], key: keyof FiscalYear): number | null {
  let s = 0;
  for (const y of ys) {
    const v = y[key];
    if (v === undefined) return null;
    s += v;
  }
  return s;
}

/**
 * 第十一条(五): 近三个会计年度研发费用总额占同期销售收入总额的比例: 最近一年销售收入 ≤ 5,000万 → ≥ 5%;
 * 5,000万–2亿（含）→ ≥ 4%; > 2亿 → ≥ 3%.
 */
export function rdThreshold(latestSales: number): readonly [number, number] {
  if (cmpAmount(latestSales, 50_000_000) <= 0) return [5, 100];
  if (cmpAmount(latestSales, 200_000_000) <= 0) return [4, 100];
  return [3, 100];
}

function rdExpenseRatio(ys: FiscalYear[] | null): Criterion {
  const t = '5% / 4% / 3%（按最近一年销售收入）';
  if (ys === null) return missing('rd_expense_ratio', t, '近三个会计年度财务数据', 'fiscal data for the last three years');
  const rd = sum(ys, 'rdExpense');
  const sales = sum(ys, 'salesRevenue');
  const latest = ys[ys.length - 1]!.salesRevenue;
  if (rd === null || sales === null || latest === undefined) return missing('rd_expense_ratio', t, '各年研发费用或销售收入', 'yearly R&D expense or sales revenue');
  const [tp, tq] = rdThreshold(latest);
  const threshold = `≥ ${tp}%`;
  if (sales === 0) return criterion('rd_expense_ratio', 'unmet', null, threshold, null, () => ['近三年销售收入为0，研发费用占比无从计算', 'No sales in the period: the R&D ratio cannot be met']);
  const ok = cmpRatio(rd, sales, tp, tq) >= 0;
  const n = ys.length;
  return criterion('rd_expense_ratio', ok ? 'met' : 'unmet', pctValue(rd, sales), threshold, null,
    () => [`近${CN_NUM[n]}年研发费用占销售收入 ${fmtPct(rd, sales)}（${fmtMoney(rd)}/${fmtMoney(sales)}）${ok ? '≥' : '<'} ${tp}%（最近一年销售收入 ${fmtMoney(latest)}）`, `R&D over the last ${n} years is ${fmtPct(rd, sales)} of sales (${fmtMoneyEn(rd)}/${fmtMoneyEn(sales)}) ${ok ? '≥' : '<'} ${tp}% (latest-year sales ${fmtMoneyEn(latest)})`]);
}

// 第十一条(五): 其中，企业在中国境内发生的研究开发费用总额占全部研究开发费用总额的比例不低于60%.
function rdDomesticShare(ys: FiscalYear[] | null): Criterion {
  if (ys === null) return missing('rd_domestic_share', '≥ 60%', '近三个会计年度财务数据', 'fiscal data for the last three years');
  const rd = sum(ys, 'rdExpense');
  const dom = sum(ys, 'rdExpenseDomestic');
  if (rd === null || dom === null) return missing('rd_domestic_share', '≥ 60%', '各年境内研发费用', 'yearly domestic R&D expense');
  if (rd === 0) return criterion('rd_domestic_share', 'unmet', null, '≥ 60%', null, () => ['没有研发费用，境内研发费用占比无从计算', 'No R&D expense: the domestic share cannot be met']);
  const ok = cmpRatio(dom, rd, 60, 100) >= 0;
  return criterion('rd_domestic_share', ok ? 'met' : 'unmet', pctValue(dom, rd), '≥ 60%', null,
    () => [`境内研发费用占全部研发费用 ${fmtPct(dom, rd)} ${ok ? '≥' : '<'} 60%`, `Domestic R&D ${fmtPct(dom, rd)} of all R&D ${ok ? '≥' : '<'} 60%`]);
}

// 第十一条(六): 近一年高新技术产品（服务）收入占企业同期总收入的比例不低于60%.
function highTechRevenueRatio(ys: FiscalYear[] | null): Criterion {
  const last = ys?.[ys.length - 1];
  if (last === undefined || last.highTechRevenue === undefined || last.totalRevenue === undefined)
    return missing('high_tech_revenue_ratio', '≥ 60%', '近一年高新技术产品（服务）收入或总收入', 'latest-year high-tech revenue or total revenue');
  if (last.totalRevenue === 0) return criterion('high_tech_revenue_ratio', 'unmet', null, '≥ 60%', null, () => ['近一年总收入为0', 'No total revenue in the latest year']);
  const ht = last.highTechRevenue;
  const total = last.totalRevenue;
  const ok = cmpRatio(ht, total, 60, 100) >= 0;
  return criterion('high_tech_revenue_ratio', ok ? 'met' : 'unmet', pctValue(ht, total), '≥ 60%', null,
    () => [`近一年高新技术产品（服务）收入占总收入 ${fmtPct(ht, total)} ${ok ? '≥' : '<'} 60%`, `Latest-year high-tech revenue ${fmtPct(ht, total)} of total revenue ${ok ? '≥' : '<'} 60%`]);
}

/** 工作指引 三(二): 科技成果转化能力 — 近三年年均转化数 ≥5 25–30, ≥4 19–24, ≥3 13–18, ≥2 7–12, ≥1 1–6, 0 0. */
export const CONVERSION_BANDS: readonly Band[] = [pct(500, 25, 30), pct(400, 19, 24), pct(300, 13, 18), pct(200, 7, 12), pct(100, 1, 6), rest(0)];

function innovationParts(p: Profile, ys: FiscalYear[] | null): Criterion[] {
  return [ipPart(p), conversionPart(p, ys), rdManagementPart(p), growthPart(ys, 'netAssets'), growthPart(ys, 'salesRevenue')];
}

function ipPart(p: Profile): Criterion {
  const c = ipCounts(p);
  const threshold = '≤ 30';
  if (c === null) return missing('ip', threshold, '知识产权', 'intellectual property');
  const parts = ipParts(p, c, p.expert?.hnte);
  let min = 0;
  let max = 0;
  for (const part of parts) {
    min += part.min;
    max += part.max;
  }
  const points = range(Math.min(min, 30), Math.min(max, 30));
  const expert = parts.some((x) => x.expert);
  const [adv, core, qty, acq, bonus] = parts as [typeof parts[0], typeof parts[0], typeof parts[0], typeof parts[0], typeof parts[0]];
  const f = (x: { min: number; max: number }): string => (x.min === x.max ? `${x.min}` : `${x.min}–${x.max}`);
  return criterion('ip', expert ? 'manual_review' : lo(points) > 0 ? 'met' : 'unmet', c.granted, threshold, points,
    () => [`知识产权 ${fmtPoints(points)} 分：技术先进程度 ${f(adv)}、核心支持作用 ${f(core)}、数量 ${f(qty)}（Ⅰ类 ${c.class1}、Ⅱ类 ${c.class2}）、获得方式 ${f(acq)}、标准加分 ${f(bonus)}${expert ? '（含专家评判项）' : ''}`, `IP ${fmtPoints(points)} points: technical advancement ${f(adv)}, core support ${f(core)}, quantity ${f(qty)} (class I ${c.class1}, class II ${c.class2}), acquisition ${f(acq)}, standards bonus ${f(bonus)}${expert ? ' (includes expert-judged items)' : ''}`]);
}

function conversionPart(p: Profile, ys: FiscalYear[] | null): Criterion {
  const threshold = '≤ 30';
  const conv = p.conversions;
  if (conv === undefined || conv.length === 0) return missing('conversion', threshold, '近三年科技成果转化数', 'technology conversions in the last three years');
  // Fewer than three numbers are accepted only when the firm is that young (its actual period).
  if (conv.length < 3 && (ys === null || ys.length >= 3 || conv.length < ys.length))
    return missing('conversion', threshold, '近三年每年的科技成果转化数', 'conversions for each of the last three years');
  const total = conv.reduce((a, b) => a + b, 0);
  const band = bandOfRatio(total, conv.length, CONVERSION_BANDS);
  const [min, max] = CONVERSION_BANDS[band]!.points;
  const points = range(min, max);
  const avg = Math.round((total / conv.length) * 100) / 100;
  return criterion('conversion', max > 0 ? 'met' : 'unmet', avg, threshold, points,
    () => [`近${CN_NUM[conv.length]}年科技成果转化 ${total} 项，年均 ${avg} 项，得 ${fmtPoints(points)} 分`, `${total} conversions in the last ${conv.length} years, ${avg} a year: ${fmtPoints(points)} points`]);
}

// 工作指引 三(三): 研究开发组织管理水平 (≤ 20): four expert-judged items (6/6/4/4).
function rdManagementPart(p: Profile): Criterion {
  const given = p.expert?.hnte?.rdManagement;
  if (given === undefined)
    return criterion('rd_management', 'manual_review', null, '≤ 20', { min: 0, max: 20 },
      () => ['研究开发组织管理水平由专家评判（0–20 分）', 'R&D organisation and management is judged by experts (0–20 points)']);
  return criterion('rd_management', given > 0 ? 'met' : 'unmet', given, '≤ 20', given,
    () => [`研究开发组织管理水平：专家评分 ${given} 分`, `R&D organisation and management: expert score ${given} points`]);
}

const GROWTH_NAMES = {
  netAssets: { id: 'growth_net_assets', zh: '净资产增长率', en: 'Net-asset growth rate' },
  salesRevenue: { id: 'growth_sales', zh: '销售收入增长率', en: 'Sales growth rate' },
} as const;

function growthPart(ys: FiscalYear[] | null, key: 'netAssets' | 'salesRevenue'): Criterion {
  const names = GROWTH_NAMES[key];
  if (ys === null) return missing(names.id, '≤ 10', '近三个会计年度财务数据', 'fiscal data for the last three years');
  const values: number[] = [];
  for (const y of ys) {
    const v = y[key];
    if (v === undefined) return missing(names.id, '≤ 10', `各年${names.zh.replace('增长率', '')}`, `yearly ${key === 'netAssets' ? 'net assets' : 'sales revenue'}`);
    values.push(v);
  }
  const g: GrowthScore = scoreGrowth(values);
  const [min, max] = GROWTH_BANDS[g.band]!.points;
  const points = range(min, max);
  const why = GROWTH_BASIS[g.basis];
  const rate = g.ratePct === null ? '—' : `${g.ratePct}%`;
  return criterion(names.id, max > 0 ? 'met' : 'unmet', g.ratePct, '≤ 10', points,
    () => [`${names.zh} ${rate}（${why.zh}），得 ${fmtPoints(points)} 分`, `${names.en} ${rate} (${why.en}): ${fmtPoints(points)} points`]);
}

const GROWTH_BASIS = {
  three_years: { zh: '三年计算', en: 'three years' },
  last_two_years: { zh: '第一年为0，按后两年计算', en: 'year 1 is zero, last two years used' },
  two_years: { zh: '按实际经营期两年计算', en: 'two years of operation' },
  year2_zero: { zh: '第二年为0，按0分计算', en: 'year 2 is zero, scores 0' },
  negative_base: { zh: '基数为负或为0，按0分计算', en: 'negative or zero base, scores 0' },
  single_year: { zh: '仅一年经营期，无增长率', en: 'one year of operation, no growth rate' },
} as const;

/** 第十一条(七): 企业创新能力评价应达到相应要求 — 工作指引: 综合得分须高于70分（不含70分）. */
function innovationScore(parts: Criterion[]): Criterion {
  const maxes = [30, 30, 20, 10, 10];
  let min = 0;
  let max = 0;
  parts.forEach((c, i) => {
    min += lo(c.points);
    max += hi(c.points, maxes[i]!);
  });
  const points: Points = range(min, max);
  const t = reaches(points, PASS_MARK, true, 100);
  const anyUnknown = parts.some((c) => c.status === 'unknown');
  const status = t === 'maybe' ? (anyUnknown ? 'unknown' : 'manual_review') : statusOf(t);
  const certain = t === 'maybe' ? '，范围跨越及格线，尚不确定' : '，结论确定';
  const certainEn = t === 'maybe' ? '; the range straddles the pass mark, not certain' : '; certain';
  return criterion('innovation_score', status, typeof points === 'number' ? points : null, '> 70', points,
    () => [`创新能力评价 ${fmtPoints(points)} 分（须高于70分）${certain}`, `Innovation capability ${fmtPoints(points)} points (must exceed 70)${certainEn}`]);
}

function gapOf(c: Criterion, p: Profile, ys: FiscalYear[] | null): Gap {
  if (c.id === 'science_staff_ratio' && p.employees !== undefined && p.scienceStaff !== undefined && p.employees > 0) {
    const need = Math.ceil(p.employees / 10) - p.scienceStaff;
    return gap(c.id, need, 'people', `${c.message}：还需增加科技人员 ${need} 人`, `${c.message_en}: ${need} more science staff needed`);
  }
  if (c.id === 'rd_expense_ratio' && ys !== null) {
    const rd = sum(ys, 'rdExpense');
    const sales = sum(ys, 'salesRevenue');
    const latest = ys[ys.length - 1]!.salesRevenue;
    if (rd !== null && sales !== null && sales > 0 && latest !== undefined) {
      const [tp, tq] = rdThreshold(latest);
      const need = shortfallToRatio(rd, sales, tp, tq);
      return gap(c.id, need, 'yuan',
        `研发费用占比 ${fmtPct(rd, sales)} < ${tp}%: 近${CN_NUM[ys.length]}年还需增加研发投入 ${fmtWanCeil(need)}`,
        `R&D ratio ${fmtPct(rd, sales)} < ${tp}%: ${fmtMoneyEn(need)} more R&D needed over the last ${ys.length} years`);
    }
  }
  if (c.id === 'rd_domestic_share' && ys !== null) {
    const rd = sum(ys, 'rdExpense');
    const dom = sum(ys, 'rdExpenseDomestic');
    if (rd !== null && dom !== null && rd > 0) {
      // Extra domestic R&D x with (dom + x) / (rd + x) ≥ 60%: x ≥ (0.6·rd − dom) / 0.4.
      const need = Math.max(0, Math.ceil(((0.6 * rd - dom) / 0.4) * 100 - 1e-6) / 100);
      return gap(c.id, need, 'yuan', `${c.message}：还需增加境内研发投入 ${fmtWanCeil(need)}`, `${c.message_en}: ${fmtMoneyEn(need)} more domestic R&D needed`);
    }
  }
  if (c.id === 'high_tech_revenue_ratio' && ys !== null) {
    const last = ys[ys.length - 1]!;
    if (last.highTechRevenue !== undefined && last.totalRevenue !== undefined && last.totalRevenue > 0) {
      const need = shortfallToRatio(last.highTechRevenue, last.totalRevenue, 60, 100);
      return gap(c.id, need, 'yuan', `${c.message}：总收入不变时还需 ${fmtWanCeil(need)} 收入来自高新技术产品（服务）`,
        `${c.message_en}: with the same total revenue, ${fmtMoneyEn(need)} more must come from high-tech products or services`);
    }
  }
  if (c.id === 'innovation_score') {
    const short = PASS_MARK + 1 - hi(c.points, 100);
    return gap(c.id, short, 'points', `${c.message}：最高可能得分仍需提高 ${short} 分`, `${c.message_en}: the highest possible score needs ${short} more points`);
  }
  if (c.id === 'owns_ip') return gap(c.id, 1, 'count', c.message, c.message_en);
  return gapFrom(c);
}
