// Editing the registry and managing the pools in a browser: an enterprise user corrects a fiscal year (a
// refused value shown under its field, the rest of what was typed kept) and sees its 高企 self-assessment
// change, then reads the same refusal in English; a bureau officer adds an enterprise to a pool with a mentor
// and removes another with a reason.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startPlatformForE2e, type Platform } from './harness.ts';

let platform: Platform;
beforeAll(async () => { platform = await startPlatformForE2e(); });
afterAll(async () => platform?.stop());

async function logIn(login: string) {
  const context = await platform.browser.newContext({ locale: 'zh-CN' });
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

test('an enterprise user raises its R&D for last year and the 高企 R&D criterion turns met', async () => {
  const { context, page, pageErrors } = await logIn('enterprise@demo.kechuang.cn');
  await page.goto(`${platform.baseUrl}/registry`);
  const rdRatio = page.getByTestId('rule-hnte').locator('tr[data-row-key="rd_expense_ratio"] td').last();
  await rdRatio.waitFor({ timeout: 20_000 });
  expect(await rdRatio.textContent()).toBe('未满足'); // the demo enterprise spends 3.4% of sales on R&D; 4% is needed

  await page.getByRole('tab', { name: '企业档案' }).click();
  const lastYear = new Date().getFullYear() - 1;
  await page.getByTestId(`fy-edit-${lastYear}`).click();
  const rd = page.getByLabel('研发费用', { exact: true });
  await expect.poll(() => rd.inputValue()).not.toBe(''); // the stored amount, in 万元
  await rd.fill('600');
  await page.getByLabel('其中境内研发费用', { exact: true }).fill('600');
  await page.getByLabel('科技人员数（人）').fill('9999');
  await page.getByTestId('fy-save').click();
  await expect.poll(() => page.locator('#fiscal-year_scienceStaff_help').textContent(), { timeout: 20_000 }).toContain('科技人员 9999 人多于职工总数');
  expect(await rd.inputValue()).toBe('600'); // nothing typed is lost

  await page.getByLabel('科技人员数（人）').fill('30');
  await page.getByTestId('fy-save').click();
  await page.getByTestId('edit-saved').waitFor({ timeout: 20_000 });
  await expect.poll(() => page.getByTestId('fy-table').locator(`tr[data-row-key="${lastYear}"]`).textContent()).toContain('600 万元');
  await page.getByTestId('edit-saved').getByRole('button', { name: '资质自评' }).click();
  await expect.poll(() => rdRatio.textContent(), { timeout: 20_000 }).toBe('满足');

  // In English the form and the server's refusal speak English.
  await page.getByTestId('lang-switch').click();
  await page.getByRole('tab', { name: 'Record' }).click();
  await page.getByTestId(`fy-edit-${lastYear}`).click();
  await page.getByLabel('Science and technology staff').fill('9999');
  await page.getByTestId('fy-save').click();
  await expect.poll(() => page.locator('#fiscal-year_scienceStaff_help').textContent(), { timeout: 20_000 }).toContain('9999 science staff exceed the');
  expect(pageErrors).toEqual([]);
  await context.close();
});

test('a bureau officer adds an enterprise to a pool with a mentor and removes another with a reason', async () => {
  const { context, page, pageErrors } = await logIn('bureau.staff@demo.kechuang.cn');
  await page.goto(`${platform.baseUrl}/cultivation`);
  const table = page.getByTestId('pool-table');
  await expect.poll(() => table.locator('tbody tr[data-row-key]').count(), { timeout: 20_000 }).toBeGreaterThan(1);

  // Remove the first member of the 高企 pool: a one-character reason is refused under the field, then accepted.
  const first = table.locator('tbody tr[data-row-key]').first();
  const removedName = (await first.locator('td').first().textContent())!;
  await first.getByTestId('pool-remove').click();
  await page.getByLabel('移出原因').fill('迁');
  await page.getByTestId('pool-dialog-ok').click();
  await expect.poll(() => page.locator('#pool_reason_help').textContent(), { timeout: 20_000 }).toContain('reason');
  await page.getByLabel('移出原因').fill('企业已迁出本市');
  await page.getByTestId('pool-dialog-ok').click();
  await expect.poll(() => page.getByTestId('pool-done').textContent(), { timeout: 20_000 }).toContain(`已移出培育库 · ${removedName}`);
  await expect.poll(() => table.textContent()).not.toContain(removedName);

  // Add the demo enterprise 启明轴承 to the unicorn pool with its mentor.
  await page.getByText('独角兽企业', { exact: true }).click();
  await page.getByTestId('pool-add').click();
  await page.getByLabel('企业', { exact: true }).fill('启明轴承');
  await page.locator('.ant-select-item-option', { hasText: '洛阳启明轴承科技有限公司' }).click();
  await page.getByLabel('辅导员（可选）').fill('王辅导');
  await page.getByTestId('pool-dialog-ok').click();
  await page.getByTestId('pool-done').waitFor({ timeout: 20_000 });
  await page.getByTestId('pool-search').locator('input').fill('启明轴承');
  await page.getByTestId('pool-search').locator('input').press('Enter');
  await expect.poll(() => table.locator('tbody tr[data-row-key]').count(), { timeout: 20_000 }).toBe(1);
  const added = table.locator('tbody tr', { hasText: '洛阳启明轴承科技有限公司' });
  await expect.poll(() => added.textContent(), { timeout: 20_000 }).toContain('王辅导');

  // The enterprise's page lists the membership with the mentor.
  await added.getByRole('link').click();
  await page.getByRole('tab', { name: '企业档案' }).click();
  await expect.poll(() => page.getByTestId('enterprise-pools').textContent(), { timeout: 20_000 }).toMatch(/独角兽企业.*在库.*王辅导/);
  expect(pageErrors).toEqual([]);
  await context.close();
});
