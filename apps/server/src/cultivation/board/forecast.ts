// Pure: where a count is heading. The forecast extends the growth of the last three observed years
// (compound, the way the action plan states its targets) to the target year.
import { cagr } from '../../monitoring/overview/target-progress.ts';

export type Point = { year: number; value: number };

export function forecastAt(series: readonly Point[], year: number): number | null {
  const last = series.at(-1);
  if (!last) return null;
  if (year <= last.year) return series.find((p) => p.year === year)?.value ?? null;
  const base = series.find((p) => p.year === last.year - 3) ?? series[0]!;
  const g = cagr(base.value, last.value, last.year - base.year);
  if (g === null) return null;
  return Math.round(last.value * (1 + g) ** (year - last.year));
}
