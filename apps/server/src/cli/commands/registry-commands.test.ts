// `kechuang registry template|import|export --kind …` in-process against this file's test database.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { templateHeaderOf } from '../../registry/import/kinds/sheet-kind.ts';
import { SHEET_KINDS } from '../../registry/import/kinds/sheet-kinds.ts';
import { registerRegistryCommands } from './registry-commands.ts';

let database: TestDatabase;
let dir = '';
const savedUrl = process.env.DATABASE_URL;
beforeAll(async () => {
  database = await createTestDatabase({ withDemo: true });
  process.env.DATABASE_URL = database.url;
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kc-registry-cli-'));
});
afterAll(async () => {
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
  await database.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<void> {
  const program = new Command('kechuang').exitOverride();
  registerRegistryCommands(program);
  await program.parseAsync(['node', 'kechuang', 'registry', ...args]);
}

test('template --kind writes that kind\'s Chinese headers; an unknown kind is refused by name', async () => {
  const file = path.join(dir, 'platforms.csv');
  await run(['template', file, '--kind', 'platforms']);
  const text = (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  expect(text.split('\n')[0]).toBe(SHEET_KINDS.platforms.columns.map(templateHeaderOf).join(','));
  await expect(run(['template', file, '--kind', 'patents'])).rejects.toThrow(/--kind: patents is not one of enterprises, certificates/);
});

test('import --kind talents imports the good rows and writes the error report beside the file', async () => {
  const { rows: [org] } = await database.pool.query<{ uscc: string }>("SELECT uscc FROM organisations WHERE kind = 'enterprise' LIMIT 1");
  const file = path.join(dir, 'talents.csv');
  const header = SHEET_KINDS.talents.columns.map(templateHeaderOf).join(',');
  await fs.writeFile(file, [header, `${org!.uscc},,命令行团队,团队,河洛英才计划,2022`, `${org!.uscc},,未来团队,团队,河洛英才计划,2999`].join('\n'));
  try {
    await run(['import', file, '--kind', 'talents']);
    expect(process.exitCode).toBe(1); // rows failed
  } finally {
    process.exitCode = undefined;
  }
  const { rows } = await database.pool.query("SELECT kind, programme, year FROM registry_talents WHERE name = '命令行团队'");
  expect(rows).toEqual([{ kind: 'team', programme: '河洛英才计划', year: 2022 }]);
  const report = await fs.readFile(`${file}.errors.csv`, 'utf8');
  expect(report).toContain('入选年度：2999 年尚未到来');
  expect(report).toContain('Year selected: 2999 is in the future');
});

test('export --kind platforms writes that kind\'s sheet: the template\'s headers and every platform of the region', async () => {
  const file = path.join(dir, 'platforms-export.csv');
  await run(['export', file, '--kind', 'platforms']);
  const lines = (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '').trim().split('\n');
  expect(lines[0]).toBe(SHEET_KINDS.platforms.columns.map(templateHeaderOf).join(','));
  const { rows: [n] } = await database.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM registry_platforms WHERE region_code = '410300'");
  expect(lines.length - 1).toBe(n!.n);
  await expect(run(['export', file, '--kind', 'patents'])).rejects.toThrow(/--kind: patents is not one of/);
});
