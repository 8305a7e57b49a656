// Streams the rows of a CSV or the first worksheet of an .xlsx file as text cells, counting the bytes read
// so callers can show progress. Memory stays flat: one row at a time, whatever the file size.
import fs from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../platform/files/lazy-libraries.ts';
import { parseCsv } from './parse-csv.ts';

export type SheetFormat = 'csv' | 'xlsx';
export type SheetRow = { rowNumber: number; values: string[] };
/** `chunks`, for a CSV: the file's bytes, for a reader that splits them itself (csv-cursor.ts) instead of reading `rows`. */
export type SheetReader = { rows: AsyncIterable<SheetRow>; chunks?: AsyncIterable<Buffer>; bytesRead(): number };

export function formatOf(fileName: string): SheetFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

export function readSheet(path: string, format: SheetFormat): SheetReader {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const source = fs.createReadStream(path, { highWaterMark: 1 << 20 }).on('error', (e) => counter.destroy(e)).pipe(counter);
  if (format === 'csv') return { rows: csvRows(source), chunks: source as AsyncIterable<Buffer>, bytesRead: () => bytes };
  return { rows: xlsxRows(source), bytesRead: () => bytes };
}

function csvRows(source: NodeJS.ReadableStream): AsyncIterable<SheetRow> {
  return parseCsv(source as AsyncIterable<Buffer>);
}

async function* xlsxRows(source: NodeJS.ReadableStream): AsyncIterable<SheetRow> {
  const reader = new (await loadExcelJs()).stream.xlsx.WorkbookReader(source as unknown as import('node:stream').Readable, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  alignUtf8(reader);
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const raw = row.values as unknown[];
      const values: string[] = [];
      for (let i = 1; i < raw.length; i++) values.push(cellText(raw[i]));
      if (values.some((v) => v !== '')) yield { rowNumber: row.number, values };
    }
    return; // the first worksheet is the data; others (instructions) are not read
  }
}

/**
 * exceljs 4.4 decodes each decompressed chunk of an XML part on its own (utils/parse-sax.js), so a Chinese
 * character split across two chunks turns into U+FFFD — about one row in 2,000 of a large sheet. The reader's
 * worksheet and shared-string parsers are given chunks cut at character boundaries instead.
 */
function alignUtf8(reader: object): void {
  type Parsers = { _parseWorksheet(it: AsyncIterable<Buffer>, no: string): Generator; _parseSharedStrings(entry: AsyncIterable<Buffer>): AsyncGenerator };
  const r = reader as Parsers;
  const sheet = r._parseWorksheet.bind(reader);
  const strings = r._parseSharedStrings.bind(reader);
  r._parseWorksheet = function* (it, no) { yield* sheet(utf8Chunks(it), no); };
  r._parseSharedStrings = async function* (entry) { yield* strings(Readable.from(utf8Chunks(entry))); }; // it wants a stream
}

/** Re-chunks a byte stream so that no chunk ends inside a UTF-8 sequence. */
export async function* utf8Chunks(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let carry: Buffer | null = null;
  for await (const chunk of source) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let start = buf.length - 1;
    while (start >= 0 && buf.length - start < 4 && (buf[start]! & 0xc0) === 0x80) start--; // back over continuation bytes
    let end = buf.length;
    if (start >= 0) {
      const lead = buf[start]!;
      const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      if (buf.length - start < size) end = start;
    }
    carry = end < buf.length ? buf.subarray(end) : null;
    if (end > 0) yield buf.subarray(0, end);
  }
  if (carry) yield carry;
}

/** An Excel cell as the text a user would type: dates as YYYY-MM-DD, formulas by their result. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.result !== undefined) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error !== undefined) return String(o.error);
  }
  return String(v);
}
