// Building blocks shared by the scored packs: a ratio scored by bands, a "lower is better" ratio, a
// threshold check on a ratio or an amount, and a part only an expert can score.
import type { Criterion, FiscalYear } from '../types.ts';
import { bandBy, bandOfRatio, type Band } from './bands.ts';
import { criterion, missing } from './criterion.ts';
import { cmpAmount, cmpRatio, type Sign } from './exact.ts';
import { fmtMoney, fmtMoneyEn, fmtPct, pctValue } from './format.ts';
import { fmtPoints, range } from './points.ts';

export interface Names {
  zh: string;
  en: string;
}

/** A ratio num/den scored by bands (highest first); a zero denominator scores the lowest band. */
export function ratioPart(id: string, num: number | undefined, den: number | undefined, bands: readonly Band[], max: number, n: Names): Criterion {
  const threshold = `≤ ${max} 分`;
  if (num === undefined || den === undefined) return missing(id, threshold, n.zh, n.en);
  const band = den <= 0 ? bands.length - 1 : bandOfRatio(num, den, bands);
  const [lo, hi] = bands[band]!.points;
  const points = range(lo, hi);
  return criterion(id, hi > 0 ? 'met' : 'unmet', den <= 0 ? null : pctValue(num, den), threshold, points,
    () => {
      const shown = den <= 0 ? '—' : fmtPct(num, den);
      return [`${n.zh} ${shown}，得 ${fmtPoints(points)} 分`, `${n.en} ${shown}: ${fmtPoints(points)} points`];
    });
}

/** A growth or other comparison scored by bands through a comparison function against each edge. */
export function cmpPart(id: string, cmp: ((p: number, q: number) => Sign) | null, shownPct: number | null, bands: readonly Band[], max: number, n: Names, why = ''): Criterion {
  const threshold = `≤ ${max} 分`;
  const band = cmp === null ? bands.length - 1 : bandBy(cmp, bands);
  const [lo, hi] = bands[band]!.points;
  const points = range(lo, hi);
  const shown = shownPct === null ? '—' : `${shownPct}%`;
  return criterion(id, hi > 0 ? 'met' : 'unmet', shownPct, threshold, points,
    () => [`${n.zh} ${shown}${why ? `（${why}）` : ''}，得 ${fmtPoints(points)} 分`, `${n.en} ${shown}: ${fmtPoints(points)} points`]);
}

/** "Lower is better" bands: [edge %, points, strict] means ratio ≤ edge (or < edge when strict) scores points. */
export function atMostPart(id: string, num: number | undefined, den: number | undefined, bands: readonly (readonly [number, number, boolean])[], max: number, n: Names): Criterion {
  const threshold = `≤ ${max} 分`;
  if (num === undefined || den === undefined) return missing(id, threshold, n.zh, n.en);
  let pts = 0;
  if (den > 0)
    for (const [edge, p, strict] of bands) {
      const s = cmpRatio(num, den, Math.round(edge * 10), 1000);
      if (strict ? s < 0 : s <= 0) {
        pts = p;
        break;
      }
    }
  return criterion(id, pts > 0 ? 'met' : 'unmet', den <= 0 ? null : pctValue(num, den), threshold, pts,
    () => {
      const shown = den <= 0 ? '—' : fmtPct(num, den);
      return [`${n.zh} ${shown}，得 ${pts} 分`, `${n.en} ${shown}: ${pts} points`];
    });
}

/** A part that only an expert (or the province's own indicators) can score: reported as its whole range. */
export function manualPart(id: string, max: number, n: Names): Criterion {
  return criterion(id, 'manual_review', null, `≤ ${max} 分`, { min: 0, max },
    () => [`${n.zh}：需人工评审（0–${max} 分）`, `${n.en}: needs manual review (0–${max} points)`]);
}

/** A condition that needs manual review (no datum in the profile can decide it). */
export function manualGate(id: string, threshold: string, n: Names): Criterion {
  return criterion(id, 'manual_review', null, threshold, null, () => [`${n.zh}：需人工审核`, `${n.en}: needs manual review`]);
}

/** Ratio num/den at least (or at most) p%: met / unmet / unknown. A zero denominator never meets "at least". */
export function ratioGate(id: string, num: number | undefined, den: number | undefined, percent: number, dir: 'min' | 'max', n: Names, strict = false): Criterion {
  const op = dir === 'min' ? (strict ? '>' : '≥') : strict ? '<' : '≤';
  const threshold = `${op} ${percent}%`;
  if (num === undefined || den === undefined) return missing(id, threshold, n.zh, n.en);
  if (den <= 0) return criterion(id, 'unmet', null, threshold, null, () => [`${n.zh}：分母为0，无法计算`, `${n.en}: zero denominator, cannot be computed`]);
  const s = cmpRatio(num, den, Math.round(percent * 10), 1000);
  const ok = dir === 'min' ? (strict ? s > 0 : s >= 0) : strict ? s < 0 : s <= 0;
  return criterion(id, ok ? 'met' : 'unmet', pctValue(num, den), threshold, null,
    () => [`${n.zh} ${fmtPct(num, den)}${ok ? '' : '，不满足'} ${threshold}`, `${n.en} ${fmtPct(num, den)}${ok ? ' meets' : ' fails'} ${threshold}`]);
}

const THRESHOLDS = new Map<number, string>();

/** "≥ 1500万元", formatted once per amount: thresholds are constants of the texts. */
function moneyThreshold(min: number): string {
  let t = THRESHOLDS.get(min);
  if (t === undefined) THRESHOLDS.set(min, (t = `≥ ${fmtMoney(min)}`));
  return t;
}

/** Amount at least `min` 元. */
export function amountGate(id: string, v: number | undefined, min: number, n: Names): Criterion {
  const threshold = moneyThreshold(min);
  if (v === undefined) return missing(id, threshold, n.zh, n.en);
  const ok = cmpAmount(v, min) >= 0;
  return criterion(id, ok ? 'met' : 'unmet', v, threshold, null,
    () => [`${n.zh} ${fmtMoney(v)} ${ok ? '≥' : '<'} ${fmtMoney(min)}`, `${n.en} ${fmtMoneyEn(v)} ${ok ? '≥' : '<'} ${fmtMoneyEn(min)}`]);
}

/** The last n consecutive years if all n are present, else null. */
export function exactlyLast(ys: readonly FiscalYear[], n: number): FiscalYear[] | null {
  return ys.length >= n ? ys.slice(ys.length - n) : null;
}
