// The embedded database as `kechuang serve` runs it: a real PostgreSQL in DATA_DIR, one server per
// directory, stopped cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { freePort } from '../../../../../e2e/harness.ts';

const CLI = path.resolve(import.meta.dirname, '../../../bin/kechuang.js');

function serve(dataDir: string, port: number) {
  const child = spawn(process.execPath, [CLI, 'serve', '--no-demo'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitHealthy(port: number): Promise<{ database: { kind: string; serverVersion: string } }> {
  for (let i = 0; i < 300; i++) {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`).catch(() => null);
    if (res?.ok) return res.json() as Promise<{ database: { kind: string; serverVersion: string } }>;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('not healthy');
}

test('serve starts PostgreSQL in DATA_DIR, a second server on it is refused, SIGTERM stops both cleanly', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-serve-'));
  const port = await freePort();
  const first = serve(dataDir, port);
  try {
    const health = await waitHealthy(port);
    expect(health.database.kind).toBe('embedded');
    expect(fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);

    const second = serve(dataDir, await freePort());
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/正被另一个 kechuang 进程.*in use by another kechuang process/s);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'kechuang.lock'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false); // PostgreSQL shut down, not killed
  } finally {
    first.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);
