// Pure parts of the bureau's edit screens: the weight tree with each node's share of its parent, the checks
// the server will make (shown before saving), and form values turned into request bodies.
import type { FrameworkMetaRow } from './monitoring-types.ts';

export type WeightNode = FrameworkMetaRow & { key: string; share: number | null; children?: WeightNode[] };
export type WeightProblem = { iCode: string; kind: 'negative' | 'not_a_number' | 'zero_sum' };

const weightOf = (m: FrameworkMetaRow, edited: Record<string, number | null>) => (m.iCode in edited ? edited[m.iCode] ?? NaN : m.weight);

/** The tree under the root (pillars with their indicators), each node with its share of its parent's weight total. */
export function weightTree(meta: readonly FrameworkMetaRow[], edited: Record<string, number | null>): WeightNode[] {
  const build = (parent: string | null): WeightNode[] => {
    const siblings = meta.filter((m) => m.parent === parent);
    const total = siblings.reduce((s, m) => s + Math.max(0, weightOf(m, edited) || 0), 0);
    return siblings.map((m) => {
      const weight = weightOf(m, edited);
      const children = build(m.iCode);
      return { ...m, weight, key: m.iCode, share: total > 0 && Number.isFinite(weight) && weight >= 0 ? weight / total : null, ...(children.length ? { children } : {}) };
    });
  };
  const roots = build(null);
  // one root (the index): show its children at the top
  return roots.length === 1 && roots[0]!.children ? roots[0]!.children : roots;
}

/** What the server would refuse: a negative or missing weight, or a node whose children weigh nothing. */
export function weightProblems(meta: readonly FrameworkMetaRow[], edited: Record<string, number | null>): WeightProblem[] {
  const problems: WeightProblem[] = [];
  for (const m of meta) {
    const w = weightOf(m, edited);
    if (!Number.isFinite(w)) problems.push({ iCode: m.iCode, kind: 'not_a_number' });
    else if (w < 0) problems.push({ iCode: m.iCode, kind: 'negative' });
  }
  for (const parent of new Set(meta.flatMap((m) => (m.parent ? [m.parent] : [])))) {
    const total = meta.filter((m) => m.parent === parent).reduce((s, m) => s + (weightOf(m, edited) || 0), 0);
    if (!(total > 0)) problems.push({ iCode: parent, kind: 'zero_sum' });
  }
  return problems;
}

/** Only the weights that differ from the stored ones (the request body's `weights`). */
export function changedWeights(meta: readonly FrameworkMetaRow[], edited: Record<string, number | null>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of meta) {
    const w = edited[m.iCode];
    if (m.iCode in edited && w !== null && w !== undefined && w !== m.weight) out[m.iCode] = w;
  }
  return out;
}

export type TargetFormValues = {
  indicatorCode: string;
  baselinePeriod?: string | null; baselineValue?: number | null;
  targetPeriod: string; targetValue: number;
  comparison: 'at_least' | 'at_most';
};
export type TargetRequestBody = {
  baselinePeriod: string | null; baselineValue: number | null; targetPeriod: string; targetValue: number; comparison: 'at_least' | 'at_most';
};

/** Empty fields become null (the server requires baseline year and value together, or neither). */
export function targetRequest(values: TargetFormValues): TargetRequestBody {
  const text = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s.trim());
  return {
    baselinePeriod: text(values.baselinePeriod),
    baselineValue: values.baselineValue ?? null,
    targetPeriod: values.targetPeriod.trim(),
    targetValue: values.targetValue,
    comparison: values.comparison,
  };
}
