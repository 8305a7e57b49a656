// A validated row as the batch writer needs it: the COPY text of each target table's columns after the
// region and organisation id (which the writer only knows once it has looked the credit code up). Made where
// the row is validated — in the import's reader thread — so the writing thread only joins strings.
import { copyValue } from './copy-in.ts';
import { IP_COLUMNS, MONEY_KEYS, type ImportRow, type IpColumn } from './validate-row.ts';

export type PreparedRow = {
  rowNumber: number;
  uscc: string;
  name: string;
  /** organisations: kind, name, uscc, district_code */
  organisation: string;
  /** registry_enterprises: founded_on, industry_code, tech_field, cluster, listed */
  profile: string;
  /** registry_fiscal_years: year, the fiscal columns */
  fiscal: string;
  /** registry_ip_holdings, one per IP column given: kind, status, acquisition, count */
  ip: string[];
  /** the staging table after org_id: row_number, uscc, name, district, profile, year, fiscal and IP columns */
  stage: string;
};

export const FISCAL_COLUMNS = ['sales_revenue_fen', 'operating_revenue_fen', 'main_business_revenue_fen', 'high_tech_revenue_fen', 'total_revenue_fen',
  'rd_expense_fen', 'rd_expense_domestic_fen', 'costs_and_expenses_fen', 'total_assets_fen', 'total_liabilities_fen', 'net_assets_fen', 'net_profit_fen',
  'employees', 'science_staff', 'rd_staff', 'conversions'] as const;
export const PROFILE_COLUMNS = ['founded_on', 'industry_code', 'tech_field', 'cluster', 'listed'] as const;
export const IP_KEYS = Object.keys(IP_COLUMNS) as IpColumn[];

const NULL = '\\N';
const numberOrNull = (n: number | null): string => (n === null ? NULL : String(n));
const textOrNull = (v: string | null): string => (v === null ? NULL : copyValue(v));

// Fields are pushed onto arrays and joined: appending to a growing string measured three times slower.
export function prepareRow(r: ImportRow): PreparedRow {
  const uscc = copyValue(r.uscc);
  const name = copyValue(r.name);
  const district = copyValue(r.districtCode);
  const profile = [textOrNull(r.foundedOn), textOrNull(r.industryCode), textOrNull(r.techField), textOrNull(r.cluster), r.listed === null ? NULL : String(r.listed)].join('\t');
  const fiscalValues: string[] = [String(r.year)];
  for (const k of MONEY_KEYS) fiscalValues.push(numberOrNull(r.money[k]));
  fiscalValues.push(numberOrNull(r.employees), numberOrNull(r.scienceStaff), numberOrNull(r.rdStaff), numberOrNull(r.conversions));
  const fiscal = fiscalValues.join('\t');
  const ip: string[] = [];
  const ipStage: string[] = [];
  for (const k of IP_KEYS) {
    const n = r.ip[k];
    ipStage.push(numberOrNull(n));
    if (n !== null) ip.push(`${IP_COLUMNS[k]}\tgranted\tself\t${n}`);
  }
  return {
    rowNumber: r.rowNumber, uscc: r.uscc, name: r.name,
    organisation: `enterprise\t${name}\t${uscc}\t${district}`,
    profile, fiscal, ip,
    stage: [String(r.rowNumber), uscc, name, district, profile, fiscal, ipStage.join('\t')].join('\t'),
  };
}
