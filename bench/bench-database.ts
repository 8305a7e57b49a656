// The database a benchmark runs on: with DATABASE_URL, a database of the given name created on that server
// (dropped first if a run left it, and dropped after unless kept); otherwise an embedded PostgreSQL in a
// temporary directory, removed after.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../apps/server/src/platform/database/open-database.ts';

export async function openBenchDatabase(o: { name: string; poolSize: number; keep?: boolean }): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${o.name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${o.name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${o.name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: o.poolSize });
    return {
      database,
      cleanup: async () => { await database.close(); if (!o.keep) await admin.query(`DROP DATABASE IF EXISTS ${o.name} WITH (FORCE)`); await admin.end(); },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${o.name.replace(/_/g, '-')}-`));
  const database = await openDatabase({ databaseUrl: undefined, dataDir: dir, poolSize: o.poolSize });
  return { database, cleanup: async () => { await database.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}
