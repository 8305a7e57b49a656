// Listing import over HTTP: upload → job → progress → error report, for an organisation and for the bureau.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, errorOf, logIn, type Session, type TestApp } from '../../../test/test-app.ts';
import { DEMO_REGION } from '../../demo/demo-city.ts';
import type { MarketImportJob } from './import-job.ts';

let t: TestApp;
let enterprise: Session;
let provider: Session;
let bureau: Session;
let otherUscc: string;
beforeAll(async () => {
  t = await createTestApp();
  enterprise = await logIn(t.app, 'enterprise@demo.kechuang.cn');
  provider = await logIn(t.app, 'provider@demo.kechuang.cn');
  bureau = await logIn(t.app, 'bureau.staff@demo.kechuang.cn');
  otherUscc = (await t.database.pool.query<{ uscc: string }>(`SELECT uscc FROM organisations WHERE region_code = $1 AND kind = 'university' ORDER BY name LIMIT 1`, [DEMO_REGION])).rows[0]!.uscc;
});
afterAll(async () => { await t.close(); });

const upload = (s: Session, fileName: string, lines: string[], query = '') =>
  s.request({ method: 'POST', url: `/api/v1/market/imports?fileName=${encodeURIComponent(fileName)}${query}`, payload: Buffer.from(`${lines.join('\r\n')}\r\n`), headers: { 'content-type': 'application/octet-stream' } });

/** Polls the job the way the page does until it is no longer running. */
async function finished(s: Session, id: string): Promise<MarketImportJob> {
  for (let i = 0; i < 200; i++) {
    const job = (await s.request({ method: 'GET', url: `/api/v1/market/imports/${id}` })).json() as MarketImportJob;
    if (job.status !== 'running') return job;
    await sleep(50);
  }
  throw new Error('import did not finish');
}
const count = async (where: string, params: unknown[]): Promise<number> => Number((await t.database.pool.query(`SELECT count(*) AS n FROM market_listings WHERE ${where}`, params)).rows[0].n);

test("an organisation's upload becomes its drafts; bad rows and another organisation's rows are in the error report", async () => {
  const res = await upload(enterprise, '我的成果.csv', [
    'id,type,title,summary,field,keywords,trl,price,credit_code',
    'WEB-1,achievement,网页导入的轴承寿命预测技术,基于振动信号的轴承寿命预测。,高端轴承,轴承;寿命预测,6,80000,',
    'WEB-2,demand,网页导入的工业CT检测需求,需要对铸件做工业CT检测。,智能装备,工业CT,,面议,',
    'WEB-3,achievement,成熟度写错的一行,,高端轴承,,12,100,',
    `WEB-4,achievement,别的机构的成果条目,,高端轴承,,5,100,${otherUscc}`,
  ]);
  expect(res.statusCode, res.body).toBe(202);
  const started = res.json() as MarketImportJob;
  expect(started).toMatchObject({ fileName: '我的成果.csv', format: 'csv', publish: 'draft' });
  const job = await finished(enterprise, started.id);
  expect(job).toMatchObject({ status: 'finished', rowsRead: 4, rowsImported: 2, rowsFailed: 2, error: null });
  expect(job.readBytes).toBe(job.totalBytes);
  expect(await count(`external_id IN ('WEB-1','WEB-2') AND status = 'draft' AND owner_org_id = (SELECT organisation_id FROM users WHERE email = $1)`, ['enterprise@demo.kechuang.cn'])).toBe(2);

  const report = await enterprise.request({ method: 'GET', url: `/api/v1/market/imports/${job.id}/errors?format=csv` });
  expect(report.statusCode).toBe(200);
  const text = report.body;
  expect(text.split('\n')[0]).toContain('错误 / errors');
  expect(text).toMatch(/WEB-3.*4.*trl_range/s);
  expect(text).toContain('not_your_organisation');
  expect(text).not.toContain('WEB-1');

  // Another organisation does not see the job or its report.
  expect((await provider.request({ method: 'GET', url: `/api/v1/market/imports/${job.id}` })).statusCode).toBe(404);
  expect((await provider.request({ method: 'GET', url: `/api/v1/market/imports/${job.id}/errors` })).statusCode).toBe(404);
});

test('only the bureau publishes on import', async () => {
  const lines = ['type,title,summary,field,credit_code', `achievement,科技局导入即发布的成果条目,一种高效光伏组件清洗机器人。,光伏,${otherUscc}`];
  expect(errorOf(await upload(enterprise, 'a.csv', lines, '&publish=true'))).toMatchObject({ code: 'publish_not_allowed', field: 'publish' });
  const res = await upload(bureau, 'a.csv', lines, '&publish=true');
  expect(res.statusCode, res.body).toBe(202);
  expect(await finished(bureau, (res.json() as MarketImportJob).id)).toMatchObject({ status: 'finished', rowsImported: 1, publish: 'published' });
  expect(await count(`title = $1 AND status = 'published'`, ['科技局导入即发布的成果条目'])).toBe(1);
});

test('a file of the wrong kind, an empty file and a sheet without the needed columns are refused in both languages', async () => {
  const pdf = errorOf(await upload(enterprise, 'listings.pdf', ['x']));
  expect(pdf).toMatchObject({ code: 'unsupported_format', field: 'fileName' });
  expect(pdf.message_en).toContain('.csv');
  expect(errorOf(await enterprise.request({ method: 'POST', url: '/api/v1/market/imports?fileName=a.csv', payload: Buffer.alloc(0), headers: { 'content-type': 'application/octet-stream' } })).code).toBe('empty_sheet');
  const res = await upload(enterprise, 'cols.csv', ['标题,简介', '只有标题的一行,简介']);
  const job = await finished(enterprise, (res.json() as MarketImportJob).id);
  expect(job.status).toBe('failed');
  expect(job.error).toMatchObject({ code: 'missing_column' });
  expect(job.error!.message).toContain('type');
});

test('a damaged Excel file fails as a whole with a message in both languages', async () => {
  const res = await enterprise.request({ method: 'POST', url: '/api/v1/market/imports?fileName=broken.xlsx', payload: Buffer.from('PK\u0003\u0004 not really a workbook'), headers: { 'content-type': 'application/octet-stream' } });
  expect(res.statusCode, res.body).toBe(202);
  const job = await finished(enterprise, (res.json() as MarketImportJob).id);
  expect(job).toMatchObject({ status: 'failed', rowsImported: 0, error: { code: 'import_interrupted' } });
  expect(job.error!.message_en).toContain('.xlsx');
});

test("a job left running by a stopped server is reported as interrupted; one still held by a live import is not", async () => {
  const orgId = (await t.database.pool.query<{ organisation_id: string }>(`SELECT organisation_id FROM users WHERE email = 'enterprise@demo.kechuang.cn'`)).rows[0]!.organisation_id;
  const stranded = async (): Promise<string> => {
    const { rows } = await t.database.pool.query<{ id: string }>(`INSERT INTO market_import_jobs (region_code, id, format, file_name, organisation_id, publish_status, status, total_bytes, read_bytes, rows_read)
      VALUES ($1, gen_random_uuid(), 'csv', 'big.csv', $2, 'draft', 'running', 1000000, 400000, 2000) RETURNING id`, [DEMO_REGION, orgId]);
    return rows[0]!.id;
  };
  const read = async (id: string) => (await enterprise.request({ method: 'GET', url: `/api/v1/market/imports/${id}` })).json() as MarketImportJob;

  // Another process still running it holds its lock: progress is shown as it is.
  const live = await stranded();
  const holder = await t.database.pool.connect();
  try {
    await holder.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [`market-import:${live}`]);
    expect(await read(live)).toMatchObject({ status: 'running', rowsRead: 2000 });
  } finally {
    await holder.query('SELECT pg_advisory_unlock_all()');
    holder.release();
  }
  // Nobody holds it any more: the job was abandoned.
  const job = await read(live);
  expect(job).toMatchObject({ status: 'failed', error: { code: 'import_interrupted' } });
  expect(job.finishedAt).not.toBeNull();
});

test('the template has the import columns and imports as it is', async () => {
  const res = await enterprise.request({ method: 'GET', url: '/api/v1/market/import-template?format=csv' });
  expect(res.statusCode).toBe(200);
  const lines = res.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(lines[0]).toBe('编号,类型,标题,简介,领域,关键词,成熟度,价格,统一社会信用代码');
  const job = await finished(enterprise, (await upload(enterprise, 'template.csv', lines).then((r) => r.json() as MarketImportJob)).id);
  expect(job).toMatchObject({ status: 'finished', rowsImported: 1, rowsFailed: 0 });
});
