import { describe, expect, test } from 'vitest';
import { seriesChartOption } from './board-charts.ts';

describe('board charts', () => {
  test('aligns every series on the union of years, missing years as 0, stacked bars share one stack', () => {
    const option = seriesChartOption([
      { name: 'A', points: [{ year: 2021, value: 1 }, { year: 2023, value: 3 }] },
      { name: 'B', points: [{ year: 2022, value: 2 }] },
    ], 'stacked', 'x') as { xAxis: { data: string[] }; series: { data: number[]; stack?: string; type: string }[] };
    expect(option.xAxis.data).toEqual(['2021', '2022', '2023']);
    expect(option.series.map((s) => s.data)).toEqual([[1, 0, 3], [0, 2, 0]]);
    expect(option.series.every((s) => s.stack === 'total' && s.type === 'bar')).toBe(true);
  });
});
