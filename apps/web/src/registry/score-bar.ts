// Pure: a score (a number or the {min, max} range the official bands leave) as a bar of 100 points: the
// certain part (min) and the possible part (max).
import type { Points } from './registry-api.ts';

export function scoreBar(score: Points, outOf = 100): { min: number; max: number; minPct: number; maxPct: number } | null {
  if (score === null) return null;
  const [min, max] = typeof score === 'number' ? [score, score] : [score.min, score.max];
  const pct = (v: number) => Math.max(0, Math.min(100, Math.round((100 * v) / outOf)));
  return { min, max, minPct: pct(min), maxPct: pct(max) };
}
