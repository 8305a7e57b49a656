// Pure: reads the header row of a sheet into a column map, or says exactly why the sheet cannot be read
// (blank or merged header cells, unknown or repeated headers, missing required columns). The enterprise sheet
// uses its own columns; the other sheet kinds (certificates, platforms, …) pass theirs.
import { COLUMNS, columnForHeader, normaliseHeader, REPORT_ERROR_HEADER, REPORT_ROW_HEADER, type ColumnKey } from './columns.ts';

export type FileError = { code: string; message: string; message_en: string };
export type HeaderMap = (ColumnKey | null)[];
export type HeaderColumn<K extends string> = { key: K; header: string; required?: boolean };

const IGNORED = new Set([normaliseHeader(REPORT_ROW_HEADER), normaliseHeader(REPORT_ERROR_HEADER)]);

export function analyseHeader(values: readonly string[]): { ok: true; map: HeaderMap } | { ok: false; error: FileError } {
  return analyseHeaderOf<ColumnKey>(values, COLUMNS, columnForHeader);
}

export function analyseHeaderOf<K extends string>(
  values: readonly string[], columns: readonly HeaderColumn<K>[], keyOf: (h: string) => K | undefined = lookupOf(columns),
): { ok: true; map: (K | null)[] } | { ok: false; error: FileError } {
  let last = values.length - 1;
  while (last >= 0 && values[last]!.trim() === '') last--;
  const map: (K | null)[] = [];
  const unknown: string[] = [];
  const seen = new Set<K>();
  for (let i = 0; i <= last; i++) {
    const h = values[i]!.trim();
    if (h === '') {
      return fileError('header_blank_cell', `表头第 ${columnLetter(i)} 列为空：表头不能有空白或合并单元格，请使用模板的单行表头`,
        `Header cell ${columnLetter(i)} is blank: the header must be one row without blank or merged cells (use the template)`);
    }
    if (IGNORED.has(normaliseHeader(h))) { map.push(null); continue; }
    const key = keyOf(h);
    if (key === undefined) { unknown.push(`${columnLetter(i)}「${h}」`); map.push(null); continue; }
    if (seen.has(key)) return fileError('header_repeated', `表头“${h}”出现两次`, `Header "${h}" appears twice`);
    seen.add(key);
    map.push(key);
  }
  if (unknown.length > 0) {
    return fileError('header_unknown', `无法识别的表头：${unknown.join('、')}。请使用模板的表头（不要合并单元格或使用多行表头）`,
      `Unknown headers: ${unknown.join(', ')}. Use the template's headers (no merged cells or multi-row headers)`);
  }
  const missing = columns.filter((c) => c.required === true && !seen.has(c.key)).map((c) => c.header);
  if (missing.length > 0) return fileError('header_missing', `缺少必填列：${missing.join('、')}`, `Missing required columns: ${missing.join(', ')}`);
  return { ok: true, map };
}

function lookupOf<K extends string>(columns: readonly HeaderColumn<K>[]): (h: string) => K | undefined {
  const byHeader = new Map(columns.map((c) => [normaliseHeader(c.header), c.key]));
  return (h) => byHeader.get(normaliseHeader(h));
}

export function fileError(code: string, zh: string, en: string): { ok: false; error: FileError } {
  return { ok: false, error: { code, message: zh, message_en: en } };
}

export function columnLetter(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
