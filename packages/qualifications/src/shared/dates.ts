// ISO dates (YYYY-MM-DD) compared as strings; calendar arithmetic without time zones.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  if (m === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return 29;
  return DAYS[m - 1]!;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** The same calendar day n years later (29 Feb becomes 28 Feb in a common year). */
export function addYears(iso: string, n: number): string {
  const y = yearOf(iso) + n;
  const mo = Number(iso.slice(5, 7));
  const d = Math.min(Number(iso.slice(8, 10)), daysInMonth(y, mo));
  return `${String(y).padStart(4, '0')}-${iso.slice(5, 7)}-${String(d).padStart(2, '0')}`;
}

/** Whole years from `from` to `to` (a 1-year-old firm has had its first anniversary). */
export function fullYearsBetween(from: string, to: string): number {
  const years = yearOf(to) - yearOf(from);
  return addYears(from, years) <= to ? years : years - 1;
}

/** A dated event lies in the last n years counted back from the assessment date: (asOf − n years, asOf]. */
export function withinLastYears(date: string, asOf: string, n: number): boolean {
  return date > addYears(asOf, -n) && date <= asOf;
}

/**
 * A year-only event lies in the last n years when its year is one of the n calendar years ending with the
 * assessment year (the texts' "近N年" counted in whole years; see the package README).
 */
export function yearWithinLast(year: number, asOf: string, n: number): boolean {
  const y = yearOf(asOf);
  return year > y - n && year <= y;
}
