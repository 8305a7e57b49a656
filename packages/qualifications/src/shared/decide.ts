// The decision-only forms of the shared criteria (parts.ts, incidents.ts, ip-gate.ts, rd-years.ts): the same
// comparisons, returning a Tri or points and building no criterion, threshold or message. Each mirrors its
// detailed twin line for line; decide.test.ts and the golden test hold the two together.
import type { FiscalYear, Points, Profile, ScoreRange } from '../types.ts';
import { bandBy, bandOfRatio, type Band } from './bands.ts';
import { cmpAmount, cmpRatio, type Sign } from './exact.ts';
import type { Facts } from './profile-facts.ts';
import { lastYears } from './profile-facts.ts';
import { hi, lo, range } from './points.ts';
import type { Tri } from './tri.ts';
import type { IncidentKey } from './incidents.ts';

/** ratioPart: band points of num/den; a zero denominator scores the lowest band; null when a datum is missing. */
export function ratioPoints(num: number | undefined, den: number | undefined, bands: readonly Band[]): Points {
  if (num === undefined || den === undefined) return null;
  const [lo, hi] = bands[den <= 0 ? bands.length - 1 : bandOfRatio(num, den, bands)]!.points;
  return range(lo, hi);
}

/** cmpPart: band points through a comparison against each edge; null cmp scores the lowest band. */
export function cmpPoints(cmp: ((p: number, q: number) => Sign) | null, bands: readonly Band[]): Points {
  const [lo, hi] = bands[cmp === null ? bands.length - 1 : bandBy(cmp, bands)]!.points;
  return range(lo, hi);
}

/** atMostPart: "lower is better" bands [edge %, points, strict]; null when a datum is missing. */
export function atMostPoints(num: number | undefined, den: number | undefined, bands: readonly (readonly [number, number, boolean])[]): number | null {
  if (num === undefined || den === undefined) return null;
  if (den > 0)
    for (const [edge, p, strict] of bands) {
      const s = cmpRatio(num, den, Math.round(edge * 10), 1000);
      if (strict ? s < 0 : s <= 0) return p;
    }
  return 0;
}

/** ratioGate: num/den at least (or at most) percent; a zero denominator is unmet. */
export function ratioTri(num: number | undefined, den: number | undefined, percent: number, dir: 'min' | 'max', strict = false): Tri {
  if (num === undefined || den === undefined) return 'maybe';
  if (den <= 0) return 'no';
  const s = cmpRatio(num, den, Math.round(percent * 10), 1000);
  const ok = dir === 'min' ? (strict ? s > 0 : s >= 0) : strict ? s < 0 : s <= 0;
  return ok ? 'yes' : 'no';
}

/** amountGate: an amount at least min 元. */
export function amountTri(v: number | undefined, min: number): Tri {
  if (v === undefined) return 'maybe';
  return cmpAmount(v, min) >= 0 ? 'yes' : 'no';
}

/** noIncidents: any flag true fails; any flag missing (or no incidents at all) is unknown. */
export function incidentsTri(p: Profile, keys: readonly IncidentKey[]): Tri {
  const inc = p.incidents;
  if (inc === undefined) return 'maybe';
  let maybe = false;
  for (const k of keys) {
    const v = inc[k];
    if (v === true) return 'no';
    if (v === undefined) maybe = true;
  }
  return maybe ? 'maybe' : 'yes';
}

/** class1AtLeast: at least n granted class-I IP. */
export function class1Tri(f: Facts, n: number): Tri {
  if (f.ip === null) return 'maybe';
  return f.ip.class1 >= n ? 'yes' : 'no';
}

/** yearsOperating: at least n whole years from founding to `years` (already counted, 0 when founded later). */
export function yearsTri(years: number | undefined, n: number): Tri {
  if (years === undefined) return 'maybe';
  return years >= n ? 'yes' : 'no';
}

/** rdEachYear: R&D share (and amounts) in each of the last n years, and their total. */
export function rdEachYearTri(f: Facts, years: 2 | 3, minPercent: number, minEachYear?: number, minTotal?: number): Tri {
  const ys: readonly FiscalYear[] = lastYears(f, years);
  if (ys.length < years) return 'maybe';
  for (const y of ys) if (y.rdExpense === undefined || y.operatingRevenue === undefined) return 'maybe';
  const q = Math.round(minPercent * 10);
  let ok = true;
  let total = 0;
  for (const y of ys) {
    const rd = y.rdExpense!;
    const rev = y.operatingRevenue!;
    total += rd;
    if (rev <= 0 || cmpRatio(rd, rev, q, 1000) < 0) ok = false;
    if (minEachYear !== undefined && cmpAmount(rd, minEachYear) < 0) ok = false;
  }
  if (minTotal !== undefined && cmpAmount(total, minTotal) < 0) ok = false;
  return ok ? 'yes' : 'no';
}

/** sumPoints without the list of parts: a part with null points (unknown datum) spans 0 to its maximum. */
export class PointsSum {
  min = 0;
  max = 0;

  add(p: Points, max: number): this {
    this.min += lo(p);
    this.max += hi(p, max);
    return this;
  }

  total(): number | ScoreRange {
    return range(this.min, this.max);
  }
}
