// COINr Screen (unit_screen = "byNA"): keep units whose share of non-missing values is at least the threshold.
import type { ScreenStep } from '../recipe.ts';
import type { DataSet } from '../types.ts';

export interface ScreenReport {
  readonly availability: Readonly<Record<string, number>>;
  readonly removed: readonly string[];
}

export function screen(input: DataSet, step: ScreenStep): { data: DataSet; report: ScreenReport } {
  const thresh = step.minAvailability ?? 2 / 3; // COINr's default dat_thresh
  const nCol = input.columns.length;
  const keep: number[] = [];
  const availability: Record<string, number> = {};
  const removed: string[] = [];
  input.uCodes.forEach((u, i) => {
    let miss = 0;
    for (const c of input.columns) if (Number.isNaN(c[i]!)) miss++;
    const avail = 1 - miss / nCol;
    availability[u] = avail;
    if (avail < thresh) removed.push(u);
    else keep.push(i);
  });
  const columns = input.columns.map((c) => Float64Array.from(keep, (i) => c[i]!));
  return {
    data: { uCodes: keep.map((i) => input.uCodes[i]!), iCodes: input.iCodes, columns },
    report: { availability, removed },
  };
}
