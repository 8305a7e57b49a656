import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp({}, { demo: false }); });
afterAll(async () => t.close());

test('the OpenAPI 3.1 document is generated from the route schemas', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  const doc = res.json();
  expect(doc.openapi).toBe('3.1.0');
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/health', '/api/v1/auth/login', '/api/v1/me', '/api/v1/organisations', '/api/v1/regions/{code}/overview']));
  const login = doc.paths['/api/v1/auth/login'].post;
  expect(login.requestBody.content['application/json'].schema.required).toEqual(['login', 'password']);
  expect(login.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
});

test('the API docs page is served', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
  expect(res.statusCode).toBe(200);
  expect(res.body).toContain('swagger');
});

test('health reports the database kind and server version', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
  expect(res.json()).toMatchObject({ status: 'ok', database: { reachable: true } });
  expect(res.json().database.serverVersion).toMatch(/^\d+(\.\d+)?/);
});

test('every response carries a request id, and a caller-supplied one is kept', async () => {
  const mine = await t.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-request-id': 'trace-123' } });
  expect(mine.headers['x-request-id']).toBe('trace-123');
  const generated = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
  expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});

test('an unknown endpoint answers in the error shape', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
  expect(res.statusCode).toBe(404);
  expect(res.json().error).toMatchObject({ code: 'route_not_found', field: null });
});

test('a route without an access rule cannot be registered', async () => {
  const { default: Fastify } = await import('fastify');
  const { installSessionHooks } = await import('./session-hooks.ts');
  const app = Fastify();
  installSessionHooks(app, t.database.pool);
  app.register(async (api) => { api.get('/open', async () => 'oops'); }, { prefix: '/api/v1' });
  await expect(app.ready()).rejects.toThrow(/declares no access rule/);
});
