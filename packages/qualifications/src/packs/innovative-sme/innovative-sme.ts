// 创新型中小企业: 《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）附件1《创新型中小企业评价标准》.
import type { Criterion, EvaluationContext, Gap, Profile, RulePack, RuleResult } from '../../types.ts';
import { pct, rest, type Band } from '../../shared/bands.ts';
import { criterion, gap, gapFrom, missing, statusOf } from '../../shared/criterion.ts';
import { cmpGrowth } from '../../shared/exact.ts';
import { equityInLastYears, hasAward, hasRdInstitution, holdsCertificate, ipCounts, lastConsecutiveYears, latestYear } from '../../shared/facts.ts';
import { fmtMoney, round2 } from '../../shared/format.ts';
import { noIncidents } from '../../shared/incidents.ts';
import { atMostPart, cmpPart, manualPart, ratioPart } from '../../shared/parts.ts';
import { fmtPoints, hi, range, reaches, sumPoints } from '../../shared/points.ts';
import { all, any, outcomeOf, triOf, type Tri } from '../../shared/tri.ts';
import { decideInnovativeSme } from './innovative-sme-decide.ts';

export const innovativeSme2022: RulePack = {
  rule: 'innovative-sme',
  version: '2022',
  effectiveFrom: '2022-06-01',
  source: '优质中小企业梯度培育管理暂行办法（工信部企业〔2022〕63号）附件1 创新型中小企业评价标准',
  evaluate: evaluateInnovativeSme,
  decide: decideInnovativeSme,
};

// 二(一)2 上年度研发费用总额占营业收入总额比重 (20分): 5%以上 20, 3%–5% 15, 2%–3% 10, 1%–2% 5 (DOMAIN: ">5%").
export const RD_BANDS: readonly Band[] = [pct(5, 20, 20, true), pct(3, 15), pct(2, 10), pct(1, 5), rest(0)];
// 二(二)3 上年度主营业务收入增长率 (20分): 15%以上 20, 10%–15% 15, 5%–10% 10, 0%–5% 5.
export const GROWTH_BANDS: readonly Band[] = [pct(15, 20, 20, true), pct(10, 15), pct(5, 10), pct(0, 5), rest(0)];
// 二(三)6 上年度主营业务收入总额占营业收入总额比重 (20分): 70%以上 20, 60%–70% 15, 55%–60% 10, 50%–55% 5.
export const SHARE_BANDS: readonly Band[] = [pct(70, 20, 20, true), pct(60, 15), pct(55, 10), pct(50, 5), rest(0)];
// 二(二)4 上年度资产负债率 (10分): 55%以下 10, 55%–75% 5, 75%以上 0 (DOMAIN: "<55%").
export const DEBT_BANDS = [[55, 10, true], [75, 5, false]] as const;

const PASS_MARK = 60;

export function evaluateInnovativeSme(p: Profile, ctx: EvaluationContext): RuleResult {
  const asOf = ctx.assessedOn;
  const last = latestYear(p);
  const two = lastConsecutiveYears(p, 2);

  // 一: 未被列入经营异常名录或严重失信主体名单.
  const incidents = noIncidents(p, ['seriousDishonesty', 'abnormalOperationListed']);
  const ip = ipPart(p);
  const rd = ratioPart('rd_ratio', last?.rdExpense, last?.operatingRevenue, RD_BANDS, 20, { zh: '上年度研发费用占营业收入比重', en: 'Last-year R&D share of operating revenue' });
  const growth = growthPart(two);
  const debt = atMostPart('debt_ratio', last?.totalLiabilities, last?.totalAssets, DEBT_BANDS, 10, { zh: '上年度资产负债率', en: 'Last-year debt ratio' });
  // 二(三)5 主导产品所属领域情况 (10分): judged against the national catalogues, not in the profile.
  const field = manualPart('field', 10, { zh: '主导产品所属领域', en: 'Field of the main product' });
  const share = ratioPart('main_business_share', last?.mainBusinessRevenue, last?.operatingRevenue, SHARE_BANDS, 20, { zh: '上年度主营业务收入占营业收入比重', en: 'Last-year main-business share of operating revenue' });

  // 评价得分达到60分以上（其中创新能力指标得分不低于20分、成长性指标及专业化指标得分均不低于15分）.
  const innovation = sumPoints([{ points: ip.points, max: 20 }, { points: rd.points, max: 20 }]);
  const growthGroup = sumPoints([{ points: growth.points, max: 20 }, { points: debt.points, max: 10 }]);
  const special = sumPoints([{ points: field.points, max: 10 }, { points: share.points, max: 20 }]);
  const total = sumPoints([{ points: innovation, max: 40 }, { points: growthGroup, max: 30 }, { points: special, max: 30 }]);
  const scorePass = all(reaches(total, PASS_MARK, false, 100), reaches(innovation, 20, false, 40), reaches(growthGroup, 15, false, 30), reaches(special, 15, false, 30));
  const parts = [ip, rd, growth, debt, field, share];
  const anyUnknown = parts.some((c) => c.status === 'unknown');
  const score = criterion('score', scorePass === 'maybe' ? (anyUnknown ? 'unknown' : 'manual_review') : statusOf(scorePass),
    typeof total === 'number' ? total : null, '≥ 60（创新能力 ≥ 20、成长性 ≥ 15、专业化 ≥ 15）', total,
    () => [`评价得分 ${fmtPoints(total)}：创新能力 ${fmtPoints(innovation)}、成长性 ${fmtPoints(growthGroup)}、专业化 ${fmtPoints(special)}`, `Score ${fmtPoints(total)}: innovation ${fmtPoints(innovation)}, growth ${fmtPoints(growthGroup)}, specialisation ${fmtPoints(special)}`]);

  const direct = directPass(p, asOf);
  const verdict: Tri = all(triOf(incidents.status), any(triOf(direct.status), scorePass));

  const gaps: Gap[] = [];
  if (incidents.status === 'unmet') gaps.push(gapFrom(incidents));
  if (direct.status === 'unmet' && scorePass === 'no') {
    const short = PASS_MARK - hi(total, 100);
    if (short > 0) gaps.push(gap('score', short, 'points', `评价得分最高 ${hi(total, 100)} < 60：还差 ${short} 分`, `Highest possible score ${hi(total, 100)} < 60: ${short} points short`));
    for (const [g, min, zh, en] of [[innovation, 20, '创新能力', 'innovation'], [growthGroup, 15, '成长性', 'growth'], [special, 15, '专业化', 'specialisation']] as const)
      if (hi(g, 100) < min) gaps.push(gap('score', min - hi(g, 100), 'points', `${zh}指标得分最高 ${hi(g, 100)} < ${min}`, `${en} indicators at most ${hi(g, 100)} < ${min}`));
  }
  return { rule: 'innovative-sme', version: '2022', outcome: outcomeOf(verdict), score: total, criteria: [incidents, ...parts, score, direct], gaps };
}

/**
 * 二(一)1 与企业主导产品相关的有效知识产权数量 (20分): Ⅰ类高价值 20, 自主研发Ⅰ类 15, Ⅰ类 10, Ⅱ类 5, 无 0.
 * "High value" cannot be read from the profile, so a Ⅰ类 holder gets a range up to 20.
 */
function ipPart(p: Profile): Criterion {
  const c = ipCounts(p);
  if (c === null) return missing('ip', '≤ 20 分', '知识产权', 'intellectual property');
  const points = c.class1Self > 0 ? range(15, 20) : c.class1 > 0 ? range(10, 20) : c.class2 > 0 ? 5 : 0;
  return criterion('ip', hi(points, 20) > 0 ? 'met' : 'unmet', c.class1 + c.class2, '≤ 20 分', points,
    () => [`有效Ⅰ类知识产权 ${c.class1} 项（自主研发 ${c.class1Self}）、Ⅱ类 ${c.class2} 项，得 ${fmtPoints(points)} 分（是否高价值需审核）`, `Class-I IP ${c.class1} (self-developed ${c.class1Self}), class-II ${c.class2}: ${fmtPoints(points)} points (high value needs review)`]);
}

function growthPart(two: ReturnType<typeof lastConsecutiveYears>): Criterion {
  const n = { zh: '上年度主营业务收入增长率', en: 'Last-year main-business revenue growth' };
  if (two.length < 2) return missing('main_revenue_growth', '≤ 20 分', '最近两年主营业务收入', 'main-business revenue for the last two years');
  const [a, b] = [two[0]!.mainBusinessRevenue, two[1]!.mainBusinessRevenue];
  if (a === undefined || b === undefined) return missing('main_revenue_growth', '≤ 20 分', '最近两年主营业务收入', 'main-business revenue for the last two years');
  // No revenue in the base year: no growth rate can be computed, the indicator scores 0 (see README).
  if (a <= 0) return cmpPart('main_revenue_growth', null, null, GROWTH_BANDS, 20, n, '上上年度主营业务收入为0');
  return cmpPart('main_revenue_growth', (pp, q) => cmpGrowth(a, b, pp, q), round2((b / a - 1) * 100), GROWTH_BANDS, 20, n);
}

/**
 * 一(二) 直通: 近三年内获得过国家级、省级科技奖励; 获得高新技术企业、国家级技术创新示范企业、知识产权优势企业和
 * 知识产权示范企业等荣誉（均为有效期内）; 拥有经认定的省部级以上研发机构; 近三年新增股权融资总额500万元以上.
 */
function directPass(p: Profile, asOf: string): Criterion {
  const award = any(hasAward(p, asOf, 3, 'national', Infinity), hasAward(p, asOf, 3, 'provincial', Infinity));
  const certs = any(...['hnte', 'tech-innovation-demo', 'ip-advantage', 'ip-demo'].map((k) => holdsCertificate(p, k, asOf)));
  const inst = hasRdInstitution(p, ['national', 'provincial']);
  const equity = equityInLastYears(p, asOf, 3);
  const fin: Tri = equity === null ? 'maybe' : equity >= 5_000_000 ? 'yes' : 'no';
  const t = any(award, certs, inst, fin);
  const threshold = '满足任一直通条件';
  if (t === 'yes') return criterion('direct_pass', 'met', true, threshold, null, () => ['满足直通条件（科技奖励、有效荣誉、省部级研发机构或股权融资 ≥ 500万元）', 'A direct condition is met (award, valid honour, provincial R&D institution or ≥ CNY 5 million equity financing)']);
  if (t === 'no') return criterion('direct_pass', 'unmet', false, threshold, null, () => [`不满足直通条件（近三年股权融资 ${fmtMoney(equity ?? 0)}）`, 'No direct condition is met']);
  return criterion('direct_pass', 'unknown', null, threshold, null, () => ['直通条件数据不全', 'Direct-condition data incomplete']);
}
