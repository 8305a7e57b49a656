// 高新技术企业, decision only: the same conditions as hnte.ts (clauses cited there), without evidence.
import type { Decision, FiscalYear, Points } from '../../types.ts';
import { bandOfRatio } from '../../shared/bands.ts';
import { incidentsTri } from '../../shared/decide.ts';
import { cmpRatio } from '../../shared/exact.ts';
import { hi, lo, range, reaches } from '../../shared/points.ts';
import type { Facts } from '../../shared/profile-facts.ts';
import { all, outcomeOf, type Tri } from '../../shared/tri.ts';
import { CONVERSION_BANDS, HIGH_TECH_FIELDS, rdThreshold } from './hnte.ts';
import { GROWTH_BANDS, scoreGrowth } from './hnte-growth.ts';
import { ipParts } from './hnte-ip.ts';

const HNTE_INCIDENTS = ['majorSafetyOrQuality', 'seriousEnvironmental'] as const;

export function decideHnte(f: Facts): Decision {
  const p = f.p;
  // 近三个会计年度, or the actual period of a firm registered less than three years ago.
  const ys: readonly FiscalYear[] | null = f.years3.length === 3 ? f.years3
    : f.years3.length === 0 || f.yearsToAsOf === undefined ? null : f.yearsToAsOf < 3 ? f.years3 : null;

  // founded + 1 year ≤ asOf is exactly "at least one whole year" (both move 29 Feb to 28 Feb), counted once in the facts.
  const registered: Tri = f.yearsToAsOf === undefined ? 'maybe' : f.yearsToAsOf >= 1 ? 'yes' : 'no';
  const ownsIp: Tri = f.ip === null ? 'maybe' : f.ip.granted > 0 ? 'yes' : 'no';
  const field = techField(p.techField);
  const staff: Tri = p.employees === undefined || p.scienceStaff === undefined ? 'maybe'
    : p.employees === 0 ? 'no' : cmpRatio(p.scienceStaff, p.employees, 10, 100) >= 0 ? 'yes' : 'no';

  const rdManagement = p.expert?.hnte?.rdManagement;
  // 创新能力评价: ip ≤ 30, conversion ≤ 30, rd_management ≤ 20, two growth parts ≤ 10 each; must exceed 70.
  const parts: readonly [Points, number][] = [
    [ipPoints(f), 30],
    [conversionPoints(p.conversions, ys), 30],
    [rdManagement === undefined ? { min: 0, max: 20 } : rdManagement, 20],
    [growthPoints(ys, 'netAssets'), 10],
    [growthPoints(ys, 'salesRevenue'), 10],
  ];
  let min = 0;
  let max = 0;
  for (const [pts, m] of parts) {
    min += lo(pts);
    max += hi(pts, m);
  }
  const score = range(min, max);

  const verdict = all(registered, ownsIp, field, staff, rdRatio(ys), domesticShare(ys), highTechShare(ys),
    reaches(score, 70, true, 100), incidentsTri(p, HNTE_INCIDENTS));
  return { outcome: outcomeOf(verdict), score };
}

function techField(field: string | undefined): Tri {
  if (field === undefined) return 'maybe';
  const t = field.trim();
  if (t === '') return 'maybe';
  for (const name of HIGH_TECH_FIELDS) if (t.startsWith(name)) return 'yes';
  return 'no';
}

function sum(ys: readonly FiscalYear[], key: 'rdExpense' | 'salesRevenue' | 'rdExpenseDomestic'): number | null {
  let s = 0;
  for (const y of ys) {
    const v = y[key];
    if (v === undefined) return null;
    s += v;
  }
  return s;
}

function rdRatio(ys: readonly FiscalYear[] | null): Tri {
  if (ys === null) return 'maybe';
  const rd = sum(ys, 'rdExpense');
  const sales = sum(ys, 'salesRevenue');
  const latest = ys[ys.length - 1]!.salesRevenue;
  if (rd === null || sales === null || latest === undefined) return 'maybe';
  if (sales === 0) return 'no';
  const [tp, tq] = rdThreshold(latest);
  return cmpRatio(rd, sales, tp, tq) >= 0 ? 'yes' : 'no';
}

function domesticShare(ys: readonly FiscalYear[] | null): Tri {
  if (ys === null) return 'maybe';
  const rd = sum(ys, 'rdExpense');
  const dom = sum(ys, 'rdExpenseDomestic');
  if (rd === null || dom === null) return 'maybe';
  if (rd === 0) return 'no';
  return cmpRatio(dom, rd, 60, 100) >= 0 ? 'yes' : 'no';
}

function highTechShare(ys: readonly FiscalYear[] | null): Tri {
  const last = ys?.[ys.length - 1];
  if (last === undefined || last.highTechRevenue === undefined || last.totalRevenue === undefined) return 'maybe';
  if (last.totalRevenue === 0) return 'no';
  return cmpRatio(last.highTechRevenue, last.totalRevenue, 60, 100) >= 0 ? 'yes' : 'no';
}

function ipPoints(f: Facts): Points {
  if (f.ip === null) return null;
  let min = 0;
  let max = 0;
  for (const part of ipParts(f.p, f.ip, f.p.expert?.hnte)) {
    min += part.min;
    max += part.max;
  }
  return range(Math.min(min, 30), Math.min(max, 30));
}

function conversionPoints(conv: readonly number[] | undefined, ys: readonly FiscalYear[] | null): Points {
  if (conv === undefined || conv.length === 0) return null;
  if (conv.length < 3 && (ys === null || ys.length >= 3 || conv.length < ys.length)) return null;
  let total = 0;
  for (const c of conv) total += c;
  const [min, max] = CONVERSION_BANDS[bandOfRatio(total, conv.length, CONVERSION_BANDS)]!.points;
  return range(min, max);
}

function growthPoints(ys: readonly FiscalYear[] | null, key: 'netAssets' | 'salesRevenue'): Points {
  if (ys === null) return null;
  const values: number[] = [];
  for (const y of ys) {
    const v = y[key];
    if (v === undefined) return null;
    values.push(v);
  }
  const [min, max] = GROWTH_BANDS[scoreGrowth(values).band]!.points;
  return range(min, max);
}
