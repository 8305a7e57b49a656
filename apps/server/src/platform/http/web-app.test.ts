import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildApp } from './build-app.ts';
import { readConfig } from '../config.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { isClientRoute } from './web-app.ts';
import type { FastifyInstance } from 'fastify';

let database: TestDatabase;
let app: FastifyInstance;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-dist-'));

beforeAll(async () => {
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>kechuang</title>');
  database = await createTestDatabase();
  app = await buildApp({ config: readConfig({ LOG_LEVEL: 'silent' }), database }, { logger: false, webDistDir: dist });
});
afterAll(async () => { await app.close(); await database.close(); fs.rmSync(dist, { recursive: true }); });

test('client routes get index.html; unknown API paths and missing files get 404', async () => {
  expect((await app.inject({ url: '/overview' })).body).toContain('<title>kechuang</title>');
  expect((await app.inject({ url: '/market/listings/abc?x=1' })).statusCode).toBe(200);
  expect((await app.inject({ url: '/assets/missing-chunk.js' })).statusCode).toBe(404);
  expect((await app.inject({ url: '/favicon.png' })).statusCode).toBe(404);
  expect((await app.inject({ url: '/api/v1/nope' })).json().error.code).toBe('route_not_found');
});

test('a file added after start (a rebuilt app) is served without a restart', async () => {
  fs.writeFileSync(path.join(dist, 'assets', 'index-new.js'), 'console.log(1)');
  const res = await app.inject({ url: '/assets/index-new.js' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/javascript/);
  expect(res.headers['cache-control']).toContain('immutable');
});

test('isClientRoute', () => {
  expect(isClientRoute('GET', '/')).toBe(true);
  expect(isClientRoute('POST', '/overview')).toBe(false);
  expect(isClientRoute('GET', '/api')).toBe(false);
});
