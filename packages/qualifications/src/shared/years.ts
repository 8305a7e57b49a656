// Years of operation, counted from the founding date.
import type { Criterion, Profile } from '../types.ts';
import { criterion, missing } from './criterion.ts';
import { fullYearsBetween } from './dates.ts';

/**
 * At least n whole years since registration, counted to `until`. The profile has no date the firm entered
 * its niche, so "从事特定细分市场时间" is read from the founding date (see README).
 */
export function yearsOperating(id: string, p: Profile, until: string, n: number): Criterion {
  if (p.foundedOn === undefined) return missing(id, `≥ ${n} 年`, '成立日期', 'founding date');
  const f = p.foundedOn;
  const years = f > until ? 0 : fullYearsBetween(f, until);
  const ok = years >= n;
  return criterion(id, ok ? 'met' : 'unmet', years, `≥ ${n} 年`, null,
    () => [`成立于 ${f}，至 ${until} 满 ${years} 年${ok ? '' : `，不足 ${n} 年`}`, `Founded ${f}: ${years} full years by ${until}${ok ? '' : `, fewer than ${n}`}`]);
}

/** The last day of the year before the assessment date ("截至上年末"). */
export function endOfLastYear(asOf: string): string {
  return `${Number(asOf.slice(0, 4)) - 1}-12-31`;
}
