import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { PLATFORM_TABLES, REFERENCE_TABLES } from './table-classes.ts';

let database: TestDatabase;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(async () => database.close());

type KeyRow = { table_name: string; key_columns: string[] | null };

async function primaryKeys(): Promise<KeyRow[]> {
  const { rows } = await database.pool.query<KeyRow>(`
    SELECT c.relname AS table_name,
           (SELECT array_agg(a.attname::text ORDER BY k.ord)
              FROM pg_constraint pk
              CROSS JOIN LATERAL unnest(pk.conkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = pk.conrelid AND a.attnum = k.attnum
             WHERE pk.conrelid = c.oid AND pk.contype = 'p') AS key_columns
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'drizzle')`);
  return rows;
}

test('every tenant-scoped table leads its primary key with region_code', async () => {
  const tables = await primaryKeys();
  expect(tables.length).toBeGreaterThan(5);
  const offenders = tables
    .filter((t) => !(t.table_name in REFERENCE_TABLES) && !(t.table_name in PLATFORM_TABLES))
    .filter((t) => t.key_columns?.[0] !== 'region_code')
    .map((t) => `${t.table_name} (${t.key_columns?.join(', ') ?? 'no primary key'})`);
  expect(offenders).toEqual([]);
});

test('the check catches a table that forgets region_code', async () => {
  await database.pool.query('CREATE TABLE forgetful (id uuid PRIMARY KEY, name text)');
  const tables = await primaryKeys();
  const forgetful = tables.find((t) => t.table_name === 'forgetful');
  expect(forgetful?.key_columns).toEqual(['id']);
  await database.pool.query('DROP TABLE forgetful');
});

test('every listed reference and platform table exists (the lists stay true)', async () => {
  const names = new Set((await primaryKeys()).map((t) => t.table_name));
  for (const table of [...Object.keys(REFERENCE_TABLES), ...Object.keys(PLATFORM_TABLES)]) {
    expect(names.has(table), table).toBe(true);
  }
});
