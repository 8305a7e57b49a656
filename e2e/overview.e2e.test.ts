// The first thing a bureau officer does: log in, read the city overview in Chinese, switch to English and
// back, and log out.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startPlatformForE2e, type Platform } from './harness.ts';

let platform: Platform;
beforeAll(async () => { platform = await startPlatformForE2e(); });
afterAll(async () => platform?.stop());

test('bureau user logs in, sees the overview with its charts drawn, switches language, logs out', async () => {
  const context = await platform.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(platform.baseUrl);

  await page.getByLabel('账号').fill('bureau.admin@demo.kechuang.cn');
  await page.getByLabel('密码').fill('Kechuang@2025');
  await page.getByRole('button', { name: /登\s*录/ }).click();

  await expect.poll(() => page.getByRole('heading', { name: '城市创新概览' }).count(), { timeout: 20_000 }).toBe(1);
  for (const chart of ['rd', 'growth']) {
    await page.locator(`[data-testid="chart-${chart}"][data-rendered="true"]`).waitFor({ timeout: 20_000 });
    expect(await page.locator(`[data-testid="chart-${chart}"] canvas`).count(), chart).toBeGreaterThan(0);
  }
  await expect.poll(() => page.getByTestId('targets-table').textContent()).toContain('高新技术企业');
  expect(await page.getByTestId('current-user').textContent()).toContain('王科长');

  await page.getByTestId('lang-switch').click();
  await expect.poll(() => page.getByRole('heading', { name: 'City innovation overview' }).count()).toBe(1);
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  await page.reload(); // the choice is remembered
  await expect.poll(() => page.getByRole('heading', { name: 'City innovation overview' }).count(), { timeout: 20_000 }).toBe(1);
  await page.getByTestId('lang-switch').click();
  await expect.poll(() => page.getByRole('heading', { name: '城市创新概览' }).count()).toBe(1);

  await page.getByTestId('logout').click();
  await expect.poll(() => page.getByLabel('账号').count(), { timeout: 20_000 }).toBe(1);
  const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
  expect(me).toBe(401);
  expect(pageErrors).toEqual([]);
  await context.close();
});
