// 科技型中小企业: 《科技型中小企业评价办法》（国科发政〔2017〕115号）with the service guideline
// 《科技型中小企业评价服务工作指引》（国科火字〔2022〕67号）.
import type { Criterion, EvaluationContext, FiscalYear, Gap, Profile, RulePack, RuleResult } from '../../types.ts';
import { bandOfRatio, type Band } from '../../shared/bands.ts';
import { cmpAmount, cmpRatio } from '../../shared/exact.ts';
import { criterion, gap, gapFrom, missing, statusOf } from '../../shared/criterion.ts';
import { fmtMoney, fmtMoneyEn, fmtPct, fmtWanCeil, pctValue, shortfallToRatio } from '../../shared/format.ts';
import { hasAward, hasRdInstitution, holdsCertificate, ipCounts, latestYear, ledStandard } from '../../shared/facts.ts';
import { fmtPoints, hi, lo, range, reaches, sumPoints } from '../../shared/points.ts';
import { all, any, outcomeOf, triOf, type Tri } from '../../shared/tri.ts';
import { noIncidents } from '../../shared/incidents.ts';
import { ipPoints, RD_COST_BANDS, RD_SALES_BANDS, SCIENCE_STAFF_BANDS } from './tech-sme-bands.ts';
import { decideTechSme } from './tech-sme-decide.ts';

const MAX_EMPLOYEES = 500;
const MAX_SALES = 200_000_000;
const MAX_ASSETS = 200_000_000;
const PASS_MARK = 60;

export const techSme2022: RulePack = {
  rule: 'tech-sme',
  version: '2022',
  effectiveFrom: '2017-05-03',
  source: '科技型中小企业评价办法（国科发政〔2017〕115号）；科技型中小企业评价服务工作指引（国科火字〔2022〕67号）',
  evaluate: evaluateTechSme,
  decide: decideTechSme,
};

export function evaluateTechSme(p: Profile, ctx: EvaluationContext): RuleResult {
  const asOf = ctx.assessedOn;
  const last = latestYear(p);
  const gaps: Gap[] = [];

  // 第六条(二): 职工总数不超过500人、年销售收入不超过2亿元、资产总额不超过2亿元.
  const employees = upperLimit('employees', p.employees, MAX_EMPLOYEES, '职工总数', 'employees', '人', 'people');
  const sales = upperLimitMoney('sales_revenue', last?.salesRevenue, MAX_SALES, '年销售收入', 'annual sales revenue');
  const assets = upperLimitMoney('total_assets', last?.totalAssets, MAX_ASSETS, '资产总额', 'total assets');
  // 第六条(四)(五): 上一年度至当年未发生重大安全、重大质量事故或严重环境违法、科研严重失信行为，且未列入经营异常名录和严重违法失信企业名单.
  const incidents = noIncidents(p);
  // 第六条(三): 所属行业不属于国家限制类和淘汰类.
  const industry = industryAllowed(p);

  // 第六条(六) and 附件: 综合评价得分不低于60分，且科技人员指标得分不得为0分.
  const science = scoreScienceStaff(p);
  const rd = scoreRdInvestment(last);
  const ip = scoreIp(p);
  const total = sumPoints([
    { points: science.points, max: 20 },
    { points: rd.points, max: 50 },
    { points: ip.points, max: 30 },
  ]);
  const scienceNonZero: Tri = science.points === null ? 'maybe' : lo(science.points) > 0 ? 'yes' : hi(science.points, 20) === 0 ? 'no' : 'maybe';
  const scorePass = all(reaches(total, PASS_MARK, false, 100), scienceNonZero);
  const score = criterion(
    'score',
    statusOf(scorePass),
    typeof total === 'number' ? total : null,
    `≥ ${PASS_MARK}，且科技人员指标不为0`,
    total,
    () => [`综合评价得分 ${fmtPoints(total)}（及格 ${PASS_MARK} 分，科技人员指标须不为0）`, `Total score ${fmtPoints(total)} (pass mark ${PASS_MARK}; the science-staff indicator must not be 0)`]);

  // 第七条: 符合第六条(一)–(五) 的企业，满足下列条件之一可直接确认符合第六条(六).
  const direct = directPass(p, asOf);

  const basics = [employees, sales, assets, incidents, industry];
  const verdict = all(...basics.map((c) => triOf(c.status)), any(triOf(direct.status), scorePass));

  for (const c of basics) if (c.status === 'unmet') gaps.push(gapFrom(c));
  if (direct.status !== 'met' && scorePass === 'no') {
    if (scienceNonZero === 'no' && p.employees !== undefined && p.scienceStaff !== undefined) {
      const need = Math.max(1, Math.ceil(p.employees / 10) - p.scienceStaff);
      gaps.push(gap('science_staff', need, 'people',
        `科技人员占比低于10%，该项得0分：还需增加科技人员 ${need} 人`,
        `Science staff below 10% scores 0 and fails the rule: ${need} more science staff needed`));
    }
    const shortBy = PASS_MARK - hi(total, 100);
    if (shortBy > 0) {
      gaps.push(gap('score', shortBy, 'points',
        `综合评价得分 ${fmtPoints(total)} < ${PASS_MARK}：还差 ${shortBy} 分`,
        `Total score ${fmtPoints(total)} < ${PASS_MARK}: ${shortBy} points short`));
      const rdGap = rdGapFor(last, lo(rd.points), shortBy);
      if (rdGap) gaps.push(rdGap);
    }
  }

  return {
    rule: 'tech-sme',
    version: '2022',
    outcome: outcomeOf(verdict),
    score: total,
    criteria: [employees, sales, assets, incidents, industry, science, rd, ip, score, direct],
    gaps,
  };
}

function upperLimit(id: string, v: number | undefined, max: number, zh: string, en: string, unitZh: string, unitEn: string): Criterion {
  if (v === undefined) return missing(id, `≤ ${max}`, zh, en);
  const ok = v <= max;
  return criterion(id, ok ? 'met' : 'unmet', v, `≤ ${max}`, null,
    () => [ok ? `${zh} ${v}${unitZh} ≤ ${max}${unitZh}` : `${zh} ${v}${unitZh} > ${max}${unitZh}：超出上限 ${v - max}${unitZh}`, ok ? `${en} ${v} ≤ ${max} ${unitEn}` : `${en} ${v} > ${max} ${unitEn}: ${v - max} over the limit`]);
}

function upperLimitMoney(id: string, v: number | undefined, max: number, zh: string, en: string): Criterion {
  if (v === undefined) return missing(id, `≤ ${fmtMoney(max)}`, `最近年度${zh}`, `latest-year ${en}`);
  const ok = cmpAmount(v, max) <= 0;
  return criterion(id, ok ? 'met' : 'unmet', v, max === MAX_SALES ? '≤ 2亿元' : `≤ ${fmtMoney(max)}`, null,
    () => [`最近年度${zh} ${fmtMoney(v)} ${ok ? '≤' : '>'} ${fmtMoney(max)}`, `Latest-year ${en} ${fmtMoneyEn(v)} ${ok ? '≤' : '>'} ${fmtMoneyEn(max)}`]);
}

function industryAllowed(p: Profile): Criterion {
  if (p.industryRestricted === undefined) return missing('industry_allowed', '非限制类、淘汰类', '所属行业是否属于限制类或淘汰类', 'whether the industry is restricted or eliminated');
  const ok = !p.industryRestricted;
  return criterion('industry_allowed', ok ? 'met' : 'unmet', ok, '非限制类、淘汰类', null,
    () => [ok ? '所属行业不属于国家限制类、淘汰类' : '所属行业属于国家限制类或淘汰类', ok ? 'Industry is not restricted or eliminated' : 'Industry is restricted or eliminated']);
}

function bandPoints(bands: readonly Band[], i: number): number {
  return bands[i]!.points[0];
}

function scoreScienceStaff(p: Profile): Criterion {
  const threshold = '≥ 10% 方得分；≥ 30% 满分 20';
  if (p.employees === undefined || p.scienceStaff === undefined)
    return missing('science_staff', threshold, '职工总数或科技人员数', 'employees or science staff');
  // No employees: the ratio has no denominator, the indicator scores 0 (see README).
  const s = p.scienceStaff;
  const e = p.employees;
  const pts = e === 0 ? 0 : bandPoints(SCIENCE_STAFF_BANDS, bandOfRatio(s, e, SCIENCE_STAFF_BANDS));
  return criterion('science_staff', pts > 0 ? 'met' : 'unmet', p.employees === 0 ? null : pctValue(p.scienceStaff, p.employees), threshold, pts,
    () => {
      const shown = e === 0 ? '—' : fmtPct(s, e);
      return [`科技人员占职工总数 ${shown}（${s}/${e}），得 ${pts} 分`, `Science staff ${shown} of employees (${s}/${e}): ${pts} points`];
    });
}

interface RdOption {
  points: number | null;
  value: number | null;
}

function option(rdExpense: number, den: number | undefined, bands: readonly Band[]): RdOption {
  if (den === undefined) return { points: null, value: null };
  // A zero denominator makes that option inapplicable: it scores 0 (see README).
  if (den === 0) return { points: 0, value: null };
  return { points: bandPoints(bands, bandOfRatio(rdExpense, den, bands)), value: pctValue(rdExpense, den) };
}

/** 指标二: the better of 研发费用/销售收入 and 研发费用/成本费用总额 counts (latest fiscal year). */
function scoreRdInvestment(last: FiscalYear | undefined): Criterion {
  const threshold = '销售收入比 ≥ 2% 或成本费用比 ≥ 10% 方得分；满分 50';
  if (last === undefined || last.rdExpense === undefined) return missing('rd_investment', threshold, '最近年度研发费用', 'latest-year R&D expense');
  const bySales = option(last.rdExpense, last.salesRevenue, RD_SALES_BANDS);
  const byCost = option(last.rdExpense, last.costsAndExpenses, RD_COST_BANDS);
  if (bySales.points === null && byCost.points === null)
    return missing('rd_investment', threshold, '最近年度销售收入和成本费用总额', 'latest-year sales revenue and total costs and expenses');
  const known = Math.max(bySales.points ?? 0, byCost.points ?? 0);
  // One option unknown: the better of the two may still be anything from the known one to 50.
  const oneUnknown = bySales.points === null || byCost.points === null;
  const points = oneUnknown ? range(known, 50) : known;
  const useSales = (bySales.points ?? -1) >= (byCost.points ?? -1);
  const value = useSales ? bySales.value : byCost.value;
  const status = typeof points !== 'number' ? 'unknown' : points > 0 ? 'met' : 'unmet';
  return criterion('rd_investment', status, value, threshold, points, () => {
    const zh = `研发费用占销售收入 ${bySales.value ?? '—'}%（${fmtPoints(bySales.points)} 分），占成本费用总额 ${byCost.value ?? '—'}%（${fmtPoints(byCost.points)} 分），取高者得 ${fmtPoints(points)} 分`;
    const en = `R&D ${bySales.value ?? '—'}% of sales (${fmtPoints(bySales.points)} pts), ${byCost.value ?? '—'}% of total costs (${fmtPoints(byCost.points)} pts); the better counts: ${fmtPoints(points)} points`;
    return [zh, en];
  });
}

function scoreIp(p: Profile): Criterion {
  const threshold = '≥1 项Ⅰ类 30 分；Ⅱ类 每项 6 分，≥4 项 24 分';
  const c = ipCounts(p);
  if (c === null) return missing('ip', threshold, '知识产权', 'intellectual property');
  const pts = ipPoints(c.class1, c.class2);
  return criterion('ip', pts > 0 ? 'met' : 'unmet', c.class1 + c.class2, threshold, pts,
    () => [`有效Ⅰ类知识产权 ${c.class1} 项、Ⅱ类 ${c.class2} 项，得 ${pts} 分`, `Granted class-I IP ${c.class1}, class-II IP ${c.class2}: ${pts} points`]);
}

/** 第七条: 有效高企资格; 近五年国家级科技奖励且获奖单位前三; 省部级以上研发机构; 近五年主导制定国际、国家或行业标准. */
function directPass(p: Profile, asOf: string): Criterion {
  const hnte = holdsCertificate(p, 'hnte', asOf);
  const award = hasAward(p, asOf, 5, 'national', 3);
  const inst = hasRdInstitution(p, ['national', 'provincial']);
  const std = ledStandard(p, asOf, ['international', 'national', 'industry'], 5);
  const t = any(hnte, award, inst, std);
  const reasons: string[] = [];
  const reasonsEn: string[] = [];
  if (hnte === 'yes') {
    reasons.push('有效期内高新技术企业');
    reasonsEn.push('valid high-tech enterprise certificate');
  }
  if (award === 'yes') {
    reasons.push('近五年国家级科技奖励（获奖单位前三）');
    reasonsEn.push('national S&T award in the last 5 years (top-3 unit)');
  }
  if (inst === 'yes') {
    reasons.push('省部级以上研发机构');
    reasonsEn.push('provincial-or-higher R&D institution');
  }
  if (std === 'yes') {
    reasons.push('近五年主导制定国际、国家或行业标准');
    reasonsEn.push('led an international, national or industry standard in the last 5 years');
  }
  const threshold = '满足任一直通条件';
  if (t === 'yes') return criterion('direct_pass', 'met', true, threshold, null, () => [`直通：${reasons.join('；')}`, `Direct pass: ${reasonsEn.join('; ')}`]);
  if (t === 'no') return criterion('direct_pass', 'unmet', false, threshold, null, () => ['不满足直通条件', 'No direct-pass condition is met']);
  return criterion('direct_pass', 'unknown', null, threshold, null, () => ['直通条件数据不全（证书、奖励、研发机构或标准）', 'Direct-pass data incomplete (certificates, awards, R&D institutions or standards)']);
}

/** The R&D (option 1) needed to gain the missing points, when the sales ratio can be raised enough. */
function rdGapFor(last: FiscalYear | undefined, rdPoints: number, shortBy: number): Gap | null {
  if (last?.rdExpense === undefined || last.salesRevenue === undefined || last.salesRevenue <= 0) return null;
  const target = RD_SALES_BANDS.filter((b) => b.edge !== null && b.points[0] >= rdPoints + shortBy).pop();
  if (target === undefined || target.edge === null) return null;
  const [ep, eq] = target.edge;
  if (cmpRatio(last.rdExpense, last.salesRevenue, ep, eq) >= 0) return null;
  const need = shortfallToRatio(last.rdExpense, last.salesRevenue, ep, eq);
  const edgePct = (ep * 100) / eq;
  return gap('rd_investment', need, 'yuan',
    `研发费用占比 ${fmtPct(last.rdExpense, last.salesRevenue)} < ${edgePct}%: 还需增加研发投入 ${fmtWanCeil(need)}`,
    `R&D ratio ${fmtPct(last.rdExpense, last.salesRevenue)} < ${edgePct}%: ${fmtMoneyEn(need)} more R&D needed`);
}

