// A technology achievement goes up for timed public bidding; two enterprises, each in its own browser,
// register with a deposit and bid against each other while the price updates live; the newcomer wins, sees
// its contract draft and submits it; the bureau registers it and finds it counted in the statistics.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startPlatformForE2e, type Platform } from './harness.ts';

let platform: Platform;
beforeAll(async () => { platform = await startPlatformForE2e(); });
afterAll(async () => platform?.stop());

const PASSWORD = 'Kechuang@2025';

async function logIn(context: BrowserContext, account: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(platform.baseUrl);
  await page.getByLabel('账号').fill(account);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('current-user').waitFor({ timeout: 20_000 });
  return page;
}

/** The seller puts the demo achievement up again, closing in `seconds`, through the same API the pages use. */
async function createShortLot(seller: Page, seconds: number): Promise<string> {
  return seller.evaluate(async (closeIn) => {
    const csrf = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('kc_csrf='))!.slice(8));
    const lots = await (await fetch('/api/v1/market/auctions')).json() as { items: { listingRegionCode: string; listingId: string }[] };
    const listing = lots.items[0]!;
    const now = Date.now();
    const res = await fetch('/api/v1/market/auctions', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({
        listingRegionCode: listing.listingRegionCode, listingId: listing.listingId, startsAt: new Date(now - 1000).toISOString(),
        endsAt: new Date(now + closeIn * 1000).toISOString(), startPriceFen: '50000000', reserveFen: '50000000', incrementFen: '1000000',
        depositFen: '5000000', extensionWindowSeconds: 0, extensionSeconds: 0,
      }),
    });
    if (res.status !== 201) throw new Error(`create lot: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }, seconds);
}

const price = (page: Page) => page.getByTestId('current-price').getAttribute('data-fen');

test('two bidders in two browsers; the new user wins, and the bureau sees the contract counted', async () => {
  const errors: string[] = [];
  const contexts = await Promise.all([0, 1, 2, 3].map(() => platform.browser.newContext({ locale: 'zh-CN' })));
  const [sellerCtx, firstCtx, newcomerCtx, bureauCtx] = contexts as [BrowserContext, BrowserContext, BrowserContext, BrowserContext];
  const seller = await logIn(sellerCtx, 'tto@demo.kechuang.cn');
  const first = await logIn(firstCtx, 'enterprise@demo.kechuang.cn');
  const newcomer = await logIn(newcomerCtx, 'buyer2@demo.kechuang.cn');
  for (const page of [first, newcomer]) page.on('pageerror', (err) => errors.push(err.message));

  const lotId = await createShortLot(seller, 35);
  for (const page of [first, newcomer]) {
    await page.goto(`${platform.baseUrl}/auctions/${lotId}`);
    await page.getByLabel('保证金缴纳凭证号').fill(page === first ? 'ICBC-20250601-001' : 'BOC-20250601-777');
    await page.getByRole('button', { name: '报名竞买' }).click();
    await page.getByTestId('my-bidder-no').waitFor({ timeout: 10_000 });
  }

  // The first bidder takes the start price; the newcomer's page shows it without reloading (server-sent events).
  await first.getByRole('button', { name: '出价', exact: true }).click();
  await first.getByTestId('bid-accepted').waitFor();
  await expect.poll(() => price(newcomer), { timeout: 10_000 }).toBe('50000000');

  // A bid below the increment is refused with a message that says why.
  await newcomer.getByLabel('出价金额（元）').fill('505000');
  await newcomer.getByRole('button', { name: '出价', exact: true }).click();
  await expect.poll(() => newcomer.getByTestId('bid-error').textContent()).toContain('加价幅度');

  await newcomer.getByLabel('出价金额（元）').fill('520000');
  await newcomer.getByRole('button', { name: '出价', exact: true }).click();
  await newcomer.getByTestId('bid-accepted').waitFor();
  await expect.poll(() => price(first), { timeout: 10_000 }).toBe('52000000');

  // The first bidder answers with the minimum; the newcomer raises again and holds the top price.
  await first.getByRole('button', { name: '出价', exact: true }).click();
  await expect.poll(() => price(newcomer), { timeout: 10_000 }).toBe('53000000');
  await newcomer.getByLabel('出价金额（元）').fill('560000');
  await newcomer.getByRole('button', { name: '出价', exact: true }).click();
  await expect.poll(() => price(first), { timeout: 10_000 }).toBe('56000000');

  // The close: the newcomer has won; the other bidder's deposit is marked for refund; the log verifies.
  await newcomer.getByTestId('auction-outcome').waitFor({ timeout: 60_000 });
  expect(await newcomer.getByTestId('auction-outcome').textContent()).toContain('恭喜，您已竞得该标的');
  await expect.poll(() => first.getByTestId('deposit-status').textContent(), { timeout: 15_000 }).toBe('保证金待退还');
  await expect.poll(() => newcomer.getByTestId('chain-verification').textContent(), { timeout: 10_000 }).toContain('校验通过（4 条）');

  // The winner opens its contract draft and submits it for registration.
  await newcomer.getByTestId('open-contract').click();
  const row = newcomer.getByRole('row').filter({ hasText: '高端轴承滚道精密磨削与寿命预测技术' }).filter({ hasText: '草稿' });
  await row.waitFor({ timeout: 10_000 });
  expect(await row.textContent()).toContain('56万元');
  await row.getByRole('button', { name: '提交登记' }).click();
  await newcomer.getByRole('row').filter({ hasText: '待认定' }).waitFor({ timeout: 10_000 });

  // The bureau registers it and sees it counted once in the statistics.
  const bureau = await logIn(bureauCtx, 'bureau.staff@demo.kechuang.cn');
  bureau.on('pageerror', (err) => errors.push(err.message));
  await bureau.goto(`${platform.baseUrl}/contract-statistics`);
  const before = Number(await bureau.getByTestId('stats-total-contracts').textContent());
  await bureau.goto(`${platform.baseUrl}/contracts`);
  const submitted = bureau.getByRole('row').filter({ hasText: '待认定' }).filter({ hasText: '洛阳云端新材料' });
  await submitted.getByRole('button', { name: '认定登记' }).click();
  await bureau.getByRole('row').filter({ hasText: '洛阳云端新材料' }).filter({ hasText: '已登记' }).filter({ hasText: '56万元' }).waitFor({ timeout: 10_000 });
  await bureau.goto(`${platform.baseUrl}/contract-statistics`);
  await expect.poll(async () => Number(await bureau.getByTestId('stats-total-contracts').textContent()), { timeout: 10_000 }).toBe(before + 1);
  await bureau.locator('[data-testid="chart-contracts-month"][data-rendered="true"]').waitFor({ timeout: 20_000 });
  expect(await bureau.getByTestId('stats-field').textContent()).toContain('高端轴承');

  expect(errors).toEqual([]);
  await Promise.all(contexts.map((c) => c.close()));
}, 180_000);
