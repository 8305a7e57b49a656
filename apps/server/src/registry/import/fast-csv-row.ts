// The reader's fast path for a CSV line without quotes: every cell checked straight from the file's bytes by a
// check specialised for its column, and the row's COPY lines written from those bytes — no string per cell, no
// row object. It accepts only rows that validateRow would accept, giving the same values; anything else (an
// error, a space to trim, a thousands separator, a date written 2015/6/18, lower-case codes …) it leaves to
// validateRow, which then says what is wrong or normalises the cell. A property test holds the two paths to
// the same lines (fast-csv-row.test.ts).
import { USCC_AUTHORITIES, USCC_CHARSET, USCC_WEIGHTS, validateUscc } from '../../platform/identity/uscc.ts';
import { CLUSTERS, TECH_FIELDS } from '../reference.ts';
import { IP_KEY, LF, TAB, type BatchBuilder } from './batch-builder.ts';
import { COLUMNS, type ColumnKey } from './columns.ts';
import type { HeaderMap } from './header.ts';
import type { SeenFiscalYears } from './seen-fiscal-years.ts';
import { key, keyOfBytes, UsccTable, withYear } from './uscc-table.ts';
import { IP_COLUMNS, MONEY_KEYS, type IpColumn } from './validate-row.ts';

const COMMA = 44, MINUS = 45, DOT = 46, ZERO = 48, BACKSLASH = 92;
const COLUMN = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i])) as Record<ColumnKey, number>;
const MONEY = MONEY_KEYS.map((k) => COLUMN[k]);
const SIGNED = MONEY_KEYS.map((k) => COLUMNS[COLUMN[k]]!.kind === 'wan_signed');
const IP_KEYS = Object.keys(IP_COLUMNS) as IpColumn[];
const IP = IP_KEYS.map((k) => COLUMN[k]);
const COUNTS = [COLUMN.employees, COLUMN.scienceStaff, COLUMN.rdStaff, COLUMN.conversions, ...IP];
const ascii = (s: string): Uint8Array => Buffer.from(s, 'utf8');
/** `{"invention/granted/self":` and `,"invention/granted/self":` for each IP column: the counts as jsonb. */
const IP_FIRST = IP_KEYS.map((k) => ascii(`{"${IP_KEY[k]}":`));
const IP_NEXT = IP_KEYS.map((k) => ascii(`,"${IP_KEY[k]}":`));
const ENTERPRISE = ascii('\tenterprise\t');
const NULL = ascii('\\N'), TRUE = ascii('true'), FALSE = ascii('false');

const VALUE_OF = (() => {
  const t = new Int8Array(256).fill(-1);
  for (let i = 0; i < USCC_CHARSET.length; i++) t[USCC_CHARSET.charCodeAt(i)] = i;
  return t;
})();
const CHECK = Uint8Array.from(USCC_CHARSET, (c) => c.charCodeAt(0));
/** Registration authority byte × category byte → allowed. */
const AUTHORITY = (() => {
  const t = new Uint8Array(128 * 128);
  for (const [a, { categories }] of Object.entries(USCC_AUTHORITIES)) for (const c of categories) t[a.charCodeAt(0) * 128 + c.charCodeAt(0)] = 1;
  return t;
})();

type Vocabulary = Map<number, { text: Uint8Array; code: Uint8Array }[]>;

/** A closed list's exact spellings as validateRow's lookup holds them (code, Chinese name, English in lower case). */
function vocabularyOf(dict: Record<string, { zh: string; en: string }>): Vocabulary {
  const byText = new Map<string, string>();
  for (const [code, names] of Object.entries(dict)) { byText.set(code, code); byText.set(names.zh, code); byText.set(names.en.toLowerCase(), code); }
  const out: Vocabulary = new Map();
  for (const [text, code] of byText) {
    const t = ascii(text);
    const k = vocabularyKey(t, 0, t.length);
    out.set(k, [...(out.get(k) ?? []), { text: t, code: ascii(code) }]);
  }
  return out;
}
const vocabularyKey = (b: Uint8Array, s: number, e: number): number => (e - s) * 65536 + b[s]! * 256 + b[e - 1]!;
const TECH = vocabularyOf(TECH_FIELDS);
const CLUSTER = vocabularyOf(CLUSTERS);

const YES = ['是', 'y', 'yes', 'true', '1'].map(ascii);
const NO = ['否', 'n', 'no', 'false', '0'].map(ascii);
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export type FastRowContext = { districts: ReadonlySet<string>; today: string; seen: SeenFiscalYears; nonEnterprise: ReadonlySet<string> };

export class FastCsvRow {
  private readonly fieldColumn: Int32Array;
  private readonly start = new Int32Array(COLUMNS.length);
  private readonly end = new Int32Array(COLUMNS.length);
  /** Integer columns' values, -1 for an empty cell. */
  private readonly count = new Int32Array(COLUMNS.length);
  /**
   * Amounts in fen as the 万元 part and the six digits below it; `wan` -1 for an empty cell. Small integers both
   * (at most 10⁹ and 10⁶), so their digits come from integer division, not the floating-point remainder.
   */
  private readonly wan = new Int32Array(COLUMNS.length);
  private readonly below = new Int32Array(COLUMNS.length);
  private readonly negative = new Uint8Array(COLUMNS.length);
  /**
   * Where an amount's digits lie in the line, so the fen text is copied rather than computed: the 万元 digits
   * without leading zeros (`digitsFrom`–`digitsTo`), then up to six decimals; -1 when rounding changed them.
   */
  private readonly digitsFrom = new Int32Array(COLUMNS.length);
  private readonly digitsTo = new Int32Array(COLUMNS.length);
  private readonly places = new Int32Array(COLUMNS.length);
  private readonly districts = new Set<number>();
  private readonly nonEnterprise = new UsccTable(16);
  private readonly today: number;
  private readonly thisYear: number;
  private buf: Uint8Array = new Uint8Array(0);
  private rowNumber = 0;
  private hi = 0;
  private lo = 0;
  private tech: Uint8Array | null = null;
  private cluster: Uint8Array | null = null;
  private listed: Uint8Array | null = null;

  constructor(map: HeaderMap, private readonly ctx: FastRowContext) {
    this.fieldColumn = Int32Array.from(map, (k) => (k === null ? -1 : COLUMN[k]));
    for (const d of ctx.districts) if (/^\d{6}$/.test(d)) this.districts.add(Number(d));
    for (const code of ctx.nonEnterprise) {
      const r = validateUscc(code);
      if (r.ok && r.code === code) { keyOfBytes(ascii(code), 0); this.nonEnterprise.set(1); }
    }
    this.today = Number(ctx.today.slice(0, 4)) * 10000 + Number(ctx.today.slice(5, 7)) * 100 + Number(ctx.today.slice(8, 10));
    this.thisYear = Number(ctx.today.slice(0, 4));
  }

  /**
   * Checks bytes `start`–`end` of `buf` (one line, no quotes, valid UTF-8) as sheet row `rowNumber`. True: the row
   * is good, is recorded as seen, and `write` packs it; false: nothing recorded, validateRow must judge it.
   */
  check(buf: Uint8Array, lineStart: number, lineEnd: number, rowNumber: number): boolean {
    const { start, end, fieldColumn } = this;
    start.fill(0);
    end.fill(0);
    const fields = fieldColumn.length;
    let field = 0;
    let s = lineStart;
    for (let i = lineStart; ; i++) {
      if (i === lineEnd || buf[i] === COMMA) {
        const c = fieldColumn[field]!;
        if (c >= 0) { start[c] = s; end[c] = i; }
        if (++field === fields || i === lineEnd) break;
        s = i + 1;
      }
    }
    this.buf = buf;
    this.rowNumber = rowNumber;
    return this.checkCells(buf);
  }

  private checkCells(b: Uint8Array): boolean {
    const { start, end } = this;
    // credit code: 18 code characters, known authority and category, right check character
    let s = start[COLUMN.uscc]!;
    if (end[COLUMN.uscc]! - s !== 18 || AUTHORITY[(b[s]! & 127) * 128 + (b[s + 1]! & 127)] !== 1) return false;
    let sum = 0;
    for (let i = 0; i < 17; i++) {
      const v = VALUE_OF[b[s + i]!]!;
      if (v < 0) return false;
      sum += v * USCC_WEIGHTS[i]!;
    }
    if (b[s + 17] !== CHECK[(31 - (sum % 31)) % 31]) return false;
    keyOfBytes(b, s);
    if (this.nonEnterprise.size > 0 && this.nonEnterprise.get() >= 0) return false;
    this.hi = key.hi;
    this.lo = key.lo;

    // name: present, at most 200 bytes (so at most 200 characters), nothing to trim or escape
    s = start[COLUMN.name]!;
    let e = end[COLUMN.name]!;
    if (e === s || e - s > 200 || spaceAt(b, s)) return false;
    let last = e - 1;
    while ((b[last]! & 0xc0) === 0x80) last--;
    if (spaceAt(b, last)) return false;
    for (let i = s; i < e; i++) if (b[i]! < 32 || b[i] === BACKSLASH) return false;

    // district: six digits naming the city or one of its districts
    s = start[COLUMN.districtCode]!;
    if (end[COLUMN.districtCode]! - s !== 6 || !this.districts.has(digitsAt(b, s, 6))) return false;

    // founded on: empty, or YYYY-MM-DD, a calendar date not after today
    s = start[COLUMN.foundedOn]!;
    e = end[COLUMN.foundedOn]!;
    let foundedYear = 0;
    if (e > s) {
      if (e - s !== 10 || b[s + 4] !== MINUS || b[s + 7] !== MINUS) return false;
      const y = digitsAt(b, s, 4), m = digitsAt(b, s + 5, 2), d = digitsAt(b, s + 8, 2);
      if (y < 0 || m < 1 || m > 12 || d < 1 || d > DAYS[m - 1]!) return false;
      if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return false;
      if (y * 10000 + m * 100 + d > this.today) return false;
      foundedYear = y;
    }

    // industry code: a capital A–T and none, two, three or four digits
    s = start[COLUMN.industryCode]!;
    e = end[COLUMN.industryCode]!;
    if (e > s && (b[s]! < 65 || b[s]! > 84 || e - s === 2 || e - s > 5 || (e - s > 1 && digitsAt(b, s + 1, e - s - 1) < 0))) return false;

    this.tech = this.vocabulary(TECH, start[COLUMN.techField]!, end[COLUMN.techField]!);
    if (this.tech === NOT_FOUND) return false;
    this.cluster = this.vocabulary(CLUSTER, start[COLUMN.cluster]!, end[COLUMN.cluster]!);
    if (this.cluster === NOT_FOUND) return false;
    s = start[COLUMN.listed]!;
    e = end[COLUMN.listed]!;
    this.listed = null;
    if (e > s) {
      if (oneOf(b, s, e, YES)) this.listed = TRUE;
      else if (oneOf(b, s, e, NO)) this.listed = FALSE;
      else return false;
    }

    // year: four digits, 1949 to this year, not before founding
    s = start[COLUMN.year]!;
    if (end[COLUMN.year]! - s !== 4) return false;
    const year = digitsAt(b, s, 4);
    if (year < 1949 || year > this.thisYear || year < foundedYear) return false;

    // counts: at most seven digits; staff within the employees
    const count = this.count;
    for (const c of COUNTS) {
      s = start[c]!;
      e = end[c]!;
      if (e === s) count[c] = -1;
      else if (e - s > 7 || (count[c] = digitsAt(b, s, e - s)) < 0) return false;
    }
    const employees = count[COLUMN.employees]!;
    if (employees >= 0 && (count[COLUMN.scienceStaff]! > employees || count[COLUMN.rdStaff]! > employees)) return false;

    for (let m = 0; m < MONEY.length; m++) if (!this.amount(b, MONEY[m]!, SIGNED[m]!)) return false;
    if (this.above(COLUMN.rdExpenseDomestic, COLUMN.rdExpense) || this.above(COLUMN.highTechRevenue, COLUMN.totalRevenue)
      || this.above(COLUMN.mainBusinessRevenue, COLUMN.operatingRevenue) || this.above(COLUMN.rdExpense, COLUMN.costsAndExpenses)) return false;

    // a fiscal year given twice in the file: validateRow names the first row
    key.hi = this.hi;
    key.lo = this.lo;
    withYear(year);
    const seen = this.ctx.seen.table;
    if (seen.get() >= 0) return false;
    seen.set(this.rowNumber);
    return true;
  }

  /** The write lane of the row just checked: the same as the general path's, by credit code. */
  lane(lanes: number): number {
    if (lanes === 1) return 0;
    const b = this.buf, s = this.start[COLUMN.uscc]!;
    let h = 0;
    for (let i = 0; i < 18; i++) h = (h * 31 + b[s + i]!) | 0;
    return Math.abs(h) % lanes;
  }

  /** Packs the row just checked into `into`: each line written into its buffer directly, room made once. */
  write(into: BatchBuilder): void {
    const { buf: b, start, end, count, wan, below, negative } = this;
    key.hi = this.hi;
    key.lo = this.lo;
    const e = into.beginRow(this.rowNumber);
    const heads = into.headBytes, h0 = into.headAt(e), hl = into.headLength;

    let sink = into.fiscal;
    sink.reserve(hl + 400);
    let out = sink.bytes, at = put(out, sink.length, heads, h0, h0 + hl);
    out[at++] = TAB;
    at = put(out, at, b, start[COLUMN.year]!, end[COLUMN.year]!);
    for (let m = 0; m < MONEY.length; m++) {
      const c = MONEY[m]!;
      out[at++] = TAB;
      const w = wan[c]!, v = below[c]!;
      if (w < 0) { out[at++] = BACKSLASH; out[at++] = N; continue; }
      if (negative[c] === 1 && (w > 0 || v > 0)) out[at++] = MINUS;
      const from = this.digitsFrom[c]!;
      if (from >= 0) { // the 万元 digits and the decimals as written, padded to six
        const to = this.digitsTo[c]!, places = this.places[c]!;
        at = put(out, at, b, from, to);
        at = put(out, at, b, to + 1, to + 1 + places);
        for (let p = places; p < 6; p++) out[at++] = ZERO;
        continue;
      }
      if (w === 0) { at = putDigits(out, at, v); continue; }
      at = putDigits(out, at, w);
      for (let i = 5, d = v; i >= 0; i--) { const q = (d / 10) | 0; out[at + i] = ZERO + d - q * 10; d = q; }
      at += 6;
    }
    for (let i = 0; i < 4; i++) {
      const n = count[COUNTS[i]!]!;
      out[at++] = TAB;
      if (n < 0) { out[at++] = BACKSLASH; out[at++] = N; } else at = putDigits(out, at, n);
    }
    out[at++] = LF;
    sink.length = at;

    into.beginEnterpriseLines();
    sink = into.organisations;
    sink.reserve(hl + 300);
    out = sink.bytes;
    at = put(out, sink.length, heads, h0, h0 + hl);
    at = put(out, at, ENTERPRISE, 0, ENTERPRISE.length);
    at = put(out, at, b, start[COLUMN.name]!, end[COLUMN.name]!);
    out[at++] = TAB;
    at = put(out, at, b, start[COLUMN.uscc]!, end[COLUMN.uscc]!);
    out[at++] = TAB;
    at = put(out, at, b, start[COLUMN.districtCode]!, end[COLUMN.districtCode]!);
    out[at++] = LF;
    sink.length = at;

    sink = into.profiles;
    sink.reserve(hl + 400);
    out = sink.bytes;
    at = put(out, sink.length, heads, h0, h0 + hl);
    out[at++] = TAB;
    at = putOrNull(out, at, b, start[COLUMN.foundedOn]!, end[COLUMN.foundedOn]!);
    out[at++] = TAB;
    at = putOrNull(out, at, b, start[COLUMN.industryCode]!, end[COLUMN.industryCode]!);
    out[at++] = TAB;
    const tech = this.tech ?? NULL, cluster = this.cluster ?? NULL, listed = this.listed ?? NULL;
    at = put(out, at, tech, 0, tech.length);
    out[at++] = TAB;
    at = put(out, at, cluster, 0, cluster.length);
    out[at++] = TAB;
    at = put(out, at, listed, 0, listed.length);
    out[at++] = TAB;
    let counts = 0;
    for (let k = 0; k < IP.length; k++) {
      const n = count[IP[k]!]!;
      if (n < 0) continue;
      const key = counts++ === 0 ? IP_FIRST[k]! : IP_NEXT[k]!;
      at = put(out, at, key, 0, key.length);
      at = putDigits(out, at, n);
    }
    if (counts === 0) { out[at++] = BACKSLASH; out[at++] = N; } else out[at++] = 125; // }
    out[at++] = LF;
    sink.length = at;
    into.endEnterpriseLines();
  }

  /** 万元 → fen as parseWanToFen reads it, for the plain spellings only (digits, one point, a sign where allowed). */
  private amount(b: Uint8Array, c: number, signed: boolean): boolean {
    let s = this.start[c]!;
    const e = this.end[c]!;
    if (e === s) { this.wan[c] = -1; return true; }
    let negative = 0;
    if (b[s] === MINUS) { if (!signed) return false; negative = 1; s++; }
    let wan = 0, i = s;
    for (; i < e; i++) {
      const d = b[i]! - ZERO;
      if (d < 0 || d > 9) break;
      wan = wan * 10 + d;
    }
    if (i === s || i - s > 9) return false;
    const wholeEnd = i;
    let below = 0, places = 0, roundUp = 0;
    if (i < e) {
      if (b[i] !== DOT || i === e - 1) return false;
      for (i++; i < e; i++) {
        const d = b[i]! - ZERO;
        if (d < 0 || d > 9) return false;
        if (places < 6) below = below * 10 + d;
        else if (places === 6) roundUp = d >= 5 ? 1 : 0;
        places++;
      }
    }
    for (let p = Math.min(places, 6); p < 6; p++) below *= 10;
    below += roundUp;
    if (below === 1_000_000) { wan++; below = 0; }
    let from = s;
    while (b[from] === ZERO && from < wholeEnd) from++;
    this.digitsFrom[c] = roundUp === 0 && wan > 0 ? from : -1;
    this.digitsTo[c] = wholeEnd;
    this.places[c] = places < 6 ? places : 6;
    this.wan[c] = wan;
    this.below[c] = below;
    this.negative[c] = negative;
    return true;
  }

  /** True when both amounts are given and `part` exceeds `whole` (a share above 100 %). */
  private above(part: number, whole: number): boolean {
    if (this.wan[part]! < 0 || this.wan[whole]! < 0) return false;
    return this.fen(part) > this.fen(whole);
  }

  private fen(c: number): number {
    const v = this.wan[c]! * 1_000_000 + this.below[c]!;
    return this.negative[c] === 1 ? -v : v;
  }

  private vocabulary(v: Vocabulary, s: number, e: number): Uint8Array | null {
    if (e === s) return null;
    const candidates = v.get(vocabularyKey(this.buf, s, e));
    if (candidates !== undefined) for (const c of candidates) if (same(this.buf, s, e, c.text)) return c.code;
    return NOT_FOUND;
  }
}

const NOT_FOUND = new Uint8Array(0);
const N = 78; // 'N' of the COPY null, \N

/** Copies bytes `s`–`e` of `src` to `out` at `at`; the new end. */
function put(out: Uint8Array, at: number, src: Uint8Array, s: number, e: number): number {
  for (let i = s; i < e; i++) out[at++] = src[i]!;
  return at;
}

function putOrNull(out: Uint8Array, at: number, src: Uint8Array, s: number, e: number): number {
  if (e > s) return put(out, at, src, s, e);
  out[at] = BACKSLASH;
  out[at + 1] = N;
  return at + 2;
}

/** A non-negative integer below 2³¹ in decimal at `at`; the new end. */
function putDigits(out: Uint8Array, at: number, n: number): number {
  if (n < 10) { out[at] = ZERO + n; return at + 1; }
  let end = at;
  for (let v = n; v > 0; v = (v / 10) | 0) end++;
  for (let v = n, i = end; v > 0;) { const q = (v / 10) | 0; out[--i] = ZERO + v - q * 10; v = q; }
  return end;
}

/** The number written by `n` ASCII digits at `s`, or -1 if one is not a digit. */
function digitsAt(b: Uint8Array, s: number, n: number): number {
  let v = 0;
  for (let i = s; i < s + n; i++) {
    const d = b[i]! - ZERO;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function oneOf(b: Uint8Array, s: number, e: number, texts: readonly Uint8Array[]): boolean {
  for (let i = 0; i < texts.length; i++) if (same(b, s, e, texts[i]!)) return true;
  return false;
}

function same(b: Uint8Array, s: number, e: number, t: Uint8Array): boolean {
  if (e - s !== t.length) return false;
  for (let i = 0; i < t.length; i++) if (b[s + i] !== t[i]) return false;
  return true;
}

/** Whether the character starting at byte `i` is one String.prototype.trim removes. */
function spaceAt(b: Uint8Array, i: number): boolean {
  const c = b[i]!;
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c === 0xc2) return b[i + 1] === 0xa0;
  if (c === 0xe1) return b[i + 1] === 0x9a && b[i + 2] === 0x80;
  if (c === 0xe2) {
    const c1 = b[i + 1], c2 = b[i + 2]!;
    if (c1 === 0x80) return (c2 >= 0x80 && c2 <= 0x8a) || c2 === 0xa8 || c2 === 0xa9 || c2 === 0xaf;
    return c1 === 0x81 && c2 === 0x9f;
  }
  if (c === 0xe3) return b[i + 1] === 0x80 && b[i + 2] === 0x80;
  if (c === 0xef) return b[i + 1] === 0xbb && b[i + 2] === 0xbf;
  return false;
}
