import type { Indicator, RegionOverview, Target } from '../api/types.ts';

// Pure helpers that turn the overview API answer into what the page draws. No React, no ECharts.

export const INDICATOR = {
  rdExpenditure: 'rd_expenditure',
  rdIntensity: 'rd_intensity',
  hnteCount: 'hnte_count',
  platformCount: 'platform_count',
} as const;

export function findIndicator(overview: RegionOverview, code: string): Indicator | undefined {
  return overview.indicators.find((indicator) => indicator.code === code);
}

const isYear = (period: string) => /^\d{4}$/.test(period);

/**
 * The periods on a shared x axis. Years are filled in as a continuous range so a year without data shows as a
 * gap rather than silently disappearing (the seeds have 2018, 2020 and 2021 but no 2019); other periods are
 * the sorted union.
 */
export function periodAxis(indicators: readonly (Indicator | undefined)[]): string[] {
  const periods = new Set<string>();
  for (const indicator of indicators) for (const o of indicator?.observations ?? []) periods.add(o.period);
  const all = [...periods].sort();
  if (all.length === 0 || !all.every(isYear)) return all;
  const first = Number(all[0]);
  const last = Number(all[all.length - 1]);
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
}

/** The indicator's values aligned to `periods`, null where it has no observation. */
export function valuesOn(indicator: Indicator | undefined, periods: readonly string[]): (number | null)[] {
  const byPeriod = new Map((indicator?.observations ?? []).map((o) => [o.period, o.value]));
  return periods.map((p) => byPeriod.get(p) ?? null);
}

export type LatestChange = { period: string; value: number; previousPeriod: string | null; previousValue: number | null };

/** The latest observation and the one before it (by period), for headline figures. */
export function latestChange(indicator: Indicator | undefined): LatestChange | null {
  const sorted = [...(indicator?.observations ?? [])].sort((a, b) => a.period.localeCompare(b.period));
  const last = sorted[sorted.length - 1];
  if (!last) return null;
  const previous = sorted[sorted.length - 2];
  return { period: last.period, value: last.value, previousPeriod: previous?.period ?? null, previousValue: previous?.value ?? null };
}

export function isAchieved(target: Target): boolean {
  if (target.latestValue === null) return false;
  return target.comparison === 'at_least' ? target.latestValue >= target.targetValue : (target.completion ?? 0) >= 1;
}

/** The action plan's own order (主体, 高企, 科技型中小企业, 平台, 强度, 财政); targets not listed follow in API order. */
const PLAN_ORDER = ['innovation_entity_count', 'hnte_count', 'tech_sme_count', 'platform_count', 'rd_intensity', 'fiscal_st_share'];

export function orderTargets(targets: readonly Target[]): Target[] {
  const rank = (t: Target) => {
    const i = PLAN_ORDER.indexOf(t.indicatorCode);
    return i < 0 ? PLAN_ORDER.length : i;
  };
  return targets.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i).map(({ t }) => t);
}

/** The target year shown in titles: the one all targets share, else the latest. */
export function targetYear(targets: readonly Target[]): string {
  return targets.map((t) => t.targetPeriod).sort().at(-1) ?? '2025';
}
