// Pure: reads the text cells of one sheet row by column, collecting every problem as an error that names the
// field and the rule in Chinese and English (the enterprise sheet's wording), so a row with any error is
// written nowhere. Required columns are refused when empty; `need` refuses a cell a row's kind requires.
import { validateUscc } from '../../../platform/identity/uscc.ts';
import { isCalendarDate, parseWanToFen } from '../validate-row.ts';
import type { KindColumn, KindContext, SheetRowError } from './sheet-kind.ts';
import { codeOf, type Vocabulary } from './vocabularies.ts';

export type CellReader<K extends string> = ReturnType<typeof readCells<K>>;

export function readCells<K extends string>(columns: readonly KindColumn<K>[], cells: Partial<Record<K, string>>, ctx: KindContext) {
  const errors: SheetRowError[] = [];
  const failed = new Set<K>();
  const column = (k: K) => columns.find((c) => c.key === k)!;
  const fail = (k: K, rule: string, zh: string, en: string) => {
    const c = column(k);
    failed.add(k);
    errors.push({ column: k, field: c.header, rule, message: `${c.header}：${zh}`, message_en: `${c.en}: ${en}` });
  };
  const text = (k: K): string | null => {
    const v = cells[k]?.trim();
    if (v === undefined || v === '') {
      if (column(k).required === true) fail(k, 'required', '必填', 'is required');
      return null;
    }
    return v;
  };
  const thisYear = Number(ctx.today.slice(0, 4));

  return {
    errors,
    fail,
    text,
    /** A value the row's kind requires although the column is optional for other kinds. */
    need(k: K, v: unknown, zh: string, en: string): void {
      if (v === null && !failed.has(k)) fail(k, 'required_for_kind', `${zh}必填`, `is required for ${en}`);
    },
    uscc(k: K): string | null {
      const v = text(k);
      if (v === null) return null;
      const r = validateUscc(v);
      if (r.ok) return r.code;
      fail(k, `uscc_${r.reason}`, r.message, r.messageEn);
      return null;
    },
    name(k: K, max = 200): string | null {
      const v = text(k);
      if (v !== null && v.length > max) { fail(k, 'too_long', `不超过 ${max} 字`, `at most ${max} characters`); return null; }
      return v;
    },
    /** `notFuture`: the date records something that has happened (an approval), so it cannot lie ahead. */
    date(k: K, notFuture: boolean): string | null {
      const v = text(k);
      if (v === null) return null;
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
      const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
      if (iso === null || !isCalendarDate(iso)) { fail(k, 'not_a_date', `“${v}”不是有效日期（YYYY-MM-DD）`, `"${v}" is not a valid date (YYYY-MM-DD)`); return null; }
      if (notFuture && iso > ctx.today) { fail(k, 'in_future', `${iso} 晚于今天，尚未发生`, `${iso} is in the future`); return null; }
      if (iso < '1949-01-01') { fail(k, 'too_early', '不早于 1949 年', 'not before 1949'); return null; }
      return iso;
    },
    /** A year something happened in (award, selection): four digits, not ahead of this year. */
    year(k: K): number | null {
      const v = text(k);
      if (v === null) return null;
      if (!/^\d{4}$/.test(v)) { fail(k, 'not_a_year', `“${v}”不是四位年份`, `"${v}" is not a four-digit year`); return null; }
      const y = Number(v);
      if (y > thisYear) { fail(k, 'in_future', `${v} 年尚未到来`, `${v} is in the future`); return null; }
      if (y < 1949) { fail(k, 'too_early', '不早于 1949 年', 'not before 1949'); return null; }
      return y;
    },
    integer(k: K, min: number, max: number): number | null {
      const v = text(k);
      if (v === null) return null;
      const t = v.replace(/[,，]/g, '');
      if (!/^-?\d+(\.0+)?$/.test(t)) { fail(k, 'not_an_integer', `“${v}”不是整数`, `"${v}" is not a whole number`); return null; }
      const n = Number.parseInt(t, 10);
      if (n < 0) { fail(k, 'negative', `不能为负数（${v}）`, `must not be negative (${v})`); return null; }
      if (n < min || n > max) { fail(k, 'out_of_range', `应在 ${min}–${max} 之间（${v}）`, `must be between ${min} and ${max} (${v})`); return null; }
      return n;
    },
    /** 万元 → fen, exactly (the enterprise sheet's conversion); negative amounts are refused. */
    amountFen(k: K): number | null {
      const v = text(k);
      if (v === null) return null;
      const fen = parseWanToFen(v);
      if (fen === null) { fail(k, 'not_a_number', `“${v}”不是数字（单位：万元，不超过 9 位整数）`, `"${v}" is not a number (unit: 10k yuan, at most 9 integer digits)`); return null; }
      if (fen < 0) { fail(k, 'negative', `金额不能为负数（${v} 万元）`, `amount must not be negative (${v})`); return null; }
      return fen;
    },
    choice<C extends string>(k: K, dict: Vocabulary & Record<C, unknown>): C | null {
      const v = text(k);
      if (v === null) return null;
      const code = codeOf(dict, v);
      if (code !== null) return code as C;
      const values = Object.values(dict);
      fail(k, 'unknown_value', `“${v}”不在可选值中（${values.map((n) => n.zh).join('、')}）`, `"${v}" is not one of ${values.map((n) => n.en).join(', ')}`);
      return null;
    },
    /** The natural key given twice in one file: the later row is refused and names the first. */
    uniqueKey(k: K, key: string, rowNumber: number, words: { zh: string; en: string }): void {
      const first = ctx.seen.get(key);
      if (first !== undefined) fail(k, 'duplicate_key', `与第 ${first} 行重复（${words.zh}相同）`, `repeats row ${first} (same ${words.en})`);
      else if (errors.length === 0) ctx.seen.set(key, rowNumber);
    },
  };
}
