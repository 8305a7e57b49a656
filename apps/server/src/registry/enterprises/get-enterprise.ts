// One enterprise's registry record: profile, fiscal years, IP, certificates, honours, platforms, talents.
// Another organisation's record answers 404 to an enterprise user (authorize with the organisation scope).
import type pg from 'pg';
import type { UserActor } from '../../platform/auth/actor.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { notFound } from '../../platform/errors/domain-error.ts';

export async function findEnterpriseScope(pool: pg.Pool, actor: UserActor, id: string): Promise<{ regionCode: string; organisationId: string }> {
  const { rows } = await pool.query<{ region_code: string }>('SELECT region_code FROM registry_enterprises WHERE organisation_id = $1', [id]);
  const row = rows[0];
  if (!row) throw notFound({ zh: '企业', en: 'Enterprise' });
  const scope = { regionCode: row.region_code, organisationId: id };
  authorize(actor, { roles: 'authenticated', organisation: scope });
  return scope;
}

export async function getEnterprise(pool: pg.Pool, actor: UserActor, id: string) {
  const s = await findEnterpriseScope(pool, actor, id);
  const p = [s.regionCode, id];
  const q = <T extends pg.QueryResultRow>(text: string) => pool.query<T>(text, p).then((r) => r.rows);
  const [base, years, ip, certs, honours, platforms, talents] = await Promise.all([
    q<Record<string, unknown>>(`SELECT e.organisation_id AS id, e.region_code AS "regionCode", o.name, o.uscc, o.district_code AS "districtCode", e.founded_on::text AS "foundedOn",
        e.industry_code AS "industryCode", e.tech_field AS "techField", e.cluster, e.listed
        FROM registry_enterprises e JOIN organisations o ON o.region_code = e.region_code AND o.id = e.organisation_id WHERE e.region_code = $1 AND e.organisation_id = $2`),
    q<Record<string, unknown>>(`SELECT year, sales_revenue_fen::text AS "salesRevenueFen", operating_revenue_fen::text AS "operatingRevenueFen",
        main_business_revenue_fen::text AS "mainBusinessRevenueFen", high_tech_revenue_fen::text AS "highTechRevenueFen", total_revenue_fen::text AS "totalRevenueFen",
        rd_expense_fen::text AS "rdExpenseFen", rd_expense_domestic_fen::text AS "rdExpenseDomesticFen", costs_and_expenses_fen::text AS "costsAndExpensesFen",
        total_assets_fen::text AS "totalAssetsFen", total_liabilities_fen::text AS "totalLiabilitiesFen", net_assets_fen::text AS "netAssetsFen", net_profit_fen::text AS "netProfitFen",
        employees, science_staff AS "scienceStaff", rd_staff AS "rdStaff", conversions
        FROM registry_fiscal_years WHERE region_code = $1 AND organisation_id = $2 ORDER BY year`),
    q(`SELECT split_part(c.key, '/', 1) AS kind, split_part(c.key, '/', 2) AS status, split_part(c.key, '/', 3) AS acquisition, c.value::int AS count
        FROM registry_enterprises e, jsonb_each(e.ip_counts) c WHERE e.region_code = $1 AND e.organisation_id = $2 ORDER BY kind`),
    q(`SELECT id, kind, level, number, valid_from::text AS "validFrom", valid_until::text AS "validUntil" FROM registry_certificates WHERE region_code = $1 AND organisation_id = $2 ORDER BY valid_from`),
    q(`SELECT id, kind, name, level, role, rank, year, amount_fen::text AS "amountFen", on_date::text AS "onDate" FROM registry_honours WHERE region_code = $1 AND organisation_id = $2 ORDER BY year`),
    q(`SELECT id, name, kind, level, approved_on::text AS "approvedOn", revoked_on::text AS "revokedOn" FROM registry_platforms WHERE region_code = $1 AND host_organisation_id = $2 ORDER BY approved_on`),
    q(`SELECT id, name, kind, programme, year FROM registry_talents WHERE region_code = $1 AND organisation_id = $2 ORDER BY year`),
  ]);
  return { ...base[0]!, fiscalYears: years, ip, certificates: certs, honours, platforms, talents };
}
