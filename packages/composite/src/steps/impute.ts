// COINr Impute by column: i_mean, i_median, i_mean_grp (mean of the non-missing values of the same group).
import { inputError } from '../errors.ts';
import type { Framework } from '../framework.ts';
import type { ImputeStep } from '../recipe.ts';
import { mean, median } from '../stats.ts';
import type { DataSet } from '../types.ts';

export interface ImputeReport {
  /** Number of values imputed, by iCode. */
  readonly imputed: Readonly<Record<string, number>>;
}

export function impute(input: DataSet, fw: Framework, step: ImputeStep): { data: DataSet; report: ImputeReport } {
  let groupOf: (string | null)[] | null = null;
  if (step.method === 'groupMean') {
    const g = fw.groups.get(step.group ?? '');
    if (g === undefined) {
      throw inputError('missing_group', 'impute.group', `单位数据表中没有分组列「${step.group ?? ''}」`,
        `The unit table has no group column "${step.group ?? ''}"`);
    }
    const pos = new Map(fw.uCodes.map((u, i) => [u, i]));
    groupOf = input.uCodes.map((u) => g[pos.get(u)!] ?? null);
  }
  const imputed: Record<string, number> = {};
  const columns = input.columns.map((src, k) => {
    const out = src.slice();
    let count = 0;
    if (groupOf === null) {
      const fill = step.method === 'median' ? median(src) : mean(src);
      for (let i = 0; i < out.length; i++) {
        if (Number.isNaN(out[i]!) && !Number.isNaN(fill)) {
          out[i] = fill;
          count++;
        }
      }
    } else {
      const sums = new Map<string, [number, number]>();
      for (let i = 0; i < src.length; i++) {
        const g = groupOf[i];
        if (g === null || g === undefined || Number.isNaN(src[i]!)) continue;
        const s = sums.get(g) ?? [0, 0];
        s[0] += src[i]!;
        s[1]++;
        sums.set(g, s);
      }
      for (let i = 0; i < out.length; i++) {
        const g = groupOf[i];
        if (!Number.isNaN(out[i]!) || g === null || g === undefined) continue;
        const s = sums.get(g);
        if (s !== undefined && s[1] > 0) {
          out[i] = s[0] / s[1];
          count++;
        }
      }
    }
    imputed[input.iCodes[k]!] = count;
    return out;
  });
  return { data: { uCodes: input.uCodes, iCodes: input.iCodes, columns }, report: { imputed } };
}
