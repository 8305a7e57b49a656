import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/actor.ts';
import { makeUscc } from '../../platform/identity/uscc.ts';
import { COLUMNS, templateHeader } from './columns.ts';
import { writeErrorReport } from './error-report.ts';
import { runImport } from './run-import.ts';

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await createTestApp();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kc-import-'));
});
afterAll(async () => {
  await t.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const REGION = '410300';
const HEADERS = COLUMNS.map(templateHeader);
const uscc = (n: number) => makeUscc(`91410300KMP${String(n).padStart(6, '0')}`);

function row(over: Record<string, string>): string[] {
  const base: Record<string, string> = Object.fromEntries(COLUMNS.map((c) => [c.key, c.example]));
  return COLUMNS.map((c) => over[c.key] ?? base[c.key]!);
}

async function csvFile(name: string, rows: string[][], headers = HEADERS): Promise<string> {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const file = path.join(dir, name);
  await fs.writeFile(file, [headers, ...rows].map((r) => r.map(quote).join(',')).join('\n'));
  return file;
}

async function importFile(file: string, format: 'csv' | 'xlsx' = 'csv') {
  return runImport(t.database, { regionCode: REGION, path: file, format, fileName: path.basename(file), actor: SYSTEM_ACTOR, today: '2025-06-30', batchSize: 3 });
}

async function rejects(jobId: string): Promise<Map<number, string[]>> {
  const { rows } = await t.database.pool.query<{ row_number: number; errors: { rule: string }[] }>(
    'SELECT row_number, errors FROM registry_import_rejects WHERE job_id = $1', [jobId]);
  return new Map(rows.map((r) => [r.row_number, r.errors.map((e) => e.rule)]));
}

async function orgCount(code: string): Promise<number> {
  const { rows } = await t.database.pool.query<{ n: string }>('SELECT count(*) AS n FROM organisations WHERE uscc = $1', [code]);
  return Number(rows[0]!.n);
}

describe('an import with good and bad rows', () => {
  test('keeps good rows, rejects each bad row with its field and rule, and writes nothing of a bad row', async () => {
    const file = await csvFile('mixed.csv', [
      row({ uscc: uscc(1), year: '2023' }),                                                  // 2 good
      row({ uscc: uscc(1), year: '2024' }),                                                  // 3 good: second year
      row({ uscc: `${uscc(2).slice(0, 17)}${uscc(2).endsWith('0') ? '1' : '0'}` }),           // 4 bad check character
      row({ uscc: uscc(3), rdExpense: '-5' }),                                               // 5 negative amount
      row({ uscc: uscc(4), rdExpense: '100', rdExpenseDomestic: '120' }),                    // 6 ratio above 100%
      row({ uscc: uscc(5), employees: '10', scienceStaff: '11', rdStaff: '5' }),                            // 7 science staff > employees
      row({ uscc: uscc(6), foundedOn: '2031-01-01' }),                                       // 8 date in the future
      row({ uscc: uscc(1), year: '2023' }),                                                  // 9 fiscal year twice
      row({ uscc: uscc(7), salesRevenue: '八百万' }),                                         // 10 text in a number column
      row({ uscc: uscc(8), year: '2024' }),                                                  // 11 good
    ]);
    const result = await importFile(file);
    expect(result).toMatchObject({ status: 'finished', rowsRead: 10, rowsImported: 3, rowsFailed: 7 });
    const bad = await rejects(result.jobId);
    expect(Object.fromEntries(bad)).toEqual({
      4: ['uscc_check_character'], 5: ['negative'], 6: ['ratio_above_100'], 7: ['exceeds_employees'],
      8: ['in_future'], 9: ['fiscal_year_twice'], 10: ['not_a_number'],
    });
    for (const n of [3, 4, 5, 6, 7]) expect(await orgCount(uscc(n))).toBe(0);
    const { rows } = await t.database.pool.query<{ year: number; rd: string }>(
      `SELECT f.year, f.rd_expense_fen AS rd FROM registry_fiscal_years f JOIN organisations o ON o.id = f.organisation_id WHERE o.uscc = $1 ORDER BY year`, [uscc(1)]);
    expect(rows).toEqual([{ year: 2023, rd: '420000000' }, { year: 2024, rd: '420000000' }]);
  });

  test('importing the same file twice changes nothing the second time', async () => {
    const file = await csvFile('twice.csv', [row({ uscc: uscc(20), year: '2022' }), row({ uscc: uscc(20), year: '2023', salesRevenue: '1.23' })]);
    await importFile(file);
    const count = async () => (await t.database.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM registry_fiscal_years f JOIN organisations o ON o.id = f.organisation_id WHERE o.uscc = $1`, [uscc(20)])).rows[0]!.n;
    expect(await count()).toBe('2');
    const again = await importFile(file);
    expect(again).toMatchObject({ rowsImported: 2, rowsFailed: 0, organisationsCreated: 0 });
    expect(await count()).toBe('2');
    expect(await orgCount(uscc(20))).toBe(1);
  });

  test('the error report is the sheet with the row number and an error column', async () => {
    const file = await csvFile('report.csv', [row({ uscc: uscc(30) }), row({ uscc: 'ABC', employees: '-1' })]);
    const result = await importFile(file);
    const chunks: Buffer[] = [];
    const out = new Writable({ write(c: Buffer, _e, cb) { chunks.push(c); cb(); } });
    await writeErrorReport(t.database, REGION, result.jobId, HEADERS, 'csv', out);
    const lines = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '').split('\n');
    expect(lines[0]).toBe([...HEADERS, '原行号', '错误 / Errors'].join(','));
    expect(lines[1]).toMatch(/^ABC,/);
    expect(lines[1]).toContain('统一社会信用代码应为 18 位');
    expect(lines.join('\n')).toContain('职工总数（人）：不能为负数');
  });

  test('a credit code already registered as a university is refused, not turned into an enterprise', async () => {
    const { rows } = await t.database.pool.query<{ uscc: string }>("SELECT uscc FROM organisations WHERE kind = 'university' LIMIT 1");
    const file = await csvFile('university.csv', [row({ uscc: rows[0]!.uscc })]);
    const result = await importFile(file);
    expect(result).toMatchObject({ rowsImported: 0, rowsFailed: 1 });
    expect([...(await rejects(result.jobId)).values()]).toEqual([['not_an_enterprise']]);
  });
});

describe('malformed files', () => {
  test('an empty file and a header-only file are refused as a whole', async () => {
    expect((await importFile(await csvFile('empty.csv', [], []))).error?.code).toBe('empty_sheet');
    expect((await importFile(await csvFile('header-only.csv', []))).error?.code).toBe('no_rows');
  });

  test('an unknown header (two-row or renamed) is refused before any row is read', async () => {
    const headers = [...HEADERS];
    headers[12] = '财务数据';
    const result = await importFile(await csvFile('renamed.csv', [row({ uscc: uscc(40) })], headers));
    expect(result.error?.code).toBe('header_unknown');
    expect(await orgCount(uscc(40))).toBe(0);
  });

  test('an Excel file with merged header cells names the blank cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业');
    ws.addRow(HEADERS);
    ws.addRow(row({ uscc: uscc(41) }));
    ws.mergeCells('B1:C1');
    const file = path.join(dir, 'merged.xlsx');
    await wb.xlsx.writeFile(file);
    const result = await importFile(file, 'xlsx');
    expect(result.error?.code).toBe('header_blank_cell');
    expect(result.error?.message).toContain('第 C 列');
    expect(await orgCount(uscc(41))).toBe(0);
  });

  test('an Excel file imports numbers, dates and text cells, and an empty sheet is refused', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业');
    ws.addRow(HEADERS);
    const r = row({ uscc: uscc(42), year: '2024' });
    ws.addRow(r.map((v, i) => (COLUMNS[i]!.kind === 'date' ? new Date(`${v}T00:00:00Z`) : /^\d+(\.\d+)?$/.test(v) && COLUMNS[i]!.kind !== 'district' ? Number(v) : v)));
    ws.addRow(row({ uscc: uscc(43), totalAssets: 'n/a' }));
    const file = path.join(dir, 'good.xlsx');
    await wb.xlsx.writeFile(file);
    const result = await importFile(file, 'xlsx');
    expect(result).toMatchObject({ status: 'finished', rowsImported: 1, rowsFailed: 1 });
    const { rows } = await t.database.pool.query<{ founded_on: string; sales: string }>(
      `SELECT e.founded_on::text, f.sales_revenue_fen AS sales FROM registry_enterprises e JOIN organisations o ON o.id = e.organisation_id
       JOIN registry_fiscal_years f ON f.organisation_id = e.organisation_id WHERE o.uscc = $1`, [uscc(42)]);
    expect(rows).toEqual([{ founded_on: '2015-06-18', sales: '8650500000' }]);

    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('空');
    const emptyFile = path.join(dir, 'empty.xlsx');
    await empty.xlsx.writeFile(emptyFile);
    expect((await importFile(emptyFile, 'xlsx')).error?.code).toBe('empty_sheet');
  });

  test('a file that is not an Excel workbook is refused with a message', async () => {
    const file = path.join(dir, 'fake.xlsx');
    await fs.writeFile(file, 'this is not a zip file at all');
    const result = await importFile(file, 'xlsx');
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('malformed_file');
  });
});

describe('a batch the database refuses', () => {
  test('fails the job with the reason instead of waiting forever, and keeps the batches written before it', async () => {
    // A trigger stands in for any database refusal (a full disk, a constraint added by an administrator).
    await t.database.pool.query(`CREATE FUNCTION refuse_4242() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.employees = 4242 THEN RAISE EXCEPTION 'refused by the test trigger'; END IF; RETURN NEW; END $$`);
    await t.database.pool.query('CREATE TRIGGER refuse_4242 BEFORE INSERT ON registry_fiscal_years FOR EACH ROW EXECUTE FUNCTION refuse_4242()');
    try {
      const rows = Array.from({ length: 40 }, (_, i) => row({ uscc: uscc(900 + i), employees: i === 30 ? '4242' : '100', scienceStaff: '10', rdStaff: '5' }));
      const result = await runImport(t.database, { regionCode: REGION, path: await csvFile('refused.csv', rows), format: 'csv', fileName: 'refused.csv', actor: SYSTEM_ACTOR, today: '2025-06-30', batchSize: 3, lanes: 1 });
      expect(result.status).toBe('failed');
      expect(result.error).toMatchObject({ code: 'write_failed' });
      expect(result.error!.message).toContain('refused by the test trigger');
      expect(result.rowsImported).toBeGreaterThan(0);
      expect(result.rowsImported).toBeLessThan(40);
    } finally {
      await t.database.pool.query('DROP TRIGGER refuse_4242 ON registry_fiscal_years; DROP FUNCTION refuse_4242()');
    }
  });
});
