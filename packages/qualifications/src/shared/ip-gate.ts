// "At least n granted class-I IP" conditions.
import type { Criterion, Profile } from '../types.ts';
import { criterion, missing } from './criterion.ts';
import { ipCounts } from './facts.ts';

export function class1AtLeast(id: string, p: Profile, n: number): Criterion {
  const c = ipCounts(p);
  if (c === null) return missing(id, `Ⅰ类 ≥ ${n} 项`, '知识产权', 'intellectual property');
  const ok = c.class1 >= n;
  return criterion(id, ok ? 'met' : 'unmet', c.class1, `Ⅰ类 ≥ ${n} 项`, null,
    () => [ok ? `有效Ⅰ类知识产权 ${c.class1} 项` : `有效Ⅰ类知识产权 ${c.class1} 项 < ${n}：还需 ${n - c.class1} 项`, ok ? `${c.class1} granted class-I IP` : `${c.class1} granted class-I IP < ${n}: ${n - c.class1} more needed`]);
}
