// One way to get a database, whatever runs it: the embedded server in DATA_DIR, or DATABASE_URL.
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { startEmbeddedServer } from './embedded-server.ts';
import * as schema from './all-tables.ts';

export type DatabaseKind = 'embedded' | 'external';
export type Db = NodePgDatabase<typeof schema>;

/** The pool a Db was built on (drizzle keeps it), for what drizzle does not offer, e.g. named statements. */
export function poolOf(db: Db): pg.Pool {
  return (db as unknown as { $client: pg.Pool }).$client;
}

export type Database = {
  kind: DatabaseKind;
  pool: pg.Pool;
  db: Db;
  serverVersion: string;
  close(): Promise<void>;
};

export type OpenDatabaseOptions = {
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize?: number;
  onProgress?: (step: string) => void;
  onLog?: (line: string) => void;
};

const MIN_SERVER_VERSION_NUM = 150000;

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const embedded = options.databaseUrl
    ? undefined
    : await startEmbeddedServer({ dataDir: options.dataDir, onProgress: options.onProgress, onLog: options.onLog });
  const url = options.databaseUrl ?? embedded!.url;
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 20 });
  pool.on('error', (err) => options.onLog?.(`idle client error: ${err.message}`));
  try {
    const { rows } = await pool.query<{ version: string; num: string }>(
      "SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num",
    );
    const row = rows[0]!;
    if (Number(row.num) < MIN_SERVER_VERSION_NUM) {
      throw new Error(`PostgreSQL ${row.version} is too old: kechuang needs 15 or newer / 需要 PostgreSQL 15 或更高版本`);
    }
    return {
      kind: embedded ? 'embedded' : 'external',
      pool,
      db: drizzle(pool, { schema }),
      serverVersion: row.version,
      async close() {
        await pool.end();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await pool.end();
    await embedded?.stop();
    throw err;
  }
}
