// Applies the SQL migrations checked into apps/server/drizzle/<module>/, platform first, then the other
// modules alphabetically; each module keeps its own history table (drizzle.migrations_<module>).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

// Two servers starting together against one external database must not both migrate: a session-level
// advisory lock makes the second wait and then find nothing to do.
const MIGRATION_LOCK_KEY = 0x6b6563; // "kec"

export function migrationModules(dir = MIGRATIONS_DIR): string[] {
  const modules = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  return ['platform', ...modules.filter((m) => m !== 'platform').sort()].filter((m) => modules.includes(m));
}

export async function runMigrations(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query('SET client_min_messages = warning'); // no NOTICE noise for "schema already exists"
    const db = drizzle(client);
    for (const moduleName of migrationModules()) {
      await migrate(db, {
        migrationsFolder: path.join(MIGRATIONS_DIR, moduleName),
        migrationsSchema: 'drizzle',
        migrationsTable: `migrations_${moduleName.replace(/-/g, '_')}`,
      });
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
