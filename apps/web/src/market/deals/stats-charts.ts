// The month chart of the statistics page, built by a pure function so it is unit-tested.
import type { ChartOption } from '../../charts/chart-option.ts';
import type { StatRow } from './deals-api.ts';

/** Two bars per month, in 万元 (two decimals): contract total and technology amount. */
export function monthChartOption(rows: readonly StatRow[], labels: { total: string; technology: string }): ChartOption {
  const wan = (fen: string) => Math.round(Number(BigInt(fen) / 100n) / 100) / 100;
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.total, labels.technology] },
    grid: { left: 56, right: 16, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: rows.map((r) => r.key) },
    yAxis: { type: 'value' },
    series: [
      { name: labels.total, type: 'bar', data: rows.map((r) => wan(r.totalFen)) },
      { name: labels.technology, type: 'bar', data: rows.map((r) => wan(r.technologyFen)) },
    ],
  };
}
