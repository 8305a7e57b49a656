// Import with a row-level error report, re-import of corrected rows, export round trip, and the
// `kechuang market import` / `market search` commands run as a user runs them.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, logIn, type TestApp } from '../../../test/test-app.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/actor.ts';
import { DEMO_REGION } from '../../demo/demo-city.ts';
import { exportListings } from './export-listings.ts';
import { importListingsFile, writeImportReport } from './import-listings.ts';

let t: TestApp;
let dir: string;
let uscc: string;
beforeAll(async () => {
  t = await createTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-market-import-'));
  uscc = (await t.database.pool.query<{ uscc: string }>(`SELECT uscc FROM organisations WHERE region_code = $1 AND kind = 'university' ORDER BY name LIMIT 1`, [DEMO_REGION])).rows[0]!.uscc;
});
afterAll(async () => { await t.close(); fs.rmSync(dir, { recursive: true, force: true }); });

const csv = (name: string, lines: string[]): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
};
const count = async (where: string): Promise<number> => Number((await t.database.pool.query(`SELECT count(*) AS n FROM market_listings WHERE ${where}`)).rows[0].n);

describe('import', () => {
  test('good rows are written, each bad row is reported with its row number, field and rule', async () => {
    const file = csv('mixed.csv', [
      'id,type,title,summary,field,keywords,trl,price,credit_code',
      `IMP-1,achievement,氢燃料电池双极板涂层技术,一种耐腐蚀双极板涂层。,新能源电池,氢燃料电池;双极板,6,120000,${uscc}`,
      `IMP-2,demand,寻求高端轴承寿命预测方法,需要轴承寿命预测。,高端轴承,轴承;寿命,,面议,${uscc}`,
      `IMP-3,patent,类型写错的一行数据,,新能源电池,,5,100,${uscc}`,
      `IMP-4,achievement,成熟度超出范围的成果,,新能源电池,,12,abc,${uscc}`,
      `IMP-5,achievement,信用代码错误的成果条目,,新能源电池,,5,100,91410300MA00000000`,
      `IMP-1,achievement,编号在文件中重复的条目,,新能源电池,,5,100,${uscc}`,
    ]);
    const summary = await importListingsFile(t.database.db, file, 'csv', { regionCode: DEMO_REGION, actor: SYSTEM_ACTOR, status: 'draft' });
    expect(summary).toMatchObject({ rowsRead: 6, imported: 2, failed: 4 });
    const byRow = new Map(summary.rejected.map((r) => [r.row, r.errors.map((e) => `${e.field}:${e.code}`)]));
    expect(byRow.get(4)).toEqual(['type:invalid_type']);
    expect(byRow.get(5)).toEqual(['trl:trl_range', 'price:price_format']);
    expect(byRow.get(6)![0]).toMatch(/^credit_code:uscc_/);
    expect(byRow.get(7)).toEqual(['id:duplicate_id']);
    expect(await count(`external_id IN ('IMP-1','IMP-2') AND status = 'draft'`)).toBe(2);
    expect(await count(`external_id = 'IMP-1' AND price_fen = 12000000 AND trl = 6`)).toBe(1);

    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeImportReport(summary, 'csv', out);
    const report = Buffer.concat(chunks).toString('utf8');
    expect(report.split('\n')[0]).toContain('错误 / errors');
    expect(report).toContain('trl_range');
    expect(report).toContain('IMP-4');
  });

  test('importing a corrected row again updates the draft instead of duplicating it; a published one is not overwritten', async () => {
    const file = csv('again.csv', [
      'id,type,title,summary,field,keywords,trl,price,credit_code',
      `IMP-1,achievement,氢燃料电池双极板涂层技术（修订）,一种耐腐蚀双极板涂层。,新能源电池,氢燃料电池,7,130000,${uscc}`,
    ]);
    const summary = await importListingsFile(t.database.db, file, 'csv', { regionCode: DEMO_REGION, actor: SYSTEM_ACTOR, status: 'published' });
    expect(summary).toMatchObject({ imported: 1, failed: 0 });
    expect(await count(`external_id = 'IMP-1'`)).toBe(1);
    expect(await count(`external_id = 'IMP-1' AND status = 'published' AND trl = 7`)).toBe(1);
    const again = await importListingsFile(t.database.db, file, 'csv', { regionCode: DEMO_REGION, actor: SYSTEM_ACTOR, status: 'draft' });
    expect(again.rejected.map((r) => r.errors[0]!.code)).toEqual(['listing_not_editable']);
  });

  test('a published import enters the statistics and the champion lists of its terms when it ends', async () => {
    const q = (text: string, params: unknown[] = []): Promise<{ rows: Record<string, unknown>[] }> => t.database.pool.query(text, params);
    const listed = (await q(`SELECT term, docs FROM market_search_terms WHERE region_code = $1 AND champion_floor IS NOT NULL AND term ~ '^[一-龥]{2,}$' ORDER BY docs DESC, term LIMIT 1`, [DEMO_REGION])).rows[0]!;
    const term = String(listed.term);
    const corpus = async (): Promise<number> => Number((await q('SELECT docs FROM market_search_corpus WHERE region_code = $1', [DEMO_REGION])).rows[0]!.docs);
    const docsBefore = await corpus();
    const file = csv('published.csv', [
      'id,type,title,summary,field,keywords,trl,price,credit_code',
      `IMP-PUB,achievement,${term}${term}关键工艺与${term}装置,${term}的一种改进方法，用于${term}生产线。,新能源电池,${term},6,100000,${uscc}`,
    ]);
    const summary = await importListingsFile(t.database.db, file, 'csv', { regionCode: DEMO_REGION, actor: SYSTEM_ACTOR, status: 'published' });
    expect(summary).toMatchObject({ imported: 1, failed: 0 });
    expect(await corpus()).toBe(docsBefore + 1);
    expect(Number((await q('SELECT docs FROM market_search_terms WHERE region_code = $1 AND term = $2', [DEMO_REGION, term])).rows[0]!.docs)).toBe(Number(listed.docs) + 1);
    const entry = await q(`SELECT c.impact FROM market_search_champions c JOIN market_listings m ON m.id = c.listing_id
      WHERE c.region_code = $1 AND c.term = $2 AND m.external_id = 'IMP-PUB'`, [DEMO_REGION, term]);
    expect(entry.rows).toHaveLength(1);
  });

  test('a many-batch import segments in a worker while it writes: each row once, errors at their rows, statistics counted once', async () => {
    const corpus = async (): Promise<number> => Number((await t.database.pool.query('SELECT docs FROM market_search_corpus WHERE region_code = $1', [DEMO_REGION])).rows[0]!.docs);
    const docsBefore = await corpus();
    const good = Array.from({ length: 15 }, (_, i) => `PIPE-${i},achievement,流水线导入的第${i}项氢燃料电池成果,双极板涂层工艺第${i}版。,新能源电池,氢燃料电池;涂层,6,${100000 + i},${uscc}`);
    const file = csv('pipelined.csv', [
      'id,type,title,summary,field,keywords,trl,price,credit_code',
      ...good.slice(0, 6), `PIPE-BAD,achievement,成熟度超出范围的流水线条目,,新能源电池,,12,100,${uscc}`, ...good.slice(6), good[3]!,
    ]);
    const summary = await importListingsFile(t.database.db, file, 'csv', { regionCode: DEMO_REGION, actor: SYSTEM_ACTOR, status: 'published', batchSize: 4 });
    expect(summary).toMatchObject({ rowsRead: 17, imported: 15, failed: 2 });
    expect(summary.rejected.map((r) => [r.row, r.errors.map((e) => e.code).join()])).toEqual([[8, 'trl_range'], [18, 'duplicate_id']]);
    // Published rows cannot be overwritten: refused when their batch is written, reported in file order all the same.
    const again = csv('pipelined-again.csv', ['id,type,title,summary,field,keywords,trl,price,credit_code', good[0]!, 'X,patent,类型错误的一行,,新能源电池,,5,1,', good[9]!, good[14]!]);
    const second = await importListingsFile(t.database.db, again, 'csv', { regionCode: DEMO_REGION, actor: SYSTEM_ACTOR, status: 'draft', batchSize: 1 });
    expect(second.rejected.map((r) => [r.row, r.errors[0]!.code])).toEqual([[2, 'listing_not_editable'], [3, 'invalid_type'], [4, 'listing_not_editable'], [5, 'listing_not_editable']]);
    const stored = await t.database.pool.query<{ external_id: string; price_fen: string }>(
      `SELECT external_id, price_fen FROM market_listings WHERE region_code = $1 AND external_id LIKE 'PIPE-%' AND status = 'published' ORDER BY price_fen`, [DEMO_REGION]);
    expect(stored.rows.map((r) => r.external_id)).toEqual(Array.from({ length: 15 }, (_, i) => `PIPE-${i}`));
    expect(await corpus()).toBe(docsBefore + 15);
    const audits = await t.database.pool.query<{ entity_id: string }>(
      `SELECT entity_id FROM audit_log WHERE action = 'market.listings_imported' AND after->'ids' IS NOT NULL AND entity_id = ANY($1::text[]) ORDER BY seq`,
      [['import:2-5', 'import:6-10', 'import:11-14', 'import:15-17']]);
    expect(audits.rows.map((r) => r.entity_id)).toEqual(['import:2-5', 'import:6-10', 'import:11-14', 'import:15-17']);
  });

  test('when the database refuses a batch midway, the import fails and keeps exactly the batches written before it', async () => {
    const q = (text: string, params: unknown[] = []) => t.database.pool.query(text, params);
    const corpus = async (): Promise<number> => Number((await q('SELECT docs FROM market_search_corpus WHERE region_code = $1', [DEMO_REGION])).rows[0]!.docs);
    const docsBefore = await corpus();
    // A real refusal by PostgreSQL, not a mock: a check the fifth batch breaks.
    await q(`ALTER TABLE market_listings ADD CONSTRAINT test_refuse_marked CHECK (title NOT LIKE '%拒收标记%') NOT VALID`);
    try {
      const rows = Array.from({ length: 14 }, (_, i) =>
        `FAIL-${i},achievement,${i === 9 ? '拒收标记' : '中途失败'}的第${i}项耐火材料成果,镁碳砖制备工艺。,耐火材料,镁碳砖,5,${80000 + i},${uscc}`);
      const file = csv('refused-midway.csv', ['id,type,title,summary,field,keywords,trl,price,credit_code', ...rows]);
      await expect(importListingsFile(t.database.db, file, 'csv', { regionCode: DEMO_REGION, actor: SYSTEM_ACTOR, status: 'published', batchSize: 2 }))
        .rejects.toMatchObject({ code: '23514' });
    } finally {
      await q('ALTER TABLE market_listings DROP CONSTRAINT test_refuse_marked');
    }
    // Batches 1-4 (rows FAIL-0…7) were written and counted; the fifth (FAIL-8, FAIL-9) and every later one were not.
    const stored = await q(`SELECT external_id FROM market_listings WHERE region_code = $1 AND external_id LIKE 'FAIL-%' ORDER BY price_fen`, [DEMO_REGION]);
    expect(stored.rows.map((r) => r.external_id)).toEqual(Array.from({ length: 8 }, (_, i) => `FAIL-${i}`));
    expect(await corpus()).toBe(docsBefore + 8);
  });

  test('a file without the required columns is refused as a whole', async () => {
    const file = csv('bad-header.csv', ['名字,说明', '一,二']);
    const summary = await importListingsFile(t.database.db, file, 'csv', { regionCode: DEMO_REGION, actor: SYSTEM_ACTOR, status: 'draft' });
    expect(summary.imported).toBe(0);
    expect(summary.rejected[0]!.errors.map((e) => e.code)).toEqual(['missing_column', 'missing_column', 'missing_column']);
  });

  test('an export has the import columns and every listing of the region once', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await exportListings(t.database.db, { regionCode: DEMO_REGION, format: 'csv' }, out);
    const lines = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '').split('\n').filter((l) => l.trim() !== '');
    expect(lines[0]!.trim()).toBe('id,type,title,summary,field,keywords,trl,price,credit_code,status,owner');
    expect(lines.length - 1).toBe(await count(`region_code = '${DEMO_REGION}'`));
  });
});

describe('kechuang market', () => {
  const root = fileURLToPath(new URL('../../../../../', import.meta.url));
  const run = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, 'apps/server/bin/kechuang.js'), ...args], { cwd: root, env: { ...process.env, DATABASE_URL: t.database.url } }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : 1, stdout, stderr });
    });
  });

  test('search --json prints ranked ids, scores and highlights, the same as the API', async () => {
    const cli = await run(['market', 'search', '石墨烯 导热膜', '--limit', '5', '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    const out = JSON.parse(cli.stdout) as { hits: { rank: number; id: string; score: number; highlights: { title: string } }[] };
    const api = (await t.app.inject({ method: 'GET', url: `/api/v1/market/search?region=${DEMO_REGION}&limit=5&q=${encodeURIComponent('石墨烯 导热膜')}` })).json() as { hits: { id: string; score: number }[] };
    expect(out.hits.map((h) => h.id)).toEqual(api.hits.map((h) => h.id));
    expect(out.hits.map((h) => h.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(out.hits[0]!.highlights.title).toContain('【');
  }, 60_000);

  test('a query of only punctuation fails with a clear message and status 1', async () => {
    const cli = await run(['market', 'search', '！！！', '--json']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('query_no_terms');
  }, 60_000);

  test('import loads a file, writes the error report and exits 2 when rows failed', async () => {
    const file = csv('cli.csv', [
      'id,type,title,summary,field,keywords,trl,price',
      'CLI-1,achievement,命令行导入的耐火材料成果,镁碳砖制备,耐火材料,镁碳砖,5,80000',
      'CLI-2,achievement,短,,耐火材料,,5,1',
    ]);
    const report = path.join(dir, 'cli-report.csv');
    const cli = await run(['market', 'import', file, '--owner-uscc', uscc, '--report', report]);
    expect(cli.code, cli.stderr).toBe(2);
    expect(JSON.parse(cli.stdout)).toMatchObject({ rowsRead: 2, imported: 1, failed: 1 });
    expect(fs.readFileSync(report, 'utf8')).toContain('title_length');
  }, 60_000);
});

describe('GET /market/export', () => {
  test('an organisation downloads only its own listings; the bureau its whole region', async () => {
    const enterprise = await logIn(t.app, 'enterprise@demo.kechuang.cn');
    const bureau = await logIn(t.app, 'bureau.staff@demo.kechuang.cn');
    const lines = (body: string): string[] => body.replace(/^\uFEFF/, '').split('\n').filter((l) => l.trim() !== '');
    const own = await enterprise.request({ method: 'GET', url: '/api/v1/market/export?format=csv' });
    expect(own.headers['content-type']).toContain('text/csv');
    const ownRows = lines(own.body).length - 1;
    const orgId = (await t.database.pool.query<{ organisation_id: string }>(`SELECT organisation_id FROM users WHERE email = 'enterprise@demo.kechuang.cn'`)).rows[0]!.organisation_id;
    expect(ownRows).toBe(await count(`owner_org_id = '${orgId}'`));
    const all = await bureau.request({ method: 'GET', url: '/api/v1/market/export?format=csv' });
    expect(lines(all.body).length - 1).toBe(await count(`region_code = '${DEMO_REGION}'`));
  });
});
