// Builds the composite index of a framework over the sub-regions' stored (and computed) values for one period,
// with packages/composite: the recipe's steps, scores and ranks, strengths and weaknesses, effective weights,
// and optionally the Monte Carlo sensitivity of the ranks.
import {
  buildFramework, CompositeInputError, effectiveWeights, getDataSet, parseRecipe, runRecipe, runSensitivity, scoreTable,
  strengthsAndWeaknesses, type Row, type SensitivityInput,
} from '@kechuang/composite';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { toCoinMeta, type CompositeDefinition } from '../frameworks/framework-definition.ts';
import type { RegionRow, ValuePoint } from '../series/observation-values.ts';
import type { CompositeResult, UnitResult } from './index-result.ts';

export type CompositeInput = {
  definition: CompositeDefinition;
  period: string;
  units: readonly RegionRow[];
  /** unit code → indicator code → value for the period. */
  values: ReadonlyMap<string, ReadonlyMap<string, ValuePoint>>;
  sensitivity?: { n: number; seed: number };
};

export function compositeError(e: unknown): never {
  if (e instanceof CompositeInputError) throw new DomainError(`index_${e.code}`, e.field, { zh: e.message, en: e.messageEn });
  throw e;
}

export function computeComposite(input: CompositeInput): CompositeResult {
  const { definition, period } = input;
  const indicatorRows = definition.meta.filter((m) => m.type === 'Indicator');
  const units = input.units.filter((u) => (input.values.get(u.code)?.size ?? 0) > 0);
  if (units.length < 4) {
    throw new DomainError('index_too_few_units', 'period', {
      zh: `${period} 年有数据的地区不足 4 个，无法计算指数`, en: `Fewer than 4 regions have data for ${period}; the index cannot be computed`,
    });
  }
  const rows: Row[] = units.map((u) => {
    const v = input.values.get(u.code)!;
    const row: Record<string, string | number | null> = { uCode: u.code, uName: u.name, Time: period };
    for (const m of indicatorRows) row[m.iCode] = v.get(m.iCode)?.value ?? null;
    return row;
  });
  try {
    const fw = buildFramework(rows, toCoinMeta(definition.meta));
    const recipe = parseRecipe(definition.recipe);
    const coin = runRecipe(fw, recipe);
    const agg = getDataSet(coin, coin.last);
    const table = scoreTable(fw, agg);
    const top = table.codes[0]!;
    const pillarCodes = fw.aggregatesByLevel.get(2) ?? [];
    const eff = effectiveWeights(fw);
    const col = (code: string) => { const k = agg.iCodes.indexOf(code); return k < 0 ? null : agg.columns[k]!; };
    const num = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? null : v);
    const unitResults: UnitResult[] = agg.uCodes.map((code, i) => {
      const region = units.find((u) => u.code === code)!;
      const sw = strengthsAndWeaknesses(coin, 'Raw', code, 3, 3);
      const values = input.values.get(code)!;
      return {
        code, nameZh: region.name, nameEn: region.nameEn,
        score: num(table.scores[top]?.[i]), rank: num(table.ranks[top]?.[i]),
        pillars: Object.fromEntries(pillarCodes.map((p) => [p, { score: num(table.scores[p]?.[i]), rank: num(table.ranks[p]?.[i]) }])),
        indicators: Object.fromEntries(indicatorRows.map((m) => {
          const v = values.get(m.iCode);
          return [m.iCode, { value: v?.value ?? null, computed: v?.computed ?? false, normalised: num(col(m.iCode)?.[i]) }];
        })),
        strengths: sw.strengths.map((s) => ({ iCode: s.iCode, rank: s.rank })),
        weaknesses: sw.weaknesses.map((s) => ({ iCode: s.iCode, rank: s.rank })),
      };
    });
    unitResults.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code));
    const treated = coin.log.find((s) => s.op === 'treat')?.treated ?? [];
    let sensitivity: CompositeResult['sensitivity'] = null;
    if (input.sensitivity && definition.sensitivity.length > 0) {
      const sa = runSensitivity(fw, recipe, {
        type: 'SA', n: input.sensitivity.n, seed: input.sensitivity.seed, inputs: definition.sensitivity as unknown as SensitivityInput[],
      });
      sensitivity = {
        n: sa.n, seed: sa.seed, runs: sa.runs, failedRuns: sa.failedRuns,
        rankStats: sa.rankStats.map((r) => ({ ...r })),
        indices: (sa.sensitivity ?? []).map((s) => ({ ...s })),
      };
    }
    return {
      kind: 'composite', period, indexCode: top,
      pillars: definition.meta.filter((m) => m.level === 2).map((m) => ({ code: m.iCode, nameZh: m.nameZh, nameEn: m.nameEn, weight: m.weight })),
      indicators: indicatorRows.map((m) => ({ code: m.iCode, nameZh: m.nameZh, nameEn: m.nameEn, unit: '', parent: m.parent, direction: m.direction, effectiveWeight: eff[m.iCode] ?? 0 })),
      units: unitResults,
      treatment: treated.map((t) => ({ iCode: t.iCode, status: t.status, points: t.nWinsorised })),
      sensitivity,
    };
  } catch (e) {
    return compositeError(e);
  }
}
