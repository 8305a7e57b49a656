// COINr Denominate: x / denominator (scale factor 1) for indicators whose metadata names a Denominator.
import type { Framework } from '../framework.ts';
import type { DataSet } from '../types.ts';

export function denominate(input: DataSet, fw: Framework): DataSet {
  const pos = new Map(fw.uCodes.map((u, i) => [u, i]));
  const columns = input.iCodes.map((code, k) => {
    const src = input.columns[k]!;
    const by = fw.meta.get(code)?.denominator ?? null;
    if (by === null) return src.slice();
    const den = fw.denominators.get(by)!;
    const out = new Float64Array(src.length);
    input.uCodes.forEach((u, i) => {
      out[i] = src[i]! / den[pos.get(u)!]!;
    });
    return out;
  });
  return { uCodes: input.uCodes, iCodes: input.iCodes, columns };
}
