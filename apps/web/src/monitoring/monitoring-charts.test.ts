import { expect, test } from 'vitest';
import { rankIntervalOption, tileMapOption } from './monitoring-charts.ts';
import type { CompositeResult } from './monitoring-types.ts';
import { LUOYANG_TILES, tilesFor } from './tile-map.ts';

const unit = (code: string, score: number, rank: number) => ({ code, nameZh: `区${code}`, nameEn: `D${code}`, score, rank, pillars: {}, indicators: {}, strengths: [], weaknesses: [] });
const result: CompositeResult = {
  kind: 'composite', period: '2023', indexCode: 'index', pillars: [], indicators: [],
  units: [unit('410305', 80, 1), unit('410311', 70, 2), unit('410325', 10, 3)],
  sensitivity: { n: 10, seed: 1, runs: 60, failedRuns: 0, indices: [], rankStats: [
    { uCode: '410311', nominal: 2, mean: 2.1, median: 2, q5: 1, q95: 3 },
    { uCode: '410305', nominal: 1, mean: 1.2, median: 1, q5: 1, q95: 2 },
  ] },
};

test('every Luoyang unit has its own tile', () => {
  const cells = Object.values(LUOYANG_TILES).map((t) => t.join(','));
  expect(new Set(cells).size).toBe(14);
  expect(tilesFor(['a', 'b', 'c', 'd', 'e']).get('e')).toEqual([1, 1]);
});

test('the tile map puts each unit on its tile, north at the top, coloured by its score', () => {
  const option = tileMapOption(result, 'zh-CN');
  const series = (option.series as { data: number[][] }[])[0]!;
  // 涧西 is column 1, row 1 of 4 rows → y = 4 − 1 − 1 = 2
  expect(series.data[0]).toEqual([1, 2, 80]);
  expect(series.data[2]).toEqual([1, 0, 10]); // 嵩县, the south
});

test('rank intervals are drawn in nominal-rank order as q5 + (q95 − q5)', () => {
  const option = rankIntervalOption(result, 'en');
  expect((option.yAxis as { data: string[] }).data).toEqual(['D410305', 'D410311']);
  const series = option.series as { data: number[] }[];
  expect(series[0]!.data).toEqual([1, 1]);
  expect(series[1]!.data).toEqual([1, 2]);
});
