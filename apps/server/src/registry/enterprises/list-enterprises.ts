// The enterprise list with filters: bureau staff see the city, an enterprise user its own row.
import type pg from 'pg';
import type { UserActor } from '../../platform/auth/actor.ts';
import { scopeCondition } from '../scope.ts';

export type EnterpriseFilter = { q?: string; cluster?: string; district?: string; tier?: string; limit: number; offset: number };

export type EnterpriseListItem = {
  id: string; regionCode: string; name: string; uscc: string; districtCode: string | null; cluster: string | null; techField: string | null;
  industryCode: string | null; foundedOn: string | null; latestYear: number | null; employees: number | null;
  salesRevenueFen: string | null; rdExpenseFen: string | null; certificates: string[];
};

export async function listEnterprises(pool: pg.Pool, actor: UserActor, f: EnterpriseFilter, today = new Date().toISOString().slice(0, 10)): Promise<{ items: EnterpriseListItem[]; total: number }> {
  const scope = scopeCondition(actor, 1);
  const params: unknown[] = [...scope.params, today];
  const where = [scope.sql, '$2::date IS NOT NULL']; // $2 (today) is used by the select and the tier filter
  const add = (cond: (n: number) => string, v: unknown) => { params.push(v); where.push(cond(params.length)); };
  if (f.q) add((n) => `(o.name ILIKE $${n} OR o.uscc ILIKE $${n})`, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (f.cluster) add((n) => `e.cluster = $${n}`, f.cluster);
  if (f.district) add((n) => `o.district_code = $${n}`, f.district);
  if (f.tier) add((n) => `EXISTS (SELECT 1 FROM registry_certificates c WHERE c.region_code = e.region_code AND c.organisation_id = e.organisation_id AND c.kind = $${n} AND c.valid_from <= $2 AND c.valid_until >= $2)`, f.tier);
  const from = `FROM registry_enterprises e JOIN organisations o ON o.region_code = e.region_code AND o.id = e.organisation_id WHERE ${where.join(' AND ')}`;
  const total = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n ${from}`, params)).rows[0]!.n);
  const { rows } = await pool.query<EnterpriseListItem>(
    `SELECT e.organisation_id AS "id", e.region_code AS "regionCode", o.name, o.uscc, o.district_code AS "districtCode", e.cluster, e.tech_field AS "techField",
            e.industry_code AS "industryCode", e.founded_on::text AS "foundedOn", f.year AS "latestYear", f.employees, f.sales_revenue_fen::text AS "salesRevenueFen",
            f.rd_expense_fen::text AS "rdExpenseFen",
            coalesce((SELECT array_agg(DISTINCT c.kind ORDER BY c.kind) FROM registry_certificates c WHERE c.region_code = e.region_code AND c.organisation_id = e.organisation_id
                      AND c.valid_from <= $2 AND c.valid_until >= $2), '{}') AS certificates
     ${from.replace('WHERE', `LEFT JOIN LATERAL (SELECT * FROM registry_fiscal_years y WHERE y.region_code = e.region_code AND y.organisation_id = e.organisation_id ORDER BY y.year DESC LIMIT 1) f ON true WHERE`)}
     ORDER BY o.name LIMIT ${f.limit} OFFSET ${f.offset}`, params);
  return { items: rows, total };
}
