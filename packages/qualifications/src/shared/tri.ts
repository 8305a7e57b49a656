// Three-valued logic: a condition is met, unmet, or not decidable from the data (missing or for experts).
import type { CriterionStatus, Outcome } from '../types.ts';

export type Tri = 'yes' | 'no' | 'maybe';

export function all(...xs: Tri[]): Tri {
  let maybe = false;
  for (const x of xs) {
    if (x === 'no') return 'no';
    if (x === 'maybe') maybe = true;
  }
  return maybe ? 'maybe' : 'yes';
}

export function any(...xs: Tri[]): Tri {
  let maybe = false;
  for (const x of xs) {
    if (x === 'yes') return 'yes';
    if (x === 'maybe') maybe = true;
  }
  return maybe ? 'maybe' : 'no';
}

export function triOf(status: CriterionStatus): Tri {
  return status === 'met' ? 'yes' : status === 'unmet' ? 'no' : 'maybe';
}

export function fromBool(b: boolean): Tri {
  return b ? 'yes' : 'no';
}

export function outcomeOf(t: Tri): Outcome {
  return t === 'yes' ? 'qualified' : t === 'no' ? 'not_qualified' : 'undetermined';
}
