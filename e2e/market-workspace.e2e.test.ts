// The market's working pages in a browser: a buyer completes the contract draft of a purchase (errors shown
// on the fields, then saved and submitted), and a seller answers an offer from "my negotiations".
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startPlatformForE2e, type Platform } from './harness.ts';
import { callApi, signedInPage } from './sign-in.ts';

let platform: Platform;
beforeAll(async () => { platform = await startPlatformForE2e(); });
afterAll(async () => platform?.stop());

const logIn = (login: string): Promise<Page> => signedInPage(platform, login);
const call = callApi;

test('a buyer completes the contract draft of a purchase: refusals on the fields, then saved and submitted', async () => {
  const page = await logIn('buyer2@demo.kechuang.cn');
  // Buy a priced achievement of another organisation: the purchase makes the contract draft.
  const bought = await page.evaluate(async () => {
    const csrf = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('kc_csrf='))!.slice(8));
    const me = (await (await fetch('/api/v1/me')).json()) as { organisation: { id: string } };
    const found = (await (await fetch('/api/v1/market/search?kind=achievement&limit=50')).json()) as { hits: { id: string; regionCode: string }[] };
    for (const hit of found.hits) {
      const l = (await (await fetch(`/api/v1/market/listings/${hit.id}`)).json()) as { regionCode: string; ownerOrgId: string; priceFen: string | null };
      if (l.priceFen === null || l.ownerOrgId === me.organisation.id) continue;
      const res = await fetch('/api/v1/market/orders', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ listingRegionCode: l.regionCode, listingId: hit.id }) });
      if (res.status === 201) return (await res.json()) as { contractId: string; priceFen: string };
    }
    return null;
  });
  expect(bought).not.toBeNull();
  const { contractId, priceFen } = bought!;
  const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;

  await page.goto(`${platform.baseUrl}/contracts`);
  await page.getByTestId(`contract-edit-${contractId}`).click();
  const drawer = page.getByTestId('contract-edit');
  await drawer.getByTestId('contract-total').waitFor();
  expect(await drawer.getByTestId('contract-total').inputValue()).toBe(yuan(BigInt(priceFen)));

  // A technology amount above the total: refused on that field before anything is sent.
  await drawer.getByTestId('contract-technology').fill(yuan(BigInt(priceFen) + 100n));
  await drawer.getByTestId('contract-save').click();
  await drawer.getByText('技术交易额不得超过合同成交额').waitFor();

  // Two instalments that do not add up to the total: refused under the schedule.
  await drawer.getByTestId('contract-technology').fill('');
  const half = BigInt(priceFen) / 2n;
  await drawer.getByTestId('payment-amount-0').fill(yuan(half));
  await drawer.getByTestId('contract-save').click();
  await drawer.getByText('付款计划合计须等于合同成交额').waitFor();
  expect(await drawer.getByTestId('contract-sums').textContent()).toContain('付款计划合计');

  // Corrected: a licence, the whole amount in one instalment; saved and submitted.
  await drawer.getByTestId('payment-amount-0').fill(yuan(BigInt(priceFen)));
  await drawer.getByTestId('contract-type').click();
  await page.getByTitle('技术许可', { exact: true }).click();
  await drawer.getByTestId('contract-save-submit').click();
  await drawer.waitFor({ state: 'hidden', timeout: 20_000 });
  const saved = await call<{ status: string; type: string; subtype: string; totalFen: string }>(page, 'GET', `/market/contracts/${contractId}`);
  expect(saved.json).toMatchObject({ status: 'submitted', type: 'licence', subtype: 'patent', totalFen: priceFen });
  await page.context().close();
}, 180_000);

test('a seller finds an offer on its listing in 我的议价 and accepts it there', async () => {
  const buyer = await logIn('enterprise@demo.kechuang.cn');
  const seller = await logIn('tto@demo.kechuang.cn');
  // One of the seller's published achievements, from its own list.
  const mine = await call<{ items: { id: string; regionCode: string; kind: string; status: string }[] }>(seller, 'GET', '/market/my-listings?kind=achievement&status=published');
  const listing = mine.json.items[0] ?? null;
  expect(listing).not.toBeNull();
  const offer = await call<{ id: string }>(buyer, 'POST', '/market/negotiations', { listingRegionCode: listing!.regionCode, listingId: listing!.id, amountFen: '4321000' });
  expect(offer.status).toBe(201);

  await seller.goto(`${platform.baseUrl}/negotiations`);
  await expect.poll(() => seller.getByTestId(`turn-${offer.json.id}`).textContent(), { timeout: 20_000 }).toBe('待我方回应');
  await seller.getByTestId(`accept-${offer.json.id}`).click();
  await seller.getByRole('button', { name: /确\s*定|OK/ }).click();
  await seller.getByText('已成交').first().waitFor({ timeout: 20_000 });
  const after = await call<{ status: string; agreedFen: string }>(buyer, 'GET', `/market/negotiations/${offer.json.id}`);
  expect(after.json).toMatchObject({ status: 'agreed', agreedFen: '4321000' });
  await buyer.context().close();
  await seller.context().close();
}, 180_000);

test('an owner imports a sheet with a bad row and attaches files to a draft; a disguised file is refused', async () => {
  const page = await logIn('enterprise@demo.kechuang.cn');
  await page.goto(`${platform.baseUrl}/market-mine`);
  const csv = ['编号,类型,标题,简介,领域,关键词,成熟度,价格', 'E2E-1,achievement,浏览器导入的轴承检测技术,基于声发射的轴承缺陷检测。,高端轴承,轴承,6,50000', 'E2E-2,achievement,成熟度写错的一行,,高端轴承,,12,100'].join('\r\n');
  await page.getByTestId('market-import-file').setInputFiles({ name: '导入.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('market-import-start').click();
  await expect.poll(() => page.getByTestId('market-import-summary').textContent(), { timeout: 20_000 }).toContain('导入完成：成功 1 行，失败 1 行');
  await page.getByTestId('market-import-report').waitFor();

  // The imported draft: edit it (a malformed price refused on its field), attach its specification, then try an
  // executable renamed to .pdf.
  await page.getByRole('link', { name: '浏览器导入的轴承检测技术' }).click();
  await page.getByTestId('listing-title').waitFor({ timeout: 20_000 });
  await page.getByTestId('listing-edit').click();
  await page.getByTestId('listing-edit-amount').fill('五十万');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('金额须为以元计的数字，最多两位小数').waitFor();
  await page.getByTestId('listing-edit-amount').fill('60000');
  await page.getByTestId('listing-edit-title').fill('浏览器导入并编辑的轴承检测技术');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect.poll(() => page.getByTestId('listing-title').textContent(), { timeout: 20_000 }).toBe('浏览器导入并编辑的轴承检测技术');
  await page.getByTestId('attachment-file').setInputFiles({ name: '技术说明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n') });
  await page.getByTestId('attachment-upload').click();
  await expect.poll(() => page.getByTestId('attachment-link').allTextContents(), { timeout: 20_000 }).toEqual(['技术说明.pdf']);
  await page.getByTestId('attachment-file').setInputFiles({ name: '病毒.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]) });
  await page.getByTestId('attachment-upload').click();
  await expect.poll(() => page.getByTestId('attachment-error').textContent(), { timeout: 20_000 }).toContain('文件内容不是允许的类型');
  expect(await page.getByTestId('attachment-link').count()).toBe(1);
  const href = await page.getByTestId('attachment-link').getAttribute('href');
  const file = await page.evaluate(async (url) => { const r = await fetch(url!); return { type: r.headers.get('content-type'), text: await r.text() }; }, href);
  expect(file).toEqual({ type: 'application/pdf', text: expect.stringContaining('%PDF-1.7') as unknown as string });
  await page.context().close();
}, 180_000);
