import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, errorOf, logIn, type TestApp } from '../../../../test/test-app.ts';
import { SYSTEM_ACTOR } from '../../../platform/auth/actor.ts';
import { makeUscc } from '../../../platform/identity/uscc.ts';
import { writeErrorReport } from '../error-report.ts';
import { importSheet, writeTemplateOf, type ImportKind } from '../import-sheet.ts';
import { templateHeaderOf } from './sheet-kind.ts';
import { SHEET_KINDS } from './sheet-kinds.ts';

let t: TestApp;
let dir: string;
let ent: string[] = []; // credit codes of demo enterprises
let university = '';
beforeAll(async () => {
  t = await createTestApp();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kc-kinds-'));
  ent = (await t.database.pool.query<{ uscc: string }>("SELECT uscc FROM organisations WHERE kind = 'enterprise' AND region_code = $1 ORDER BY uscc LIMIT 20", [REGION])).rows.map((r) => r.uscc);
  university = (await t.database.pool.query<{ uscc: string }>("SELECT uscc FROM organisations WHERE kind = 'university' AND region_code = $1 LIMIT 1", [REGION])).rows[0]!.uscc;
});
afterAll(async () => {
  await t.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const REGION = '410300';
const TODAY = '2025-06-30';
const unknownUscc = makeUscc('91410300KNW000001');
const badCheck = (u: string) => `${u.slice(0, 17)}${u.endsWith('0') ? '1' : '0'}`;

async function csvFile(kind: ImportKind, rows: Record<string, string>[]): Promise<string> {
  const columns = SHEET_KINDS[kind as Exclude<ImportKind, 'enterprises'>].columns;
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [columns.map(templateHeaderOf), ...rows.map((r) => columns.map((c) => r[c.key] ?? c.example))];
  const file = path.join(dir, `${kind}-${Math.random().toString(36).slice(2)}.csv`);
  await fs.writeFile(file, lines.map((l) => l.map(quote).join(',')).join('\n'));
  return file;
}

const run = (kind: ImportKind, file: string, format: 'csv' | 'xlsx' = 'csv') =>
  importSheet(t.database, kind, { regionCode: REGION, path: file, format, fileName: path.basename(file), actor: SYSTEM_ACTOR, today: TODAY, batchSize: 2 });

async function rules(jobId: string): Promise<Record<number, string[]>> {
  const { rows } = await t.database.pool.query<{ row_number: number; errors: { rule: string }[] }>('SELECT row_number, errors FROM registry_import_rejects WHERE job_id = $1', [jobId]);
  return Object.fromEntries(rows.map((r) => [r.row_number, r.errors.map((e) => e.rule)]));
}

async function audits(jobId: string): Promise<number> {
  return (await t.database.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1", [jobId])).rows[0]!.n;
}

/** The row versions of a table (xmin changes on every write), to prove a re-import wrote nothing. */
async function versions(table: string): Promise<string> {
  const { rows } = await t.database.pool.query<{ v: string }>(`SELECT string_agg(xmin::text, ',' ORDER BY id) AS v FROM ${table} WHERE region_code = $1`, [REGION]);
  return rows[0]!.v;
}

async function reportText(jobId: string, headers: string[]): Promise<string> {
  const chunks: Buffer[] = [];
  await writeErrorReport(t.database, REGION, jobId, headers, 'csv', new Writable({ write(c: Buffer, _e, cb) { chunks.push(c); cb(); } }));
  return Buffer.concat(chunks).toString('utf8');
}

describe('certificates', () => {
  test('good rows upsert by (credit code, kind, number); each bad row is refused naming field and rule', async () => {
    const file = await csvFile('certificates', [
      { uscc: ent[0]!, kind: '高新技术企业', number: 'GR2024KT001', validFrom: '2024-12-01', validUntil: '2027-11-30' },  // 2 good
      { uscc: ent[0]!, kind: 'tech-sme', level: 'national', number: '2025KT001', validFrom: '2025-04-30', validUntil: '2025-12-31' }, // 3 good (codes)
      { uscc: badCheck(ent[1]!), number: 'GR2024KT002' },                                                            // 4 invalid credit code
      { uscc: ent[1]!, kind: '超级企业', number: 'GR2024KT003' },                                                     // 5 unknown kind
      { uscc: ent[1]!, level: '区级', number: 'GR2024KT004' },                                                        // 6 unknown level
      { uscc: ent[1]!, number: 'GR2024KT005', validFrom: '2024-12-01', validUntil: '2024-11-30' },                  // 7 until before from
      { uscc: ent[0]!, kind: '高企', number: 'GR2024KT001' },                                                         // 8 duplicate key of row 2
      { uscc: ent[1]!, number: 'GR2024KT006', validFrom: '2024-02-30' },                                            // 9 not a date
      { uscc: unknownUscc, number: 'GR2024KT007' },                                                                   // 10 unknown in the region
      { uscc: university, number: 'GR2024KT008' },                                                                    // 11 not an enterprise
      { uscc: ent[1]!, number: '', kind: '' },                                                                        // 12 required cells
    ]);
    const r = await run('certificates', file);
    expect(r).toMatchObject({ status: 'finished', rowsRead: 11, rowsImported: 2, rowsFailed: 9 });
    expect(await rules(r.jobId)).toEqual({
      4: ['uscc_check_character'], 5: ['unknown_value'], 6: ['unknown_value'], 7: ['valid_until_before_from'], 8: ['duplicate_key'],
      9: ['not_a_date'], 10: ['unknown_organisation'], 11: ['not_an_enterprise'], 12: ['required', 'required'],
    });
    const { rows } = await t.database.pool.query(
      `SELECT c.kind, c.level, c.number, c.valid_from::text AS "from", c.valid_until::text AS "until" FROM registry_certificates c JOIN organisations o ON o.id = c.organisation_id
        WHERE o.uscc = $1 AND c.number LIKE '%KT%' ORDER BY c.number`, [ent[0]]);
    expect(rows).toEqual([
      { kind: 'tech-sme', level: 'national', number: '2025KT001', from: '2025-04-30', until: '2025-12-31' },
      { kind: 'hnte', level: 'national', number: 'GR2024KT001', from: '2024-12-01', until: '2027-11-30' },
    ]);
    const report = await reportText(r.jobId, (await t.database.pool.query<{ headers: string[] }>('SELECT headers FROM registry_import_jobs WHERE id = $1', [r.jobId])).rows[0]!.headers);
    expect(report).toContain('错误 / Errors');
    expect(report).toContain('有效期至：2024-11-30 早于有效期起 2024-12-01');
    expect(report).toContain('Valid until: 2024-11-30 is before the start of validity 2024-12-01');
    expect(report).toContain('证书编号：与第 2 行重复');
    expect(report).toContain('证书类型：“超级企业”不在可选值中');
    expect(report).toContain('不在本市名录中');
  });

  test('re-importing the same file writes nothing; a changed validity updates the one row', async () => {
    const rows: Record<string, string>[] = [{ uscc: ent[2]!, number: 'GR2023KT100', validFrom: '2023-11-01', validUntil: '2026-10-31' }, { uscc: ent[3]!, kind: '专精特新', level: '省级', number: '豫专精KT1' }];
    const file = await csvFile('certificates', rows);
    expect(await run('certificates', file)).toMatchObject({ rowsImported: 2, rowsFailed: 0 });
    const before = await versions('registry_certificates');
    const again = await run('certificates', file);
    expect(again).toMatchObject({ rowsImported: 2, rowsFailed: 0 });
    expect(await versions('registry_certificates')).toBe(before);
    expect(await audits(again.jobId)).toBe(0);
    const changed = await run('certificates', await csvFile('certificates', [{ ...rows[0]!, validUntil: '2026-11-30' }]));
    expect(await audits(changed.jobId)).toBe(1);
    const { rows: stored } = await t.database.pool.query<{ until: string }>(
      "SELECT valid_until::text AS until FROM registry_certificates WHERE number = 'GR2023KT100'");
    expect(stored).toEqual([{ until: '2026-11-30' }]);
  });
});

describe('honours', () => {
  test('each kind requires its cells; years and dates cannot lie ahead; amounts are numbers and not negative', async () => {
    const file = await csvFile('honours', [
      { uscc: ent[4]!, kind: '科技奖励', name: '河南省科学技术进步奖', level: '省级', rank: '2', year: '2023' },                        // 2 good award
      { uscc: ent[4]!, kind: '研发机构', name: '河南省工程技术研究中心', level: '省级', rank: '', year: '' },                             // 3 good institution
      { uscc: ent[4]!, kind: '标准', name: '精密轴承团体标准', level: '团体标准', role: '主导', rank: '', year: '2022' },                   // 4 good standard
      { uscc: ent[4]!, kind: '股权融资', name: 'A 轮', level: '', rank: '', year: '', amount: '1500', onDate: '2024-03-15' },            // 5 good round
      { uscc: ent[4]!, kind: '科技奖励', name: '国家科学技术进步奖', level: '国家级', rank: '1', year: '2031' },                           // 6 award year in future
      { uscc: ent[4]!, kind: '股权融资', name: 'B 轮', level: '', rank: '', year: '', amount: '-200', onDate: '2024-05-01' },            // 7 negative amount
      { uscc: ent[4]!, kind: '股权融资', name: 'C 轮', level: '', rank: '', year: '', amount: '三千万', onDate: '2024-06-01' },          // 8 text in number column
      { uscc: ent[4]!, kind: '股权融资', name: 'D 轮', level: '', rank: '', year: '', amount: '100', onDate: '2026-01-01' },             // 9 date in future
      { uscc: ent[4]!, kind: '科技奖励', name: '洛阳市科技进步奖', level: '市级', rank: '1', year: '2023' },                               // 10 award level not allowed
      { uscc: ent[4]!, kind: '荣誉称号', name: 'x', level: '省级' },                                                                        // 11 unknown kind
      { uscc: ent[4]!, kind: '标准', name: '另一项标准', level: '国家标准', role: '', rank: '', year: '2022' },                            // 12 role missing
      { uscc: ent[4]!, kind: '科技奖励', name: '河南省科学技术进步奖', level: '省级', rank: '3', year: '2023' },                            // 13 duplicate of row 2
      { uscc: ent[4]!, kind: '科技奖励', name: '河南省科学技术进步奖', level: '省级', rank: 'x', year: '二〇二三' },                        // 14 text in number columns
      { uscc: ent[4]!, kind: '股权融资', name: 'E 轮', level: '', rank: '', year: '2023', amount: '10', onDate: '2024-06-01' },          // 15 year not the date's
    ]);
    const r = await run('honours', file);
    expect(r).toMatchObject({ status: 'finished', rowsRead: 14, rowsImported: 4, rowsFailed: 10 });
    expect(await rules(r.jobId)).toEqual({
      // A cell already refused is not refused a second time as missing.
      6: ['in_future'], 7: ['negative'], 8: ['not_a_number'], 9: ['in_future'], 10: ['unknown_value'],
      11: ['unknown_value'], 12: ['required_for_kind'], 13: ['duplicate_key'], 14: ['not_an_integer', 'not_a_year'], 15: ['year_not_of_date'],
    });
    const { rows } = await t.database.pool.query(
      `SELECT h.kind, h.name, h.level, h.role, h.rank, h.year, h.amount_fen AS amount, h.on_date::text AS "on" FROM registry_honours h JOIN organisations o ON o.id = h.organisation_id
        WHERE o.uscc = $1 ORDER BY h.kind, h.name`, [ent[4]]);
    expect(rows).toEqual(expect.arrayContaining([
      { kind: 'award', name: '河南省科学技术进步奖', level: 'provincial', role: null, rank: 2, year: 2023, amount: null, on: null },
      { kind: 'equity_round', name: 'A 轮', level: null, role: null, rank: null, year: 2024, amount: '1500000000', on: '2024-03-15' },
      { kind: 'rd_institution', name: '河南省工程技术研究中心', level: 'provincial', role: null, rank: null, year: null, amount: null, on: null },
      { kind: 'standard', name: '精密轴承团体标准', level: 'group', role: 'lead', rank: null, year: 2022, amount: null, on: null },
    ]));
    // The same file again: an institution without a year still finds its row (nulls compare equal in the key).
    const before = await versions('registry_honours');
    const again = await run('honours', file);
    expect(again).toMatchObject({ rowsImported: 4, rowsFailed: 10 });
    expect(await versions('registry_honours')).toBe(before);
    expect(await audits(again.jobId)).toBe(0);
  });
});

describe('platforms', () => {
  test('hosted by any organisation, keyed by (host, name); approval and revocation dates checked', async () => {
    const file = await csvFile('platforms', [
      { uscc: ent[5]!, name: '洛阳市精密轴承工程技术研究中心KT' },                                                      // 2 good
      { uscc: university, name: '河南省先进材料重点实验室KT', kind: '重点实验室', level: '省级', approvedOn: '2019-05-10' }, // 3 good: a university hosts
      { uscc: ent[5]!, name: '未来平台KT', approvedOn: '2030-01-01' },                                                   // 4 approval in future
      { uscc: ent[5]!, name: '撤销平台KT', approvedOn: '2020-01-01', revokedOn: '2019-01-01' },                          // 5 revoked before approved
      { uscc: ent[5]!, name: '奇怪平台KT', kind: '创新驿站', level: '县级' },                                             // 6 unknown kind and level
      { uscc: ent[5]!, name: '洛阳市精密轴承工程技术研究中心KT', level: '省级' },                                         // 7 duplicate key
      { uscc: 'ABC', name: '平台KT' },                                                                                   // 8 invalid credit code
      { uscc: unknownUscc, name: '平台KT' },                                                                             // 9 unknown organisation
    ]);
    const r = await run('platforms', file);
    expect(r).toMatchObject({ rowsRead: 8, rowsImported: 2, rowsFailed: 6 });
    expect(await rules(r.jobId)).toEqual({
      4: ['in_future'], 5: ['revoked_before_approved'], 6: ['unknown_value', 'unknown_value'], 7: ['duplicate_key'], 8: ['uscc_length'], 9: ['unknown_organisation'],
    });
    const { rows } = await t.database.pool.query(
      "SELECT kind, level, approved_on::text AS approved FROM registry_platforms WHERE name LIKE '%KT' ORDER BY kind");
    expect(rows).toEqual([
      { kind: 'engineering_center', level: 'municipal', approved: '2021-09-20' },
      { kind: 'key_lab', level: 'provincial', approved: '2019-05-10' },
    ]);
    const before = await versions('registry_platforms');
    await run('platforms', file);
    expect(await versions('registry_platforms')).toBe(before);
  });
});

describe('talents', () => {
  test('keyed by (organisation, name, programme); the selection year cannot lie ahead', async () => {
    const file = await csvFile('talents', [
      { uscc: ent[6]!, name: '轴承创新团队KT' },                                         // 2 good
      { uscc: ent[6]!, name: '轴承创新团队KT', programme: '中原英才计划' },                 // 3 good: another programme
      { uscc: ent[6]!, name: '张三KT', kind: '个人', year: '2026' },                     // 4 year in future
      { uscc: ent[6]!, name: '李四KT', kind: '专家组' },                                 // 5 unknown kind
      { uscc: ent[6]!, name: '轴承创新团队KT', year: '2020' },                            // 6 duplicate key
      { uscc: ent[6]!, name: '王五KT', year: '去年' },                                   // 7 text in a number column
    ]);
    const r = await run('talents', file);
    expect(r).toMatchObject({ rowsRead: 6, rowsImported: 2, rowsFailed: 4 });
    expect(await rules(r.jobId)).toEqual({ 4: ['in_future'], 5: ['unknown_value'], 6: ['duplicate_key'], 7: ['not_a_year'] });
    const before = await versions('registry_talents');
    await run('talents', file);
    expect(await versions('registry_talents')).toBe(before);
  });

  test('an Excel file with numbers and dates as cells imports, and a wrong header is refused naming it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人才');
    ws.addRow(SHEET_KINDS.talents.columns.map(templateHeaderOf));
    ws.addRow([ent[7], '', '光电团队KT', '团队', '河洛英才计划', 2022]);
    const file = path.join(dir, 'talents.xlsx');
    await wb.xlsx.writeFile(file);
    expect(await run('talents', file, 'xlsx')).toMatchObject({ status: 'finished', rowsImported: 1, rowsFailed: 0 });

    const bad = path.join(dir, 'talents-bad.csv');
    await fs.writeFile(bad, '所属单位统一社会信用代码,人才名称,类型,人才计划,入选年度\nx,y,团队,z,2020\n');
    const refused = await run('talents', bad);
    expect(refused.error?.code).toBe('header_unknown');
    expect(refused.error?.message).toContain('人才名称');
  });
});

describe('templates', () => {
  test.each(['certificates', 'honours', 'platforms', 'talents'] as const)('the %s template has the Chinese headers and re-imports its example row', async (kind) => {
    const chunks: Buffer[] = [];
    await writeTemplateOf(kind, 'csv', new Writable({ write(c: Buffer, _e, cb) { chunks.push(c); cb(); } }));
    const text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
    const [header, example] = text.trim().split('\n');
    expect(header).toBe(SHEET_KINDS[kind].columns.map(templateHeaderOf).join(','));
    // The example's credit code is no real organisation: the row passes validation and is refused by name only.
    const file = path.join(dir, `template-${kind}.csv`);
    await fs.writeFile(file, `${header}\n${example}\n`);
    const r = await run(kind, file);
    expect(Object.values(await rules(r.jobId))).toEqual([['unknown_organisation']]);
  });
});

describe('over HTTP', () => {
  test('an upload of a kind runs as a job of that kind, keeps its file in DATA_DIR until it ends, and each kind has its template', async () => {
    const bureau = await logIn(t.app, 'bureau.staff@demo.kechuang.cn');
    const columns = SHEET_KINDS.platforms.columns;
    const body = [columns.map(templateHeaderOf).join(','), [ent[8], '', 'HTTP平台KT', '孵化器', '省级', '2020-05-10', ''].join(','), [ent[8], '', '坏平台KT', '孵化器', '省级', '明天', ''].join(',')].join('\n');
    const res = await bureau.request({ method: 'POST', url: '/api/v1/registry/imports?fileName=platforms.csv&kind=platforms', payload: body, headers: { 'content-type': 'text/csv' } });
    expect(res.statusCode).toBe(202);
    const { id } = res.json() as { id: string };
    let job = { status: 'running', kind: '', rowsImported: 0, rowsFailed: 0 };
    for (let i = 0; i < 100 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await bureau.request({ method: 'GET', url: `/api/v1/registry/imports/${id}` })).json() as typeof job;
    }
    expect(job).toMatchObject({ status: 'finished', kind: 'platforms', rowsImported: 1, rowsFailed: 1 });
    const { rows: [stored] } = await t.database.pool.query<{ stored_path: string }>('SELECT stored_path FROM registry_import_jobs WHERE id = $1', [id]);
    expect(path.dirname(stored!.stored_path)).toBe(path.join(t.config.dataDir, 'imports'));
    for (let i = 0; i < 50 && (await fs.stat(stored!.stored_path).then(() => true, () => false)); i++) await new Promise((r) => setTimeout(r, 20));
    await expect(fs.stat(stored!.stored_path)).rejects.toThrow();
    const report = await bureau.request({ method: 'GET', url: `/api/v1/registry/imports/${id}/errors?format=csv` });
    expect(report.body).toContain('认定日期：“明天”不是有效日期');

    for (const kind of ['certificates', 'honours', 'platforms', 'talents'] as const) {
      const tpl = await bureau.request({ method: 'GET', url: `/api/v1/registry/import-template?format=csv&kind=${kind}` });
      expect(tpl.body.replace(/^\uFEFF/, '').split('\n')[0]).toBe(SHEET_KINDS[kind].columns.map(templateHeaderOf).join(','));
      expect(decodeURIComponent(tpl.headers['content-disposition'] as string)).toContain(`${SHEET_KINDS[kind].title.zh}导入模板.csv`);
    }
    const unknown = await bureau.request({ method: 'POST', url: '/api/v1/registry/imports?fileName=x.csv&kind=patents', payload: 'a', headers: { 'content-type': 'text/csv' } });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).field).toContain('kind');
  });
});
