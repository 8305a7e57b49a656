// 独角兽企业: no national text; the common definition (长城战略咨询 / 科技部火炬中心 reports) is the default and
// a region passes its own. 独角兽: 成立不超过10年、获得过私募投资且未上市、估值超过10亿美元.
// 潜在独角兽: 成立不超过5年且估值不低于0.5亿美元，或成立5–9年且估值1–10亿美元 (reported, never gating).
import type { Criterion, EvaluationContext, Gap, Profile, RulePack, RuleResult } from '../../types.ts';
import { criterion, gapFrom, missing, statusOf } from '../../shared/criterion.ts';
import { addYears, fullYearsBetween } from '../../shared/dates.ts';
import { all, any, outcomeOf, triOf, type Tri } from '../../shared/tri.ts';
import { decideUnicorn } from './unicorn-decide.ts';

export interface PotentialBand {
  /** Age: more than minAge years (none when 0) and at most maxAge years since founding, to the day. */
  minAge: number;
  maxAge: number;
  minValuationUsd: number;
  maxValuationUsd: number | null;
}

export interface UnicornDefinition {
  version: string;
  effectiveFrom: string;
  source: string;
  maxAgeYears: number;
  /** Valuation must exceed this (US$). */
  valuationAboveUsd: number;
  requirePrivateInvestment: boolean;
  requireUnlisted: boolean;
  potential: readonly PotentialBand[];
}

export const COMMON_UNICORN: UnicornDefinition = {
  version: 'common',
  effectiveFrom: '2000-01-01',
  source: '独角兽企业通行定义（DOMAIN.md 所载）',
  maxAgeYears: 10,
  valuationAboveUsd: 1_000_000_000,
  requirePrivateInvestment: true,
  requireUnlisted: true,
  potential: [
    { minAge: 0, maxAge: 5, minValuationUsd: 50_000_000, maxValuationUsd: null },
    { minAge: 5, maxAge: 9, minValuationUsd: 100_000_000, maxValuationUsd: 1_000_000_000 },
  ],
};

export function unicornPack(def: UnicornDefinition): RulePack {
  return { rule: 'unicorn', version: def.version, effectiveFrom: def.effectiveFrom, source: def.source, evaluate: (p, ctx) => evaluateUnicorn(def, p, ctx), decide: (f) => decideUnicorn(def, f) };
}

export function evaluateUnicorn(def: UnicornDefinition, p: Profile, ctx: EvaluationContext): RuleResult {
  const asOf = ctx.assessedOn;
  const f = p.foundedOn;
  const age = f === undefined ? undefined : fullYearsBetween(f, asOf);
  // "成立不超过10年": the tenth anniversary is the last day that counts.
  const atMost = (years: number): boolean => f !== undefined && addYears(f, years) >= asOf;
  const ageC = age === undefined ? missing('age', `≤ ${def.maxAgeYears} 年`, '成立日期', 'founding date')
    : criterion('age', atMost(def.maxAgeYears) ? 'met' : 'unmet', age, `≤ ${def.maxAgeYears} 年`, null, () => [`成立于 ${f}，满 ${age} 年`, `Founded ${f}: ${age} full years`]);
  const priv = flag('private_investment', p.privatelyFunded, def.requirePrivateInvestment, true, { zh: '获得过私募投资', en: 'has private investment' });
  const unl = flag('unlisted', p.listed, def.requireUnlisted, false, { zh: '未上市', en: 'unlisted' });
  const v = p.valuationUsd;
  const valC = v === undefined ? missing('valuation', `> ${def.valuationAboveUsd / 1e8}亿美元`, '估值（美元）', 'valuation (US$)')
    : criterion('valuation', v > def.valuationAboveUsd ? 'met' : 'unmet', v, `> ${def.valuationAboveUsd / 1e8}亿美元`, null,
      () => [`估值 ${v / 1e8}亿美元`, `Valuation US$ ${v / 1e6} million`]);
  const core = [ageC, priv, unl, valC];
  const verdict = all(...core.map((c) => triOf(c.status)));
  const potT: Tri = age === undefined || v === undefined ? 'maybe'
    : any(...def.potential.map((b): Tri => ((b.minAge === 0 || !atMost(b.minAge)) && atMost(b.maxAge) && v >= b.minValuationUsd && (b.maxValuationUsd === null || v <= b.maxValuationUsd) ? 'yes' : 'no')));
  const potential = criterion('potential_unicorn', statusOf(potT), potT === 'maybe' ? null : potT === 'yes', '潜在独角兽（仅供参考，不影响结论）', null,
    () => [potT === 'yes' ? '符合潜在独角兽条件' : potT === 'no' ? '不符合潜在独角兽条件' : '成立日期或估值缺失', potT === 'yes' ? 'Meets the potential-unicorn definition' : potT === 'no' ? 'Not a potential unicorn' : 'Founding date or valuation missing']);
  const gaps: Gap[] = core.filter((c) => c.status === 'unmet').map(gapFrom);
  return { rule: 'unicorn', version: def.version, outcome: outcomeOf(verdict), score: null, criteria: [...core, potential], gaps };
}

function flag(id: string, v: boolean | undefined, required: boolean, want: boolean, n: { zh: string; en: string }): Criterion {
  if (!required) return criterion(id, 'met', v ?? null, '不要求', null, () => ['本定义不要求', 'Not required by this definition']);
  if (v === undefined) return missing(id, n.zh, n.zh, n.en);
  const ok = v === want;
  return criterion(id, ok ? 'met' : 'unmet', v, n.zh, null, () => [ok ? n.zh : `不满足：${n.zh}`, ok ? n.en : `Fails: ${n.en}`]);
}
