// 瞪羚企业: defined by each province, so the definition is configuration. The default is Shandong's
// 《山东省瞪羚企业认定管理办法》 as summarised in DOMAIN ("Enterprise tiers"); a region passes its own.
import type { Criterion, EvaluationContext, Gap, Profile, RulePack, RuleResult } from '../../types.ts';
import { criterion, gapFrom, missing } from '../../shared/criterion.ts';
import { cmpAmount, cmpCagr2, cmpRatio } from '../../shared/exact.ts';
import { ipCounts, lastConsecutiveYears, latestYear, ledStandard } from '../../shared/facts.ts';
import { fmtMoney, fmtMoneyEn, fmtPct, round2 } from '../../shared/format.ts';
import { ratioGate } from '../../shared/parts.ts';
import { all, any, outcomeOf, triOf, type Tri } from '../../shared/tri.ts';
import { yearsOperating } from '../../shared/years.ts';
import { decideGazelle } from './gazelle-decide.ts';

export interface GazelleGrowthBand {
  /** Latest-year operating revenue from which this band applies, 元 (inclusive unless `strict`). */
  fromRevenue: number;
  strict?: boolean;
  /** Minimum two-year compound growth of operating revenue, percent. */
  minCagrPercent: number;
}

export interface GazelleDefinition {
  region: string;
  version: string;
  effectiveFrom: string;
  source: string;
  minYears: number;
  /** Debt ratio must be below (strict) or at most this percentage. */
  maxDebtPercent: number;
  debtStrict: boolean;
  requireUnlisted: boolean;
  /** Ascending by fromRevenue; revenue below the first band does not qualify. */
  growthBands: readonly GazelleGrowthBand[];
  rd: { largeFromRevenue: number; largePercent: number; otherPercent: number };
  ip: { inventions: number; utilityOrSoftware: number; ledStandardCounts: boolean };
}

export const SHANDONG_GAZELLE: GazelleDefinition = {
  region: '山东省',
  version: 'shandong',
  effectiveFrom: '2000-01-01',
  source: '山东省瞪羚企业认定条件（DOMAIN.md 所载）',
  minYears: 3,
  maxDebtPercent: 70,
  debtStrict: true,
  requireUnlisted: true,
  growthBands: [
    { fromRevenue: 10_000_000, minCagrPercent: 25 },
    { fromRevenue: 20_000_000, minCagrPercent: 20 },
    { fromRevenue: 100_000_000, minCagrPercent: 15 },
    { fromRevenue: 400_000_000, strict: true, minCagrPercent: 10 },
  ],
  rd: { largeFromRevenue: 100_000_000, largePercent: 2.5, otherPercent: 5 },
  ip: { inventions: 2, utilityOrSoftware: 8, ledStandardCounts: true },
};

export function gazellePack(def: GazelleDefinition): RulePack {
  return { rule: 'gazelle', version: def.version, effectiveFrom: def.effectiveFrom, source: def.source, evaluate: (p, ctx) => evaluateGazelle(def, p, ctx), decide: (f) => decideGazelle(def, f) };
}

export function evaluateGazelle(def: GazelleDefinition, p: Profile, ctx: EvaluationContext): RuleResult {
  const last = latestYear(p);
  const criteria: Criterion[] = [
    yearsOperating('years_operating', p, ctx.assessedOn, def.minYears),
    ratioGate('debt_ratio', last?.totalLiabilities, last?.totalAssets, def.maxDebtPercent, 'max', { zh: '资产负债率', en: 'Debt ratio' }, def.debtStrict),
    unlisted(p, def.requireUnlisted),
    growth(p, def),
    rd(last?.rdExpense, last?.operatingRevenue, def),
    ip(p, ctx.assessedOn, def),
  ];
  const verdict = all(...criteria.map((c) => triOf(c.status)));
  const gaps: Gap[] = criteria.filter((c) => c.status === 'unmet').map(gapFrom);
  return { rule: 'gazelle', version: def.version, outcome: outcomeOf(verdict), score: null, criteria, gaps };
}

function unlisted(p: Profile, required: boolean): Criterion {
  if (!required) return criterion('unlisted', 'met', p.listed ?? null, '不要求', null, () => ['本地区定义不要求未上市', 'Not required by this definition']);
  const listed = p.listed;
  if (listed === undefined) return missing('unlisted', '未上市', '是否上市', 'whether listed');
  return criterion('unlisted', listed ? 'unmet' : 'met', !listed, '未上市', null, () => [listed ? '企业已上市' : '企业未上市', listed ? 'The firm is listed' : 'The firm is not listed']);
}

function growth(p: Profile, def: GazelleDefinition): Criterion {
  const ys = lastConsecutiveYears(p, 3);
  const a = ys[0]?.operatingRevenue;
  const c = ys[2]?.operatingRevenue;
  if (ys.length < 3 || a === undefined || c === undefined) return missing('revenue_growth', '按营业收入分档的复合增长率', '近三年营业收入', 'operating revenue for three years');
  let band: GazelleGrowthBand | undefined;
  for (const b of def.growthBands) {
    const s = cmpAmount(c, b.fromRevenue);
    if (b.strict ? s > 0 : s >= 0) band = b;
  }
  if (band === undefined)
    return criterion('revenue_growth', 'unmet', c, `营业收入 ≥ ${fmtMoney(def.growthBands[0]!.fromRevenue)}`, null,
      () => [`上年度营业收入 ${fmtMoney(c)} 低于瞪羚企业的最低档 ${fmtMoney(def.growthBands[0]!.fromRevenue)}`, `Latest revenue ${fmtMoneyEn(c)} is below the lowest band ${fmtMoneyEn(def.growthBands[0]!.fromRevenue)}`]);
  const q = Math.round(band.minCagrPercent * 10);
  const ok = a > 0 && cmpCagr2(a, c, q, 1000) >= 0;
  const rate = a > 0 ? round2((Math.sqrt(c / a) - 1) * 100) : null;
  return criterion('revenue_growth', ok ? 'met' : 'unmet', rate, `≥ ${band.minCagrPercent}%`, null,
    () => [`近2年营业收入复合增长率 ${rate ?? '—'}%（收入 ${fmtMoney(c)} 档要求 ≥ ${band.minCagrPercent}%）`, `2-year revenue CAGR ${rate ?? '—'}% (the ${fmtMoneyEn(c)} band needs ≥ ${band.minCagrPercent}%)`]);
}

function rd(rdExpense: number | undefined, revenue: number | undefined, def: GazelleDefinition): Criterion {
  if (rdExpense === undefined || revenue === undefined) return missing('rd_ratio', `≥ ${def.rd.largePercent}% / ${def.rd.otherPercent}%`, '上年度研发费用和营业收入', 'last-year R&D and revenue');
  const pct = cmpAmount(revenue, def.rd.largeFromRevenue) >= 0 ? def.rd.largePercent : def.rd.otherPercent;
  const ok = revenue > 0 && cmpRatio(rdExpense, revenue, Math.round(pct * 10), 1000) >= 0;
  return criterion('rd_ratio', ok ? 'met' : 'unmet', revenue > 0 ? round2((rdExpense / revenue) * 100) : null, `≥ ${pct}%`, null,
    () => [`研发费用占营业收入 ${revenue > 0 ? fmtPct(rdExpense, revenue) : '—'} ${ok ? '≥' : '<'} ${pct}%`, `R&D ${revenue > 0 ? fmtPct(rdExpense, revenue) : '—'} of revenue ${ok ? '≥' : '<'} ${pct}%`]);
}

function ip(p: Profile, asOf: string, def: GazelleDefinition): Criterion {
  const c = ipCounts(p);
  const inv: Tri = c === null ? 'maybe' : c.inventions >= def.ip.inventions ? 'yes' : 'no';
  const small: Tri = c === null ? 'maybe' : c.utilityOrSoftware >= def.ip.utilityOrSoftware ? 'yes' : 'no';
  const std: Tri = def.ip.ledStandardCounts ? ledStandard(p, asOf, ['international', 'national', 'industry', 'group']) : 'no';
  const t = any(inv, small, std);
  const threshold = `发明专利 ≥ ${def.ip.inventions} 或 实用新型/软著 ≥ ${def.ip.utilityOrSoftware}${def.ip.ledStandardCounts ? ' 或 主导制定标准' : ''}`;
  if (t === 'maybe') return missing('ip', threshold, '知识产权或标准', 'IP or standards');
  return criterion('ip', t === 'yes' ? 'met' : 'unmet', c?.inventions ?? null, threshold, null,
    () => [`发明专利 ${c?.inventions ?? '—'} 项、实用新型和软件著作权 ${c?.utilityOrSoftware ?? '—'} 项`, `Invention patents ${c?.inventions ?? '—'}, utility models and software copyrights ${c?.utilityOrSoftware ?? '—'}`]);
}
