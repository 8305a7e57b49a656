// What every start and `kechuang db migrate` do: apply migrations, then refresh the reference data.
import type { Database } from './open-database.ts';
import { runMigrations } from './migrate.ts';
import { syncReferenceData } from './sync-reference-data.ts';

export async function prepareDatabase(database: Database): Promise<void> {
  await runMigrations(database.pool);
  await syncReferenceData(database.db);
}
