// Pure arithmetic of a target: how far the latest value is along, and the growth still needed.

/** latest ÷ target; for "at most" targets, target ÷ latest (reaching the target is 1 either way). */
export function completionRate(latest: number, target: number, comparison: 'at_least' | 'at_most'): number | null {
  if (comparison === 'at_least') return target === 0 ? null : latest / target;
  return latest === 0 ? null : target / latest;
}

/** Compound annual growth rate that takes `from` to `to` in `years` years; null when undefined. */
export function cagr(from: number, to: number, years: number): number | null {
  if (years <= 0 || from <= 0 || to <= 0) return null;
  return (to / from) ** (1 / years) - 1;
}

export function yearOf(period: string): number {
  return Number(period.slice(0, 4));
}
