// Official score bands as data: each band is "ratio ≥ p/q" (or "> p/q" when strict), highest first;
// the last band (no edge) catches the rest. Points are a [min, max] pair: equal when the text fixes them.
import { cmpRatio, type Sign } from './exact.ts';

export interface Band {
  /** Lower edge as the fraction p/q (e.g. 4% = [4, 100]); null for the catch-all band. */
  edge: readonly [number, number] | null;
  /** True when the edge itself belongs to the band below ("> 5%"). */
  strict?: boolean;
  points: readonly [number, number];
  label: string;
}

function passes(sign: Sign, strict: boolean | undefined): boolean {
  return strict ? sign > 0 : sign >= 0;
}

/** Index of the band the ratio a/b falls in (b > 0). */
export function bandOfRatio(a: number, b: number, bands: readonly Band[]): number {
  for (let i = 0; i < bands.length; i++) {
    const edge = bands[i]!.edge;
    if (edge === null || passes(cmpRatio(a, b, edge[0], edge[1]), bands[i]!.strict)) return i;
  }
  return bands.length - 1;
}

/** Index of the band for a value decided by a comparison function against each edge. */
export function bandBy(cmp: (p: number, q: number) => Sign, bands: readonly Band[]): number {
  for (let i = 0; i < bands.length; i++) {
    const edge = bands[i]!.edge;
    if (edge === null || passes(cmp(edge[0], edge[1]), bands[i]!.strict)) return i;
  }
  return bands.length - 1;
}

/** A band "≥ edgePercent%" (or "> edgePercent%" when strict) worth min–max points. */
export function pct(edgePercent: number, min: number, max: number = min, strict = false): Band {
  // Percent edges with at most one decimal (2.5%) become exact fractions over 1000.
  const p = Math.round(edgePercent * 10);
  return { edge: [p, 1000], strict, points: [min, max], label: `${strict ? '>' : '≥'}${edgePercent}%` };
}

/** The catch-all lowest band. */
export function rest(min: number, max: number = min): Band {
  return { edge: null, points: [min, max], label: 'otherwise' };
}
