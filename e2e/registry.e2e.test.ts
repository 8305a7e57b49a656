// The registry's daily work in a browser: a bureau officer imports a sheet with bad rows, sees the progress and
// the result, downloads the error report, then opens the pools and the 双倍增 board; an enterprise user opens
// its own page and reads its self-assessment with the gaps.
import fs from 'node:fs/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeUscc } from '../apps/server/src/platform/identity/uscc.ts';
import { COLUMNS, templateHeader } from '../apps/server/src/registry/import/columns.ts';
import { startPlatformForE2e, type Platform } from './harness.ts';

let platform: Platform;
beforeAll(async () => { platform = await startPlatformForE2e(); });
afterAll(async () => platform?.stop());

async function logIn(login: string) {
  const context = await platform.browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(platform.baseUrl);
  await page.getByLabel('账号').fill(login);
  await page.getByLabel('密码').fill('Kechuang@2025');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('logout').waitFor({ timeout: 20_000 });
  return { context, page, pageErrors };
}

function sheet(rows: Record<string, string>[]): string {
  const lines = rows.map((over) => COLUMNS.map((c) => over[c.key] ?? c.example).join(','));
  return [COLUMNS.map(templateHeader).join(','), ...lines].join('\n');
}

test('a bureau officer imports a sheet with errors, downloads the report, and sees pools and the board', async () => {
  const { context, page, pageErrors } = await logIn('bureau.staff@demo.kechuang.cn');
  await page.goto(`${platform.baseUrl}/registry`);
  await page.getByTestId('registry-table').waitFor({ timeout: 20_000 });

  const good = makeUscc('91410300E2E000001');
  const csv = sheet([
    { uscc: good, name: '洛阳端到端测试科技有限公司' },
    { uscc: `${good.slice(0, 17)}${good.endsWith('1') ? '2' : '1'}`, name: '校验位错误公司' },
    { uscc: makeUscc('91410300E2E000002'), name: '科技人员超员公司', employees: '5', scienceStaff: '9', rdStaff: '1' },
  ]);
  await page.getByTestId('registry-import-file').setInputFiles({ name: '企业名录.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('registry-import-start').click();
  await expect.poll(() => page.getByTestId('registry-import-summary').textContent(), { timeout: 20_000 }).toContain('导入完成：1 行成功，2 行失败');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('registry-import-report').click()]);
  const reportPath = await download.path();
  const report = await fs.readFile(reportPath);
  expect(report.subarray(0, 2).toString('latin1')).toBe('PK'); // an .xlsx workbook
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(report as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(1).values).toContain('错误 / Errors');
  const errorsText = [2, 3].map((r) => String(ws.getRow(r).getCell(COLUMNS.length + 2).value)).join('\n');
  expect(errorsText).toContain('校验位错误');
  expect(errorsText).toContain('科技人员 9 人多于职工总数 5 人');

  await page.getByTestId('registry-search').locator('input').fill('端到端测试');
  await page.getByTestId('registry-search').locator('input').press('Enter');
  await expect.poll(() => page.getByTestId('registry-table').textContent()).toContain('洛阳端到端测试科技有限公司');

  await page.goto(`${platform.baseUrl}/cultivation`);
  await expect.poll(() => page.getByTestId('pool-table').locator('tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(1);
  await page.getByRole('tab', { name: '“双倍增”看板' }).click();
  for (const chart of ['board-tiers', 'board-platforms']) {
    await page.locator(`[data-testid="chart-${chart}"][data-rendered="true"]`).waitFor({ timeout: 20_000 });
  }
  await expect.poll(() => page.getByTestId('board-targets').textContent()).toContain('高新技术企业');
  expect(pageErrors).toEqual([]);
  await context.close();
});

test('an enterprise user reads its own self-assessment: outcomes, criteria and gaps', async () => {
  const { context, page, pageErrors } = await logIn('enterprise@demo.kechuang.cn');
  await page.goto(`${platform.baseUrl}/registry`);
  await expect.poll(() => page.getByTestId('enterprise-name').textContent(), { timeout: 20_000 }).toContain('洛阳启明轴承科技有限公司');
  await page.getByTestId('rule-hnte').waitFor({ timeout: 20_000 });
  expect(await page.getByTestId('outcome-hnte').textContent()).toMatch(/不符合|待定/);
  await expect.poll(() => page.getByTestId('gaps-hnte').textContent()).toContain('研发');
  expect(await page.getByTestId('rule-tech-sme').count()).toBe(1);
  expect(pageErrors).toEqual([]);
  await context.close();
});
