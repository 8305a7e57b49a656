// 创新型中小企业, decision only: the same conditions as innovative-sme.ts (clauses cited there), without evidence.
import type { Decision, Points } from '../../types.ts';
import { atMostPoints, cmpPoints, incidentsTri, ratioPoints } from '../../shared/decide.ts';
import { cmpGrowth } from '../../shared/exact.ts';
import { equityInLastYears, hasAward, hasRdInstitution, holdsCertificate } from '../../shared/facts.ts';
import { range, reaches, sumPoints } from '../../shared/points.ts';
import { lastYears, type Facts } from '../../shared/profile-facts.ts';
import { all, any, outcomeOf, type Tri } from '../../shared/tri.ts';
import { DEBT_BANDS, GROWTH_BANDS, RD_BANDS, SHARE_BANDS } from './innovative-sme.ts';

const LISTING = ['seriousDishonesty', 'abnormalOperationListed'] as const;
const FIELD: Points = { min: 0, max: 10 };

export function decideInnovativeSme(f: Facts): Decision {
  const { p, asOf, last, ip } = f;
  const ipPts: Points = ip === null ? null : ip.class1Self > 0 ? range(15, 20) : ip.class1 > 0 ? range(10, 20) : ip.class2 > 0 ? 5 : 0;
  const innovation = sumPoints([{ points: ipPts, max: 20 }, { points: ratioPoints(last?.rdExpense, last?.operatingRevenue, RD_BANDS), max: 20 }]);
  const growthGroup = sumPoints([{ points: growthPoints(f), max: 20 }, { points: atMostPoints(last?.totalLiabilities, last?.totalAssets, DEBT_BANDS), max: 10 }]);
  const special = sumPoints([{ points: FIELD, max: 10 }, { points: ratioPoints(last?.mainBusinessRevenue, last?.operatingRevenue, SHARE_BANDS), max: 20 }]);
  const total = sumPoints([{ points: innovation, max: 40 }, { points: growthGroup, max: 30 }, { points: special, max: 30 }]);
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
