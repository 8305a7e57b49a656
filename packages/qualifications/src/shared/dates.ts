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
  if (m === 2 && isLeap(y)) return 29;
  return DAYS[m - 1]!;
}

export function yearOf(iso: string): number {
  // Four ASCII digits: arithmetic on char codes avoids a substring and a parse on every call.
  return (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
}

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
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
  const ty = yearOf(to);
  const years = ty - yearOf(from);
  // The anniversary in the target year; 29 Feb falls on 28 Feb in a common year (as addYears does).
  let md = from.slice(5);
  if (md === '02-29' && !isLeap(ty)) md = '02-28';
  return md <= to.slice(5) ? years : years - 1;
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
