import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { makeUscc } from '../../platform/identity/uscc.ts';
import { FISCAL_COLUMNS, packBatch } from './packed-batch.ts';
import { MONEY_KEYS, type ImportRow, type MoneyKey } from './validate-row.ts';

const row = (rowNumber: number, uscc: string, year: number, netProfit: number | null, name = '甲公司'): ImportRow => ({
  rowNumber, uscc, name, districtCode: '410311', foundedOn: null, industryCode: null, techField: null, cluster: null, listed: null, year,
  employees: null, scienceStaff: null, rdStaff: null, conversions: null,
  money: { ...Object.fromEntries(MONEY_KEYS.map((k) => [k, null])) as Record<MoneyKey, number | null>, netProfit },
  ip: { ipInvention: 1, ipUtilityModel: null, ipDesign: null, ipSoftware: null, ipIcLayout: null },
});
const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');
const ids = () => { let n = 0; return () => `00000000-0000-7000-8000-${String(n++).padStart(12, '0')}`; };
const CODE = makeUscc('91410300MA44KC001');

describe('packBatch', () => {
  test('amounts are written exactly as String(fen), either sign; an empty amount is COPY null', () => {
    const at = 3 + FISCAL_COLUMNS.indexOf('net_profit_fen');
    const amountOf = (fen: number | null) => text(packBatch('410300', [row(2, CODE, 2024, fen)], ids()).fiscal).split('\t')[at]!.trim();
    for (const v of [0, -0, 1, 999_999_999, 1_000_000_000, -1_000_000_000, 1_000_000_000_000_000, 8_650_500_000, -12_300_000_001]) expect(amountOf(v), String(v)).toBe(String(v));
    fc.assert(fc.property(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: 0, max: 999_999 }), (wan, below) => {
      const fen = wan * 1_000_000 + (wan < 0 ? -below : below);
      expect(amountOf(fen)).toBe(String(fen));
    }), { numRuns: 2000 });
    expect(amountOf(null)).toBe('\\N');
  });

  test('an enterprise given twice in a batch keeps its first id and its last row\'s profile, one line each', () => {
    const other = makeUscc('91410300MA44KC002');
    const b = packBatch('410300', [row(2, CODE, 2023, 1, '旧名'), row(3, other, 2024, 2), row(4, CODE, 2024, 3, '新名')], ids());
    expect(b).toMatchObject({ rows: 3, firstRow: 2, lastRow: 4, rowNumbers: [2, 3, 4], enterprises: 2 });
    expect(text(b.organisations).split('\n').filter(Boolean).map((l) => l.split('\t').slice(1, 4))).toEqual([
      ['00000000-0000-7000-8000-000000000001', 'enterprise', '甲公司'],
      ['00000000-0000-7000-8000-000000000000', 'enterprise', '新名'],
    ]);
    expect(text(b.fiscal).split('\n').filter(Boolean).map((l) => l.split('\t')[1])).toEqual([
      '00000000-0000-7000-8000-000000000000', '00000000-0000-7000-8000-000000000001', '00000000-0000-7000-8000-000000000000']);
    expect(text(b.profiles).split('\n').filter(Boolean).map((l) => l.split('\t').slice(1).join(' '))).toEqual([
      '00000000-0000-7000-8000-000000000001 \\N \\N \\N \\N \\N {"invention/granted/self":1}',
      '00000000-0000-7000-8000-000000000000 \\N \\N \\N \\N \\N {"invention/granted/self":1}',
    ]);
  });
});
