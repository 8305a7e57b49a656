// 专精特新中小企业 (2022), decision only: the same conditions as specialized-sme-2022.ts (clauses cited there).
import type { Decision, Points } from '../../types.ts';
import { amountTri, atMostPoints, cmpPoints, incidentsTri, PointsSum, ratioPoints, ratioTri, yearsTri } from '../../shared/decide.ts';
import { cmpAmount, cmpAvgGrowth2, cmpRatio } from '../../shared/exact.ts';
import { equityInLastYears } from '../../shared/facts.ts';
import { ALL_INCIDENTS } from '../../shared/incidents.ts';
import { range, reaches } from '../../shared/points.ts';
import { lastYears, type Facts } from '../../shared/profile-facts.ts';
import { all, any, outcomeOf, type Tri } from '../../shared/tri.ts';
import { DEBT_BANDS, GROWTH_BANDS, institutionPoints, MARGIN_BANDS, RD_AMOUNT_EDGES, RD_RATIO_BANDS, RD_STAFF_BANDS, SHARE_BANDS } from './specialized-sme-2022.ts';
import { direct2022, directTri } from './specialized-sme-2022-direct.ts';

const MANUAL_5: Points = { min: 0, max: 5 };
const MANUAL_15: Points = { min: 0, max: 15 };

export function decideSpecializedSme2022(f: Facts): Decision {
  const { p, asOf, last } = f;
  const f0 = p.foundedOn;
  const niche = yearsTri(f0 === undefined ? undefined : f0 > asOf ? 0 : f.yearsToAsOf, 2);
  const rdAmount = amountTri(last?.rdExpense, 1_000_000);
  const rdShare = ratioTri(last?.rdExpense, last?.operatingRevenue, 3, 'min');
  const equity = equityInLastYears(p, asOf, 2);
  const revenue = any(
    last?.operatingRevenue === undefined ? 'maybe' : cmpAmount(last.operatingRevenue, 10_000_000) >= 0 ? 'yes' : 'no',
    equity === null ? 'maybe' : cmpAmount(equity, 20_000_000) >= 0 ? 'yes' : 'no',
  );

  // The 13 indicators with their maxima.
  const years = f.yearsToLastYearEnd;
  const total = new PointsSum()
    .add(ratioPoints(last?.mainBusinessRevenue, last?.operatingRevenue, SHARE_BANDS), 5)
    .add(growthPoints(f), 10)
    .add(years === undefined ? null : Math.min(5, Math.floor(years / 2)), 5)
    .add(MANUAL_5, 5) // product field
    .add(MANUAL_5, 5) // digitalisation
    .add(MANUAL_5, 5) // quality management
    .add(ratioPoints(last?.netProfit, last?.operatingRevenue, MARGIN_BANDS), 10)
    .add(atMostPoints(last?.totalLiabilities, last?.totalAssets, DEBT_BANDS), 5)
    .add(MANUAL_15, 15) // distinctiveness
    .add(f.ip === null ? null : f.ip.class1Self > 0 ? range(8, 10) : f.ip.class1 > 0 ? range(6, 10) : f.ip.class2 > 0 ? 2 : 0, 10)
    .add(rdPoints(f), 10)
    .add(ratioPoints(p.rdStaff, p.employees, RD_STAFF_BANDS), 5)
    .add(rdInstitution(f), 10)
    .total();
  const scorePass = reaches(total, 60, false, 100);
  const direct = directTri(direct2022(p, asOf, lastYears(f, 2)));
  const verdict: Tri = all(niche, rdAmount, rdShare, revenue, incidentsTri(p, ALL_INCIDENTS), any(direct, scorePass));
  return { outcome: outcomeOf(verdict), score: total };
}

function growthPoints(f: Facts): Points {
  const three = f.years3;
  if (three.length < 3) return null;
  const a = three[0]!.mainBusinessRevenue;
  const b = three[1]!.mainBusinessRevenue;
  const c = three[2]!.mainBusinessRevenue;
  if (a === undefined || b === undefined || c === undefined) return null;
  return cmpPoints(a <= 0 || b <= 0 ? null : (pp, q) => cmpAvgGrowth2(a, b, c, pp, q), GROWTH_BANDS);
}

function rdPoints(f: Facts): Points {
  const rd = f.last?.rdExpense;
  if (rd === undefined) return null;
  let byAmount = 0;
  for (const [edge, pts] of RD_AMOUNT_EDGES)
    if (cmpAmount(rd, edge) >= 0) {
      byAmount = pts;
      break;
    }
  const rev = f.last!.operatingRevenue;
  if (rev === undefined) return range(byAmount, 10);
  let byRatio = 0;
  if (rev > 0)
    for (const b of RD_RATIO_BANDS)
      if (b.edge === null || cmpRatio(rd, rev, b.edge[0], b.edge[1]) >= 0) {
        byRatio = b.points[0];
        break;
      }
  return Math.max(byAmount, byRatio);
}

function rdInstitution(f: Facts): Points {
  const inst = f.p.rdInstitutions;
  if (inst === undefined) return null;
  return institutionPoints(inst);
}
