// Authenticated GET /api/v1/me at 50 connections (autocannon), on the embedded database and on the external
// PostgreSQL (EXTERNAL_DATABASE_URL, default the local PostgreSQL 15). Budget (issue 2): ≥ 5,000 req/s, p99 ≤ 20 ms.
// Run: node --import tsx bench/platform-me-throughput.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startServer } from './platform-server.ts';

const DURATION_S = Number(process.env.DURATION ?? 15);
const EXTERNAL = process.env.EXTERNAL_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function measure(label: string, env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  const server = await startServer({ LOG_LEVEL: 'warn', ...env }, 'cli');
  try {
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'bureau.admin@demo.kechuang.cn', password: 'Kechuang@2025' }),
    });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    await autocannon({ url: `${server.baseUrl}/api/v1/me`, connections: 50, duration: 3, headers: { cookie } }); // warm-up
    const result = await autocannon({ url: `${server.baseUrl}/api/v1/me`, connections: 50, duration: DURATION_S, headers: { cookie } });
    return {
      database: label,
      requestsPerSecond: Math.round(result.requests.average),
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      non2xx: result.non2xx, errors: result.errors,
    };
  } finally {
    await server.stop();
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-me-'));
const embedded = await measure('embedded', { DATA_DIR: dataDir, DATABASE_URL: '' });
fs.rmSync(dataDir, { recursive: true, force: true });

const dbName = `kc_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: EXTERNAL });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const externalUrl = new URL(EXTERNAL);
externalUrl.pathname = `/${dbName}`;
let external: Record<string, unknown>;
try {
  external = await measure('external', { DATABASE_URL: externalUrl.toString() });
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
console.log(JSON.stringify({ connections: 50, durationSeconds: DURATION_S, embedded, external }, null, 2));
