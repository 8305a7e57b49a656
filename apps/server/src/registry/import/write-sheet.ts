// Streams a sheet out as CSV (UTF-8 with BOM, so Excel opens Chinese correctly) or .xlsx, row by row.
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { loadExcelJs } from '../../platform/files/lazy-libraries.ts';
import type { SheetFormat } from './read-sheet.ts';

export const CONTENT_TYPES: Record<SheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function writeSheet(format: SheetFormat, sheetName: string, headers: readonly string[], rows: AsyncIterable<readonly (string | number | null)[]>, out: Writable): Promise<void> {
  if (format === 'csv') {
    out.write('\uFEFF');
    const csv = stringify();
    const done = new Promise<void>((resolve, reject) => { out.on('finish', resolve); out.on('error', reject); csv.on('error', reject); });
    csv.pipe(out);
    const put = (r: readonly unknown[]) => (csv.write(r) ? Promise.resolve() : new Promise<void>((res) => csv.once('drain', () => res())));
    await put(headers);
    for await (const r of rows) await put(r.map((v) => (v === null ? '' : v)));
    csv.end();
    await done;
    return;
  }
  const workbook = new (await loadExcelJs()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((h) => ({ header: h, width: Math.max(10, Math.min(40, h.length * 2 + 2)) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const r of rows) sheet.addRow(r.map((v) => (v === null ? null : v))).commit();
  sheet.commit();
  await workbook.commit();
}
