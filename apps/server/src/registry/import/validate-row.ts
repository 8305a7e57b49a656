// Pure: turns one sheet row (cells as text, by column) into a typed import row, or into the list of what is
// wrong with it — every field, every rule, in Chinese and English. A row with any error is written nowhere.
import { validateUscc } from '../../platform/identity/uscc.ts';
import { CLUSTERS, TECH_FIELDS } from '../reference.ts';
import { columnOf, type ColumnKey } from './columns.ts';

export const MONEY_KEYS = [
  'salesRevenue', 'operatingRevenue', 'mainBusinessRevenue', 'highTechRevenue', 'totalRevenue', 'rdExpense', 'rdExpenseDomestic',
  'costsAndExpenses', 'totalAssets', 'totalLiabilities', 'netAssets', 'netProfit',
] as const satisfies readonly ColumnKey[];
export type MoneyKey = (typeof MONEY_KEYS)[number];

export const IP_COLUMNS = {
  ipInvention: 'invention', ipUtilityModel: 'utility_model', ipDesign: 'design', ipSoftware: 'software_copyright', ipIcLayout: 'ic_layout',
} as const satisfies Partial<Record<ColumnKey, string>>;
export type IpColumn = keyof typeof IP_COLUMNS;

export type ImportRow = {
  rowNumber: number;
  uscc: string;
  name: string;
  districtCode: string;
  foundedOn: string | null;
  industryCode: string | null;
  techField: string | null;
  cluster: string | null;
  listed: boolean | null;
  year: number;
  employees: number | null;
  scienceStaff: number | null;
  rdStaff: number | null;
  conversions: number | null;
  /** Amounts in fen: exact integers (at most 10⁹ 万元 = 10¹⁵ fen, well inside 2⁵³). */
  money: Record<MoneyKey, number | null>;
  ip: Record<IpColumn, number | null>;
};

export type RowError = { column: ColumnKey | null; field: string; rule: string; message: string; message_en: string };

export type RowContext = {
  /** Codes a row's district may take: the city and its districts. */
  districts: ReadonlySet<string>;
  /** ISO date of today: dates after it are refused. */
  today: string;
  /** `uscc|year` → first row that gave it, across the whole file (a Map, or the import's SeenFiscalYears). */
  seen: { get(key: string): number | undefined; set(key: string, row: number): unknown };
  /** Credit codes the region has registered to organisations that are not enterprises. */
  nonEnterprise?: ReadonlySet<string>;
};

export type RowVerdict = { ok: true; row: ImportRow } | { ok: false; errors: RowError[] };

type Cells = Partial<Record<ColumnKey, string>>;

/** A credit code registered to a university, bank or other organisation cannot be imported as an enterprise. */
export function notAnEnterprise(uscc: string): RowError {
  return {
    column: 'uscc', field: '统一社会信用代码', rule: 'not_an_enterprise',
    message: `统一社会信用代码：${uscc} 已登记为非企业机构（高校、银行等），不能作为企业导入`,
    message_en: `Unified social credit code: ${uscc} is registered as an organisation that is not an enterprise`,
  };
}

// The helpers below take the row's error list instead of closing over it: validateRow runs once per imported
// row (a million times for a large file), and per-call closures were a measurable share of its cost.
const COLUMN_BY_KEY = new Map<ColumnKey, { header: string; en: string; kind: string }>();

function failOn(errors: RowError[]): Fail {
  return (column, rule, zh, en) => {
    let c = COLUMN_BY_KEY.get(column);
    if (c === undefined) { c = columnOf(column); COLUMN_BY_KEY.set(column, c); }
    errors.push({ column, field: c.header, rule, message: `${c.header}：${zh}`, message_en: `${c.en}: ${en}` });
  };
}

function cellText(cells: Cells, k: ColumnKey): string | null {
  const raw = cells[k];
  if (raw === undefined || raw === '') return null;
  const v = raw.trim();
  return v === '' ? null : v;
}

function requiredText(cells: Cells, k: ColumnKey, fail: Fail): string | null {
  const v = cellText(cells, k);
  if (v === null) fail(k, 'required', '必填', 'is required');
  return v;
}

const SIGNED_MONEY = new Set<ColumnKey>(MONEY_KEYS.filter((k) => columnOf(k).kind === 'wan_signed'));
const IP_KEYS = Object.keys(IP_COLUMNS) as IpColumn[];
const INDUSTRY_CODE = /^[A-T](\d{2}|\d{3}|\d{4})?$/;
const FOUR_DIGITS = /^\d{4}$/;

export function validateRow(rowNumber: number, cells: Cells, ctx: RowContext): RowVerdict {
  const errors: RowError[] = [];
  // Only a row with an error pays for building the error reporter.
  let reporter: Fail | null = null;
  const fail: Fail = (column, rule, zh, en) => { (reporter ??= failOn(errors))(column, rule, zh, en); };

  let uscc = '';
  const usccText = requiredText(cells, 'uscc', fail);
  if (usccText !== null) {
    const r = validateUscc(usccText);
    if (!r.ok) fail('uscc', `uscc_${r.reason}`, r.message, r.messageEn);
    else if (ctx.nonEnterprise?.has(r.code)) errors.push(notAnEnterprise(r.code));
    else uscc = r.code;
  }
  const name = requiredText(cells, 'name', fail) ?? '';
  if (name.length > 200) fail('name', 'too_long', '不超过 200 字', 'at most 200 characters');

  const districtText = requiredText(cells, 'districtCode', fail);
  let districtCode = '';
  if (districtText !== null) {
    if (ctx.districts.has(districtText)) districtCode = districtText;
    else fail('districtCode', 'unknown_district', `“${districtText}”不是本市的区县代码（GB/T 2260）`, `"${districtText}" is not a district of this city (GB/T 2260)`);
  }

  const foundedOn = parseDateCell(cellText(cells, 'foundedOn'), 'foundedOn', ctx.today, fail);
  const industryText = cellText(cells, 'industryCode');
  let industryCode: string | null = null;
  if (industryText !== null) {
    const up = industryText.toUpperCase();
    if (INDUSTRY_CODE.test(up)) industryCode = up;
    else fail('industryCode', 'industry_code', `“${industryText}”不是 GB/T 4754-2017 行业代码（如 C3451）`, `"${industryText}" is not a GB/T 4754-2017 code (e.g. C3451)`);
  }
  const techField = vocabulary(cellText(cells, 'techField'), TECH_FIELDS, 'techField', fail);
  const cluster = vocabulary(cellText(cells, 'cluster'), CLUSTERS, 'cluster', fail);
  const listed = yesNo(cellText(cells, 'listed'), fail);

  const yearText = requiredText(cells, 'year', fail);
  let year = 0;
  const thisYear = Number(ctx.today.slice(0, 4));
  if (yearText !== null) {
    if (!FOUR_DIGITS.test(yearText)) fail('year', 'not_a_year', `“${yearText}”不是四位年份`, `"${yearText}" is not a four-digit year`);
    else if (Number(yearText) > thisYear) fail('year', 'in_future', `${yearText} 年尚未到来`, `${yearText} is in the future`);
    else if (Number(yearText) < 1949) fail('year', 'too_early', '不早于 1949 年', 'not before 1949');
    else year = Number(yearText);
  }
  if (year > 0 && foundedOn !== null && year < Number(foundedOn.slice(0, 4)))
    fail('year', 'before_founding', `${year} 年早于成立日期 ${foundedOn}`, `${year} is before the founding date ${foundedOn}`);

  const employees = integerCell(cellText(cells, 'employees'), 'employees', fail);
  const scienceStaff = integerCell(cellText(cells, 'scienceStaff'), 'scienceStaff', fail);
  const rdStaff = integerCell(cellText(cells, 'rdStaff'), 'rdStaff', fail);
  const conversions = integerCell(cellText(cells, 'conversions'), 'conversions', fail);
  if (employees !== null && scienceStaff !== null && scienceStaff > employees)
    fail('scienceStaff', 'exceeds_employees', `科技人员 ${scienceStaff} 人多于职工总数 ${employees} 人`, `${scienceStaff} science staff exceed the ${employees} employees`);
  if (employees !== null && rdStaff !== null && rdStaff > employees)
    fail('rdStaff', 'exceeds_employees', `研发人员 ${rdStaff} 人多于职工总数 ${employees} 人`, `${rdStaff} R&D staff exceed the ${employees} employees`);

  const money = {} as Record<MoneyKey, number | null>;
  for (const k of MONEY_KEYS) money[k] = moneyCell(cellText(cells, k), k, SIGNED_MONEY.has(k), fail);
  ratioAtMost100(money.rdExpenseDomestic, money.rdExpense, 'rdExpenseDomestic', '境内研发费用占研发费用', 'domestic share of R&D expense', fail);
  ratioAtMost100(money.highTechRevenue, money.totalRevenue, 'highTechRevenue', '高新技术产品（服务）收入占总收入', 'high-tech revenue share of total revenue', fail);
  ratioAtMost100(money.mainBusinessRevenue, money.operatingRevenue, 'mainBusinessRevenue', '主营业务收入占营业收入', 'main business share of operating revenue', fail);
  ratioAtMost100(money.rdExpense, money.costsAndExpenses, 'rdExpense', '研发费用占成本费用总额', 'R&D share of total costs and expenses', fail);

  const ip = {} as Record<IpColumn, number | null>;
  for (const k of IP_KEYS) ip[k] = integerCell(cellText(cells, k), k, fail);

  if (uscc !== '' && year > 0) {
    const key = `${uscc}|${year}`;
    const first = ctx.seen.get(key);
    if (first !== undefined) fail('year', 'fiscal_year_twice', `${year} 年度数据与第 ${first} 行重复`, `fiscal year ${year} is already given in row ${first}`);
    else if (errors.length === 0) ctx.seen.set(key, rowNumber);
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    row: { rowNumber, uscc, name, districtCode, foundedOn, industryCode, techField, cluster, listed, year, employees, scienceStaff, rdStaff, conversions, money, ip },
  };
}

type Fail = (column: ColumnKey, rule: string, zh: string, en: string) => void;

const DATE_CELL = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

function parseDateCell(v: string | null, k: ColumnKey, today: string, fail: Fail): string | null {
  if (v === null) return null;
  const m = DATE_CELL.exec(v);
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
  if (iso === null || !isCalendarDate(iso)) {
    fail(k, 'not_a_date', `“${v}”不是有效日期（YYYY-MM-DD）`, `"${v}" is not a valid date (YYYY-MM-DD)`);
    return null;
  }
  if (iso > today) {
    fail(k, 'in_future', `${iso} 晚于今天`, `${iso} is in the future`);
    return null;
  }
  return iso;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isCalendarDate(iso: string): boolean {
  const y = Number(iso.slice(0, 4)), m = Number(iso.slice(5, 7)), d = Number(iso.slice(8, 10));
  if (m < 1 || m > 12 || d < 1 || d > DAYS[m - 1]!) return false;
  return m !== 2 || d < 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
}

const PLAIN_COUNT = /^\d{1,7}$/;

function integerCell(v: string | null, k: ColumnKey, fail: Fail): number | null {
  if (v === null) return null;
  if (PLAIN_COUNT.test(v)) return Number(v); // the common case: at most 7 digits is always in range
  const t = v.replace(/[,，]/g, '');
  if (!/^-?\d+(\.0+)?$/.test(t)) {
    fail(k, 'not_an_integer', `“${v}”不是整数`, `"${v}" is not a whole number`);
    return null;
  }
  const n = Number.parseInt(t, 10);
  if (n < 0) {
    fail(k, 'negative', `不能为负数（${v}）`, `must not be negative (${v})`);
    return null;
  }
  if (n > 10_000_000) {
    fail(k, 'too_large', `${v} 超出合理范围`, `${v} is out of range`);
    return null;
  }
  return n;
}

/** 万元 text → fen, exactly: 1 万元 = 1,000,000 分; digits beyond the fen are rounded half up. */
export function parseWanToFen(text: string): number | null {
  const v = text.indexOf(',') >= 0 || text.indexOf('，') >= 0 || text.indexOf(' ') >= 0 ? text.replace(/[,，\s]/g, '') : text;
  // A hand-written scan: this runs twelve times per imported row.
  let i = 0;
  const negative = v.charCodeAt(0) === 45; // '-'
  if (negative) i = 1;
  let whole = 0, wholeDigits = 0;
  for (; i < v.length; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
    wholeDigits++;
  }
  if (wholeDigits === 0 || wholeDigits > 9) return null;
  let frac = 0, fracDigits = 0, roundUp = false;
  if (i < v.length) {
    if (v.charCodeAt(i) !== 46 || i === v.length - 1) return null; // '.' followed by at least one digit
    for (i++; i < v.length; i++) {
      const c = v.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return null;
      if (fracDigits < 6) frac = frac * 10 + c;
      else if (fracDigits === 6) roundUp = c >= 5;
      fracDigits++;
    }
  }
  for (let d = Math.min(fracDigits, 6); d < 6; d++) frac *= 10;
  const fen = whole * 1_000_000 + frac + (roundUp ? 1 : 0);
  return negative ? -fen : fen;
}

function moneyCell(v: string | null, k: ColumnKey, signed: boolean, fail: Fail): number | null {
  if (v === null) return null;
  const fen = parseWanToFen(v);
  if (fen === null) {
    fail(k, 'not_a_number', `“${v}”不是数字（单位：万元，不超过 9 位整数）`, `"${v}" is not a number (unit: 10k yuan, at most 9 integer digits)`);
    return null;
  }
  if (!signed && fen < 0) {
    fail(k, 'negative', `金额不能为负数（${v} 万元）`, `amount must not be negative (${v})`);
    return null;
  }
  return fen;
}

function ratioAtMost100(part: number | null, whole: number | null, k: ColumnKey, zh: string, en: string, fail: Fail): void {
  if (part === null || whole === null || part <= whole) return;
  const pct = whole === 0 ? '∞' : `${((part * 100) / whole).toFixed(2)}%`;
  fail(k, 'ratio_above_100', `${zh}比例为 ${pct}，超过 100%`, `${en} is ${pct}, above 100%`);
}

const LOOKUPS = new WeakMap<object, Map<string, string>>();

/** code, Chinese name or English name (any case) → code; built once per dictionary. */
function lookupOf(dict: Record<string, { zh: string; en: string }>): Map<string, string> {
  let m = LOOKUPS.get(dict);
  if (!m) {
    m = new Map();
    for (const [code, names] of Object.entries(dict)) { m.set(code, code); m.set(names.zh, code); m.set(names.en.toLowerCase(), code); }
    LOOKUPS.set(dict, m);
  }
  return m;
}

function vocabulary(v: string | null, dict: Record<string, { zh: string; en: string }>, k: ColumnKey, fail: Fail): string | null {
  if (v === null) return null;
  const lookup = lookupOf(dict);
  const code = lookup.get(v) ?? lookup.get(v.toLowerCase());
  if (code !== undefined) return code;
  const allowed = Object.values(dict).map((n) => n.zh).join('、');
  fail(k, 'unknown_value', `“${v}”不在可选值中（${allowed}）`, `"${v}" is not one of the allowed values`);
  return null;
}

function yesNo(v: string | null, fail: Fail): boolean | null {
  if (v === null) return null;
  const t = v.toLowerCase();
  if (['是', 'y', 'yes', 'true', '1'].includes(t)) return true;
  if (['否', 'n', 'no', 'false', '0'].includes(t)) return false;
  fail('listed', 'not_yes_no', `“${v}”应为“是”或“否”`, `"${v}" must be yes or no`);
  return null;
}
