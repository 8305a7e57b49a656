// 瞪羚企业, decision only: the same conditions as gazelle.ts for any definition, without evidence.
import type { Decision } from '../../types.ts';
import { ratioTri, yearsTri } from '../../shared/decide.ts';
import { cmpAmount, cmpCagr2, cmpRatio } from '../../shared/exact.ts';
import { ledStandard } from '../../shared/facts.ts';
import type { Facts } from '../../shared/profile-facts.ts';
import { all, any, outcomeOf, type Tri } from '../../shared/tri.ts';
import type { GazelleDefinition, GazelleGrowthBand } from './gazelle.ts';

const STANDARD_LEVELS = ['international', 'national', 'industry', 'group'];

export function decideGazelle(def: GazelleDefinition, f: Facts): Decision {
  const { p, asOf, last } = f;
  const unlisted: Tri = !def.requireUnlisted ? 'yes' : p.listed === undefined ? 'maybe' : p.listed ? 'no' : 'yes';
  const rdExpense = last?.rdExpense;
  const revenue = last?.operatingRevenue;
  let rd: Tri = 'maybe';
  if (rdExpense !== undefined && revenue !== undefined) {
    const pct = cmpAmount(revenue, def.rd.largeFromRevenue) >= 0 ? def.rd.largePercent : def.rd.otherPercent;
    rd = revenue > 0 && cmpRatio(rdExpense, revenue, Math.round(pct * 10), 1000) >= 0 ? 'yes' : 'no';
  }
  const c = f.ip;
  const ip = any(
    c === null ? 'maybe' : c.inventions >= def.ip.inventions ? 'yes' : 'no',
    c === null ? 'maybe' : c.utilityOrSoftware >= def.ip.utilityOrSoftware ? 'yes' : 'no',
    def.ip.ledStandardCounts ? ledStandard(p, asOf, STANDARD_LEVELS) : 'no',
  );
  const verdict = all(
    yearsTri(p.foundedOn === undefined ? undefined : p.foundedOn > asOf ? 0 : f.yearsToAsOf, def.minYears),
    ratioTri(last?.totalLiabilities, last?.totalAssets, def.maxDebtPercent, 'max', def.debtStrict),
    unlisted,
    growth(f, def),
    rd,
    ip,
  );
  return { outcome: outcomeOf(verdict), score: null };
}

/** Two-year compound growth of operating revenue against the band of the latest revenue. */
function growth(f: Facts, def: GazelleDefinition): Tri {
  const ys = f.years3;
  const a = ys[0]?.operatingRevenue;
  const c = ys[2]?.operatingRevenue;
  if (ys.length < 3 || a === undefined || c === undefined) return 'maybe';
  let band: GazelleGrowthBand | undefined;
  for (const b of def.growthBands) {
    const s = cmpAmount(c, b.fromRevenue);
    if (b.strict ? s > 0 : s >= 0) band = b;
  }
  if (band === undefined) return 'no';
  return a > 0 && cmpCagr2(a, c, Math.round(band.minCagrPercent * 10), 1000) >= 0 ? 'yes' : 'no';
}
