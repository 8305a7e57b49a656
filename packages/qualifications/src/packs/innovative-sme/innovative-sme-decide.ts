// 创新型中小企业, decision only: the same conditions as innovative-sme.ts (clauses cited there), without evidence.
import type { Decision, Points } from '../../types.ts';
import { atMostPoints, cmpPoints, incidentsTri, PointsSum, ratioPoints } from '../../shared/decide.ts';
import { cmpGrowth } from '../../shared/exact.ts';
import { equityInLastYears, hasAward, hasRdInstitution, holdsCertificate } from '../../shared/facts.ts';
import { range, reaches } from '../../shared/points.ts';
import { lastYears, type Facts } from '../../shared/profile-facts.ts';
import { all, any, outcomeOf, type Tri } from '../../shared/tri.ts';
import { DEBT_BANDS, GROWTH_BANDS, RD_BANDS, SHARE_BANDS } from './innovative-sme.ts';

const LISTING = ['seriousDishonesty', 'abnormalOperationListed'] as const;
const FIELD: Points = { min: 0, max: 10 };

export function decideInnovativeSme(f: Facts): Decision {
  const { p, asOf, last, ip } = f;
  const ipPts: Points = ip === null ? null : ip.class1Self > 0 ? range(15, 20) : ip.class1 > 0 ? range(10, 20) : ip.class2 > 0 ? 5 : 0;
  const innovation = new PointsSum().add(ipPts, 20).add(ratioPoints(last?.rdExpense, last?.operatingRevenue, RD_BANDS), 20).total();
  const growthGroup = new PointsSum().add(growthPoints(f), 20).add(atMostPoints(last?.totalLiabilities, last?.totalAssets, DEBT_BANDS), 10).total();
  const special = new PointsSum().add(FIELD, 10).add(ratioPoints(last?.mainBusinessRevenue, last?.operatingRevenue, SHARE_BANDS), 20).total();
  const total = new PointsSum().add(innovation, 40).add(growthGroup, 30).add(special, 30).total();
  const scorePass = all(reaches(total, 60, false, 100), reaches(innovation, 20, false, 40), reaches(growthGroup, 15, false, 30), reaches(special, 15, false, 30));

  // 直通: award in 3 years; valid honour; provincial+ R&D institution; ≥ 500万 equity in 3 years.
  const equity = equityInLastYears(p, asOf, 3);
  const direct = any(
    any(hasAward(p, asOf, 3, 'national', Infinity), hasAward(p, asOf, 3, 'provincial', Infinity)),
    any(holdsCertificate(p, 'hnte', asOf), holdsCertificate(p, 'tech-innovation-demo', asOf), holdsCertificate(p, 'ip-advantage', asOf), holdsCertificate(p, 'ip-demo', asOf)),
    hasRdInstitution(p, ['national', 'provincial']),
    equity === null ? 'maybe' : equity >= 5_000_000 ? 'yes' : 'no',
  );
  const verdict: Tri = all(incidentsTri(p, LISTING), any(direct, scorePass));
  return { outcome: outcomeOf(verdict), score: total };
}

function growthPoints(f: Facts): Points {
  const two = lastYears(f, 2);
  if (two.length < 2) return null;
  const a = two[0]!.mainBusinessRevenue;
  const b = two[1]!.mainBusinessRevenue;
  if (a === undefined || b === undefined) return null;
  return cmpPoints(a <= 0 ? null : (pp, q) => cmpGrowth(a, b, pp, q), GROWTH_BANDS);
}
