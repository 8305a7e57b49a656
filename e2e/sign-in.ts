// Signing in through the login page and calling the API from a signed-in page: what the browser tests share.
import type { Page } from 'playwright-core';
import type { Platform } from './harness.ts';

export const DEMO_PASSWORD = 'Kechuang@2025';

/** Fills the login form on `page` and waits until the shell shows the signed-in user. */
export async function signIn(page: Page, baseUrl: string, login: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('账号').fill(login);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('current-user').waitFor({ timeout: 20_000 });
}

/** A new Chinese-locale browser context with `login` signed in. */
export async function signedInPage(platform: Platform, login: string): Promise<Page> {
  const page = await (await platform.browser.newContext({ locale: 'zh-CN' })).newPage();
  await signIn(page, platform.baseUrl, login);
  return page;
}

/** Calls the API from the page, with the session's CSRF token. */
export function callApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  return page.evaluate(async ([m, p, b]) => {
    const csrf = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('kc_csrf='))!.slice(8));
    const res = await fetch(`/api/v1${p}`, { method: m, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, ...(b === undefined ? {} : { body: JSON.stringify(b) }) });
    return { status: res.status, json: await res.json() as T };
  }, [method, path, body] as const);
}
