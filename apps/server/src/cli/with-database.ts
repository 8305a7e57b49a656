// Opens the configured database (embedded or DATABASE_URL), migrates it, runs one piece of work, closes.
import { readConfig } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/database/open-database.ts';
import { prepareDatabase } from '../platform/database/prepare-database.ts';
import { progress } from './progress.ts';

export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const config = readConfig();
  const bar = progress();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, onProgress: (s) => bar.step(`database: ${s}`) });
  try {
    bar.step('database: migrate');
    await prepareDatabase(database);
    bar.done();
    return await work(database);
  } finally {
    await database.close();
  }
}
