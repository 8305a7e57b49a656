// Where a target stands: completion, the growth achieved since the baseline, the growth still needed, and
// whether continuing at the achieved rate reaches the target in time (pure arithmetic, no I/O).
import { cagr, completionRate, yearOf } from '../overview/target-progress.ts';

export type Point = { period: string; value: number };
export type TargetStatus = 'achieved' | 'on_track' | 'off_track' | 'no_trend' | 'no_data';

export type TargetInput = {
  baseline: Point | null;
  /** Observations in period order; the last is the latest. */
  series: readonly Point[];
  targetPeriod: string;
  targetValue: number;
  comparison: 'at_least' | 'at_most';
};

export type TargetAssessment = {
  latest: Point | null;
  /** latest ÷ target (target ÷ latest for "at most"). */
  completion: number | null;
  /** Share of the way from the baseline to the target: (latest − baseline) ÷ (target − baseline). */
  progress: number | null;
  cagrAchieved: number | null;
  cagrNeeded: number | null;
  /** The value in the target year if the achieved growth rate continues. */
  forecast: number | null;
  status: TargetStatus;
};

export function assessTarget(input: TargetInput): TargetAssessment {
  const latest = input.series.at(-1) ?? null;
  if (!latest) return { latest: null, completion: null, progress: null, cagrAchieved: null, cagrNeeded: null, forecast: null, status: 'no_data' };
  const { targetValue: target, comparison } = input;
  const meets = (v: number) => (comparison === 'at_least' ? v >= target : v <= target);
  // growth since the baseline; when there is no later figure yet (the plan has just begun), the trend of the
  // observations before it
  const start = input.baseline && yearOf(input.baseline.period) < yearOf(latest.period) ? input.baseline : input.series[0]!;
  const yearsDone = yearOf(latest.period) - yearOf(start.period);
  const yearsLeft = yearOf(input.targetPeriod) - yearOf(latest.period);
  const cagrAchieved = yearsDone > 0 ? cagr(start.value, latest.value, yearsDone) : null;
  const forecast = cagrAchieved === null ? null : latest.value * (1 + cagrAchieved) ** Math.max(0, yearsLeft);
  const progress = target === start.value || yearsDone <= 0 ? null : (latest.value - start.value) / (target - start.value);
  let status: TargetStatus;
  if (meets(latest.value)) status = 'achieved';
  else if (forecast === null) status = 'no_trend';
  else status = meets(forecast) ? 'on_track' : 'off_track';
  return {
    latest,
    completion: completionRate(latest.value, target, comparison),
    progress,
    cagrAchieved,
    cagrNeeded: cagr(latest.value, target, yearsLeft),
    forecast,
    status,
  };
}
