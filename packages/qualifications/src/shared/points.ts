// Score arithmetic over exact points and ranges.
import type { Points, ScoreRange } from '../types.ts';
import type { Tri } from './tri.ts';

export function lo(p: Points): number {
  return p === null ? 0 : typeof p === 'number' ? p : p.min;
}

export function hi(p: Points, max: number): number {
  return p === null ? max : typeof p === 'number' ? p : p.max;
}

/** A range collapses to a number when both ends agree. */
export function range(min: number, max: number): number | ScoreRange {
  return min === max ? min : { min, max };
}

/** Sum of parts; a part with null points (unknown datum) spans 0 to its maximum. */
export function sumPoints(parts: readonly { points: Points; max: number }[], cap = Infinity): number | ScoreRange {
  let min = 0;
  let max = 0;
  for (const part of parts) {
    min += lo(part.points);
    max += hi(part.points, part.max);
  }
  return range(Math.min(min, cap), Math.min(max, cap));
}

/** Whether a score (or range) reaches the pass mark: `strict` for "> mark", else "≥ mark". */
export function reaches(score: Points, mark: number, strict: boolean, max: number): Tri {
  const a = lo(score);
  const b = hi(score, max);
  if (strict ? a > mark : a >= mark) return 'yes';
  if (strict ? b <= mark : b < mark) return 'no';
  return 'maybe';
}

export function fmtPoints(p: Points): string {
  if (p === null) return '?';
  return typeof p === 'number' ? String(p) : `${p.min}–${p.max}`;
}
