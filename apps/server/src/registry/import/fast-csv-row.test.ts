import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { makeUscc } from '../../platform/identity/uscc.ts';
import { BatchBuilder } from './batch-builder.ts';
import { COLUMNS, templateHeader, type ColumnKey } from './columns.ts';
import { FastCsvRow } from './fast-csv-row.ts';
import { analyseHeader, type HeaderMap } from './header.ts';
import { SeenFiscalYears } from './seen-fiscal-years.ts';
import { validateRow, type RowContext, type RowError } from './validate-row.ts';

// The reader's fast path must accept only rows validateRow accepts, and pack them to the same bytes; whatever it
// declines goes to validateRow. So the reader (fast path, else validateRow) and validateRow alone must agree on
// every row's verdict, every error, and every packed byte, however the cells are spelt.
const TODAY = '2025-06-30';
const DISTRICTS = ['410300', '410311', '410305'];
const NON_ENTERPRISE = makeUscc('12410300MB0000001');
const codes = [makeUscc('91410300MA44KC001'), makeUscc('91410300MA44KC002'), makeUscc('92410300MA44KC003'), NON_ENTERPRISE];

const SPELLINGS: Partial<Record<ColumnKey, string[]>> = {
  uscc: [...codes, ...codes, codes[0]!.toLowerCase(), ` ${codes[1]}`, '91410300MA44KC0019', 'ZZ410300MA44KC0015', '91410300MA44KC00I5', '', '91410300MA44KC001'],
  name: ['洛阳示例科技有限公司', 'ACME', ' 前有空格', '后有全角空格\u3000', 'a\tb', 'back\\slash', '\u00a0nbsp', '名'.repeat(201), 'x'.repeat(200), '', '  ', '中\u3000间'],
  districtCode: ['410311', '410300', '410305', '410399', ' 410311', '41031', '', 'abcdef'],
  foundedOn: ['2015-06-18', '', '2015/6/18', '2015年6月18日', '2024-02-29', '2023-02-29', '2025-07-01', '2025-06-30', '2015-13-01', '2015-06-1', '0000-01-01', '2020-00-10'],
  industryCode: ['C3451', '', 'c3451', 'C', 'C34', 'C345', 'C34511', 'U1', 'Z', 'C3', ' C3451'],
  techField: ['先进制造与自动化', '', 'advanced_manufacturing', 'Advanced manufacturing and automation', 'advanced manufacturing and automation', '未知', ' 新材料'],
  cluster: ['高端轴承', '', 'bearings', 'High-end bearings', 'high-end bearings', '轴承'],
  listed: ['否', '是', '', 'Y', 'y', 'yes', 'YES', 'true', '1', '0', 'no', 'n', 'false', 'maybe'],
  year: ['2024', '2023', '2025', '2026', '1948', '1949', ' 2024', '24', '2014', '2014.0', ''],
  employees: ['186', '', '0', '007', '10000000', '1234567', '12345678', '1,000', '-1', '5.0', 'x', '42'],
  scienceStaff: ['42', '', '187', '0', '186'],
  rdStaff: ['30', '', '187', '０'],
  conversions: ['3', '', '-3', '3.5'],
  ipInvention: ['4', '', '0', '1.0', '-1'],
  ipUtilityModel: ['12', '', '0'],
  ipDesign: ['1', ''],
  ipSoftware: ['5', '', '9999999'],
  ipIcLayout: ['0', '', '10000001'],
};
const AMOUNTS = ['8650.5', '', '0', '-0', '-12.3', '12.3', '0.0000005', '0.0000004', '999999999.9999995', '999999999', '1234567890', '1,234.5', '1 234', '1.', '.5', '1e5',
  '0.1234567', '00012', '100', '99.999999', '-0.000001', '+5', '١٢'];

/** A row's cells by column, as the reader takes them: by the header's map, empty where a column is missing. */
function cellsOf(values: readonly string[], map: HeaderMap): Partial<Record<ColumnKey, string>> {
  const cells: Partial<Record<ColumnKey, string>> = Object.fromEntries(COLUMNS.map((c) => [c.key, '']));
  map.forEach((k, i) => { if (k) cells[k] = values[i] ?? ''; });
  return cells;
}

const idsFrom = () => { let n = 0; return () => `00000000-0000-7000-8000-${String(n++).padStart(12, '0')}`; };
const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');

function run(lines: string[][], map: HeaderMap, withFast: boolean) {
  const seen = withFast ? new SeenFiscalYears() : new Map<string, number>();
  const ctx: RowContext = { districts: new Set(DISTRICTS), today: TODAY, seen, nonEnterprise: new Set([NON_ENTERPRISE]) };
  const fast = withFast ? new FastCsvRow(map, { districts: ctx.districts, today: TODAY, seen: seen as SeenFiscalYears, nonEnterprise: ctx.nonEnterprise! }) : null;
  const builder = new BatchBuilder('410300', idsFrom());
  const verdicts: (RowError[] | 'ok')[] = [];
  let fastRows = 0;
  lines.forEach((cells, i) => {
    const rowNumber = i + 2;
    const values = cells.join(',').split(','); // a line without quotes, as the reader splits it
    const bytes = Buffer.from(values.join(','), 'utf8');
    if (fast?.check(bytes, 0, bytes.length, rowNumber)) { fast.write(builder); verdicts.push('ok'); fastRows++; return; }
    const v = validateRow(rowNumber, cellsOf(values, map), ctx);
    if (v.ok) { builder.addRow(v.row); verdicts.push('ok'); } else verdicts.push(v.errors);
  });
  const b = builder.finish();
  return { verdicts, fastRows, packed: { ...b, organisations: text(b.organisations), profiles: text(b.profiles), fiscal: text(b.fiscal) } };
}

const MAP = (() => { const h = analyseHeader(COLUMNS.map(templateHeader)); if (!h.ok) throw new Error('header'); return h.map; })();
const example = COLUMNS.map((c) => c.example);

describe('the reader\'s fast path for plain CSV lines', () => {
  test('the template example is taken by the fast path and packed as validateRow packs it', () => {
    const lines = [example, example.map((v, i) => (COLUMNS[i]!.key === 'year' ? '2023' : v))];
    const fast = run(lines, MAP, true), general = run(lines, MAP, false);
    expect(fast.fastRows).toBe(2);
    expect(fast.packed).toEqual(general.packed);
    expect(fast.packed.fiscal.split('\n')[0]).toBe('410300\t00000000-0000-7000-8000-000000000000\t2024\t8650500000\t8800000000\t8120000000\t6100000000\t8900000000\t420000000\t420000000\t7600000000\t12000000000\t5200000000\t6800000000\t730000000\t186\t42\t30\t3');
  });

  test('agrees with validateRow on every verdict, error and packed byte, whatever the cells', () => {
    // A row: the template's example with some amounts and counts drawn at random, then up to three cells
    // respelt from the lists above (most of which validateRow refuses or normalises).
    const amount = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 7 }))
      .map(([neg, whole, frac, places]) => [neg && places % 2 === 0, whole, frac, places] as const).map(([neg, whole, frac, places]) => `${neg ? '-' : ''}${whole}${places === 0 ? '' : `.${String(frac).padStart(7, '0').slice(0, places)}`}`);
    const drawn = (i: number): fc.Arbitrary<string> => {
      const c = COLUMNS[i]!;
      const keep = { weight: 8, arbitrary: fc.constant(example[i]!) };
      if (c.kind === 'wan' || c.kind === 'wan_signed') return fc.oneof(keep, { weight: 1, arbitrary: amount });
      if (c.key === 'uscc') return fc.integer({ min: 0, max: 5 }).map((n) => makeUscc(`91410300MA44KD${String(n).padStart(3, '0')}`));
      if (c.key === 'year') return fc.integer({ min: 2016, max: 2025 }).map(String);
      if (c.key === 'name') return fc.constantFrom(example[i]!, '甲公司', 'Beta Ltd');
      if (c.kind === 'count' || c.kind === 'people') return fc.oneof(keep, { weight: 1, arbitrary: fc.integer({ min: 0, max: 9_999_999 }).map(String) });
      return fc.constant(example[i]!);
    };
    const respelt = fc.integer({ min: 0, max: COLUMNS.length - 1 }).chain((i) => {
      const c = COLUMNS[i]!;
      return fc.tuple(fc.constant(i), fc.constantFrom(...(SPELLINGS[c.key] ?? (c.kind === 'wan' || c.kind === 'wan_signed' ? AMOUNTS : [c.example, '']))));
    });
    const line = fc.tuple(fc.tuple(...COLUMNS.map((_, i) => drawn(i))), fc.array(respelt, { maxLength: 2 })).map(([base, changes]) => {
      const out = [...base];
      for (const [i, v] of changes) out[i] = v;
      return out;
    });
    let fastRows = 0, rowsSeen = 0;
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 3 }), (lines, shape) => {
      // Header shapes: the template, columns shuffled, an optional column missing, an ignored report column.
      let map: HeaderMap = MAP;
      let rows = lines.map((l) => [...l]);
      if (shape === 1) { map = [...MAP].reverse(); rows = rows.map((r) => [...r].reverse()); }
      if (shape === 2) { map = MAP.map((k) => (k === 'foundedOn' ? null : k)); }
      if (shape === 3) { map = [...MAP, null]; rows = rows.map((r, i) => (i % 2 === 0 ? [...r, '原行号'] : r.slice(0, 20))); }
      const fast = run(rows, map, true);
      const general = run(rows, map, false);
      expect(fast.verdicts).toEqual(general.verdicts);
      expect(fast.packed).toEqual(general.packed);
      fastRows += fast.fastRows;
      rowsSeen += rows.length;
    }), { numRuns: 600 });
    expect(fastRows).toBeGreaterThan(rowsSeen / 20); // the fast path was exercised, not only declined
  });
});
