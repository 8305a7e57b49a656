// A fresh, migrated database for one test file, cloned from the run's template and dropped afterwards.
import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../src/platform/database/open-database.ts';
import { withDatabaseName } from './global-setup.ts';

export type TestDatabase = Database & { url: string; name: string };

/** `withDemo`: start from the demo city (accounts, organisations and every module's demo data). */
export async function createTestDatabase(options: { withDemo?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = `kc_t_${inject('pgTemplate').split('_').at(-1)}_${crypto.randomBytes(5).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${inject(options.withDemo ? 'pgDemoTemplate' : 'pgTemplate')}`);
  const url = withDatabaseName(adminUrl, name);
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 10 });
  return {
    ...database,
    url,
    name,
    async close() {
      await database.close();
      await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function admin(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
