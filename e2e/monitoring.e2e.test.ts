// A bureau officer opens 监测评价: the trend of R&D intensity, the target board (and edits one target), the
// ranking with its tile map, a district's radar profile, the rank intervals and the industry index; the Excel
// and PDF reports download.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { inspectPdf } from '../apps/server/src/monitoring/reports/inspect-pdf.ts';
import { startPlatformForE2e, type Platform } from './harness.ts';

let platform: Platform;
beforeAll(async () => { platform = await startPlatformForE2e(); });
afterAll(async () => platform?.stop());

test('monitoring pages draw their charts from the demo data', async () => {
  const context = await platform.browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(platform.baseUrl);
  await page.getByLabel('账号').fill('bureau.admin@demo.kechuang.cn');
  await page.getByLabel('密码').fill('Kechuang@2025');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect.poll(() => page.getByRole('heading', { name: '城市创新概览' }).count(), { timeout: 20_000 }).toBe(1);

  await page.getByRole('menuitem', { name: '监测评价' }).click();
  await expect.poll(() => page.getByRole('heading', { name: '监测评价' }).count(), { timeout: 20_000 }).toBe(1);
  await page.locator('[data-testid="chart-trend"][data-rendered="true"]').waitFor({ timeout: 20_000 });
  expect(await page.getByTestId('indicator-formula').textContent()).toContain('rd_expenditure ÷ gdp × 100');

  await page.getByTestId('tab-targets').click();
  await expect.poll(() => page.getByTestId('target-board').textContent(), { timeout: 20_000 }).toContain('高新技术企业数');
  expect(await page.getByTestId('status-rd_intensity').textContent()).toBe('按期可达');

  // edit one target: R&D intensity 3.75 % → 4.2 % by 2025; a target year before the baseline is refused first
  await page.getByTestId('edit-target-rd_intensity').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('target-period').fill('2020');
  await dialog.getByTestId('target-save').click();
  await expect.poll(() => dialog.locator('.ant-form-item-explain-error').textContent(), { timeout: 10_000 }).toBe('目标年份（2020）必须晚于基期年份（2021）');
  await dialog.getByTestId('target-period').fill('2025');
  await dialog.getByTestId('target-value').fill('4.2');
  await dialog.getByTestId('target-save').click();
  await expect.poll(() => page.getByTestId('target-rd_intensity').textContent(), { timeout: 10_000 }).toBe('4.2 %（2025）');
  await expect.poll(() => dialog.isVisible()).toBe(false);

  await page.getByTestId('tab-index').click();
  await page.locator('[data-testid="chart-tile-map"][data-rendered="true"]').waitFor({ timeout: 20_000 });
  const rows = page.locator('[data-testid="ranking-table"] tbody tr.ant-table-row');
  await expect.poll(() => rows.count()).toBe(14);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-excel').click();
  expect((await download).suggestedFilename()).toMatch(/^monitoring-\d{4}\.xlsx$/);
  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('export-pdf').click();
  const pdfFile = await pdfDownload;
  expect(pdfFile.suggestedFilename()).toMatch(/^monitoring-report-\d{4}-zh\.pdf$/);
  const pdf = inspectPdf(await readFile((await pdfFile.path())!));
  expect(pdf.pageCount).toBeGreaterThanOrEqual(3);
  const pdfText = pdf.pages.map((p) => p.text).join('\n');
  expect(pdfText).toContain('洛阳市科技创新监测评价报告');
  expect(pdfText).toContain('4.2%'); // the target just edited
  for (const name of await rows.locator('a').allTextContents()) expect(pdfText).toContain(name);

  const first = rows.first().locator('a');
  const firstName = (await first.textContent())!;
  await first.click();
  await expect.poll(() => page.getByTestId('profile-title').textContent(), { timeout: 20_000 }).toContain(firstName);
  await page.locator('[data-testid="chart-radar"][data-rendered="true"]').waitFor({ timeout: 20_000 });
  expect(await page.getByTestId('strengths').locator('li').count()).toBeGreaterThan(0);

  await page.getByTestId('tab-sensitivity').click();
  await page.locator('[data-testid="chart-rank-intervals"][data-rendered="true"]').waitFor({ timeout: 20_000 });
  await page.getByTestId('tab-industry').click();
  await page.locator('[data-testid="chart-industry"][data-rendered="true"]').waitFor({ timeout: 20_000 });

  await page.getByTestId('tab-weights').click();
  await page.getByTestId('weights-innovative-city').waitFor({ timeout: 20_000 });
  expect(Number(await page.getByLabel('权重 创新治理力', { exact: true }).inputValue())).toBe(0.2);

  await page.getByTestId('lang-switch').click();
  await expect.poll(() => page.getByRole('heading', { name: 'Monitoring & evaluation' }).count()).toBe(1);
  expect(pageErrors).toEqual([]);
  await context.close();
});
