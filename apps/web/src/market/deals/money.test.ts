import { describe, expect, test } from 'vitest';
import { remaining, formatRemaining } from './countdown.ts';
import { fenToYuan, formatMoney, yuanToFen } from './money.ts';

describe('money', () => {
  test('yuan text becomes exact fen', () => {
    expect(yuanToFen('12,345.67')).toBe('1234567');
    expect(yuanToFen('500000')).toBe('50000000');
    expect(yuanToFen('0.5')).toBe('50');
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-3')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
  });
  test('fen prints as yuan with separators, exactly', () => {
    expect(fenToYuan('1234567')).toBe('12,345.67');
    expect(fenToYuan('900719925474099312')).toBe('9,007,199,254,740,993.12');
  });
  test('万元 in Chinese, thousands or millions of CNY in English', () => {
    expect(formatMoney('51000000', 'zh-CN')).toBe('51万元');
    expect(formatMoney('25000000000', 'zh-CN')).toBe('2.5亿元');
    expect(formatMoney('51000000', 'en')).toBe('CNY 510 k');
    expect(formatMoney('250000000', 'en')).toBe('CNY 2.5 m');
    expect(formatMoney(null, 'en')).toBe('—');
  });
});

describe('countdown', () => {
  test('measured on the server clock plus local elapsed time', () => {
    const r = remaining('2025-01-01T10:00:00Z', '2025-01-01T09:58:00Z', 1_000, 31_000);
    expect(r).toMatchObject({ ms: 90_000, minutes: 1, seconds: 30 });
    expect(formatRemaining(r, 'zh-CN')).toBe('00:01:30');
  });
  test('never negative, and days shown when far away', () => {
    expect(remaining('2025-01-01T10:00:00Z', '2025-01-01T10:00:05Z', 0, 0).ms).toBe(0);
    expect(formatRemaining(remaining('2025-01-03T10:00:00Z', '2025-01-01T09:00:00Z', 0, 0), 'en')).toBe('2 d 01:00:00');
  });
});
