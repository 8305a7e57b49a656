// 科技型中小企业, decision only: the same conditions as tech-sme.ts (clauses cited there), without evidence.
import type { Decision, Points } from '../../types.ts';
import { bandOfRatio, type Band } from '../../shared/bands.ts';
import { incidentsTri, PointsSum } from '../../shared/decide.ts';
import { cmpAmount } from '../../shared/exact.ts';
import { hasAward, hasRdInstitution, holdsCertificate, ledStandard } from '../../shared/facts.ts';
import { ALL_INCIDENTS } from '../../shared/incidents.ts';
import { range, reaches } from '../../shared/points.ts';
import type { Facts } from '../../shared/profile-facts.ts';
import { all, any, outcomeOf, type Tri } from '../../shared/tri.ts';
import { ipPoints, RD_COST_BANDS, RD_SALES_BANDS, SCIENCE_STAFF_BANDS } from './tech-sme-bands.ts';

export function decideTechSme(f: Facts): Decision {
  const { p, asOf, last } = f;
  // 第六条(二)–(五).
  const employees: Tri = p.employees === undefined ? 'maybe' : p.employees <= 500 ? 'yes' : 'no';
  const sales: Tri = last?.salesRevenue === undefined ? 'maybe' : cmpAmount(last.salesRevenue, 200_000_000) <= 0 ? 'yes' : 'no';
  const assets: Tri = last?.totalAssets === undefined ? 'maybe' : cmpAmount(last.totalAssets, 200_000_000) <= 0 ? 'yes' : 'no';
  const industry: Tri = p.industryRestricted === undefined ? 'maybe' : p.industryRestricted ? 'no' : 'yes';

  // 第六条(六): 综合评价得分不低于60分，且科技人员指标得分不得为0分.
  const science: number | null = p.employees === undefined || p.scienceStaff === undefined ? null
    : p.employees === 0 ? 0 : SCIENCE_STAFF_BANDS[bandOfRatio(p.scienceStaff, p.employees, SCIENCE_STAFF_BANDS)]!.points[0];
  const total = new PointsSum().add(science, 20).add(rdPoints(f), 50).add(f.ip === null ? null : ipPoints(f.ip.class1, f.ip.class2), 30).total();
  const scienceNonZero: Tri = science === null ? 'maybe' : science > 0 ? 'yes' : 'no';
  const scorePass = all(reaches(total, 60, false, 100), scienceNonZero);

  // 第七条: 直通.
  const direct = any(
    holdsCertificate(p, 'hnte', asOf),
    hasAward(p, asOf, 5, 'national', 3),
    hasRdInstitution(p, ['national', 'provincial']),
    ledStandard(p, asOf, ['international', 'national', 'industry'], 5),
  );
  const verdict = all(employees, sales, assets, incidentsTri(p, ALL_INCIDENTS), industry, any(direct, scorePass));
  return { outcome: outcomeOf(verdict), score: total };
}

function option(rd: number, den: number | undefined, bands: readonly Band[]): number | null {
  if (den === undefined) return null;
  if (den === 0) return 0;
  return bands[bandOfRatio(rd, den, bands)]!.points[0];
}

/** 指标二: the better of the two ratios; a range up to 50 when one denominator is missing. */
function rdPoints(f: Facts): Points {
  const last = f.last;
  if (last === undefined || last.rdExpense === undefined) return null;
  const bySales = option(last.rdExpense, last.salesRevenue, RD_SALES_BANDS);
  const byCost = option(last.rdExpense, last.costsAndExpenses, RD_COST_BANDS);
  if (bySales === null && byCost === null) return null;
  const known = Math.max(bySales ?? 0, byCost ?? 0);
  return bySales === null || byCost === null ? range(known, 50) : known;
}
