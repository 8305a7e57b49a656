// Reads stored registry data into the rules engine's input profile (amounts in 元), in bulk: one query per
// table for a page of enterprises, so a whole-city run reads 100,000 enterprises in seconds.
import type { Profile } from '@kechuang/qualifications';
import type pg from 'pg';
import { TECH_FIELDS, type TechFieldCode } from '../reference.ts';

/** Platform kinds that are R&D institutions in the sense of the tier rules (研发机构). */
const RD_PLATFORM_KINDS = ['key_lab', 'engineering_center', 'enterprise_tech_center', 'new_rd_institution', 'academician_workstation'];

export type StoredProfile = { organisationId: string; cluster: string | null; districtCode: string | null; profile: Profile; stored: StoredInput };

/** IP as [kind, status, acquisition, count]: the stored form of a run's input (a quarter of the size). */
export type IpCount = [string, string, string, number];
/** What an evaluation run stores: the engine's input with IP counted instead of listed. */
export type StoredInput = Omit<Profile, 'ip'> & { ipCounts?: IpCount[] };

/** The engine's input from a stored one: IP counts listed item by item again. */
export function expandInput(stored: StoredInput): Profile {
  const { ipCounts, ...rest } = stored;
  if (ipCounts === undefined) return rest;
  return { ...rest, ip: ipCounts.flatMap(([kind, status, acquisition, n]) => Array.from({ length: n }, () => ({ kind, status, acquisition }))) as Profile['ip'] };
}

const yuan = (fen: string | null): number | undefined => (fen === null ? undefined : Number(fen) / 100);
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;

/** Organisation ids of the region's registered enterprises, in id order, from `after` on. */
export async function pageOfEnterprises(pool: pg.Pool, regionCode: string, after: string | null, limit: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT organisation_id AS id FROM registry_enterprises WHERE region_code = $1 AND ($2::uuid IS NULL OR organisation_id > $2) ORDER BY organisation_id LIMIT $3`,
    [regionCode, after, limit]);
  return rows.map((r) => r.id);
}

export async function loadProfiles(pool: pg.Pool, regionCode: string, ids: readonly string[], assessedOn: string): Promise<StoredProfile[]> {
  if (ids.length === 0) return [];
  const q = <T extends pg.QueryResultRow>(text: string, extra: unknown[] = []) => pool.query<T>(text, [regionCode, ids, ...extra]).then((r) => r.rows);
  const [base, years, ip, certs, honours, platforms] = await Promise.all([
    q<{ id: string; name: string; uscc: string; district_code: string | null; founded_on: string | null; tech_field: string | null; cluster: string | null; listed: boolean | null;
      industry_restricted: boolean; i1: boolean; i2: boolean; i3: boolean; i4: boolean }>(
      `SELECT e.organisation_id AS id, o.name, o.uscc, o.district_code, e.founded_on::text, e.tech_field, e.cluster, e.listed, e.industry_restricted,
              e.incident_safety_quality AS i1, e.incident_environmental AS i2, e.incident_dishonesty AS i3, e.incident_abnormal_listing AS i4
       FROM registry_enterprises e JOIN organisations o ON o.region_code = e.region_code AND o.id = e.organisation_id
       WHERE e.region_code = $1 AND e.organisation_id = ANY($2::uuid[])`),
    q<Record<string, string | number | null> & { id: string; year: number }>(
      `SELECT organisation_id AS id, year, sales_revenue_fen, operating_revenue_fen, main_business_revenue_fen, high_tech_revenue_fen, total_revenue_fen,
              rd_expense_fen, rd_expense_domestic_fen, costs_and_expenses_fen, total_assets_fen, net_assets_fen, total_liabilities_fen, net_profit_fen,
              employees, science_staff, rd_staff, conversions
       FROM registry_fiscal_years WHERE region_code = $1 AND organisation_id = ANY($2::uuid[]) ORDER BY organisation_id, year`),
    q<{ id: string; kind: string; status: string; acquisition: string; count: number }>(
      `SELECT e.organisation_id AS id, split_part(c.key, '/', 1) AS kind, split_part(c.key, '/', 2) AS status, split_part(c.key, '/', 3) AS acquisition, c.value::int AS count
       FROM registry_enterprises e, jsonb_each(e.ip_counts) c WHERE e.region_code = $1 AND e.organisation_id = ANY($2::uuid[])`),
    q<{ id: string; kind: string; valid_from: string; valid_until: string }>(
      `SELECT organisation_id AS id, kind, valid_from::text, valid_until::text FROM registry_certificates WHERE region_code = $1 AND organisation_id = ANY($2::uuid[])`),
    q<{ id: string; kind: string; level: string | null; role: string | null; rank: number | null; year: number | null; amount_fen: string | null; on_date: string | null }>(
      `SELECT organisation_id AS id, kind, level, role, rank, year, amount_fen, on_date::text FROM registry_honours WHERE region_code = $1 AND organisation_id = ANY($2::uuid[])`),
    q<{ id: string; level: string }>(
      `SELECT host_organisation_id AS id, level FROM registry_platforms WHERE region_code = $1 AND host_organisation_id = ANY($2::uuid[])
         AND kind = ANY($3::text[]) AND approved_on <= $4::date AND (revoked_on IS NULL OR revoked_on > $4::date)`, [RD_PLATFORM_KINDS, assessedOn]),
  ]);
  const group = <T extends { id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) (m.get(r.id) ?? m.set(r.id, []).get(r.id)!).push(r);
    return m;
  };
  const yearsBy = group(years), ipBy = group(ip), certsBy = group(certs), honoursBy = group(honours), platformsBy = group(platforms);

  return base.map((b) => {
    const fy = yearsBy.get(b.id) ?? [];
    const latest = fy.at(-1);
    const h = honoursBy.get(b.id) ?? [];
    const profile: Profile = defined({
      id: b.id,
      name: b.name,
      uscc: b.uscc,
      foundedOn: b.founded_on ?? undefined,
      assessedOn,
      employees: num(latest?.employees),
      scienceStaff: num(latest?.science_staff),
      rdStaff: num(latest?.rd_staff),
      techField: b.tech_field ? TECH_FIELDS[b.tech_field as TechFieldCode]?.zh ?? b.tech_field : undefined,
      listed: b.listed ?? undefined,
      industryRestricted: b.industry_restricted,
      incidents: { majorSafetyOrQuality: b.i1, seriousEnvironmental: b.i2, seriousDishonesty: b.i3, abnormalOperationListed: b.i4 },
      financials: fy.map((f) => defined({
        year: f.year,
        salesRevenue: yuan(f.sales_revenue_fen as string | null), operatingRevenue: yuan(f.operating_revenue_fen as string | null),
        mainBusinessRevenue: yuan(f.main_business_revenue_fen as string | null), highTechRevenue: yuan(f.high_tech_revenue_fen as string | null),
        totalRevenue: yuan(f.total_revenue_fen as string | null), rdExpense: yuan(f.rd_expense_fen as string | null),
        rdExpenseDomestic: yuan(f.rd_expense_domestic_fen as string | null), costsAndExpenses: yuan(f.costs_and_expenses_fen as string | null),
        totalAssets: yuan(f.total_assets_fen as string | null), netAssets: yuan(f.net_assets_fen as string | null),
        totalLiabilities: yuan(f.total_liabilities_fen as string | null), netProfit: yuan(f.net_profit_fen as string | null),
      })),
      conversions: conversionsOf(fy),
      certificates: (certsBy.get(b.id) ?? []).map((c) => ({ kind: c.kind, validFrom: c.valid_from, validUntil: c.valid_until })),
      awards: h.filter((x) => x.kind === 'award' && x.year !== null).map((x) => defined({ level: x.level as 'national' | 'provincial', rank: x.rank ?? undefined, year: x.year! })),
      rdInstitutions: [
        ...h.filter((x) => x.kind === 'rd_institution').map((x) => ({ level: x.level as 'national' | 'provincial' | 'municipal' })),
        ...(platformsBy.get(b.id) ?? []).map((x) => ({ level: x.level as 'national' | 'provincial' | 'municipal' })),
      ],
      standards: h.filter((x) => x.kind === 'standard').map((x) => defined({ level: x.level as 'national', role: x.role as 'lead', year: x.year ?? undefined })),
      equityFinancing: h.filter((x) => x.kind === 'equity_round' && x.amount_fen !== null && x.on_date !== null).map((x) => ({ amount: Number(x.amount_fen) / 100, date: x.on_date! })),
    });
    const ipCounts = (ipBy.get(b.id) ?? []).map((x): IpCount => [x.kind, x.status, x.acquisition, Math.min(x.count, 200)]);
    const stored: StoredInput = { ...profile, ipCounts };
    return { organisationId: b.id, cluster: b.cluster, districtCode: b.district_code, profile: expandInput(stored), stored };
  });
}

function num(v: string | number | null | undefined): number | undefined {
  return v === null || v === undefined ? undefined : Number(v);
}

/** The last three years' conversions, oldest first; missing when no year gives them. */
function conversionsOf(fy: readonly Record<string, string | number | null>[]): number[] | undefined {
  const last = fy.slice(-3).map((f) => f.conversions);
  if (last.length === 0 || last.every((c) => c === null)) return undefined;
  return last.map((c) => Number(c ?? 0));
}
