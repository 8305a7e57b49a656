// The monitoring API end to end on a real database with the demo city (and its synthetic districts) loaded.
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, errorOf, logIn, type Session, type TestApp } from '../../test/test-app.ts';
import { registerIndicatorProvider } from './targets/indicator-providers.ts';
import type { CompositeResult, IndustryResult } from './runs/index-result.ts';
import { inspectPdf } from './reports/inspect-pdf.ts';

let t: TestApp;
let bureau: Session;
beforeAll(async () => {
  t = await createTestApp();
  bureau = await logIn(t.app, 'bureau.admin@demo.kechuang.cn');
});
afterAll(async () => t.close());

async function workbook(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  ws.addRow(['地区代码', '指标代码', '期间', '数值', '单位', '状态', '来源']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function auditCount(action: string): Promise<number> {
  const { rows } = await t.database.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM audit_log WHERE action = ${action}`);
  return Number(rows[0]!.n);
}

test('the demo has one run of each preset; the composite ranks all 14 districts and counties', async () => {
  const runs = (await bureau.request({ method: 'GET', url: '/api/v1/monitoring/runs' })).json().items as { id: string; frameworkCode: string }[];
  expect(runs.map((r) => r.frameworkCode).sort()).toEqual(['industry-bearing', 'innovative-city']);
  const run = (await bureau.request({ method: 'GET', url: `/api/v1/monitoring/runs/${runs.find((r) => r.frameworkCode === 'innovative-city')!.id}` })).json();
  const result = run.result as CompositeResult;
  expect(result.units).toHaveLength(14);
  expect(result.units.map((u) => u.rank)).toEqual([...Array(14).keys()].map((i) => i + 1));
  expect(result.pillars.map((p) => p.nameZh)).toEqual(['创新治理力', '原始创新力', '技术创新力', '成果转化力', '创新驱动力']);
  // equal pillar weights and complete data: the index is the mean of the five pillar scores
  for (const u of result.units) {
    const mean = Object.values(u.pillars).reduce((s, p) => s + p.score!, 0) / 5;
    expect(u.score).toBeCloseTo(mean, 9);
  }
  // energy use per GDP is "less is better": the lowest value gets the highest normalised score
  const energy = result.units.map((u) => u.indicators['energy_per_gdp']!);
  const lowest = energy.reduce((a, b) => (a.value! < b.value! ? a : b));
  expect(lowest.normalised).toBe(Math.max(...energy.map((e) => e.normalised!)));
  // computed indicators are used and flagged
  expect(result.units[0]!.indicators['rd_intensity']!.computed).toBe(true);
  const sa = result.sensitivity!;
  expect(sa.rankStats).toHaveLength(14);
  for (const r of sa.rankStats) {
    expect(r.q5).toBeLessThanOrEqual(r.median);
    expect(r.median).toBeLessThanOrEqual(r.q95);
  }
  expect(sa.indices.map((i) => i.input)).toHaveLength(4);
});

test('the industry preset is 100 in its base period', async () => {
  const res = await bureau.request({ method: 'POST', url: '/api/v1/monitoring/frameworks/industry-bearing/runs', payload: {} });
  expect(res.statusCode).toBe(201);
  const result = res.json().result as IndustryResult;
  expect(result.periods[0]).toMatchObject({ period: '2022-Q1', price: 100, development: 100, composite: 100 });
  expect(result.periods).toHaveLength(12);
  expect(result.periods.every((p) => p.sentiment! >= 0 && p.sentiment! <= 200 && p.diffusion! >= 0 && p.diffusion! <= 100)).toBe(true);
});

test('the explorer shows a published city figure as observed and district figures as computed', async () => {
  const res = await bureau.request({ method: 'GET', url: '/api/v1/monitoring/indicators/rd_intensity/series' });
  expect(res.statusCode).toBe(200);
  const body = res.json();
  const city = body.regions.find((r: { code: string }) => r.code === '410300');
  expect(city.points.find((p: { period: string }) => p.period === '2021')).toMatchObject({ value: 2.83, computed: false });
  const jianxi = body.regions.find((r: { code: string }) => r.code === '410305');
  expect(jianxi.points).toHaveLength(4);
  expect(jianxi.points[0].computed).toBe(true);
  expect(body.indicator.formula).toBe('rd_expenditure ÷ gdp × 100');
});

test('an import with errors writes nothing; a clean one is written with one audit entry', async () => {
  const bad = await workbook([['410305', 'rd_expenditure', '2024', 40, '亿元', '初步', 'x'], ['410305', 'hnte_count', '2024', 12, '亿元', '', 'x']]);
  const rejected = (await bureau.request({ method: 'POST', url: '/api/v1/monitoring/imports', payload: { fileBase64: bad, dryRun: false } })).json();
  expect(rejected).toMatchObject({ rows: 2, errorCount: 1, written: 0 });
  expect(rejected.issues[0]).toMatchObject({ row: 3, column: 'unit', code: 'unit_mismatch' });
  const report = await bureau.request({ method: 'POST', url: '/api/v1/monitoring/imports/report', payload: { fileBase64: bad } });
  expect(report.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
  expect(String(wb.worksheets[0]!.getRow(3).getCell(8).value)).toContain('单位');

  const before = await auditCount('observations.imported');
  const good = await workbook([['410305', 'rd_expenditure', '2024', 400000, '万元', '初步', '涧西区统计局']]);
  const dry = (await bureau.request({ method: 'POST', url: '/api/v1/monitoring/imports', payload: { fileBase64: good } })).json();
  expect(dry).toMatchObject({ errorCount: 0, written: 0 });
  const done = (await bureau.request({ method: 'POST', url: '/api/v1/monitoring/imports', payload: { fileBase64: good, dryRun: false } })).json();
  expect(done).toMatchObject({ written: 1, errorCount: 0 });
  expect(done.issues.map((i: { code: string }) => i.code)).toContain('unit_converted');
  expect(await auditCount('observations.imported')).toBe(before + 1);
  const series = (await bureau.request({ method: 'GET', url: '/api/v1/monitoring/indicators/rd_expenditure/series' })).json();
  const p2024 = series.regions.find((r: { code: string }) => r.code === '410305').points.find((p: { period: string }) => p.period === '2024');
  expect(p2024).toMatchObject({ value: 40, status: 'preliminary', source: '涧西区统计局' });
});

test('the target board uses a live count when a module provides one', async () => {
  const unregister = registerIndicatorProvider({
    indicatorCode: 'hnte_count', module: 'registry', description: { zh: '登记库有效高企', en: 'valid HNTE in the registry' },
    current: async (_db, regionCode) => (regionCode === '410300' ? 1700 : null),
  });
  try {
    const board = (await bureau.request({ method: 'GET', url: '/api/v1/monitoring/targets' })).json();
    const hnte = board.plans[0].targets.find((x: { indicatorCode: string }) => x.indicatorCode === 'hnte_count');
    expect(hnte.live).toMatchObject({ module: 'registry' });
    expect(hnte.latest.value).toBe(1700);
    expect(hnte.status).toBe('achieved');
    const rd = board.plans[0].targets.find((x: { indicatorCode: string }) => x.indicatorCode === 'rd_intensity');
    expect(rd).toMatchObject({ live: null, status: 'on_track' });
  } finally {
    unregister();
  }
  const after = (await bureau.request({ method: 'GET', url: '/api/v1/monitoring/targets' })).json();
  expect(after.plans[0].targets.find((x: { indicatorCode: string }) => x.indicatorCode === 'hnte_count').latest.value).toBe(1036);
});

test('weights are configuration: the bureau changes them (audited, versioned), others may not', async () => {
  const enterprise = await logIn(t.app, 'enterprise@demo.kechuang.cn');
  const forbidden = await enterprise.request({ method: 'PUT', url: '/api/v1/monitoring/frameworks/innovative-city/weights', payload: { weights: { governance: 1 } } });
  expect(forbidden.statusCode).toBe(403);
  expect((await enterprise.request({ method: 'GET', url: '/api/v1/monitoring/targets' })).statusCode).toBe(403);

  const unknown = await bureau.request({ method: 'PUT', url: '/api/v1/monitoring/frameworks/innovative-city/weights', payload: { weights: { nope: 1 } } });
  expect(unknown.statusCode).toBe(400);
  expect(errorOf(unknown).field).toBe('weights.nope');
  const zero = await bureau.request({ method: 'PUT', url: '/api/v1/monitoring/frameworks/innovative-city/weights', payload: { weights: { fiscal_st_share: 0, platforms_per_10k: 0 } } });
  expect(errorOf(zero).code).toBe('zero_weights');

  const ok = await bureau.request({ method: 'PUT', url: '/api/v1/monitoring/frameworks/innovative-city/weights', payload: { weights: { governance: 0, original: 0, technology: 1, transformation: 0, driving: 0 } } });
  expect(ok.json()).toEqual({ version: 2 });
  const run = (await bureau.request({ method: 'POST', url: '/api/v1/monitoring/frameworks/innovative-city/runs', payload: { period: '2023' } })).json();
  expect(run.frameworkVersion).toBe(2);
  for (const u of (run.result as CompositeResult).units) expect(u.score).toBeCloseTo(u.pillars['technology']!.score!, 9);
  expect(await auditCount('index_framework.weights_updated')).toBe(1);
});

test('the Excel report holds the targets and the run', async () => {
  const runs = (await bureau.request({ method: 'GET', url: '/api/v1/monitoring/runs?framework=innovative-city' })).json().items;
  const res = await bureau.request({ method: 'GET', url: `/api/v1/monitoring/report.xlsx?run=${runs[0].id}` });
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['目标进展', '指数排名', '指标数据', '权重']));
  expect(wb.getWorksheet('指数排名')!.getRow(2).getCell(1).value).toBe(1);
});

test('the PDF report: latest run by default, in the language asked for; experts read it, enterprises may not', async () => {
  const [latest] = (await bureau.request({ method: 'GET', url: '/api/v1/monitoring/runs?framework=innovative-city' })).json().items as { id: string; period: string }[];
  const run = (await bureau.request({ method: 'GET', url: `/api/v1/monitoring/runs/${latest!.id}` })).json().result as CompositeResult;
  const expert = await logIn(t.app, 'expert@demo.kechuang.cn');
  const res = await expert.request({ method: 'GET', url: '/api/v1/monitoring/report.pdf?lang=en' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['content-disposition']).toBe(`attachment; filename="monitoring-report-${latest!.period}-en.pdf"`);
  const pdf = inspectPdf(res.rawPayload);
  const text = pdf.pages.map((p) => p.text).join('\n').replace(/\s+/g, ' ');
  expect(text).toContain('Luoyang');
  expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  for (const u of run.units) expect(text).toContain(u.nameEn);
  const zh = inspectPdf((await bureau.request({ method: 'GET', url: `/api/v1/monitoring/report.pdf?run=${latest!.id}` })).rawPayload);
  expect(zh.pages[0]!.text).toContain('洛阳市');
  expect(zh.fonts.every((f) => f.subsetTag !== null)).toBe(true);

  const bad = await bureau.request({ method: 'GET', url: '/api/v1/monitoring/report.pdf?lang=fr' });
  expect(bad.statusCode).toBe(400);
  expect(errorOf(bad).field).toBe('querystring.lang');
  const enterprise = await logIn(t.app, 'enterprise@demo.kechuang.cn');
  expect((await enterprise.request({ method: 'GET', url: '/api/v1/monitoring/report.pdf' })).statusCode).toBe(403);
});
