// The facts every pack reads, computed once per profile and assessment date instead of once per pack:
// the latest fiscal year, the last three consecutive years, the granted-IP class counts and the whole years
// since founding. The decision paths of the packs (`*-decide.ts`) read only these and the profile itself.
import type { FiscalYear, Profile } from '../types.ts';
import { fullYearsBetween } from './dates.ts';
import { ipCounts, lastConsecutiveYears, type IpCounts } from './facts.ts';
import { endOfLastYear } from './years.ts';

export interface Facts {
  readonly p: Profile;
  readonly asOf: string;
  /** The most recent fiscal year given. */
  readonly last: FiscalYear | undefined;
  /** The last (up to) three consecutive fiscal years ending with the latest, oldest first. */
  readonly years3: readonly FiscalYear[];
  /** Granted-IP counts; null when the profile says nothing about IP. */
  readonly ip: IpCounts | null;
  /** Whole years from founding to the assessment date (undefined without a founding date). */
  readonly yearsToAsOf: number | undefined;
  /** Whole years from founding to the end of the year before the assessment ("截至上年末"), 0 if founded later. */
  readonly yearsToLastYearEnd: number | undefined;
}

export function factsOf(p: Profile, asOf: string): Facts {
  const years3 = lastConsecutiveYears(p, 3);
  const f = p.foundedOn;
  let yearsToLastYearEnd: number | undefined;
  if (f !== undefined) {
    const until = endOfLastYear(asOf);
    yearsToLastYearEnd = f > until ? 0 : fullYearsBetween(f, until);
  }
  return {
    p,
    asOf,
    last: years3.length > 0 ? years3[years3.length - 1] : undefined,
    years3,
    ip: ipCounts(p),
    yearsToAsOf: f === undefined ? undefined : fullYearsBetween(f, asOf),
    yearsToLastYearEnd,
  };
}

/** The last n (≤ 3) consecutive fiscal years, oldest first: the same as lastConsecutiveYears(p, n). */
export function lastYears(f: Facts, n: 1 | 2 | 3): readonly FiscalYear[] {
  const ys = f.years3;
  return ys.length <= n ? ys : ys.slice(ys.length - n);
}
