// 专精特新中小企业 (2026), decision only: the same conditions as specialized-sme-2026.ts, without evidence.
import type { Decision } from '../../types.ts';
import { amountTri, class1Tri, incidentsTri, rdEachYearTri, ratioTri, yearsTri } from '../../shared/decide.ts';
import { ALL_INCIDENTS } from '../../shared/incidents.ts';
import type { Facts } from '../../shared/profile-facts.ts';
import { all, outcomeOf } from '../../shared/tri.ts';

export function decideSpecializedSme2026(f: Facts): Decision {
  const { p, asOf, last } = f;
  const verdict = all(
    yearsTri(p.foundedOn === undefined ? undefined : p.foundedOn > asOf ? 0 : f.yearsToAsOf, 3),
    amountTri(last?.operatingRevenue, 15_000_000),
    ratioTri(last?.mainBusinessRevenue, last?.operatingRevenue, 80, 'min'),
    ratioTri(last?.totalLiabilities, last?.totalAssets, 80, 'max'),
    rdEachYearTri(f, 2, 3, 1_000_000),
    class1Tri(f, 1),
    incidentsTri(p, ALL_INCIDENTS),
    'maybe', // score ≥ 50: the new indicator system needs manual review
  );
  return { outcome: outcomeOf(verdict), score: { min: 0, max: 100 } };
}
