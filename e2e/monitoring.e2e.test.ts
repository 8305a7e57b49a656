// A bureau officer opens 监测评价: the trend of R&D intensity, the target board, the ranking with its tile map,
// a district's radar profile, the rank intervals and the industry index; the Excel report downloads.
import { afterAll, beforeAll, expect, test } from 'vitest';
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

  await page.getByTestId('tab-index').click();
  await page.locator('[data-testid="chart-tile-map"][data-rendered="true"]').waitFor({ timeout: 20_000 });
  const rows = page.locator('[data-testid="ranking-table"] tbody tr.ant-table-row');
  await expect.poll(() => rows.count()).toBe(14);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-excel').click();
  expect((await download).suggestedFilename()).toMatch(/^monitoring-\d{4}\.xlsx$/);

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

  await page.getByTestId('lang-switch').click();
  await expect.poll(() => page.getByRole('heading', { name: 'Monitoring & evaluation' }).count()).toBe(1);
  expect(pageErrors).toEqual([]);
  await context.close();
});
