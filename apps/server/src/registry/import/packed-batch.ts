// A batch of validated rows packed as the COPY text of each target table, made where the rows are validated
// (in the import's reader thread). The writer sends it to PostgreSQL as it is when none of the batch's
// enterprises is registered yet — the whole of a first import — and only splits it into lines otherwise.
// Packing is plain strings: a handful of them cross between threads far more cheaply than thousands of objects.
import { copyValue } from '../../platform/database/copy-in.ts';
import { IP_COLUMNS, MONEY_KEYS, type ImportRow, type IpColumn } from './validate-row.ts';

export const FISCAL_COLUMNS = ['sales_revenue_fen', 'operating_revenue_fen', 'main_business_revenue_fen', 'high_tech_revenue_fen', 'total_revenue_fen',
  'rd_expense_fen', 'rd_expense_domestic_fen', 'costs_and_expenses_fen', 'total_assets_fen', 'total_liabilities_fen', 'net_assets_fen', 'net_profit_fen',
  'employees', 'science_staff', 'rd_staff', 'conversions'] as const;
export const PROFILE_COLUMNS = ['founded_on', 'industry_code', 'tech_field', 'cluster', 'listed'] as const;
const IP_KEYS = Object.keys(IP_COLUMNS) as IpColumn[];

/**
 * Each table's lines, `\n`-terminated, each starting with the region code and the organisation id the reader
 * gave the enterprise (the writer swaps in the registered id where there is one), and, line by line, the
 * credit code each line belongs to (`\n`-separated). Organisations, profiles and IP counts hold one line per
 * enterprise (and IP kind): the enterprise's last row in the batch wins. Fiscal years hold one line per row.
 */
export type PackedBatch = {
  rows: number;
  firstRow: number;
  lastRow: number;
  /** Sheet row of each fiscal line. */
  rowNumbers: number[];
  organisations: string;
  profiles: string;
  /** Credit codes of the organisation and profile lines: the batch's distinct codes. */
  codes: string;
  fiscal: string;
  fiscalCodes: string;
  ip: string;
  ipCodes: string;
};

/** Where a line's organisation id starts: after the region code and a tab. */
export const idOffset = (regionCode: string): number => copyValue(regionCode).length + 1;

const NULL = '\\N';
const numberOrNull = (n: number | null): string => (n === null ? NULL : String(n));
const textOrNull = (v: string | null): string => (v === null ? NULL : copyValue(v));
/**
 * An amount in fen as text, exactly String(fen): amounts above 10⁹ fen are not small integers to V8, and turning
 * those into text took most of the packing time; two small halves (万元 and the six digits below) are cheap.
 */
export function fenText(fen: number | null): string {
  if (fen === null) return NULL;
  if (fen < 1_000_000_000 && fen > -1_000_000_000) return String(fen);
  const magnitude = fen < 0 ? -fen : fen;
  const wan = Math.floor(magnitude / 1_000_000);
  const below = String(magnitude - wan * 1_000_000);
  return `${fen < 0 ? '-' : ''}${wan}${'000000'.slice(below.length)}${below}`;
}
const text = (lines: string[]): string => (lines.length === 0 ? '' : `${lines.join('\n')}\n`);

// Fields are pushed onto arrays and joined: appending to a growing string measured three times slower.
export function packBatch(regionCode: string, rows: readonly ImportRow[], idFor: (uscc: string) => string): PackedBatch {
  const region = copyValue(regionCode);
  const last = new Map<string, ImportRow>();
  const ids = new Map<string, string>();
  const fiscal: string[] = [];
  const fiscalCodes: string[] = [];
  const rowNumbers: number[] = [];
  for (const r of rows) {
    last.set(r.uscc, r);
    let id = ids.get(r.uscc);
    if (id === undefined) { id = idFor(r.uscc); ids.set(r.uscc, id); }
    const v: string[] = [region, id, String(r.year)];
    for (const k of MONEY_KEYS) v.push(fenText(r.money[k]));
    v.push(numberOrNull(r.employees), numberOrNull(r.scienceStaff), numberOrNull(r.rdStaff), numberOrNull(r.conversions));
    fiscal.push(v.join('\t'));
    fiscalCodes.push(r.uscc);
    rowNumbers.push(r.rowNumber);
  }
  const organisations: string[] = [];
  const profiles: string[] = [];
  const codes: string[] = [];
  const ip: string[] = [];
  const ipCodes: string[] = [];
  for (const [uscc, r] of last) {
    const head = `${region}\t${ids.get(uscc)!}\t`;
    organisations.push(`${head}enterprise\t${copyValue(r.name)}\t${uscc}\t${copyValue(r.districtCode)}`);
    profiles.push(`${head}${textOrNull(r.foundedOn)}\t${textOrNull(r.industryCode)}\t${textOrNull(r.techField)}\t${textOrNull(r.cluster)}\t${r.listed === null ? NULL : String(r.listed)}`);
    codes.push(uscc);
    for (const k of IP_KEYS) {
      const n = r.ip[k];
      if (n !== null) { ip.push(`${head}${IP_COLUMNS[k]}\tgranted\tself\t${n}`); ipCodes.push(uscc); }
    }
  }
  return {
    rows: rows.length, firstRow: rows[0]?.rowNumber ?? 0, lastRow: rows.at(-1)?.rowNumber ?? 0, rowNumbers,
    organisations: text(organisations), profiles: text(profiles), codes: codes.join('\n'),
    fiscal: text(fiscal), fiscalCodes: fiscalCodes.join('\n'), ip: text(ip), ipCodes: ipCodes.join('\n'),
  };
}
