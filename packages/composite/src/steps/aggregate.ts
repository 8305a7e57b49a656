// COINr Aggregate: level by level up the tree, row-wise weighted means over non-missing children.
import { inputError } from '../errors.ts';
import type { Framework } from '../framework.ts';
import type { AggregateStep, AggregationMethod } from '../recipe.ts';
import type { DataSet, WeightSet } from '../types.ts';

export function methodForLevel(step: AggregateStep, level: number): AggregationMethod {
  const m = step.method;
  if (m === undefined) return 'arithmetic';
  if (typeof m === 'string') return m;
  return m[String(level)] ?? 'arithmetic';
}

/**
 * Aggregates one row. `x` and `w` hold the children's values and weights; NaN = missing.
 * arithmetic (a_amean): weights renormalised over non-missing children.
 * geometric (a_gmean): exp(Σw·ln x / Σw) over non-missing; any value ≤ 0 is an error.
 * harmonic (a_hmean): Σw / Σ(w/x) over non-missing; a zero is an error.
 * generalised (a_genmean): (Σw·x^p / Σw)^(1/p); as in COINr any missing child makes the result missing.
 */
export function aggregateRow(method: AggregationMethod, x: ArrayLike<number>, w: ArrayLike<number>, p: number, where: string): number {
  let any = false;
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]!)) any = true;
  if (!any) return Number.NaN;
  switch (method) {
    case 'arithmetic': {
      let sw = 0;
      let s = 0;
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        if (Number.isNaN(v)) continue;
        sw += w[i]!;
        s += w[i]! * v;
      }
      return s / sw;
    }
    case 'geometric': {
      let sw = 0;
      let s = 0;
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        if (Number.isNaN(v)) continue;
        if (v <= 0) throw nonPositive(where, 'geometric');
        sw += w[i]!;
        s += w[i]! * Math.log(v);
      }
      return Math.exp(s / sw);
    }
    case 'harmonic': {
      let sw = 0;
      let s = 0;
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        if (Number.isNaN(v)) continue;
        if (v === 0) throw nonPositive(where, 'harmonic');
        sw += w[i]!;
        s += w[i]! / v;
      }
      return sw / s;
    }
    case 'generalised': {
      let sw = 0;
      let s = 0;
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        if (p < 0 && v <= 0) throw nonPositive(where, 'generalised');
        sw += w[i]!;
        s += w[i]! * Math.pow(v, p);
      }
      return Math.pow(s / sw, 1 / p);
    }
  }
}

function nonPositive(where: string, method: string): Error {
  return inputError('aggregate_domain', where, `「${where}」含有零或负值，不能用${method === 'harmonic' ? '调和' : method === 'geometric' ? '几何' : '广义'}平均汇总；请先归一化到正数区间`,
    `${where} has zero or negative values, which the ${method} mean cannot aggregate: normalise to positive values first`);
}

export function aggregate(input: DataSet, fw: Framework, step: AggregateStep, weights: WeightSet): DataSet {
  const aggregateCodes = new Set<string>();
  for (const codes of fw.aggregatesByLevel.values()) for (const c of codes) aggregateCodes.add(c);
  const keep = input.iCodes.map((c, k) => [c, k] as const).filter(([c]) => !aggregateCodes.has(c));
  const iCodes = keep.map(([c]) => c);
  const columns = keep.map(([, k]) => input.columns[k]!);
  const index = new Map(iCodes.map((c, k) => [c, k]));
  for (const c of fw.indicators) {
    if (!index.has(c)) {
      throw inputError('unknown_icode', `aggregate.${c}`, `汇总所需的指标「${c}」不在数据集中`, `Indicator ${c} needed for aggregation is not in the data set`);
    }
  }
  const nU = input.uCodes.length;
  const minShare = step.minShare ?? -1;
  const p = step.p ?? 1;
  for (let lev = 2; lev <= fw.nLevels; lev++) {
    const method = methodForLevel(step, lev);
    for (const parent of fw.aggregatesByLevel.get(lev) ?? []) {
      const kids = fw.children.get(parent)!;
      const cols = kids.map((c) => columns[index.get(c)!]!);
      const w = Float64Array.from(kids, (c) => {
        const v = weights[c];
        if (v === undefined || Number.isNaN(v)) {
          throw inputError('bad_weight', `weights.${c}`, `缺少「${c}」的权重`, `No weight for ${c}`);
        }
        return v;
      });
      const out = new Float64Array(nU);
      const row = new Float64Array(kids.length);
      for (let u = 0; u < nU; u++) {
        let have = 0;
        for (let j = 0; j < cols.length; j++) {
          const v = cols[j]![u]!;
          row[j] = v;
          if (!Number.isNaN(v)) have++;
        }
        out[u] = have / kids.length < minShare ? Number.NaN : aggregateRow(method, row, w, p, `${parent}.${input.uCodes[u]}`);
      }
      index.set(parent, iCodes.length);
      iCodes.push(parent);
      columns.push(out);
    }
  }
  return { uCodes: input.uCodes, iCodes, columns };
}
