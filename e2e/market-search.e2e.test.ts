// An enterprise searches the technology market in Chinese, narrows by a facet, watches the live feed receive
// a listing the bureau publishes in another browser, and reads explained matches for its own demand.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startPlatformForE2e, type Platform } from './harness.ts';
import { signIn } from './sign-in.ts';

let platform: Platform;
beforeAll(async () => { platform = await startPlatformForE2e(); });
afterAll(async () => platform?.stop());

const logIn = (page: Page, login: string): Promise<void> => signIn(page, platform.baseUrl, login);

test('search in Chinese with facets and highlights, a live feed across two browsers, explained matches', async () => {
  const enterpriseContext = await platform.browser.newContext({ locale: 'zh-CN' });
  const bureauContext = await platform.browser.newContext({ locale: 'zh-CN' });
  const page = await enterpriseContext.newPage();
  const bureau = await bureauContext.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));

  await logIn(page, 'enterprise@demo.kechuang.cn');
  await page.goto(`${platform.baseUrl}/market`);
  await page.getByRole('heading', { name: '科技大市场' }).waitFor({ timeout: 20_000 });
  await page.locator('[data-testid="market-feed"][data-live="true"]').waitFor({ timeout: 20_000 });

  // Search with a synonym (锂电 = 锂电池): results are ranked and the matched words are marked.
  await page.getByTestId('market-search').locator('input').fill('锂电 隔膜');
  await page.getByTestId('market-search').locator('input').press('Enter');
  await expect.poll(() => page.getByTestId('search-total').textContent(), { timeout: 20_000 }).toMatch(/共 \d+ 条结果/);
  const firstHit = page.getByTestId('search-hit').first();
  expect(await firstHit.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['隔膜']));
  const totalBefore = Number((await page.getByTestId('search-total').textContent())!.replace(/\D/g, ''));

  // A facet narrows the results.
  await page.getByTestId('facet-kind').getByText('技术需求').click();
  await expect.poll(async () => Number((await page.getByTestId('search-total').textContent())!.replace(/\D/g, '')), { timeout: 20_000 }).toBeLessThan(totalBefore);
  for (const tag of await page.getByTestId('search-hit').locator('.ant-tag').filter({ hasText: /^(科技成果|技术需求)$/ }).allTextContents()) expect(tag).toBe('技术需求');

  // The enterprise drafts and submits a demand; the bureau publishes it in its own browser; the feed shows it.
  const title = `端到端测试需求：高端轴承寿命预测 ${Date.now() % 100000}`;
  const id = await page.evaluate(async (t) => {
    const csrf = document.cookie.split('; ').find((c) => c.startsWith('kc_csrf='))!.slice(8);
    const headers = { 'content-type': 'application/json', 'x-csrf-token': csrf };
    const created = await fetch('/api/v1/market/listings', { method: 'POST', headers, body: JSON.stringify({ kind: 'demand', title: t, field: '高端轴承', summary: '我公司需要一种风电轴承寿命预测方法，可在现有产线在线监测系统上实施。' }) });
    const { id: newId } = (await created.json()) as { id: string };
    await fetch(`/api/v1/market/listings/${newId}/transitions`, { method: 'POST', headers, body: JSON.stringify({ action: 'submit' }) });
    return newId;
  }, title);
  await logIn(bureau, 'bureau.staff@demo.kechuang.cn');
  await bureau.goto(`${platform.baseUrl}/market-review`);
  await bureau.getByTestId('review-queue').waitFor({ timeout: 20_000 });
  await bureau.goto(`${platform.baseUrl}/market/listings/${id}`);
  await bureau.getByText('审核通过并发布', { exact: true }).click();
  await expect.poll(() => bureau.getByTestId('listing-status').textContent(), { timeout: 20_000 }).toBe('已发布');
  await expect.poll(() => page.getByTestId('market-feed').textContent(), { timeout: 20_000 }).toContain(title);

  // Its matches come with reasons: shared terms, field, readiness and price fit.
  await page.getByTestId('market-feed').getByText(title).click();
  await page.getByTestId('listing-title').waitFor({ timeout: 20_000 });
  expect(await page.getByTestId('listing-title').textContent()).toBe(title);
  await page.getByTestId('match-item').first().waitFor({ timeout: 30_000 });
  const explanation = await page.getByTestId('match-explanation').first().textContent();
  expect(explanation).toMatch(/匹配度 \d+%/);
  expect(explanation).toMatch(/共同关键词|同一领域|不同领域/);
  expect(id).toMatch(/^[0-9a-f-]{36}$/);

  expect(pageErrors).toEqual([]);
  await enterpriseContext.close();
  await bureauContext.close();
}, 180_000);
