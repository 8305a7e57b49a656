// 专精特新"小巨人" (2022), decision only: the same conditions as little-giant-2022.ts (clauses cited there).
import type { Decision } from '../../types.ts';
import { class1Tri, incidentsTri, ratioTri, yearsTri } from '../../shared/decide.ts';
import { cmpAmount, cmpAvgGrowth2, cmpRatio } from '../../shared/exact.ts';
import { equityInLastYears, hasAward, hasRdInstitution, holdsCertificate } from '../../shared/facts.ts';
import { ALL_INCIDENTS } from '../../shared/incidents.ts';
import { lastYears, type Facts } from '../../shared/profile-facts.ts';
import { all, any, outcomeOf, type Tri } from '../../shared/tri.ts';

export function decideLittleGiant2022(f: Facts): Decision {
  const { p, asOf, last } = f;
  const innovation = any(
    hasAward(p, asOf, 3, 'national', 3),
    all(rdIntensity(f), hasRdInstitution(p, ['national', 'provincial', 'municipal']), class1Tri(f, 2)),
  );
  const verdict = all(
    holdsCertificate(p, 'specialized-sme', asOf),
    yearsTri(f.yearsToLastYearEnd, 3),
    ratioTri(last?.mainBusinessRevenue, last?.operatingRevenue, 70, 'min'),
    mainGrowth(f),
    ratioTri(last?.totalLiabilities, last?.totalAssets, 70, 'max'),
    'maybe', // refinement, market share, supply chain and product field need manual review
    incidentsTri(p, ALL_INCIDENTS),
    innovation,
  );
  return { outcome: outcomeOf(verdict), score: null };
}

function mainGrowth(f: Facts): Tri {
  const ys = f.years3;
  if (ys.length < 3) return 'maybe';
  const a = ys[0]!.mainBusinessRevenue;
  const b = ys[1]!.mainBusinessRevenue;
  const c = ys[2]!.mainBusinessRevenue;
  if (a === undefined || b === undefined || c === undefined) return 'maybe';
  if (a <= 0 || b <= 0) return 'no';
  return cmpAvgGrowth2(a, b, c, 5, 100) >= 0 ? 'yes' : 'no';
}

/** 一般性条件1 by revenue band: R&D share each of 2 years, or (small firms) equity, R&D total and R&D staff. */
function rdIntensity(f: Facts): Tri {
  const { p, asOf } = f;
  const rev = f.last?.operatingRevenue;
  if (rev === undefined) return 'maybe';
  const two = lastYears(f, 2);
  if (cmpAmount(rev, 50_000_000) >= 0) {
    const pct = cmpAmount(rev, 100_000_000) > 0 ? 3 : 6;
    if (two.length < 2) return 'maybe';
    for (const y of two) if (y.rdExpense === undefined || y.operatingRevenue === undefined) return 'maybe';
    for (const y of two) if (!(y.operatingRevenue! > 0 && cmpRatio(y.rdExpense!, y.operatingRevenue!, pct, 100) >= 0)) return 'no';
    return 'yes';
  }
  const equity = equityInLastYears(p, asOf, 2);
  const rdTotal = two.length === 2 && two[0]!.rdExpense !== undefined && two[1]!.rdExpense !== undefined ? two[0]!.rdExpense + two[1]!.rdExpense : null;
  return all(
    equity === null ? 'maybe' : cmpAmount(equity, 80_000_000) >= 0 ? 'yes' : 'no',
    rdTotal === null ? 'maybe' : cmpAmount(rdTotal, 30_000_000) >= 0 ? 'yes' : 'no',
    p.rdStaff === undefined || p.employees === undefined ? 'maybe' : p.employees > 0 && cmpRatio(p.rdStaff, p.employees, 50, 100) >= 0 ? 'yes' : 'no',
  );
}
