import type { Indicator, Target } from '../api/types.ts';
import type { ChartOption } from '../charts/chart-option.ts';
import { displayUnit, formatNumber, formatRatio, toDisplayQuantity } from '../format/quantity.ts';
import type { Lang } from '../i18n/messages.ts';
import { isAchieved, periodAxis, valuesOn } from './overview-model.ts';

// ECharts options for the overview page, built from API data alone (pure, so they are unit-tested).

const COLORS = { primary: '#1f5fbf', accent: '#e8741e', good: '#2e9d5b', muted: '#8c8c8c' } as const;

const nameOf = (x: { nameZh: string; nameEn: string }, lang: Lang) => (lang === 'en' ? x.nameEn : x.nameZh);

function seriesLabel(indicator: Indicator, lang: Lang): string {
  const unit = displayUnit(indicator.unit, indicator.unitEn, lang);
  return lang === 'en' ? `${indicator.nameEn} (${unit})` : `${indicator.nameZh}（${unit}）`;
}

/** Values in the unit shown for `lang` (亿元 become CNY bn in English); gaps stay null. */
function displayValues(indicator: Indicator | undefined, periods: readonly string[], lang: Lang): (number | null)[] {
  return valuesOn(indicator, periods).map((v) =>
    v === null || !indicator ? null : toDisplayQuantity(v, indicator.unit, indicator.unitEn, lang).value,
  );
}

function tooltipValue(lang: Lang) {
  return (value: unknown) => (typeof value === 'number' ? formatNumber(value, lang, 3) : '—');
}

const baseGrid: GridOption = { left: 8, right: 8, top: 48, bottom: 8 };
type GridOption = Extract<ChartOption['grid'], { left?: unknown }>;

/** R&D expenditure as bars on the left axis, R&D intensity as a line on the right axis. */
export function rdChartOption(expenditure: Indicator | undefined, intensity: Indicator | undefined, lang: Lang): ChartOption {
  const periods = periodAxis([expenditure, intensity]);
  const series: ChartOption['series'] = [];
  const yAxis: ChartOption['yAxis'] = [];
  if (expenditure) {
    yAxis.push({ type: 'value', name: displayUnit(expenditure.unit, expenditure.unitEn, lang), position: 'left' });
    series.push({
      type: 'bar',
      name: seriesLabel(expenditure, lang),
      yAxisIndex: 0,
      data: displayValues(expenditure, periods, lang),
      itemStyle: { color: COLORS.primary },
      barMaxWidth: 40,
      label: { show: true, position: 'top', formatter: ({ value }) => (typeof value === 'number' ? formatNumber(value, lang, 2) : '') },
    });
  }
  if (intensity) {
    yAxis.push({ type: 'value', name: displayUnit(intensity.unit, intensity.unitEn, lang), position: 'right', splitLine: { show: false } });
    series.push({
      type: 'line',
      name: seriesLabel(intensity, lang),
      yAxisIndex: yAxis.length - 1,
      data: displayValues(intensity, periods, lang),
      connectNulls: true,
      symbolSize: 8,
      itemStyle: { color: COLORS.accent },
      label: { show: true, position: 'top', formatter: ({ value }) => (typeof value === 'number' ? `${formatNumber(value, lang, 2)}%` : '') },
    });
  }
  return {
    aria: { enabled: true },
    color: [COLORS.primary, COLORS.accent],
    grid: baseGrid,
    tooltip: { trigger: 'axis', valueFormatter: tooltipValue(lang) },
    legend: { top: 0 },
    xAxis: { type: 'category', data: periods },
    yAxis,
    series,
  };
}

/** Counts over time (high-tech enterprises, innovation platforms) as grouped bars on one axis. */
export function growthChartOption(indicators: readonly (Indicator | undefined)[], lang: Lang): ChartOption {
  const present = indicators.filter((i): i is Indicator => i !== undefined);
  const periods = periodAxis(present);
  const palette = [COLORS.primary, COLORS.accent, COLORS.good];
  return {
    aria: { enabled: true },
    color: palette,
    grid: baseGrid,
    tooltip: { trigger: 'axis', valueFormatter: tooltipValue(lang) },
    legend: { top: 0 },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value' },
    series: present.map((indicator, i) => ({
      type: 'bar' as const,
      name: seriesLabel(indicator, lang),
      data: displayValues(indicator, periods, lang),
      barMaxWidth: 32,
      itemStyle: { color: palette[i % palette.length] },
      label: { show: true, position: 'top' as const, formatter: ({ value }: { value?: unknown }) => (typeof value === 'number' ? formatNumber(value, lang, 0) : '') },
    })),
  };
}

/** Completion of each target (latest ÷ target) as horizontal bars, with the 100% line marked. */
export function targetsChartOption(targets: readonly Target[], lang: Lang, noData: string): ChartOption {
  // Category axes draw bottom-up; reversing keeps the chart in the table's order, top-down.
  const rows = [...targets].reverse();
  // Rounded: 4400 / 4000 * 100 is 110.00000000000001. A target without data has no bar (null), not a 0 % bar.
  const percents = rows.map((t) => (t.completion === null ? null : Number((t.completion * 100).toFixed(2))));
  const maxPercent = Math.max(100, ...percents.map((p) => p ?? 0));
  return {
    aria: { enabled: true },
    grid: { left: 8, right: 48, top: 16, bottom: 8 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value: unknown) => (typeof value === 'number' ? formatRatio(value / 100, lang) : '—'),
    },
    xAxis: { type: 'value', max: Math.ceil(maxPercent / 10) * 10, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map((t) => nameOf(t, lang)), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: lang === 'en' ? 'Completion' : '完成率',
        barMaxWidth: 22,
        data: rows.map((t, i) => ({
          value: percents[i] ?? null,
          itemStyle: { color: isAchieved(t) ? COLORS.good : COLORS.primary },
        })),
        label: { show: true, position: 'right', formatter: ({ value }) => (typeof value === 'number' ? formatRatio(value / 100, lang) : noData) },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: COLORS.muted, type: 'dashed' },
          label: { formatter: '100%' },
          data: [{ xAxis: 100 }],
        },
      },
    ],
  };
}
