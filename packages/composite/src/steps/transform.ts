// Transformations of named indicators: ln, sqrt, or clamping to [lo, hi]. Other columns are copied.
import { inputError } from '../errors.ts';
import type { TransformStep } from '../recipe.ts';
import type { DataSet } from '../types.ts';

export function transform(input: DataSet, step: TransformStep): DataSet {
  for (const code of step.indicators) {
    if (!input.iCodes.includes(code)) {
      throw inputError('unknown_icode', `transform.indicators.${code}`, `变换的指标「${code}」不在数据集中`, `Indicator ${code} to transform is not in the data set`);
    }
  }
  const wanted = new Set(step.indicators);
  const columns = input.columns.map((src, k) => {
    const code = input.iCodes[k]!;
    if (!wanted.has(code)) return src.slice();
    const out = new Float64Array(src.length);
    for (let i = 0; i < src.length; i++) {
      const v = src[i]!;
      if (Number.isNaN(v)) {
        out[i] = v;
        continue;
      }
      if (step.fn === 'ln') {
        if (v <= 0) throw domain(code, input.uCodes[i]!, 'ln', v);
        out[i] = Math.log(v);
      } else if (step.fn === 'sqrt') {
        if (v < 0) throw domain(code, input.uCodes[i]!, 'sqrt', v);
        out[i] = Math.sqrt(v);
      } else {
        const [lo, hi] = step.bounds!;
        out[i] = Math.min(hi, Math.max(lo, v));
      }
    }
    return out;
  });
  return { uCodes: input.uCodes, iCodes: input.iCodes, columns };
}

function domain(code: string, u: string, fn: string, v: number): Error {
  return inputError('transform_domain', `transform.${code}.${u}`, `「${u}」的「${code}」值 ${v} 不能做 ${fn} 变换`,
    `Value ${v} of ${code} for ${u} is outside the domain of ${fn}`);
}
