// Pure: the 双倍增 board's chart options — entities by tier as lines, platforms by level as stacked bars.
import type { ChartOption } from '../charts/chart-option.ts';
import type { Point } from './cultivation-api.ts';

export function seriesChartOption(series: { name: string; points: Point[] }[], kind: 'line' | 'stacked', ariaText: string): ChartOption {
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  return {
    aria: { enabled: true, label: { description: ariaText } },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value' },
    series: series.map((s) => ({
      name: s.name,
      type: kind === 'line' ? 'line' : 'bar',
      ...(kind === 'stacked' ? { stack: 'total' } : {}),
      data: years.map((y) => s.points.find((p) => p.year === y)?.value ?? 0),
    })),
  } as ChartOption;
}
