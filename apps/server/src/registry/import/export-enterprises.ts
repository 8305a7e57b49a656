// Exports the registry in the import's own layout (one row per enterprise and year, amounts in 万元), so an
// export can be edited and imported back. Streams page by page; the scope and filters are the list's.
import type { Writable } from 'node:stream';
import type pg from 'pg';
import type { UserActor } from '../../platform/auth/actor.ts';
import { CLUSTERS, TECH_FIELDS, type ClusterCode, type TechFieldCode } from '../reference.ts';
import { scopeCondition } from '../scope.ts';
import { fenToWan } from '../enterprises/save-fiscal-year.ts';
import { COLUMNS, templateHeader } from './columns.ts';
import type { SheetFormat } from './read-sheet.ts';
import { writeSheet } from './write-sheet.ts';

export type ExportFilter = { q?: string; cluster?: string; district?: string };

export async function exportEnterprises(pool: pg.Pool, actor: UserActor, f: ExportFilter, format: SheetFormat, out: Writable): Promise<void> {
  const scope = scopeCondition(actor, 1);
  const params: unknown[] = [...scope.params];
  const where = [scope.sql];
  const add = (cond: (n: number) => string, v: unknown) => { params.push(v); where.push(cond(params.length)); };
  if (f.q) add((n) => `(o.name ILIKE $${n} OR o.uscc ILIKE $${n})`, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (f.cluster) add((n) => `e.cluster = $${n}`, f.cluster);
  if (f.district) add((n) => `o.district_code = $${n}`, f.district);
  const cursor = params.length + 1;
  const base = `FROM registry_enterprises e JOIN organisations o ON o.region_code = e.region_code AND o.id = e.organisation_id WHERE ${where.join(' AND ')}`;
  async function* rows(): AsyncIterable<(string | null)[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const ids = (await pool.query<{ id: string }>(
        `SELECT e.organisation_id AS id ${base} AND e.organisation_id > $${cursor} ORDER BY e.organisation_id LIMIT 1000`, [...params, after])).rows.map((r) => r.id);
      if (ids.length === 0) return;
      after = ids.at(-1)!;
      const { rows: page } = await pool.query<Record<string, string | number | boolean | null>>(
        `SELECT o.uscc, o.name, o.district_code, e.founded_on::text, e.industry_code, e.tech_field, e.cluster, e.listed,
                y.year, y.employees, y.science_staff, y.rd_staff, y.conversions,
                y.sales_revenue_fen::text, y.operating_revenue_fen::text, y.main_business_revenue_fen::text, y.high_tech_revenue_fen::text, y.total_revenue_fen::text,
                y.rd_expense_fen::text, y.rd_expense_domestic_fen::text, y.costs_and_expenses_fen::text, y.total_assets_fen::text, y.total_liabilities_fen::text,
                y.net_assets_fen::text, y.net_profit_fen::text,
                (SELECT json_object_agg(kind, n) FROM (SELECT split_part(c.key, '/', 1) AS kind, sum(c.value::int) AS n FROM jsonb_each(e.ip_counts) c
                   WHERE split_part(c.key, '/', 2) = 'granted' GROUP BY 1) s)::text AS ip
         FROM registry_enterprises e JOIN organisations o ON o.region_code = e.region_code AND o.id = e.organisation_id
         LEFT JOIN registry_fiscal_years y ON y.region_code = e.region_code AND y.organisation_id = e.organisation_id
         WHERE e.organisation_id = ANY($1::uuid[]) ORDER BY e.organisation_id, y.year`, [ids]);
      for (const r of page) yield toCells(r);
    }
  }
  await writeSheet(format, '企业名录', COLUMNS.map(templateHeader), rows(), out);
}

const MONEY: Record<string, string> = {
  salesRevenue: 'sales_revenue_fen', operatingRevenue: 'operating_revenue_fen', mainBusinessRevenue: 'main_business_revenue_fen', highTechRevenue: 'high_tech_revenue_fen',
  totalRevenue: 'total_revenue_fen', rdExpense: 'rd_expense_fen', rdExpenseDomestic: 'rd_expense_domestic_fen', costsAndExpenses: 'costs_and_expenses_fen',
  totalAssets: 'total_assets_fen', totalLiabilities: 'total_liabilities_fen', netAssets: 'net_assets_fen', netProfit: 'net_profit_fen',
};
const IP: Record<string, string> = { ipInvention: 'invention', ipUtilityModel: 'utility_model', ipDesign: 'design', ipSoftware: 'software_copyright', ipIcLayout: 'ic_layout' };
const PLAIN: Record<string, string> = { uscc: 'uscc', name: 'name', districtCode: 'district_code', foundedOn: 'founded_on', industryCode: 'industry_code', year: 'year',
  employees: 'employees', scienceStaff: 'science_staff', rdStaff: 'rd_staff', conversions: 'conversions' };

function toCells(r: Record<string, string | number | boolean | null>): (string | null)[] {
  const ip = r.ip ? (JSON.parse(String(r.ip)) as Record<string, number>) : {};
  return COLUMNS.map((c) => {
    if (c.key in MONEY) { const v = r[MONEY[c.key]!]; return v === null || v === undefined ? null : trimZeros(fenToWan(String(v))); }
    if (c.key in IP) { const v = ip[IP[c.key]!]; return v === undefined ? null : String(v); }
    if (c.key === 'techField') return r.tech_field ? TECH_FIELDS[r.tech_field as TechFieldCode]?.zh ?? String(r.tech_field) : null;
    if (c.key === 'cluster') return r.cluster ? CLUSTERS[r.cluster as ClusterCode]?.zh ?? String(r.cluster) : null;
    if (c.key === 'listed') return r.listed === null ? null : r.listed ? '是' : '否';
    const v = r[PLAIN[c.key]!];
    return v === null || v === undefined ? null : String(v);
  });
}

function trimZeros(s: string): string {
  return s.replace(/\.?0+$/, '');
}
