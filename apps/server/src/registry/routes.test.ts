import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, errorOf, logIn, type Session, type TestApp } from '../../test/test-app.ts';
import { makeUscc } from '../platform/identity/uscc.ts';
import { COLUMNS, templateHeader } from './import/columns.ts';

let t: TestApp;
let bureau: Session;
let enterprise: Session;
let ownId: string;
let otherId: string;
beforeAll(async () => {
  t = await createTestApp();
  bureau = await logIn(t.app, 'bureau.staff@demo.kechuang.cn');
  enterprise = await logIn(t.app, 'enterprise@demo.kechuang.cn');
  const me = (await enterprise.request({ method: 'GET', url: '/api/v1/me' })).json() as { organisation: { id: string } };
  ownId = me.organisation.id;
  const { rows } = await t.database.pool.query<{ id: string }>("SELECT organisation_id AS id FROM registry_enterprises WHERE organisation_id <> $1 LIMIT 1", [ownId]);
  otherId = rows[0]!.id;
});
afterAll(async () => { await t.close(); });

describe('who sees what', () => {
  test('bureau staff list the whole city; an enterprise user sees only its own enterprise', async () => {
    const cityRes = await bureau.request({ method: 'GET', url: '/api/v1/registry/enterprises?limit=5' });
    expect(cityRes.statusCode, cityRes.body).toBe(200);
    const city = cityRes.json() as { total: number };
    expect(city.total).toBeGreaterThan(3000);
    const own = (await enterprise.request({ method: 'GET', url: '/api/v1/registry/enterprises' })).json() as { total: number; items: { id: string }[] };
    expect(own.items.map((i) => i.id)).toEqual([ownId]);
  });

  test("an enterprise cannot read, edit or self-assess another enterprise's data (404, not 403)", async () => {
    for (const [method, url, payload] of [
      ['GET', `/api/v1/registry/enterprises/${otherId}`, undefined],
      ['GET', `/api/v1/cultivation/enterprises/${otherId}/self-assessment`, undefined],
      ['PUT', `/api/v1/registry/enterprises/${otherId}/fiscal-years/2024`, { employees: 10 }],
    ] as const) {
      const res = await enterprise.request({ method, url, payload });
      expect(res.statusCode, url).toBe(404);
    }
    expect((await bureau.request({ method: 'GET', url: `/api/v1/registry/enterprises/${otherId}` })).statusCode).toBe(200);
  });

  test('bureau-only endpoints refuse an enterprise user', async () => {
    for (const url of ['/api/v1/cultivation/pools', '/api/v1/cultivation/board', '/api/v1/cultivation/alerts']) {
      expect((await enterprise.request({ method: 'GET', url })).statusCode, url).toBe(403);
    }
  });
});

describe('self-assessment and editing', () => {
  test('an enterprise user runs its self-assessment: criteria with status, scores and gaps for each rule', async () => {
    const res = await enterprise.request({ method: 'GET', url: `/api/v1/cultivation/enterprises/${ownId}/self-assessment` });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { currentTier: string; results: { rule: string; version: string; criteria: { id: string; status: string }[]; gaps: { message: string }[] }[] };
    expect(body.currentTier).toBe('tech-sme');
    const hnte = body.results.find((r) => r.rule === 'hnte')!;
    expect(hnte.version).toBeTruthy();
    expect(hnte.criteria.find((c) => c.id === 'rd_expense_ratio')?.status).toBe('unmet');
    expect(hnte.gaps.length).toBeGreaterThan(0);
  });

  test('annual data breaking a rule is refused with the field and nothing changes', async () => {
    const url = `/api/v1/registry/enterprises/${ownId}/fiscal-years/2024`;
    const before = (await enterprise.request({ method: 'GET', url: `/api/v1/registry/enterprises/${ownId}` })).json() as { fiscalYears: unknown[] };
    const res = await enterprise.request({ method: 'PUT', url, payload: { employees: 10, scienceStaff: 11 } });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'exceeds_employees', field: 'scienceStaff' });
    const neg = await enterprise.request({ method: 'PUT', url, payload: { rdExpenseFen: '-100' } });
    expect(errorOf(neg)).toMatchObject({ code: 'negative', field: 'rdExpenseFen' });
    const future = await enterprise.request({ method: 'PUT', url: `/api/v1/registry/enterprises/${ownId}/fiscal-years/2099`, payload: { employees: 5 } });
    expect(errorOf(future).code).toBe('in_future');
    const after = (await enterprise.request({ method: 'GET', url: `/api/v1/registry/enterprises/${ownId}` })).json() as { fiscalYears: unknown[] };
    expect(after.fiscalYears).toEqual(before.fiscalYears);
  });

  test('a valid edit is saved and audited', async () => {
    const res = await enterprise.request({ method: 'PUT', url: `/api/v1/registry/enterprises/${ownId}/fiscal-years/2024`, payload: { rdExpenseFen: '300000000', conversions: 4 } });
    expect(res.statusCode).toBe(200);
    const rec = (await enterprise.request({ method: 'GET', url: `/api/v1/registry/enterprises/${ownId}` })).json() as { fiscalYears: { year: number; rdExpenseFen: string; conversions: number }[] };
    expect(rec.fiscalYears.find((y) => y.year === 2024)).toMatchObject({ rdExpenseFen: '300000000', conversions: 4 });
    const { rows } = await t.database.pool.query("SELECT 1 FROM audit_log WHERE action = 'registry.fiscal_year_saved' AND entity_id = $1", [ownId]);
    expect(rows.length).toBe(1);
  });
});

describe('import over HTTP', () => {
  const csv = (rows: string[][]) => [COLUMNS.map(templateHeader), ...rows].map((r) => r.join(',')).join('\n');
  const row = (uscc: string, over: Record<string, string> = {}) => COLUMNS.map((c) => over[c.key] ?? c.example).map((v, i) => (COLUMNS[i]!.key === 'uscc' ? uscc : v));

  test('an upload runs as a job whose progress can be polled, and its error report names each bad row', async () => {
    const good = makeUscc('91410300HTP000001');
    const body = csv([row(good), row(`${good.slice(0, 17)}${good.endsWith('1') ? '2' : '1'}`), row(makeUscc('91410300HTP000002'), { employees: '5', scienceStaff: '9', rdStaff: '1' })]);
    const res = await bureau.request({ method: 'POST', url: '/api/v1/registry/imports?fileName=list.csv', payload: body, headers: { 'content-type': 'text/csv' } });
    expect(res.statusCode).toBe(202);
    const { id } = res.json() as { id: string };
    let job = { status: 'running', rowsImported: 0, rowsFailed: 0 };
    for (let i = 0; i < 100 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await bureau.request({ method: 'GET', url: `/api/v1/registry/imports/${id}` })).json() as typeof job;
    }
    expect(job).toMatchObject({ status: 'finished', rowsImported: 1, rowsFailed: 2 });
    const report = await bureau.request({ method: 'GET', url: `/api/v1/registry/imports/${id}/errors?format=csv` });
    const lines = report.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toContain('错误 / Errors');
    expect(report.body).toContain('统一社会信用代码校验位错误');
    expect(report.body).toContain('科技人员 9 人多于职工总数 5 人');
  });

  test('a 50 MB upload is refused with a clear message and creates no job', async () => {
    const { rows: before } = await t.database.pool.query('SELECT count(*) AS n FROM registry_import_jobs');
    const res = await bureau.request({ method: 'POST', url: '/api/v1/registry/imports?fileName=huge.xlsx', payload: Buffer.alloc(50 * 1024 * 1024, 1),
      headers: { 'content-type': 'application/octet-stream' } });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res)).toMatchObject({ code: 'file_too_large', field: 'file' });
    const { rows: after } = await t.database.pool.query('SELECT count(*) AS n FROM registry_import_jobs');
    expect(after).toEqual(before);
  });

  test('the template downloads with Chinese headers, and an enterprise user cannot import', async () => {
    const tpl = await bureau.request({ method: 'GET', url: '/api/v1/registry/import-template?format=csv' });
    expect(tpl.body.replace(/^\uFEFF/, '').split('\n')[0]).toBe(COLUMNS.map(templateHeader).join(','));
    const res = await enterprise.request({ method: 'POST', url: '/api/v1/registry/imports?fileName=x.csv', payload: 'a', headers: { 'content-type': 'text/csv' } });
    expect(res.statusCode).toBe(403);
  });

  test('an export re-imports without a single error', async () => {
    const exported = await bureau.request({ method: 'GET', url: '/api/v1/registry/export?format=csv&cluster=aviation' });
    const lines = exported.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines.length).toBeGreaterThan(50);
    const res = await bureau.request({ method: 'POST', url: '/api/v1/registry/imports?fileName=export.csv', payload: exported.body, headers: { 'content-type': 'text/csv' } });
    const { id } = res.json() as { id: string };
    let job = { status: 'running', rowsRead: 0, rowsImported: 0, rowsFailed: -1 };
    for (let i = 0; i < 200 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await bureau.request({ method: 'GET', url: `/api/v1/registry/imports/${id}` })).json() as typeof job;
    }
    expect(job).toMatchObject({ status: 'finished', rowsFailed: 0, rowsImported: lines.length - 1 });
  });
});

describe('export of certificates, honours, platforms and talents', () => {
  const rowsOf = (body: string) => body.replace(/^\uFEFF/, '').trim().split('\n').slice(1).map((l) => l.split(','));

  test('an enterprise user exports only its own rows, never the city', async () => {
    const { rows: [own] } = await t.database.pool.query<{ uscc: string }>('SELECT uscc FROM organisations WHERE id = $1', [ownId]);
    const mine = await enterprise.request({ method: 'GET', url: '/api/v1/registry/export?kind=certificates&format=csv' });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.headers['content-disposition']).toContain(encodeURIComponent('资质证书.csv'));
    const mineRows = rowsOf(mine.body);
    expect(mineRows.length).toBeGreaterThan(0);
    expect(new Set(mineRows.map((r) => r[0]))).toEqual(new Set([own!.uscc]));
    const city = rowsOf((await bureau.request({ method: 'GET', url: '/api/v1/registry/export?kind=certificates&format=csv' })).body);
    expect(new Set(city.map((r) => r[0])).size).toBeGreaterThan(1000);
    expect(city.length).toBeGreaterThan(mineRows.length);
  });

  test('an unknown kind is refused naming the field kind, in Chinese and English', async () => {
    const res = await bureau.request({ method: 'GET', url: '/api/v1/registry/export?kind=patents&format=csv' });
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.field).toBe('querystring.kind');
    expect(error.message).toContain('字段 kind 的取值应为');
    expect(error.message).toContain('certificates');
    expect(error.message_en).toContain('Field kind must be one of');
  });
});
