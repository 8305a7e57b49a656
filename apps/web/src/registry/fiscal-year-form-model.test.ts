import { describe, expect, test } from 'vitest';
import { fenToWanText, fiscalYearBody, formFieldOf, formValuesOf, wanToFen } from './fiscal-year-form-model.ts';

describe('万元 ↔ fen', () => {
  test('exact for amounts a float would round, with thousands separators', () => {
    expect(wanToFen('600')).toBe('600000000');
    expect(wanToFen('8,650.5')).toBe('8650500000');
    expect(wanToFen('999999999.999999')).toBe('999999999999999');
    expect(wanToFen('0.000001')).toBe('1');
  });
  test('digits beyond the fen round half up, as the import does; negative amounts keep their sign', () => {
    expect(wanToFen('1.0000005')).toBe('1000001');
    expect(wanToFen('1.0000004')).toBe('1000000');
    expect(wanToFen('-12.5')).toBe('-12500000');
    expect(wanToFen('-0')).toBe('0');
  });
  test('text, empty decimals and ten integer digits are not amounts', () => {
    for (const bad of ['abc', '1.', '.5', '1e3', '1234567890', '']) expect(wanToFen(bad), bad).toBeNull();
  });
  test('fen back to 万元 text round-trips', () => {
    for (const wan of ['600', '8650.5', '0.000001', '-3.25', '0']) expect(fenToWanText(wanToFen(wan)!)).toBe(wan);
  });
});

describe('the form and the request', () => {
  test('a stored year opens with its amounts in 万元 and blank where nothing is stored', () => {
    expect(formValuesOf({ year: 2024, rdExpenseFen: '264400000', salesRevenueFen: null, employees: 180 }))
      .toMatchObject({ year: 2024, rdExpenseFen: '264.4', salesRevenueFen: null, employees: 180, scienceStaff: null });
  });
  test('the body carries every filled field in fen and leaves blank ones out', () => {
    expect(fiscalYearBody({ year: 2024, rdExpenseFen: ' 600 ', salesRevenueFen: '', netProfitFen: null, employees: 180, scienceStaff: null }))
      .toEqual({ rdExpenseFen: '600000000', employees: 180 });
  });
  test('a server error lands on its field; the path year maps to the year field; others go above the form', () => {
    const fields = ['year', 'rdExpenseFen', 'scienceStaff'];
    expect(formFieldOf('scienceStaff', fields)).toBe('scienceStaff');
    expect(formFieldOf('params.year', fields)).toBe('year');
    expect(formFieldOf('uscc', fields)).toBeNull();
    expect(formFieldOf(null, fields)).toBeNull();
  });
});
