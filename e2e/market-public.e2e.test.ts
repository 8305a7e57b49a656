// The market without a session: a visitor searches in Chinese and the big screen shows counts and the feed;
// then an enterprise, logged in, makes an offer on another organisation's achievement from its page.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startPlatformForE2e, type Platform } from './harness.ts';

let platform: Platform;
beforeAll(async () => { platform = await startPlatformForE2e(); });
afterAll(async () => platform?.stop());

test('a logged-out visitor opens /market, searches in Chinese and sees results; the big screen needs no login', async () => {
  const context = await platform.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));

  await page.goto(`${platform.baseUrl}/market`);
  await page.getByRole('heading', { name: '科技大市场' }).waitFor({ timeout: 20_000 });
  expect(new URL(page.url()).pathname).toBe('/market');
  await page.getByTestId('public-login').waitFor();
  expect(await page.getByTestId('current-user').count()).toBe(0);
  await page.locator('[data-testid="market-feed"][data-live="true"]').waitFor({ timeout: 20_000 });

  await page.getByTestId('market-search').locator('input').fill('石墨烯');
  await page.getByTestId('market-search').locator('input').press('Enter');
  await expect.poll(() => page.getByTestId('search-total').textContent(), { timeout: 20_000 }).toMatch(/共 [1-9][\d,]* 条结果/);
  expect(await page.getByTestId('search-hit').first().locator('mark').allTextContents()).toEqual(expect.arrayContaining(['石墨烯']));

  // The slim header's language switch works without a session.
  await page.getByTestId('lang-switch').click();
  await page.getByRole('heading', { name: 'Technology market' }).waitFor({ timeout: 20_000 });
  expect(await page.getByTestId('public-login').textContent()).toContain('Log in');
  await page.getByTestId('lang-switch').click();
  await page.getByRole('heading', { name: '科技大市场' }).waitFor({ timeout: 20_000 });

  // A listing page is public too, without deal buttons for a visitor.
  await page.getByTestId('search-hit').first().locator('a').first().click();
  await page.getByTestId('listing-title').waitFor({ timeout: 20_000 });
  expect(await page.getByTestId('deal-actions').count()).toBe(0);

  // The login button comes back to the market once logged in.
  await page.goto(`${platform.baseUrl}/market`);
  await page.getByTestId('public-login').click();
  await page.getByLabel('账号').fill('enterprise@demo.kechuang.cn');
  await page.getByLabel('密码').fill('Kechuang@2025');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('current-user').waitFor({ timeout: 20_000 });
  expect(new URL(page.url()).pathname).toBe('/market');

  const screen = await (await platform.browser.newContext({ locale: 'zh-CN' })).newPage();
  await screen.goto(`${platform.baseUrl}/market/screen`);
  await expect.poll(async () => Number((await screen.getByTestId('screen-count-total').textContent())!.replace(/\D/g, '')), { timeout: 20_000 }).toBeGreaterThan(0);
  await screen.locator('[data-testid="screen-feed"][data-live="true"]').waitFor({ timeout: 20_000 });
  await expect.poll(() => screen.getByTestId('screen-feed-item').count(), { timeout: 20_000 }).toBeGreaterThan(0);
  await screen.context().close();

  expect(pageErrors).toEqual([]);
  await context.close();
}, 180_000);

test('an enterprise makes an offer on another organisation\'s achievement; a bad amount is refused', async () => {
  const context = await platform.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(platform.baseUrl);
  await page.getByLabel('账号').fill('enterprise@demo.kechuang.cn');
  await page.getByLabel('密码').fill('Kechuang@2025');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('current-user').waitFor({ timeout: 20_000 });

  // A published achievement of another organisation (the page decides the buttons; the API tells us the owner).
  const id = await page.evaluate(async () => {
    const me = (await (await fetch('/api/v1/me')).json()) as { organisation: { id: string } | null };
    const found = (await (await fetch('/api/v1/market/search?q=%E7%9F%B3%E5%A2%A8%E7%83%AF&kind=achievement&limit=20')).json()) as { hits: { id: string }[] };
    for (const hit of found.hits) {
      const listing = (await (await fetch(`/api/v1/market/listings/${hit.id}`)).json()) as { ownerOrgId: string; status: string };
      if (listing.status === 'published' && listing.ownerOrgId !== me.organisation?.id) return hit.id;
    }
    return null;
  });
  expect(id).not.toBeNull();
  await page.goto(`${platform.baseUrl}/market/listings/${id}`);
  await page.getByTestId('deal-actions').waitFor({ timeout: 20_000 });
  await page.getByTestId('deal-offer').click();
  await page.getByLabel('报价（元）').fill('十万');
  await page.getByRole('button', { name: '发出报价' }).click();
  expect(await page.getByTestId('deal-error').textContent()).toContain('金额以元为单位');
  await page.getByLabel('报价（元）').fill('120000');
  await page.getByRole('button', { name: '发出报价' }).click();
  await expect.poll(() => page.getByTestId('deal-done').textContent(), { timeout: 20_000 }).toContain('报价已发出');
  // The negotiation page shows the offer and waits for the seller (no accepting one's own offer).
  await page.getByTestId('deal-done-link').click();
  await expect.poll(() => page.getByTestId('negotiation-status').textContent(), { timeout: 20_000 }).toBe('议价中');
  expect(await page.locator('.ant-timeline').textContent()).toContain('我方 · 12万元');
  expect(await page.getByTestId('negotiation-accept').count()).toBe(0);
  await context.close();
}, 180_000);

test('an enterprise buys at the asking price; the owner puts its achievement up for auction and reads the server\'s refusal first', async () => {
  const context = await platform.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(platform.baseUrl);
  await page.getByLabel('账号').fill('enterprise@demo.kechuang.cn');
  await page.getByLabel('密码').fill('Kechuang@2025');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('current-user').waitFor({ timeout: 20_000 });

  const ids = await page.evaluate(async () => {
    const me = (await (await fetch('/api/v1/me')).json()) as { organisation: { id: string } | null };
    const found = (await (await fetch('/api/v1/market/search?q=%E7%94%B5%E6%B1%A0&kind=achievement&limit=30')).json()) as { hits: { id: string; priceFen: string | null }[] };
    let other: string | null = null;
    for (const hit of found.hits.filter((h) => h.priceFen !== null)) {
      const listing = (await (await fetch(`/api/v1/market/listings/${hit.id}`)).json()) as { ownerOrgId: string; status: string };
      if (listing.status === 'published' && listing.ownerOrgId !== me.organisation?.id) { other = hit.id; break; }
    }
    const mine = (await (await fetch('/api/v1/market/my-listings')).json()) as { items: { id: string; kind: string; status: string }[] };
    return { other, own: mine.items.find((l) => l.kind === 'achievement' && l.status === 'published')?.id ?? null };
  });
  expect(ids.other).not.toBeNull();
  expect(ids.own).not.toBeNull();

  await page.goto(`${platform.baseUrl}/market/listings/${ids.other}`);
  await page.getByTestId('deal-buy').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect.poll(() => page.getByTestId('deal-done').textContent(), { timeout: 20_000 }).toContain('技术合同草稿已生成');

  await page.goto(`${platform.baseUrl}/market/listings/${ids.own}`);
  expect(await page.getByTestId('deal-buy').count()).toBe(0);
  await page.getByTestId('auction-create').click();
  const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const start = new Date(Date.now() + 3_600_000);
  await page.getByLabel('开始时间').fill(local(start));
  await page.getByLabel('结束时间').fill(local(new Date(start.getTime() + 86_400_000)));
  await page.getByLabel('起拍价（元）').fill('100000');
  await page.getByLabel('保留价（元）').fill('50000');
  await page.getByLabel('加价幅度（元）').fill('1000');
  await page.getByLabel('保证金（元）').fill('10000');
  await page.getByRole('button', { name: '发布竞价' }).click();
  await expect.poll(() => page.getByTestId('deal-error').textContent(), { timeout: 20_000 }).toContain('保留价不得低于起拍价');
  await page.getByLabel('保留价（元）').fill('150000');
  await page.getByRole('button', { name: '发布竞价' }).click();
  await expect.poll(() => page.getByTestId('deal-done').textContent(), { timeout: 20_000 }).toContain('竞价已发布');
  await context.close();
}, 180_000);
