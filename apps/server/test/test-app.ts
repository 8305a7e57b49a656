// The real HTTP app on a test database, driven in-process with inject(), plus helpers to log in as the
// demo accounts and to make cookie-authenticated calls the way a browser would.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { readConfig, type Config } from '../src/platform/config.ts';
import { buildApp } from '../src/platform/http/build-app.ts';
import { DEMO_PASSWORD } from '../src/demo/demo-city.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export type TestApp = { app: FastifyInstance; database: TestDatabase; config: Config; close(): Promise<void> };

export async function createTestApp(overrides: Partial<Config> = {}, options: { demo?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase({ withDemo: options.demo !== false });
  const config = { ...readConfig({ LOG_LEVEL: 'silent' }), ...overrides };
  const app = await buildApp({ config, database }, { logger: false, webDistDir: '/nonexistent' });
  await app.ready();
  return { app, database, config, async close() { await app.close(); await database.close(); } };
}

export type Session = {
  cookie: string;
  csrf: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
};

export async function logIn(app: FastifyInstance, login: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`login as ${login} failed: ${res.statusCode} ${res.body}`);
  const cookies = res.cookies as { name: string; value: string }[];
  const session = cookies.find((c) => c.name === 'kc_session')!.value;
  const csrf = cookies.find((c) => c.name === 'kc_csrf')!.value;
  const cookie = `kc_session=${session}; kc_csrf=${csrf}`;
  return {
    cookie,
    csrf,
    request: (options) => app.inject({ ...options, headers: { cookie, 'x-csrf-token': csrf, ...(options.headers ?? {}) } }),
  };
}

export function errorOf(res: LightMyRequestResponse): { code: string; message: string; message_en: string; field: string | null } {
  return (res.json() as { error: { code: string; message: string; message_en: string; field: string | null } }).error;
}
