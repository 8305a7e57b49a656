// Writes one batch of validated rows in one transaction: organisations (created when missing, found by
// credit code), profiles, fiscal years and IP counts, each as one multi-row INSERT … ON CONFLICT over
// unnest() arrays, and one audit row. A row either lands in every table or in none.
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import type { AuditActor } from '../../platform/auth/actor.ts';
import { IP_COLUMNS, MONEY_KEYS, type ImportRow, type IpColumn, type RowError } from './validate-row.ts';

export type BatchOutcome = { imported: number; createdOrganisations: number; rejected: { row: ImportRow; errors: RowError[] }[] };

const lastBy = <T>(rows: readonly T[], key: (r: T) => string): T[] => [...new Map(rows.map((r) => [key(r), r])).values()];
const str = (v: bigint | null) => (v === null ? null : v.toString());

/** `audit` replaces the import's audit entry when the batch is one user's edit rather than a file. */
export type BatchAudit = { action: string; entityType: string; entityId: string; after: unknown };

export async function writeBatch(client: pg.PoolClient, regionCode: string, jobId: string, actor: AuditActor, rows: readonly ImportRow[], audit?: BatchAudit): Promise<BatchOutcome> {
  await client.query('BEGIN');
  try {
    const orgRows = lastBy(rows, (r) => r.uscc);
    const orgs = await client.query<{ id: string; uscc: string; inserted: boolean }>(
      `INSERT INTO organisations (region_code, id, kind, name, uscc, district_code)
       SELECT $1, gen_random_uuid(), 'enterprise', t.n, t.u, t.d FROM unnest($2::text[], $3::text[], $4::text[]) AS t(u, n, d)
       ON CONFLICT (region_code, uscc) DO UPDATE SET name = EXCLUDED.name, district_code = EXCLUDED.district_code, updated_at = now()
         WHERE organisations.kind = 'enterprise'
       RETURNING id, uscc, (xmax = 0) AS inserted`,
      [regionCode, orgRows.map((r) => r.uscc), orgRows.map((r) => r.name), orgRows.map((r) => r.districtCode)],
    );
    const idOf = new Map(orgs.rows.map((o) => [o.uscc, o.id]));
    const rejected = rows.filter((r) => !idOf.has(r.uscc)).map((row) => ({
      row,
      errors: [{ column: 'uscc' as const, field: '统一社会信用代码', rule: 'not_an_enterprise',
        message: `统一社会信用代码：${row.uscc} 已登记为非企业机构（高校、银行等），不能作为企业导入`,
        message_en: `Unified social credit code: ${row.uscc} is registered as an organisation that is not an enterprise` }],
    }));
    const good = rows.filter((r) => idOf.has(r.uscc));
    const profiles = lastBy(good, (r) => r.uscc);
    await client.query(
      `INSERT INTO registry_enterprises (region_code, organisation_id, founded_on, industry_code, tech_field, cluster, listed)
       SELECT $1, t.id, t.f, t.i, t.tf, t.c, t.l FROM unnest($2::uuid[], $3::date[], $4::text[], $5::text[], $6::text[], $7::boolean[]) AS t(id, f, i, tf, c, l)
       ON CONFLICT (region_code, organisation_id) DO UPDATE SET
         founded_on = coalesce(EXCLUDED.founded_on, registry_enterprises.founded_on),
         industry_code = coalesce(EXCLUDED.industry_code, registry_enterprises.industry_code),
         tech_field = coalesce(EXCLUDED.tech_field, registry_enterprises.tech_field),
         cluster = coalesce(EXCLUDED.cluster, registry_enterprises.cluster),
         listed = coalesce(EXCLUDED.listed, registry_enterprises.listed),
         updated_at = now()`,
      [regionCode, profiles.map((r) => idOf.get(r.uscc)), profiles.map((r) => r.foundedOn), profiles.map((r) => r.industryCode),
        profiles.map((r) => r.techField), profiles.map((r) => r.cluster), profiles.map((r) => r.listed)],
    );
    await client.query(FISCAL_SQL, [
      regionCode, good.map((r) => idOf.get(r.uscc)), good.map((r) => r.year),
      ...MONEY_KEYS.map((k) => good.map((r) => str(r.money[k]))),
      good.map((r) => r.employees), good.map((r) => r.scienceStaff), good.map((r) => r.rdStaff), good.map((r) => r.conversions),
    ]);
    const ip = lastBy(good.flatMap((r) => (Object.keys(IP_COLUMNS) as IpColumn[]).flatMap((c) => {
      const n = r.ip[c];
      return n === null ? [] : [{ id: idOf.get(r.uscc)!, kind: IP_COLUMNS[c], n }];
    })), (x) => `${x.id}|${x.kind}`);
    if (ip.length > 0) {
      await client.query(
        `INSERT INTO registry_ip_holdings (region_code, organisation_id, kind, status, acquisition, count)
         SELECT $1, t.id, t.k, 'granted', 'self', t.n FROM unnest($2::uuid[], $3::text[], $4::int[]) AS t(id, k, n)
         ON CONFLICT (region_code, organisation_id, kind, status, acquisition) DO UPDATE SET count = EXCLUDED.count`,
        [regionCode, ip.map((x) => x.id), ip.map((x) => x.kind), ip.map((x) => x.n)],
      );
    }
    const created = orgs.rows.filter((o) => o.inserted).length;
    // Last statement before COMMIT: the region's audit lock is held for as short as possible.
    await appendAudit(drizzle(client), actor, audit ? { regionCode, ...audit } : {
      regionCode, action: 'registry.rows_imported', entityType: 'import_job', entityId: jobId,
      after: { rows: good.length, firstRow: good[0]?.rowNumber ?? null, lastRow: good.at(-1)?.rowNumber ?? null, organisationsCreated: created },
    });
    await client.query('COMMIT');
    return { imported: good.length, createdOrganisations: created, rejected };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

const FISCAL_COLUMNS = ['sales_revenue_fen', 'operating_revenue_fen', 'main_business_revenue_fen', 'high_tech_revenue_fen', 'total_revenue_fen',
  'rd_expense_fen', 'rd_expense_domestic_fen', 'costs_and_expenses_fen', 'total_assets_fen', 'total_liabilities_fen', 'net_assets_fen', 'net_profit_fen'];
const COUNT_COLUMNS = ['employees', 'science_staff', 'rd_staff', 'conversions'];
const ALL = [...FISCAL_COLUMNS, ...COUNT_COLUMNS];

const FISCAL_SQL = `
  INSERT INTO registry_fiscal_years (region_code, organisation_id, year, ${ALL.join(', ')})
  SELECT $1, t.* FROM unnest($2::uuid[], $3::int[], ${FISCAL_COLUMNS.map((_, i) => `$${i + 4}::bigint[]`).join(', ')},
                              ${COUNT_COLUMNS.map((_, i) => `$${i + 4 + FISCAL_COLUMNS.length}::int[]`).join(', ')})
    AS t(id, y, ${ALL.map((c) => `c_${c}`).join(', ')})
  ON CONFLICT (region_code, organisation_id, year) DO UPDATE SET
    ${ALL.map((c) => `${c} = coalesce(EXCLUDED.${c}, registry_fiscal_years.${c})`).join(',\n    ')}`;
