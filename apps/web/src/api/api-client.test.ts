import { describe, expect, test } from 'vitest';
import { ApiError, createApiClient, readCookie } from './api-client.ts';

type Call = { url: string; init: RequestInit };

function fakeFetch(response: () => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    return response();
  }) as typeof fetch;
  return { fn, calls };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const headersOf = (call: Call | undefined) => (call?.init.headers ?? {}) as Record<string, string>;

describe('readCookie', () => {
  test('finds a cookie among others and decodes it', () => {
    expect(readCookie('a=1; kc_csrf=ab%2Bc; b=2', 'kc_csrf')).toBe('ab+c');
    expect(readCookie('kc_csrf_old=1', 'kc_csrf')).toBeNull();
    expect(readCookie('', 'kc_csrf')).toBeNull();
  });
});

describe('api client', () => {
  test('GET sends cookies same-origin and no CSRF header', async () => {
    const f = fakeFetch(() => json(200, { ok: true }));
    const call = createApiClient({ fetch: f.fn, cookies: () => 'kc_csrf=tok' });
    await expect(call('GET', '/me')).resolves.toEqual({ ok: true });
    expect(f.calls[0]?.url).toBe('/api/v1/me');
    expect(f.calls[0]?.init.credentials).toBe('same-origin');
    expect(headersOf(f.calls[0])['x-csrf-token']).toBeUndefined();
  });

  test('a write carries the kc_csrf cookie value in x-csrf-token and a JSON body', async () => {
    const f = fakeFetch(() => new Response(null, { status: 204 }));
    const call = createApiClient({ fetch: f.fn, cookies: () => 'sid=x; kc_csrf=tok-123' });
    await expect(call('POST', '/auth/logout', {})).resolves.toBeUndefined();
    expect(headersOf(f.calls[0])['x-csrf-token']).toBe('tok-123');
    expect(headersOf(f.calls[0])['content-type']).toBe('application/json');
    expect(f.calls[0]?.init.body).toBe('{}');
  });

  test('an error envelope becomes an ApiError with both languages and the field', async () => {
    const body = { error: { code: 'invalid_credentials', message: '账号或密码错误', message_en: 'Wrong account or password', field: 'password' } };
    const call = createApiClient({ fetch: fakeFetch(() => json(401, body)).fn, cookies: () => '' });
    const error = await call('POST', '/auth/login', { login: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_credentials', messageZh: '账号或密码错误', messageEn: 'Wrong account or password', field: 'password' });
  });

  test('a non-JSON failure still becomes an ApiError with its status', async () => {
    const call = createApiClient({ fetch: fakeFetch(() => new Response('<html>bad gateway</html>', { status: 502 })).fn, cookies: () => '' });
    await expect(call('GET', '/me')).rejects.toMatchObject({ status: 502, code: 'http_error' });
  });

  test('an unreachable server is status 0', async () => {
    const call = createApiClient({ fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch, cookies: () => '' });
    await expect(call('GET', '/me')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });
});
