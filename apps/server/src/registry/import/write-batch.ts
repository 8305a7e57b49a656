// Writes one batch of validated rows in one transaction: COPY into a per-session staging table, then one
// INSERT … SELECT … ON CONFLICT per target (organisations created when missing and found by credit code,
// profiles, fiscal years, IP counts), and one audit row. A row lands in every table or in none. Updates
// that would change nothing are skipped, so re-importing the same file writes (almost) nothing.
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import type { AuditActor } from '../../platform/auth/actor.ts';
import { copyIn, copyValue } from './copy-in.ts';
import { IP_COLUMNS, MONEY_KEYS, type ImportRow, type IpColumn, type RowError } from './validate-row.ts';

export type BatchOutcome = { imported: number; createdOrganisations: number; rejected: { row: ImportRow; errors: RowError[] }[] };

/** `audit` replaces the import's audit entry when the batch is one user's edit rather than a file. */
export type BatchAudit = { action: string; entityType: string; entityId: string; after: unknown };

const FISCAL = ['sales_revenue_fen', 'operating_revenue_fen', 'main_business_revenue_fen', 'high_tech_revenue_fen', 'total_revenue_fen',
  'rd_expense_fen', 'rd_expense_domestic_fen', 'costs_and_expenses_fen', 'total_assets_fen', 'total_liabilities_fen', 'net_assets_fen', 'net_profit_fen',
  'employees', 'science_staff', 'rd_staff', 'conversions'];
const IP_KEYS = Object.keys(IP_COLUMNS) as IpColumn[];
const IP_STAGE = IP_KEYS.map((k) => `ip_${IP_COLUMNS[k]}`);
const STAGE_COLUMNS = ['row_number', 'uscc', 'name', 'district', 'founded_on', 'industry_code', 'tech_field', 'cluster', 'listed', 'year', ...FISCAL, ...IP_STAGE];

const CREATE_STAGE = `CREATE TEMP TABLE IF NOT EXISTS registry_import_stage (
  row_number int, uscc text, name text, district text, founded_on date, industry_code text, tech_field text, cluster text, listed boolean, year int,
  ${FISCAL.map((c) => `${c} ${c.endsWith('_fen') ? 'bigint' : 'int'}`).join(', ')}, ${IP_STAGE.map((c) => `${c} int`).join(', ')}
) ON COMMIT DELETE ROWS`;
const COPY = `COPY registry_import_stage (${STAGE_COLUMNS.join(', ')}) FROM STDIN`;
const JOIN = `FROM registry_import_stage s JOIN organisations o ON o.region_code = $1 AND o.uscc = s.uscc AND o.kind = 'enterprise'`;
const PROFILE = ['founded_on', 'industry_code', 'tech_field', 'cluster', 'listed'];

// A time-ordered UUID (version 7 layout: 48-bit Unix milliseconds, then random bits). PostgreSQL 15–17 have no
// uuidv7(); random v4 keys scatter a million-row import across every page of each primary-key index, ordered
// keys append to its right edge.
const UUID_V7 = `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid`;

const SQL = {
  organisations: `WITH up AS (
      INSERT INTO organisations (region_code, id, kind, name, uscc, district_code)
      SELECT DISTINCT ON (uscc) $1, ${UUID_V7}, 'enterprise', name, uscc, district FROM registry_import_stage ORDER BY uscc, row_number DESC
      ON CONFLICT (region_code, uscc) DO UPDATE SET name = EXCLUDED.name, district_code = EXCLUDED.district_code, updated_at = now()
        WHERE organisations.kind = 'enterprise' AND (organisations.name, organisations.district_code) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.district_code)
      RETURNING (xmax = 0) AS inserted)
    SELECT count(*) FILTER (WHERE inserted)::int AS created FROM up`,
  notEnterprise: `SELECT s.row_number FROM registry_import_stage s JOIN organisations o ON o.region_code = $1 AND o.uscc = s.uscc WHERE o.kind <> 'enterprise'`,
  profiles: `INSERT INTO registry_enterprises (region_code, organisation_id, ${PROFILE.join(', ')})
    SELECT DISTINCT ON (s.uscc) $1, o.id, ${PROFILE.map((c) => `s.${c}`).join(', ')} ${JOIN} ORDER BY s.uscc, s.row_number DESC
    ON CONFLICT (region_code, organisation_id) DO UPDATE SET ${PROFILE.map((c) => `${c} = coalesce(EXCLUDED.${c}, registry_enterprises.${c})`).join(', ')}, updated_at = now()
      WHERE (${PROFILE.map((c) => `registry_enterprises.${c}`).join(', ')}) IS DISTINCT FROM (${PROFILE.map((c) => `coalesce(EXCLUDED.${c}, registry_enterprises.${c})`).join(', ')})`,
  fiscal: `INSERT INTO registry_fiscal_years (region_code, organisation_id, year, ${FISCAL.join(', ')})
    SELECT $1, o.id, s.year, ${FISCAL.map((c) => `s.${c}`).join(', ')} ${JOIN}
    ON CONFLICT (region_code, organisation_id, year) DO UPDATE SET ${FISCAL.map((c) => `${c} = coalesce(EXCLUDED.${c}, registry_fiscal_years.${c})`).join(', ')}
      WHERE (${FISCAL.map((c) => `registry_fiscal_years.${c}`).join(', ')}) IS DISTINCT FROM (${FISCAL.map((c) => `coalesce(EXCLUDED.${c}, registry_fiscal_years.${c})`).join(', ')})`,
  ip: `INSERT INTO registry_ip_holdings (region_code, organisation_id, kind, status, acquisition, count)
    SELECT DISTINCT ON (o.id, v.kind) $1, o.id, v.kind, 'granted', 'self', v.n ${JOIN}
    CROSS JOIN LATERAL (VALUES ${IP_KEYS.map((k) => `('${IP_COLUMNS[k]}', s.ip_${IP_COLUMNS[k]})`).join(', ')}) AS v(kind, n)
    WHERE v.n IS NOT NULL ORDER BY o.id, v.kind, s.row_number DESC
    ON CONFLICT (region_code, organisation_id, kind, status, acquisition) DO UPDATE SET count = EXCLUDED.count WHERE registry_ip_holdings.count <> EXCLUDED.count`,
};

function stageText(rows: readonly ImportRow[]): string {
  const lines: string[] = [];
  for (const r of rows) {
    const v: (string | number | boolean | null)[] = [r.rowNumber, r.uscc, r.name, r.districtCode, r.foundedOn, r.industryCode, r.techField, r.cluster, r.listed, r.year];
    for (const k of MONEY_KEYS) v.push(r.money[k]);
    v.push(r.employees, r.scienceStaff, r.rdStaff, r.conversions);
    for (const k of IP_KEYS) v.push(r.ip[k]);
    lines.push(v.map(copyValue).join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

export async function writeBatch(client: pg.PoolClient, regionCode: string, jobId: string, actor: AuditActor, rows: readonly ImportRow[], audit?: BatchAudit): Promise<BatchOutcome> {
  await client.query('BEGIN');
  try {
    await client.query(CREATE_STAGE);
    await copyIn(client, COPY, stageText(rows));
    const created = (await client.query<{ created: number }>(SQL.organisations, [regionCode])).rows[0]!.created;
    const bad = new Set((await client.query<{ row_number: number }>(SQL.notEnterprise, [regionCode])).rows.map((r) => r.row_number));
    await client.query(SQL.profiles, [regionCode]);
    await client.query(SQL.fiscal, [regionCode]);
    await client.query(SQL.ip, [regionCode]);
    const good = bad.size === 0 ? rows : rows.filter((r) => !bad.has(r.rowNumber));
    // Last statement before COMMIT: the region's audit lock is held for as short as possible.
    await appendAudit(drizzle(client), actor, audit ? { regionCode, ...audit } : {
      regionCode, action: 'registry.rows_imported', entityType: 'import_job', entityId: jobId,
      after: { rows: good.length, firstRow: good[0]?.rowNumber ?? null, lastRow: good.at(-1)?.rowNumber ?? null, organisationsCreated: created },
    });
    await client.query('COMMIT');
    const rejected = rows.filter((r) => bad.has(r.rowNumber)).map((row) => ({
      row,
      errors: [{ column: 'uscc' as const, field: '统一社会信用代码', rule: 'not_an_enterprise',
        message: `统一社会信用代码：${row.uscc} 已登记为非企业机构（高校、银行等），不能作为企业导入`,
        message_en: `Unified social credit code: ${row.uscc} is registered as an organisation that is not an enterprise` }],
    }));
    return { imported: good.length, createdOrganisations: created, rejected };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
