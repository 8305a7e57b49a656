import { describe, expect, test } from 'vitest';
import { forecastAt } from './forecast.ts';

describe('forecast', () => {
  test('extends the compound growth of the last three years', () => {
    const s = [{ year: 2021, value: 1000 }, { year: 2022, value: 1100 }, { year: 2023, value: 1210 }, { year: 2024, value: 1331 }];
    expect(forecastAt(s, 2025)).toBe(1464); // 1331 × 1.1
    expect(forecastAt(s, 2024)).toBe(1331);
  });
  test('no growth can be read from one point or from zero', () => {
    expect(forecastAt([{ year: 2024, value: 5 }], 2026)).toBeNull();
    expect(forecastAt([{ year: 2022, value: 0 }, { year: 2024, value: 5 }], 2026)).toBeNull();
  });
});
