import { expect, test } from 'vitest';
import { checkImport, type ImportContext, type RawImportRow } from './check-import.ts';
import { conversionFactor } from './unit-conversion.ts';

const ctx: ImportContext = {
  indicators: new Map([['rd_expenditure', { unit: '亿元' }], ['hnte_count', { unit: '家' }], ['rd_intensity', { unit: '%' }]]),
  regions: new Map(['410302', '410303', '410304', '410305', '410307', '410308'].map((c) => [c, { name: c }])),
  existing: [],
};
const row = (n: number, over: Partial<RawImportRow>): RawImportRow => ({
  row: n, regionCode: '410305', indicatorCode: 'rd_expenditure', period: '2023', value: 10, unit: '亿元', status: '最终', source: 's', ...over,
});
const codes = (c: ReturnType<typeof checkImport>) => c.issues.map((i) => `${i.row}:${i.code}`);

test('a clean row is accepted with its status and source', () => {
  const c = checkImport([row(2, { status: '初步' })], ctx);
  expect(c.errorCount).toBe(0);
  expect(c.observations).toEqual([{ row: 2, regionCode: '410305', indicatorCode: 'rd_expenditure', period: '2023', value: 10, status: 'preliminary', source: 's' }]);
});

test('each broken cell is an error naming its row and column', () => {
  const c = checkImport([
    row(2, { regionCode: '999999' }), row(3, { indicatorCode: 'nope' }), row(4, { period: '23' }),
    row(5, { value: '十', period: '2015' }), row(6, { status: 'maybe', period: '2016' }), row(7, { value: -1, period: '2017' }),
    row(8, { indicatorCode: 'rd_intensity', unit: '%', value: 120 }),
  ], ctx);
  expect(codes(c)).toEqual(['2:unknown_region', '3:unknown_indicator', '4:bad_period', '5:not_a_number', '6:bad_status', '7:negative_value', '8:percent_over_100']);
  expect(c.issues.map((i) => i.column)).toEqual(['region_code', 'indicator_code', 'period', 'value', 'status', 'value', 'value']);
  expect(c.observations).toEqual([]);
});

test('万元 is rescaled to 亿元 with a warning; 家 for a money indicator is a unit mismatch', () => {
  const c = checkImport([row(2, { value: '352,000', unit: '万元' }), row(3, { regionCode: '410302', unit: '家' })], ctx);
  expect(c.observations[0]!.value).toBeCloseTo(35.2, 12);
  expect(codes(c)).toEqual(['2:unit_converted', '3:unit_mismatch']);
  expect(c.issues.map((i) => i.severity)).toEqual(['warning', 'error']);
  expect(conversionFactor('元', '亿元')).toBe(1e-8);
  expect(conversionFactor('', '家')).toBe(1);
});

test('a duplicate row is refused and points at the first', () => {
  const c = checkImport([row(2, {}), row(3, {})], ctx);
  expect(codes(c)).toEqual(['3:duplicate_row']);
  expect(c.issues[0]!.message).toContain('第 2 行');
});

test('a value more than double the previous period is flagged, as is one far from the other regions', () => {
  const existing = [{ regionCode: '410305', indicatorCode: 'rd_expenditure', period: '2022', value: 10 }];
  const jump = checkImport([row(2, { value: 25 })], { ...ctx, existing });
  expect(codes(jump)).toEqual(['2:outlier_jump']);
  const rows = ['410302', '410303', '410304', '410305', '410307', '410308'].map((r, i) => row(i + 2, { regionCode: r, value: r === '410308' ? 500 : 10 + i }));
  const cross = checkImport(rows, ctx);
  expect(codes(cross)).toEqual(['7:outlier_cross_section']);
  expect(cross.errorCount).toBe(0);
});

test('missing years in a series and regions missing from a period are gaps (warnings)', () => {
  const c = checkImport([
    row(2, { period: '2020' }), row(3, { period: '2023' }),
    row(4, { regionCode: '410302', period: '2020' }), row(5, { regionCode: '410302', period: '2021' }), row(6, { regionCode: '410302', period: '2022' }),
  ], ctx);
  expect(c.errorCount).toBe(0);
  const gaps = c.issues.map((i) => i.code);
  expect(gaps.filter((g) => g === 'gap')).toHaveLength(1); // 410305 lacks 2021–2022; 410302's 2020–2022 is complete
  expect(c.issues.find((i) => i.code === 'gap' && i.messageEn.startsWith('410305'))!.messageEn).toContain('2021, 2022');
  expect(gaps.filter((g) => g === 'gap_region').length).toBe(3); // 2021 and 2022 lack 410305; 2023 lacks 410302
});
