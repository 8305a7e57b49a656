// In a browser: a seller declines an offer from 我的议价 with a reason and the buyer sees it; an owner adds a patent
// to a draft in the edit form — a wrong check digit is refused on that row — and the listing shows it with its status;
// a contract draft from a listing filed under an unlisted field is refused on 技术领域 until one is chosen from the list.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startPlatformForE2e, type Platform } from './harness.ts';
import { callApi, signedInPage } from './sign-in.ts';

let platform: Platform;
beforeAll(async () => { platform = await startPlatformForE2e(); });
afterAll(async () => platform?.stop());

const logIn = (login: string): Promise<Page> => signedInPage(platform, login);
const call = callApi;

test('a seller declines an offer from 我的议价 with a reason; the buyer sees who declined and why', async () => {
  const seller = await logIn('tto@demo.kechuang.cn');
  const me = await call<{ organisation: { id: string } }>(seller, 'GET', '/me');
  const found = await call<{ hits: { id: string }[] }>(seller, 'GET', '/market/search?kind=achievement&limit=50');
  let listing: { id: string; regionCode: string } | null = null;
  for (const hit of found.json.hits) {
    const l = await call<{ id: string; regionCode: string; ownerOrgId: string }>(seller, 'GET', `/market/listings/${hit.id}`);
    if (l.json.ownerOrgId === me.json.organisation.id) { listing = l.json; break; }
  }
  expect(listing).not.toBeNull();
  const buyer = await logIn('buyer2@demo.kechuang.cn');
  const offer = await call<{ id: string }>(buyer, 'POST', '/market/negotiations', { listingRegionCode: listing!.regionCode, listingId: listing!.id, amountFen: '1234500' });
  expect(offer.status, JSON.stringify(offer.json)).toBe(201);

  await seller.goto(`${platform.baseUrl}/negotiations`);
  await seller.getByTestId(`decline-${offer.json.id}`).click();
  await seller.getByLabel('理由（可选，最多 500 字）').fill('报价明显低于评估价');
  await seller.getByRole('button', { name: '确认拒绝' }).click();
  await expect.poll(() => seller.getByTestId(`declined-${offer.json.id}`).textContent(), { timeout: 20_000 }).toContain('我方已拒绝');
  expect(await seller.getByTestId(`declined-${offer.json.id}`).textContent()).toContain('理由：报价明显低于评估价');

  await buyer.goto(`${platform.baseUrl}/negotiations`);
  await expect.poll(() => buyer.getByTestId(`declined-${offer.json.id}`).textContent(), { timeout: 20_000 }).toContain('对方已拒绝');
  await buyer.goto(`${platform.baseUrl}/market/negotiations/${offer.json.id}`);
  await expect.poll(() => buyer.getByTestId('negotiation-declined').textContent(), { timeout: 20_000 }).toContain('报价明显低于评估价');
  expect(await buyer.getByRole('button', { name: /还\s*价/ }).count()).toBe(0);
  await buyer.context().close();
  await seller.context().close();
}, 180_000);

test('an owner adds a patent in the draft form: a wrong check digit is refused on its row, then it is saved and shown with its status', async () => {
  const page = await logIn('enterprise@demo.kechuang.cn');
  const draft = await call<{ id: string }>(page, 'POST', '/market/listings', {
    kind: 'achievement', title: '浏览器专利编辑测试：轴承振动监测', summary: '基于振动信号的轴承状态在线监测方法，已完成中试验证。', field: '高端轴承', trl: 6, transferModes: ['licence'],
  });
  expect(draft.status, JSON.stringify(draft.json)).toBe(201);
  await page.goto(`${platform.baseUrl}/market/listings/${draft.json.id}`);
  await page.getByTestId('listing-edit').click();
  await page.getByTestId('patent-add').click();
  await page.getByTestId('patent-number-0').fill('ZL201710601862.4');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('第 1 项专利：专利申请号 201710601862 的校验位应为 3，不是 4，请核对号码').waitFor({ timeout: 20_000 });
  await page.getByTestId('patent-number-0').fill('zl 201710601862.3');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect.poll(() => page.getByText('ZL201710601862.3（有效）').count(), { timeout: 20_000 }).toBe(1);
  await page.context().close();
}, 180_000);

test('a contract draft whose listing has an unlisted field: the field select marks it, submitting is refused on it, a listed field is chosen', async () => {
  const owner = await logIn('enterprise@demo.kechuang.cn');
  const listing = await call<{ id: string; regionCode: string }>(owner, 'POST', '/market/listings', {
    kind: 'achievement', title: '浏览器领域校验测试：石墨烯散热膜', summary: '一种高导热石墨烯散热膜的制备方法，适用于显示面板散热，已完成中试。', field: '石墨烯', trl: 6, transferModes: ['transfer'], priceFen: '3000000',
  });
  expect(listing.status, JSON.stringify(listing.json)).toBe(201);
  expect((await call(owner, 'POST', `/market/listings/${listing.json.id}/transitions`, { action: 'submit' })).status).toBe(200);
  const bureau = await logIn('bureau.staff@demo.kechuang.cn');
  expect((await call(bureau, 'POST', `/market/listings/${listing.json.id}/transitions`, { action: 'publish' })).status).toBe(200);
  const buyer = await logIn('buyer2@demo.kechuang.cn');
  const bought = await call<{ contractId: string }>(buyer, 'POST', '/market/orders', { listingRegionCode: listing.json.regionCode, listingId: listing.json.id });
  expect(bought.status, JSON.stringify(bought.json)).toBe(201);

  await buyer.goto(`${platform.baseUrl}/contracts`);
  await buyer.getByTestId(`contract-edit-${bought.json.contractId}`).click();
  const drawer = buyer.getByTestId('contract-edit');
  await drawer.getByText('石墨烯（不在领域目录中，请另选）').waitFor({ timeout: 20_000 });
  await drawer.getByTestId('contract-save-submit').click();
  await drawer.getByText(/^技术领域须为平台领域目录之一：光电元器件、/).waitFor({ timeout: 20_000 });
  // The list is virtual: type to bring the option into view.
  await drawer.getByTestId('contract-field').click();
  await buyer.keyboard.type('电子显示');
  await buyer.getByTitle('电子显示材料', { exact: true }).click();
  await drawer.getByTestId('contract-save-submit').click();
  await drawer.waitFor({ state: 'hidden', timeout: 20_000 });
  const saved = await call<{ status: string; field: string }>(buyer, 'GET', `/market/contracts/${bought.json.contractId}`);
  expect(saved.json).toMatchObject({ status: 'submitted', field: '电子显示材料' });
  for (const p of [owner, bureau, buyer]) await p.context().close();
}, 180_000);
