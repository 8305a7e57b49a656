import { describe, expect, test } from 'vitest';
import type { Indicator, Target } from '../api/types.ts';
import { growthChartOption, rdChartOption, targetsChartOption } from './overview-charts.ts';

const rd: Indicator = {
  code: 'rd_expenditure', nameZh: '研发经费投入', nameEn: 'R&D expenditure', unit: '亿元', unitEn: '100 million yuan',
  observations: [{ period: '2018', value: 99.36 }, { period: '2020', value: 119.23 }, { period: '2021', value: 153.91 }],
};
const intensity: Indicator = {
  code: 'rd_intensity', nameZh: '研发投入强度', nameEn: 'R&D intensity', unit: '%', unitEn: '%',
  observations: [{ period: '2018', value: 2.14 }, { period: '2020', value: 2.37 }, { period: '2021', value: 2.83 }],
};
const hnte: Indicator = {
  code: 'hnte_count', nameZh: '高新技术企业', nameEn: 'High-tech enterprises', unit: '家', unitEn: 'firms',
  observations: [{ period: '2019', value: 469 }, { period: '2020', value: 755 }, { period: '2021', value: 1036 }],
};

type SeriesLike = { type: string; name: string; yAxisIndex?: number; data: unknown[] };
const seriesOf = (option: { series?: unknown }) => option.series as SeriesLike[];

describe('R&D chart', () => {
  test('bars for spending on the left axis, a line for intensity on the right axis', () => {
    const option = rdChartOption(rd, intensity, 'zh-CN');
    const [bar, line] = seriesOf(option);
    expect(bar).toMatchObject({ type: 'bar', yAxisIndex: 0, name: '研发经费投入（亿元）', data: [99.36, null, 119.23, 153.91] });
    expect(line).toMatchObject({ type: 'line', yAxisIndex: 1, name: '研发投入强度（%）', data: [2.14, null, 2.37, 2.83] });
    expect(option.yAxis).toMatchObject([{ name: '亿元', position: 'left' }, { name: '%', position: 'right' }]);
    expect(option.xAxis).toMatchObject({ data: ['2018', '2019', '2020', '2021'] });
  });

  test('in English, spending is in billions of yuan and names are English', () => {
    const [bar, line] = seriesOf(rdChartOption(rd, intensity, 'en'));
    expect(bar?.name).toBe('R&D expenditure (CNY bn)');
    expect(bar?.data).toEqual([9.936, null, 11.923, 15.391]);
    expect(line?.data).toEqual([2.14, null, 2.37, 2.83]);
  });

  test('a missing indicator leaves only the other series, on axis 0', () => {
    const option = rdChartOption(undefined, intensity, 'zh-CN');
    expect(seriesOf(option).map((s) => [s.type, s.yAxisIndex])).toEqual([['line', 0]]);
  });
});

test('growth chart draws one bar series per present indicator over the shared years', () => {
  const option = growthChartOption([hnte, undefined, rd], 'zh-CN');
  expect(seriesOf(option).map((s) => s.name)).toEqual(['高新技术企业（家）', '研发经费投入（亿元）']);
  expect(option.xAxis).toMatchObject({ data: ['2018', '2019', '2020', '2021'] });
  expect(seriesOf(option)[0]?.data).toEqual([null, 469, 755, 1036]);
});

function target(nameZh: string, latestValue: number | null, targetValue: number): Target {
  return {
    indicatorCode: nameZh, nameZh, nameEn: `${nameZh}-en`, unit: '家', unitEn: 'firms', baselinePeriod: '2021', baselineValue: latestValue,
    targetPeriod: '2025', targetValue, latestPeriod: '2021', latestValue, completion: latestValue === null ? null : latestValue / targetValue, cagrNeeded: null, comparison: 'at_least',
  };
}

test('targets chart shows completion in percent, top-down in table order, with a 100% line', () => {
  const option = targetsChartOption([target('甲', 1036, 1600), target('乙', 4400, 4000)], 'en', 'No data');
  expect(option.yAxis).toMatchObject({ data: ['乙-en', '甲-en'] });
  const data = seriesOf(option)[0]?.data as { value: number; itemStyle: { color: string } }[];
  expect(data.map((d) => d.value)).toEqual([110, 64.75]);
  expect(data[0]?.itemStyle.color).not.toBe(data[1]?.itemStyle.color); // achieved targets stand out
  expect(option.xAxis).toMatchObject({ max: 110 });
});

test('a target without data gets no bar rather than a 0% bar', () => {
  const option = targetsChartOption([target('甲', null, 5), target('乙', 1, 2)], 'zh-CN', '暂无数据');
  const data = seriesOf(option)[0]?.data as { value: number | null }[];
  expect(data.map((d) => d.value)).toEqual([50, null]);
});
