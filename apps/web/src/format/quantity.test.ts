import { describe, expect, test } from 'vitest';
import { displayUnit, formatChange, formatQuantity, formatRatio, toDisplayQuantity } from './quantity.ts';

describe('Chinese units stay as they are in Chinese', () => {
  test.each([
    [153.91, '亿元', '100 million yuan', '153.91亿元'],
    [2.83, '%', '%', '2.83%'],
    [1036, '家', 'firms', '1,036家'],
    [2853, '个', 'platforms', '2,853个'],
  ])('%s %s', (value, unit, unitEn, expected) => {
    expect(formatQuantity(value, unit, unitEn, 'zh-CN')).toBe(expected);
  });
});

describe('English gets an English equivalent', () => {
  test('亿元 becomes billions of yuan (1 亿 = 0.1 billion)', () => {
    expect(toDisplayQuantity(153.91, '亿元', '100 million yuan', 'en')).toEqual({ value: 15.391, unit: 'CNY bn' });
    expect(formatQuantity(153.91, '亿元', '100 million yuan', 'en')).toBe('CNY 15.39 bn');
  });

  test('万元 becomes millions of yuan (1 万 = 0.01 million)', () => {
    expect(toDisplayQuantity(8000, '万元', '', 'en')).toEqual({ value: 80, unit: 'CNY m' });
  });

  test('counts use the server English unit', () => {
    expect(formatQuantity(1036, '家', 'firms', 'en')).toBe('1,036 firms');
    expect(displayUnit('个', 'platforms', 'en')).toBe('platforms');
    expect(displayUnit('个', '', 'en')).toBe('个');
  });
});

test('ratios print as percentages with one decimal', () => {
  expect(formatRatio(0.6523, 'en')).toBe('65.2%');
  expect(formatRatio(1.2, 'zh-CN')).toBe('120.0%');
});

test('a change of a percentage is in percentage points, other changes keep their unit and sign', () => {
  expect(formatChange(0.46, '%', '%', 'zh-CN')).toBe('+0.46个百分点');
  expect(formatChange(0.46, '%', '%', 'en')).toBe('+0.46 pp');
  expect(formatChange(281, '家', 'firms', 'en')).toBe('+281 firms');
  expect(formatChange(-3, '个', 'platforms', 'zh-CN')).toBe('-3个');
  expect(formatChange(34.68, '亿元', '', 'en')).toBe('+CNY 3.47 bn');
});
