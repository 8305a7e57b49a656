// The batch writer's two paths in one batch (new enterprises by COPY, registered ones by the staged upsert)
// and two writers registering the same enterprise at once.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/actor.ts';
import { makeUscc } from '../../platform/identity/uscc.ts';
import { COLUMNS } from './columns.ts';
import { validateRow, type ImportRow } from './validate-row.ts';
import { uuidV7 } from '../../platform/ids/uuid-v7.ts';
import { packBatch } from './packed-batch.ts';
import { writeBatch, writePackedBatch } from './write-batch.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const REGION = '410300';
const uscc = (n: number) => makeUscc(`91410300WBT${String(n).padStart(6, '0')}`);
let rowNumber = 2;

function importRow(over: Record<string, string>): ImportRow {
  const cells: Record<string, string> = { ...Object.fromEntries(COLUMNS.map((c) => [c.key, c.example])), ...over };
  const v = validateRow(rowNumber++, cells, { districts: new Set(['410300', '410311', '410305']), today: '2026-06-30', seen: new Map() });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.row;
}

async function write(rows: ImportRow[]) {
  const client = await t.database.pool.connect();
  try { return await writeBatch(client, REGION, 'test', SYSTEM_ACTOR, rows); } finally { client.release(); }
}

async function stored(code: string) {
  const { rows } = await t.database.pool.query<{ id: string; name: string; district_code: string; cluster: string | null; years: number[]; invention: number | null }>(`
    SELECT o.id, o.name, o.district_code, e.cluster,
           (SELECT array_agg(year ORDER BY year) FROM registry_fiscal_years f WHERE f.organisation_id = o.id) AS years,
           (e.ip_counts->>'invention/granted/self')::int AS invention
    FROM organisations o LEFT JOIN registry_enterprises e ON e.region_code = o.region_code AND e.organisation_id = o.id
    WHERE o.region_code = $1 AND o.uscc = $2`, [REGION, code]);
  return rows;
}

describe('one batch with new and registered enterprises', () => {
  test('new ones are created once with every year, registered ones are updated, a university is refused', async () => {
    await write([importRow({ uscc: uscc(1), name: '甲公司', year: '2023', cluster: '高端轴承', ipInvention: '2' })]);
    const before = await stored(uscc(1));
    const { rows: uni } = await t.database.pool.query<{ uscc: string }>("SELECT uscc FROM organisations WHERE kind = 'university' LIMIT 1");

    const out = await write([
      importRow({ uscc: uscc(1), name: '甲公司（更名）', year: '2024', cluster: '', ipInvention: '3' }),
      importRow({ uscc: uscc(2), name: '乙公司', year: '2023', districtCode: '410305', ipInvention: '1' }),
      importRow({ uscc: uscc(2), name: '乙公司', year: '2024', districtCode: '410311', ipInvention: '4' }),
      importRow({ uscc: uni[0]!.uscc, year: '2024' }),
    ]);

    expect(out).toMatchObject({ imported: 3, createdOrganisations: 1 });
    expect(out.rejected.map((r) => r.errors[0]!.rule)).toEqual(['not_an_enterprise']);
    const first = await stored(uscc(1));
    // Same organisation, renamed; an empty cluster cell keeps the stored cluster; the latest IP count wins.
    expect(first).toEqual([{ id: before[0]!.id, name: '甲公司（更名）', district_code: '410311', cluster: before[0]!.cluster, years: [2023, 2024], invention: 3 }]);
    expect(before[0]!.cluster).not.toBeNull();
    const second = await stored(uscc(2));
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ name: '乙公司', district_code: '410311', years: [2023, 2024], invention: 4 });
    expect(second[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });

  test('IP counts given replace those of their kind; an empty IP cell keeps the stored count', async () => {
    const ip = async () => (await t.database.pool.query<{ ip: Record<string, number> }>(
      'SELECT e.ip_counts AS ip FROM registry_enterprises e JOIN organisations o ON o.id = e.organisation_id WHERE o.uscc = $1', [uscc(4)])).rows[0]!.ip;
    await write([importRow({ uscc: uscc(4), year: '2023', ipInvention: '2', ipSoftware: '7', ipIcLayout: '' })]);
    expect(await ip()).toEqual({ 'invention/granted/self': 2, 'utility_model/granted/self': 12, 'design/granted/self': 1, 'software_copyright/granted/self': 7 });
    await write([importRow({ uscc: uscc(4), year: '2024', ipInvention: '9', ipUtilityModel: '', ipDesign: '', ipSoftware: '', ipIcLayout: '0' })]);
    expect(await ip()).toEqual({ 'invention/granted/self': 9, 'utility_model/granted/self': 12, 'design/granted/self': 1, 'software_copyright/granted/self': 7, 'ic_layout/granted/self': 0 });
  });

  test('the same batch written again changes nothing', async () => {
    const rows = [importRow({ uscc: uscc(3), year: '2024' })];
    await write(rows);
    const version = async () => (await t.database.pool.query<{ v: string }>(`
      SELECT string_agg(x::text, ',') AS v FROM (
        SELECT xmin AS x FROM organisations WHERE uscc = $1
        UNION ALL SELECT f.xmin FROM registry_fiscal_years f JOIN organisations o ON o.id = f.organisation_id WHERE o.uscc = $1
        UNION ALL SELECT e.xmin FROM registry_enterprises e JOIN organisations o ON o.id = e.organisation_id WHERE o.uscc = $1) AS t`, [uscc(3)])).rows[0]!.v;
    const first = await version();
    const out = await write(rows);
    expect(out).toMatchObject({ imported: 1, createdOrganisations: 0 });
    expect(await version()).toBe(first); // no row version changed
  });
});

describe('a batch written without the lookup (a first import)', () => {
  test('goes in by COPY as packed; when it holds a registered enterprise it is written again with the lookup, and says so', async () => {
    const client = await t.database.pool.connect();
    try {
      const fresh = packBatch(REGION, [importRow({ uscc: uscc(20), year: '2024' })], () => uuidV7());
      expect(await writePackedBatch(client, REGION, 'test', SYSTEM_ACTOR, fresh, undefined, true)).toMatchObject({ imported: 1, createdOrganisations: 1, conflicted: false });
      const mixed = packBatch(REGION, [importRow({ uscc: uscc(20), name: '丁公司', year: '2023' }), importRow({ uscc: uscc(21), year: '2024' })], () => uuidV7());
      expect(await writePackedBatch(client, REGION, 'test', SYSTEM_ACTOR, mixed, undefined, true)).toMatchObject({ imported: 2, createdOrganisations: 1, conflicted: true });
    } finally {
      client.release();
    }
    expect(await stored(uscc(20))).toEqual([expect.objectContaining({ name: '丁公司', years: [2023, 2024] })]);
    expect(await stored(uscc(21))).toHaveLength(1);
  });
});

describe('two writers registering the same enterprise at once', () => {
  test('the writer that loses the race to register it rolls back, retries and upserts: one organisation, both years', async () => {
    // Another session registers the enterprise and holds its transaction open: the batch's lookup cannot see
    // it, so the batch's COPY waits on the credit-code index, then fails when the other session commits.
    const other = await t.database.pool.connect();
    try {
      await other.query('BEGIN');
      await other.query("INSERT INTO organisations (region_code, id, kind, name, uscc, district_code) VALUES ($1, gen_random_uuid(), 'enterprise', '丙公司', $2, '410311')", [REGION, uscc(9)]);
      const pending = write([importRow({ uscc: uscc(9), name: '丙公司', year: '2024' })]);
      for (let i = 0; i < 200; i++) {
        const { rows } = await t.database.pool.query("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'COPY organisations%'");
        if (rows.length > 0) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      await other.query('COMMIT');
      const out = await pending;
      expect(out).toMatchObject({ imported: 1, createdOrganisations: 0 });
    } finally {
      other.release();
    }
    const rows = await stored(uscc(9));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.years).toEqual([2024]);
  });
});
