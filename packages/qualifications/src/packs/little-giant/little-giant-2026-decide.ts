// 专精特新"小巨人" (2026), decision only: the same conditions as little-giant-2026.ts, without evidence.
import type { Decision } from '../../types.ts';
import { amountTri, class1Tri, incidentsTri, rdEachYearTri, ratioTri } from '../../shared/decide.ts';
import { cmpCagr2 } from '../../shared/exact.ts';
import { holdsCertificate } from '../../shared/facts.ts';
import { ALL_INCIDENTS } from '../../shared/incidents.ts';
import type { Facts } from '../../shared/profile-facts.ts';
import { all, outcomeOf, type Tri } from '../../shared/tri.ts';

export function decideLittleGiant2026(f: Facts): Decision {
  const { p, asOf, last } = f;
  const verdict = all(
    holdsCertificate(p, 'specialized-sme', asOf),
    amountTri(last?.operatingRevenue, 50_000_000),
    ratioTri(last?.mainBusinessRevenue, last?.operatingRevenue, 90, 'min'),
    cagr(f),
    ratioTri(last?.totalLiabilities, last?.totalAssets, 75, 'max'),
    rdEachYearTri(f, 2, 3, undefined, 12_000_000),
    class1Tri(f, 4),
    'maybe', // market position and score need manual review
    incidentsTri(p, ALL_INCIDENTS),
  );
  return { outcome: outcomeOf(verdict), score: { min: 0, max: 100 } };
}

/** 近2年主营业务收入复合增长率 ≥ 5%. */
function cagr(f: Facts): Tri {
  const ys = f.years3;
  const a = ys[0]?.mainBusinessRevenue;
  const c = ys[2]?.mainBusinessRevenue;
  if (ys.length < 3 || a === undefined || c === undefined) return 'maybe';
  if (a <= 0) return 'no';
  return cmpCagr2(a, c, 5, 100) >= 0 ? 'yes' : 'no';
}
