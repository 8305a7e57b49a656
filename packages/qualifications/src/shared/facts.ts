// Facts read from a profile the same way by every pack (issue 3 §2): only granted IP counts; the latest
// fiscal year is the most recent year given; a certificate counts when validFrom ≤ assessedOn ≤ validUntil;
// "in the last N years" counts back from assessedOn.
import type { FiscalYear, IpKind, Profile } from '../types.ts';
import type { Tri } from './tri.ts';
import { withinLastYears, yearWithinLast } from './dates.ts';

/** Ⅰ类知识产权: 发明专利, 植物新品种, 国家级农作物品种, 国家新药, 国家一级中药保护品种, 集成电路布图设计专有权. */
export const CLASS_1: ReadonlySet<IpKind> = new Set<IpKind>([
  'invention',
  'plant_variety',
  'crop_variety',
  'new_drug',
  'tcm_protected_grade1',
  'ic_layout',
]);
/** Ⅱ类知识产权: 实用新型专利, 外观设计专利, 软件著作权 (trademarks excluded). */
export const CLASS_2: ReadonlySet<IpKind> = new Set<IpKind>(['utility_model', 'design', 'software_copyright']);

/** The same classes as a lookup table: the counting loop runs for every pack of every profile. */
const IP_CLASS: Readonly<Record<IpKind, 1 | 2>> = {
  invention: 1,
  plant_variety: 1,
  crop_variety: 1,
  new_drug: 1,
  tcm_protected_grade1: 1,
  ic_layout: 1,
  utility_model: 2,
  design: 2,
  software_copyright: 2,
};

export interface IpCounts {
  class1: number;
  class1Self: number;
  class2: number;
  inventions: number;
  utilityOrSoftware: number;
  granted: number;
  grantedSelf: number;
}

/** Counts of granted IP; null when the profile says nothing about IP. */
export function ipCounts(p: Profile): IpCounts | null {
  if (p.ip === undefined) return null;
  const c: IpCounts = { class1: 0, class1Self: 0, class2: 0, inventions: 0, utilityOrSoftware: 0, granted: 0, grantedSelf: 0 };
  for (const item of p.ip) {
    if (item.status !== 'granted') continue;
    const self = item.acquisition === 'self';
    c.granted++;
    if (self) c.grantedSelf++;
    const cls = IP_CLASS[item.kind];
    if (cls === 1) {
      c.class1++;
      if (self) c.class1Self++;
    } else if (cls === 2) c.class2++;
    if (item.kind === 'invention') c.inventions++;
    if (item.kind === 'utility_model' || item.kind === 'software_copyright') c.utilityOrSoftware++;
  }
  return c;
}

/** Fiscal years sorted newest first (the profile's order is not trusted). */
export function yearsDesc(p: Profile): FiscalYear[] {
  const fs = p.financials;
  if (fs === undefined || fs.length === 0) return [];
  if (fs.length === 1) return fs.slice();
  return fs.slice().sort((a, b) => b.year - a.year);
}

export function latestYear(p: Profile): FiscalYear | undefined {
  const fs = p.financials;
  if (fs === undefined || fs.length === 0) return undefined;
  let best = fs[0]!;
  for (const f of fs) if (f.year > best.year) best = f;
  return best;
}

/**
 * The last n consecutive fiscal years ending with the latest, oldest first; shorter when a year before
 * them is absent (the caller decides whether fewer years are allowed).
 */
export function lastConsecutiveYears(p: Profile, n: number): FiscalYear[] {
  const last = latestYear(p);
  if (last === undefined) return [];
  const fs = p.financials!;
  const out: FiscalYear[] = [last];
  // Walk back one year at a time: profiles hold a handful of years, so a scan beats a sort.
  for (let y = last.year - 1; out.length < n; y--) {
    let found: FiscalYear | undefined;
    for (const f of fs) if (f.year === y) found = f;
    if (found === undefined) break;
    out.push(found);
  }
  return out.reverse();
}

/** Certificate of `kind` valid on the assessment date; unknown when the profile lists no certificates. */
export function holdsCertificate(p: Profile, kind: string, asOf: string): Tri {
  if (p.certificates === undefined) return 'maybe';
  for (const c of p.certificates) if (c.kind === kind && c.validFrom <= asOf && asOf <= c.validUntil) return 'yes';
  return 'no';
}

/** A national (any rank) or provincial award in the last n years where the unit ranked within maxRank. */
export function hasAward(p: Profile, asOf: string, n: number, level: 'national' | 'provincial', maxRank: number): Tri {
  if (p.awards === undefined) return 'maybe';
  let maybe = false;
  for (const a of p.awards) {
    if (a.level !== level || !yearWithinLast(a.year, asOf, n)) continue;
    if (a.rank !== undefined ? a.rank <= maxRank : maxRank === Infinity) return 'yes';
    maybe ||= a.rank === undefined;
  }
  return maybe ? 'maybe' : 'no';
}

/** An R&D institution at one of the given levels. */
export function hasRdInstitution(p: Profile, levels: readonly string[]): Tri {
  if (p.rdInstitutions === undefined) return 'maybe';
  return p.rdInstitutions.some((r) => levels.includes(r.level)) ? 'yes' : 'no';
}

/** Led a standard at one of the given levels, in the last n years when n is given. */
export function ledStandard(p: Profile, asOf: string, levels: readonly string[], n?: number): Tri {
  if (p.standards === undefined) return 'maybe';
  let maybe = false;
  for (const s of p.standards) {
    if (s.role !== 'lead' || !levels.includes(s.level)) continue;
    if (n === undefined) return 'yes';
    if (s.year === undefined) maybe = true;
    else if (yearWithinLast(s.year, asOf, n)) return 'yes';
  }
  return maybe ? 'maybe' : 'no';
}

/** Sum of equity financing dated in the last n years; null when the profile says nothing about financing. */
export function equityInLastYears(p: Profile, asOf: string, n: number): number | null {
  if (p.equityFinancing === undefined) return null;
  let sum = 0;
  for (const e of p.equityFinancing) if (withinLastYears(e.date, asOf, n)) sum += e.amount;
  return sum;
}
