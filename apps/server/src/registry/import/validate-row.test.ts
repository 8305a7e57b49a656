import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isCalendarDate, parseWanToFen } from './validate-row.ts';

describe('万元 to fen', () => {
  test('exact, rounding beyond the fen half up, signs and thousands separators', () => {
    expect(parseWanToFen('1')).toBe(1_000_000);
    expect(parseWanToFen('8650.5')).toBe(8_650_500_000);
    expect(parseWanToFen('0.000001')).toBe(1);
    expect(parseWanToFen('0.0000005')).toBe(1);
    expect(parseWanToFen('0.0000004')).toBe(0);
    expect(parseWanToFen('-12.3')).toBe(-12_300_000);
    expect(parseWanToFen('1,234.5')).toBe(1_234_500_000);
  });
  test('refuses what is not a number of at most nine integer digits', () => {
    for (const bad of ['', '-', '1.', '.5', '1.2.3', '八百万', '1e5', '1234567890', '--1', '1-']) expect(parseWanToFen(bad), bad).toBeNull();
  });
  test('agrees with decimal arithmetic on arbitrary amounts', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 999_999 }), (whole, micro) => {
      const text = `${whole}.${String(micro).padStart(6, '0')}`;
      expect(parseWanToFen(text)).toBe(whole * 1_000_000 + micro);
    }));
  });
});

describe('calendar dates', () => {
  test('month lengths and leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2024-04-31')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
  });
});
