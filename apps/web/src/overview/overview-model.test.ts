import { describe, expect, test } from 'vitest';
import type { Indicator, RegionOverview, Target } from '../api/types.ts';
import { findIndicator, isAchieved, latestChange, orderTargets, periodAxis, targetYear, valuesOn } from './overview-model.ts';

function indicator(code: string, observations: [string, number][]): Indicator {
  return { code, nameZh: code, nameEn: code, unit: '个', unitEn: 'units', observations: observations.map(([period, value]) => ({ period, value })) };
}

const rd = indicator('rd_expenditure', [['2021', 153.91], ['2018', 99.36], ['2020', 119.23]]);
const intensity = indicator('rd_intensity', [['2018', 2.14], ['2020', 2.37], ['2021', 2.83]]);

describe('period axis', () => {
  test('years form a continuous range so a missing year is a visible gap', () => {
    expect(periodAxis([rd, intensity])).toEqual(['2018', '2019', '2020', '2021']);
    expect(valuesOn(rd, periodAxis([rd]))).toEqual([99.36, null, 119.23, 153.91]);
  });

  test('non-year periods are the sorted union', () => {
    const q = indicator('q', [['2021Q2', 1], ['2021Q1', 2]]);
    expect(periodAxis([q, undefined])).toEqual(['2021Q1', '2021Q2']);
    expect(periodAxis([])).toEqual([]);
  });

  test('a missing indicator gives nulls, not zeros', () => {
    expect(valuesOn(undefined, ['2018', '2019'])).toEqual([null, null]);
  });
});

test('latestChange picks the last two periods whatever the input order', () => {
  expect(latestChange(rd)).toEqual({ period: '2021', value: 153.91, previousPeriod: '2020', previousValue: 119.23 });
  expect(latestChange(indicator('x', [['2020', 5]]))).toEqual({ period: '2020', value: 5, previousPeriod: null, previousValue: null });
  expect(latestChange(undefined)).toBeNull();
});

test('findIndicator looks up by code', () => {
  const overview: RegionOverview = { region: { code: '410300', name: '洛阳市', nameEn: 'Luoyang' }, indicators: [rd, intensity], targets: [] };
  expect(findIndicator(overview, 'rd_intensity')).toBe(intensity);
  expect(findIndicator(overview, 'nope')).toBeUndefined();
});

function target(latestValue: number | null, targetValue: number, targetPeriod = '2025', indicatorCode = 'hnte_count'): Target {
  return {
    indicatorCode, nameZh: '高新技术企业', nameEn: 'High-tech enterprises', unit: '家', unitEn: 'firms',
    baselinePeriod: '2021', baselineValue: latestValue, targetPeriod, targetValue, latestPeriod: '2021', latestValue,
    completion: latestValue === null ? null : latestValue / targetValue, cagrNeeded: null, comparison: 'at_least',
  };
}

test('an at-least target is achieved when the latest value reaches it', () => {
  expect(isAchieved(target(1036, 1600))).toBe(false);
  expect(isAchieved(target(1600, 1600))).toBe(true);
  expect(isAchieved(target(null, 5))).toBe(false); // no data is not success
});

test('targets follow the action plan order, unknown ones after in their API order', () => {
  const codes = ['fiscal_st_share', 'zzz', 'hnte_count', 'aaa', 'innovation_entity_count'];
  const ordered = orderTargets(codes.map((code) => target(1, 2, '2025', code)));
  expect(ordered.map((t) => t.indicatorCode)).toEqual(['innovation_entity_count', 'hnte_count', 'fiscal_st_share', 'zzz', 'aaa']);
});

test('the title year is the latest target year', () => {
  expect(targetYear([target(1, 2, '2025'), target(1, 2, '2023')])).toBe('2025');
  expect(targetYear([])).toBe('2025');
});
