// Results of a built coin: scores and ranks, strengths and weaknesses, correlations with parents, effective weights.
import type { Framework } from './framework.ts';
import type { Coin } from './pipeline.ts';
import { pearson, rankMin } from './stats.ts';
import type { DataSet, WeightSet } from './types.ts';

export interface ScoreTable {
  readonly uCodes: readonly string[];
  /** Aggregate codes from the top level down (COINr get_results column order). */
  readonly codes: readonly string[];
  readonly scores: Readonly<Record<string, Float64Array>>;
  /** Rank 1 = highest score; ties share the lowest rank; missing stays missing. */
  readonly ranks: Readonly<Record<string, Float64Array>>;
}

/** Scores and ranks of every aggregate, read from an aggregated data set. */
export function scoreTable(fw: Framework, ds: DataSet): ScoreTable {
  const codes: string[] = [];
  for (let lev = fw.nLevels; lev >= 2; lev--) codes.push(...(fw.aggregatesByLevel.get(lev) ?? []));
  const scores: Record<string, Float64Array> = {};
  const ranks: Record<string, Float64Array> = {};
  for (const c of codes) {
    const k = ds.iCodes.indexOf(c);
    if (k < 0) continue;
    scores[c] = ds.columns[k]!;
    ranks[c] = rankMin(ds.columns[k]!, true);
  }
  return { uCodes: ds.uCodes, codes: codes.filter((c) => c in scores), scores, ranks };
}

export interface StrengthEntry {
  readonly iCode: string;
  readonly iName: string;
  /** Level-2 aggregate the indicator belongs to. */
  readonly parent: string | null;
  readonly rank: number;
  readonly value: number;
}

/**
 * COINr get_str_weak: rank every indicator (direction-adjusted when the data set is Raw), drop the unit's
 * missing ranks and those equal to the worst rank of the indicator, order by rank (stable), take the top and bottom.
 */
export function strengthsAndWeaknesses(
  coin: Coin, dataset: string, uCode: string, topN = 5, bottomN = 5,
): { strengths: StrengthEntry[]; weaknesses: StrengthEntry[] } {
  const fw = coin.framework;
  const ds = coin.data.get(dataset)!;
  const u = ds.uCodes.indexOf(uCode);
  const adjust = dataset === 'Raw';
  const cands: { iCode: string; rank: number; value: number }[] = [];
  for (const code of fw.indicators) {
    const k = ds.iCodes.indexOf(code);
    if (k < 0) continue;
    const dir = adjust ? fw.meta.get(code)!.direction : 1;
    const r = rankMin(dir === 1 ? ds.columns[k]! : ds.columns[k]!.map((v) => v * dir), true);
    let worst = -Infinity;
    for (const v of r) if (v > worst) worst = v;
    const ru = r[u]!;
    if (Number.isNaN(ru) || ru === worst) continue;
    cands.push({ iCode: code, rank: ru, value: ds.columns[k]![u]! });
  }
  cands.sort((a, b) => a.rank - b.rank);
  const entry = (c: { iCode: string; rank: number; value: number }): StrengthEntry => {
    const m = fw.meta.get(c.iCode)!;
    return { ...c, iName: m.iName, parent: m.parent };
  };
  return {
    strengths: cands.slice(0, topN).map(entry),
    weaknesses: cands.slice(Math.max(0, cands.length - bottomN)).map(entry),
  };
}

/** Pearson correlation (pairwise complete) of every indicator and aggregate with its parent. */
export function parentCorrelations(fw: Framework, ds: DataSet): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of fw.meta.values()) {
    if (m.parent === null || (m.type !== 'Indicator' && m.type !== 'Aggregate')) continue;
    const a = ds.iCodes.indexOf(m.iCode);
    const b = ds.iCodes.indexOf(m.parent);
    if (a < 0 || b < 0) continue;
    out[m.iCode] = pearson(ds.columns[a]!, ds.columns[b]!);
  }
  return out;
}

/**
 * COINr get_eff_weights: weights normalised to sum to 1 within each parent, then multiplied down the tree,
 * so the effective weights of each level sum to 1.
 */
export function effectiveWeights(fw: Framework, weights: WeightSet = fw.originalWeights): Record<string, number> {
  const out: Record<string, number> = {};
  const top = fw.aggregatesByLevel.get(fw.nLevels) ?? [];
  for (const t of top) out[t] = 1 / top.length;
  for (let lev = fw.nLevels; lev >= 2; lev--) {
    for (const parent of fw.aggregatesByLevel.get(lev) ?? []) {
      const kids = fw.children.get(parent)!;
      const sum = kids.reduce((s, c) => s + (weights[c] ?? 0), 0);
      for (const c of kids) out[c] = ((weights[c] ?? 0) / sum) * out[parent]!;
    }
  }
  return out;
}
