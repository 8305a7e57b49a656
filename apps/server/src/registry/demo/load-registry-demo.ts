// Loads the demo city's registry in a few bulk statements (well under a second for ~3,000 enterprises): the
// generated enterprises through the import's own batch writer, then certificates, honours, platforms and
// talents, and the two demo enterprises that have accounts. Skipped when the region already has enterprises.
import type pg from 'pg';
import { SYSTEM_ACTOR } from '../../platform/auth/actor.ts';
import { makeUscc } from '../../platform/identity/uscc.ts';
import { writeBatch } from '../import/write-batch.ts';
import type { ImportRow } from '../import/validate-row.ts';
import { generateDemoRegistry, type DemoRegistry } from './generate-demo-registry.ts';

export const DEMO_ENTERPRISE_COUNT = 3200;

export async function loadRegistryDemo(pool: pg.Pool, regionCode: string, today = new Date().toISOString().slice(0, 10), count = DEMO_ENTERPRISE_COUNT): Promise<{ enterprises: number }> {
  const { rows: existing } = await pool.query('SELECT 1 FROM registry_enterprises WHERE region_code = $1 LIMIT 1', [regionCode]);
  if (existing.length > 0) return { enterprises: 0 };
  const year = Number(today.slice(0, 4));
  const demo = generateDemoRegistry({ count, year, regionCode });
  addAccountEnterprises(demo, regionCode, year);
  const client = await pool.connect();
  try {
    for (let i = 0; i < demo.rows.length; i += 10_000) await writeBatch(client, regionCode, 'demo', SYSTEM_ACTOR, demo.rows.slice(i, i + 10_000));
    await client.query('BEGIN');
    const ids = new Map((await client.query<{ id: string; uscc: string }>(
      "SELECT id, uscc FROM organisations WHERE region_code = $1 AND kind = 'enterprise'", [regionCode])).rows.map((r) => [r.uscc, r.id]));
    const id = (uscc: string) => ids.get(uscc)!;
    const c = demo.certificates;
    await client.query(
      `INSERT INTO registry_certificates (region_code, organisation_id, id, kind, level, number, valid_from, valid_until)
       SELECT $1, t.o, gen_random_uuid(), t.k, t.l, t.n, t.f, t.u FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[]) AS t(o, k, l, n, f, u)`,
      [regionCode, c.map((x) => id(x.uscc)), c.map((x) => x.kind), c.map((x) => x.level), c.map((x) => x.number), c.map((x) => x.validFrom), c.map((x) => x.validUntil)]);
    const h = demo.honours;
    await client.query(
      `INSERT INTO registry_honours (region_code, organisation_id, id, kind, name, level, role, rank, year, amount_fen, on_date)
       SELECT $1, t.o, gen_random_uuid(), t.k, t.n, t.l, t.r, t.rk, t.y, t.a, t.d
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::bigint[], $10::date[]) AS t(o, k, n, l, r, rk, y, a, d)`,
      [regionCode, h.map((x) => id(x.uscc)), h.map((x) => x.kind), h.map((x) => x.name), h.map((x) => x.level), h.map((x) => x.role), h.map((x) => x.rank),
        h.map((x) => x.year), h.map((x) => (x.amountFen === null ? null : x.amountFen.toString())), h.map((x) => x.onDate)]);
    const p = demo.platforms;
    await client.query(
      `INSERT INTO registry_platforms (region_code, id, host_organisation_id, name, kind, level, approved_on)
       SELECT $1, gen_random_uuid(), t.o, t.n, t.k, t.l, t.a FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[]) AS t(o, n, k, l, a)`,
      [regionCode, p.map((x) => id(x.uscc)), p.map((x) => x.name), p.map((x) => x.kind), p.map((x) => x.level), p.map((x) => x.approvedOn)]);
    const t = demo.talents;
    await client.query(
      `INSERT INTO registry_talents (region_code, id, organisation_id, name, kind, programme, year)
       SELECT $1, gen_random_uuid(), t.o, t.n, t.k, t.p, t.y FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[]) AS t(o, n, k, p, y)`,
      [regionCode, t.map((x) => id(x.uscc)), t.map((x) => x.name), t.map((x) => x.kind), t.map((x) => x.programme), t.map((x) => x.year)]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  return { enterprises: count + 2 };
}

/**
 * The two demo enterprises with accounts: 启明轴承 holds a tech-SME registration and is a few steps from 高企
 * (R&D 3.4% of sales, below the 4% its size needs), so its self-assessment shows gaps; 云端新材料 is a 高企
 * whose certificate runs out within 180 days.
 */
function addAccountEnterprises(demo: DemoRegistry, regionCode: string, year: number): void {
  const qiming = makeUscc(`91${regionCode}KC0000002`);
  const yunduan = makeUscc(`91${regionCode}KC0000003`);
  const wan = (v: number) => Math.round(v * 100) * 10_000;
  const fy = (uscc: string, name: string, district: string, cluster: string, field: string, y: number, sales: number, rd: number, staff: number, science: number): ImportRow => ({
    rowNumber: 0, uscc, name, districtCode: district, foundedOn: '2014-03-18', industryCode: cluster === 'bearings' ? 'C3451' : 'C3042', techField: field, cluster, listed: false, year: y,
    employees: staff, scienceStaff: science, rdStaff: Math.round(science * 0.8), conversions: 2,
    money: {
      salesRevenue: wan(sales), operatingRevenue: wan(sales * 1.01), mainBusinessRevenue: wan(sales * 0.93), highTechRevenue: wan(sales * 0.66),
      totalRevenue: wan(sales * 1.02), rdExpense: wan(rd), rdExpenseDomestic: wan(rd), costsAndExpenses: wan(sales * 0.86),
      totalAssets: wan(sales * 1.3), totalLiabilities: wan(sales * 0.55), netAssets: wan(sales * 0.75), netProfit: wan(sales * 0.09),
    },
    ip: { ipInvention: 1, ipUtilityModel: 7, ipDesign: 1, ipSoftware: 2, ipIcLayout: 0 },
  });
  for (const [i, y] of [year - 3, year - 2, year - 1].entries()) {
    demo.rows.push(fy(qiming, '洛阳启明轴承科技有限公司（演示）', '410311', 'bearings', 'advanced_manufacturing', y, 6200 * 1.12 ** i, 6200 * 1.12 ** i * 0.034, 168 + 6 * i, 22 + i));
    demo.rows.push(fy(yunduan, '洛阳云端新材料有限公司（演示）', '410305', 'display_materials', 'new_materials', y, 14800 * 1.18 ** i, 14800 * 1.18 ** i * 0.052, 240 + 12 * i, 41 + 3 * i));
  }
  demo.certificates.push({ uscc: qiming, kind: 'tech-sme', level: 'national', number: `${year}410300KC002`, validFrom: `${year}-04-30`, validUntil: `${year}-12-31` });
  const until = new Date(Date.UTC(year, new Date().getUTCMonth() + 4, 15)).toISOString().slice(0, 10);
  const from = `${Number(until.slice(0, 4)) - 3}${until.slice(4)}`;
  demo.certificates.push({ uscc: yunduan, kind: 'hnte', level: 'national', number: `GR${from.slice(0, 4)}41000KC3`, validFrom: from, validUntil: until });
}
