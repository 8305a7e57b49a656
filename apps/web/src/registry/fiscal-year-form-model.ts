// Pure parts of the annual-data form: people type 万元 (as in the import sheet) and the API stores fen, so the
// conversion is exact text arithmetic (BigInt), never through a float; digits beyond the fen round half up,
// as the import does.

export const MONEY_FIELDS = [
  'salesRevenueFen', 'operatingRevenueFen', 'mainBusinessRevenueFen', 'highTechRevenueFen', 'totalRevenueFen', 'rdExpenseFen',
  'rdExpenseDomesticFen', 'costsAndExpensesFen', 'totalAssetsFen', 'totalLiabilitiesFen', 'netAssetsFen', 'netProfitFen',
] as const;
export type MoneyField = (typeof MONEY_FIELDS)[number];
export const COUNT_FIELDS = ['employees', 'scienceStaff', 'rdStaff', 'conversions'] as const;
export type CountField = (typeof COUNT_FIELDS)[number];

/** What the form holds: amounts as typed text in 万元, counts as numbers, blank = keep the stored value. */
export type FiscalYearFormValues = { year?: number | null } & Partial<Record<MoneyField, string | null>> & Partial<Record<CountField, number | null>>;
export type FiscalYearBody = Partial<Record<MoneyField, string>> & Partial<Record<CountField, number>>;
export type StoredFiscalYear = { year: number } & Partial<Record<MoneyField, string | null>> & Partial<Record<CountField, number | null>>;

const WAN = /^(-?)(\d{1,9})(?:\.(\d+))?$/;

/** "8,650.5" 万元 → "8650500000" fen; null when the text is not an amount (at most 9 integer digits). */
export function wanToFen(text: string): string | null {
  const m = WAN.exec(text.replace(/[,，\s]/g, ''));
  if (!m) return null;
  const frac = m[3] ?? '';
  let fen = BigInt(m[2]!) * 1_000_000n + BigInt(frac.slice(0, 6).padEnd(6, '0'));
  if ((frac[6] ?? '0') >= '5') fen += 1n;
  return (m[1] === '-' && fen !== 0n ? -fen : fen).toString();
}

/** "8650500000" fen → "8650.5" 万元, exact, without trailing zeros (what the form shows to edit). */
export function fenToWanText(fen: string): string {
  const v = BigInt(fen);
  const abs = v < 0n ? -v : v;
  const frac = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${v < 0n ? '-' : ''}${abs / 1_000_000n}${frac ? `.${frac}` : ''}`;
}

/** A stored year as form values (amounts in 万元 text). */
export function formValuesOf(stored: StoredFiscalYear): FiscalYearFormValues {
  const values: FiscalYearFormValues = { year: stored.year };
  for (const k of MONEY_FIELDS) {
    const fen = stored[k];
    values[k] = fen === null || fen === undefined ? null : fenToWanText(fen);
  }
  for (const k of COUNT_FIELDS) values[k] = stored[k] ?? null;
  return values;
}

/**
 * The PUT body: every filled field (so the server checks the whole year's ratios and staff counts together);
 * blank fields are left out, which keeps what is stored. Throws on an amount the form rules should have caught.
 */
export function fiscalYearBody(values: FiscalYearFormValues): FiscalYearBody {
  const body: FiscalYearBody = {};
  for (const k of MONEY_FIELDS) {
    const text = values[k]?.trim();
    if (!text) continue;
    const fen = wanToFen(text);
    if (fen === null) throw new Error(`${k}: not an amount`);
    body[k] = fen;
  }
  for (const k of COUNT_FIELDS) {
    const n = values[k];
    if (n !== null && n !== undefined) body[k] = n;
  }
  return body;
}

/** The form field a server error names: body fields as they are, the path's year as `year`. */
export function formFieldOf(serverField: string | null, fields: readonly string[]): string | null {
  if (serverField === null) return null;
  const name = serverField.startsWith('params.') ? serverField.slice('params.'.length) : serverField;
  return fields.includes(name) ? name : null;
}
