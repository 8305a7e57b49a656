import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, errorOf, logIn, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp({ loginRateLimit: { max: 5, windowMs: 60_000 } }); });
afterAll(async () => t.close());

describe('login', () => {
  test('the demo bureau admin logs in by e-mail and sees who they are', async () => {
    const session = await logIn(t.app, 'bureau.admin@demo.kechuang.cn');
    const me = await session.request({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ role: 'bureau_admin', regionCode: '410300', displayName: '王科长（演示）' });
    expect(me.json().modules).toContain('overview');
  });

  test('the session cookie is httpOnly and SameSite; the CSRF cookie is readable by the page', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'bureau.staff@demo.kechuang.cn', password: 'Kechuang@2025' } });
    const cookies = res.cookies as { name: string; httpOnly?: boolean; sameSite?: string }[];
    expect(cookies.find((c) => c.name === 'kc_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookies.find((c) => c.name === 'kc_csrf')?.httpOnly).not.toBe(true);
  });

  test('a wrong password and an unknown account get the same answer', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'expert@demo.kechuang.cn', password: 'nope-nope-1' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'nobody@demo.kechuang.cn', password: 'nope-nope-1' } });
    expect(wrong.statusCode).toBe(401);
    expect(errorOf(wrong)).toEqual(errorOf(unknown));
    expect(errorOf(wrong)).toMatchObject({ code: 'invalid_credentials', field: 'login' });
  });

  test('login is rate limited per account and address', async () => {
    const attempt = () => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'bank@demo.kechuang.cn', password: 'guess-guess-1' } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt()).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    const limited = await attempt();
    expect(errorOf(limited)).toMatchObject({ code: 'too_many_login_attempts', field: 'login' });
    expect(errorOf(limited).message).toContain('登录尝试过于频繁');
    // another account from the same address is not locked out by it
    expect((await logIn(t.app, 'provider@demo.kechuang.cn')).cookie).toContain('kc_session=');
  });
});

describe('sessions and CSRF', () => {
  test('logout needs the CSRF token, then ends the session', async () => {
    const session = await logIn(t.app, 'enterprise@demo.kechuang.cn');
    const noToken = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(errorOf(noToken)).toMatchObject({ code: 'csrf_token_invalid', field: 'x-csrf-token' });
    expect((await session.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200); // nothing happened

    const wrongToken = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(session.csrf.length) } });
    expect(wrongToken.statusCode).toBe(403);

    expect((await session.request({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await session.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });

  test('a forged session cookie is refused', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: 'kc_session=forged-token-value' } });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res)).toMatchObject({ code: 'session_invalid' });
    expect(errorOf(res).message_en).toMatch(/expired or is invalid/);
  });

  test('an expired session is refused', async () => {
    const session = await logIn(t.app, 'expert@demo.kechuang.cn');
    await t.database.pool.query("UPDATE sessions SET expires_at = now() - interval '1 second'");
    const res = await session.request({ method: 'GET', url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).code).toBe('session_invalid');
  });

  test('without a session, private endpoints ask to log in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res)).toMatchObject({ code: 'unauthenticated', message: '请先登录' });
  });
});
