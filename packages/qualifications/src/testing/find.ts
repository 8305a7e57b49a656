// Test helper: a criterion of a result by id, failing loudly when the pack does not report it.
import type { Criterion, RuleResult } from '../types.ts';

export function crit(r: RuleResult, id: string): Criterion {
  const c = r.criteria.find((x) => x.id === id);
  if (!c) throw new Error(`no criterion ${id} in ${r.rule} ${r.version}`);
  return c;
}
