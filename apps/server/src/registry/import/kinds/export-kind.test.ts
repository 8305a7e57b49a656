// Each sheet kind's export is its import template's layout: the demo city's certificates, honours, platforms and
// talents, exported as CSV and as .xlsx, import back with no error and without writing a single row; and the
// export loses nothing (an emptied table imported from it holds the same values).
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-database.ts';
import { SYSTEM_ACTOR, type UserActor } from '../../../platform/auth/actor.ts';
import { importSheet } from '../import-sheet.ts';
import { readSheet, type SheetFormat } from '../read-sheet.ts';
import { exportKind } from './export-kind.ts';
import { templateHeaderOf, SHEET_KIND_IDS, type SheetKindId } from './sheet-kind.ts';
import { SHEET_KINDS } from './sheet-kinds.ts';

const REGION = '410300';
const TABLES: Record<SheetKindId, string> = {
  certificates: 'registry_certificates', honours: 'registry_honours', platforms: 'registry_platforms', talents: 'registry_talents',
};
const bureau: UserActor = { kind: 'user', userId: '', role: 'bureau_staff', displayName: 'test', login: 'test', regionCode: REGION, organisation: null, csrfToken: '' };

let database: TestDatabase;
let dir = '';
beforeAll(async () => {
  database = await createTestDatabase({ withDemo: true });
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'kc-kind-export-'));
});
afterAll(async () => {
  await database.close();
  await fsp.rm(dir, { recursive: true, force: true });
});

async function exportTo(kind: SheetKindId, format: SheetFormat, pageSize?: number): Promise<string> {
  const file = path.join(dir, `${kind}-${pageSize ?? 'all'}.${format}`);
  await exportKind(database.pool, bureau, kind, {}, format, fs.createWriteStream(file), pageSize);
  return file;
}

async function sheetRows(file: string, format: SheetFormat): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const r of readSheet(file, format).rows) rows.push(r.values);
  return rows;
}

/** The row versions of a table (xmin changes on every write), to prove a re-import wrote nothing. */
async function versions(table: string): Promise<string> {
  const { rows } = await database.pool.query<{ v: string }>(`SELECT string_agg(xmin::text, ',' ORDER BY id) AS v FROM ${table} WHERE region_code = $1`, [REGION]);
  return rows[0]!.v;
}

/** Every stored value of a table but the generated id, in a stable order. */
async function contents(table: string): Promise<string[]> {
  const { rows } = await database.pool.query<{ r: string }>(`SELECT (to_jsonb(t) - 'id')::text AS r FROM ${table} t WHERE region_code = $1`, [REGION]);
  return rows.map((x) => x.r).sort();
}

async function count(table: string): Promise<number> {
  return (await database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE region_code = $1`, [REGION])).rows[0]!.n;
}

describe.each(SHEET_KIND_IDS)('%s', (kind) => {
  test.each(['csv', 'xlsx'] as const)('exported as %s, it imports back with no error and changes nothing', async (format) => {
    const table = TABLES[kind];
    const stored = await count(table);
    expect(stored).toBeGreaterThan(20); // the demo city has some of every kind
    // A small page for the smaller tables, so the keyset paging is crossed many times (a repeated row would be a
    // duplicate key on import, a skipped one a short count).
    const file = await exportTo(kind, format, kind === 'certificates' ? undefined : 7);
    const rows = await sheetRows(file, format);
    expect(rows[0]).toEqual(SHEET_KINDS[kind].columns.map(templateHeaderOf));
    expect(rows.length - 1).toBe(stored);

    const before = await versions(table);
    const s = await importSheet(database, kind, { regionCode: REGION, path: file, format, fileName: path.basename(file), actor: SYSTEM_ACTOR });
    expect(s.error).toBeNull();
    expect({ read: s.rowsRead, imported: s.rowsImported, failed: s.rowsFailed }).toEqual({ read: stored, imported: stored, failed: 0 });
    expect(await versions(table)).toBe(before);
    expect(await count(table)).toBe(stored);
    const { rows: [audits] } = await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1', [s.jobId]);
    expect(audits!.n).toBe(0);
  });

  test('the export carries every stored value: emptied and imported again, the table holds the same rows', async () => {
    const table = TABLES[kind];
    const file = await exportTo(kind, 'csv');
    const before = await contents(table);
    await database.pool.query(`DELETE FROM ${table} WHERE region_code = $1`, [REGION]);
    const s = await importSheet(database, kind, { regionCode: REGION, path: file, format: 'csv', fileName: path.basename(file), actor: SYSTEM_ACTOR });
    expect(s.rowsFailed).toBe(0);
    expect(await contents(table)).toEqual(before);
  });
});

test('values are written as the template spells them: Chinese names of closed lists, amounts in 万元', async () => {
  const certificates = await sheetRows(await exportTo('certificates', 'csv'), 'csv');
  expect(new Set(certificates.slice(1).map((r) => r[2]))).toContain('高新技术企业');
  expect(new Set(certificates.slice(1).map((r) => r[3]))).toContain('国家级');
  const honours = await sheetRows(await exportTo('honours', 'csv'), 'csv');
  const round = honours.find((r) => r[2] === '股权融资')!;
  const { rows: [stored] } = await database.pool.query<{ amount: string }>(
    `SELECT h.amount_fen::text AS amount FROM registry_honours h JOIN organisations o ON o.id = h.organisation_id
     WHERE o.uscc = $1 AND h.kind = 'equity_round' AND h.name = $2 AND h.year = $3`, [round[0], round[3], Number(round[7])]);
  expect(round[8]).toBe(String(BigInt(stored!.amount) / 1_000_000n)); // whole 万元 in the demo, written without decimals
  expect(round[4]).toBe(''); // a round has no level
  const standard = honours.find((r) => r[2] === '标准')!;
  expect(['行业标准', '团体标准']).toContain(standard[4]);
  expect(['主导', '参与']).toContain(standard[5]);
});

test('the filters select by the organisation a row belongs to: a platform by its host\'s cluster, district or name', async () => {
  const exported = async (f: { cluster?: string; district?: string; q?: string }) => {
    const file = path.join(dir, `platforms-filtered-${Math.random().toString(36).slice(2)}.csv`);
    await exportKind(database.pool, bureau, 'platforms', f, 'csv', fs.createWriteStream(file));
    return (await sheetRows(file, 'csv')).slice(1);
  };
  const { rows: [host] } = await database.pool.query<{ cluster: string; district: string; uscc: string }>(
    `SELECT e.cluster, o.district_code AS district, o.uscc FROM registry_platforms p JOIN organisations o ON o.id = p.host_organisation_id
     JOIN registry_enterprises e ON e.organisation_id = o.id WHERE p.region_code = $1 AND e.cluster IS NOT NULL LIMIT 1`, [REGION]);
  const expected = async (cond: string, v: string) => (await database.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM registry_platforms p JOIN organisations o ON o.id = p.host_organisation_id
     LEFT JOIN registry_enterprises e ON e.organisation_id = o.id WHERE p.region_code = $1 AND ${cond} = $2`, [REGION, v])).rows[0]!.n;
  const all = await count('registry_platforms');
  const byCluster = await exported({ cluster: host!.cluster });
  expect(byCluster.length).toBe(await expected('e.cluster', host!.cluster));
  expect(byCluster.length).toBeLessThan(all);
  expect((await exported({ district: host!.district })).length).toBe(await expected('o.district_code', host!.district));
  const byCode = await exported({ q: host!.uscc });
  expect(byCode.length).toBe(await expected('o.uscc', host!.uscc));
  expect(new Set(byCode.map((r) => r[0]))).toEqual(new Set([host!.uscc]));
});
