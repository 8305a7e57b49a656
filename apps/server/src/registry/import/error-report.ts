// The error report of an import: the rows that failed, as they were sent, with the original row number and
// an error column naming each field and rule in Chinese and English. It can be corrected and imported again.
import type { Writable } from 'node:stream';
import type { Database } from '../../platform/database/open-database.ts';
import { REPORT_ERROR_HEADER, REPORT_ROW_HEADER } from './columns.ts';
import type { SheetFormat } from './read-sheet.ts';
import type { RowError } from './validate-row.ts';
import { writeSheet } from './write-sheet.ts';

export async function writeErrorReport(database: Database, regionCode: string, jobId: string, headers: readonly string[], format: SheetFormat, out: Writable): Promise<void> {
  const width = headers.length;
  async function* rows(): AsyncIterable<(string | number)[]> {
    let after = 0;
    for (;;) {
      const { rows: page } = await database.pool.query<{ row_number: number; cells: string[]; errors: RowError[] }>(
        `SELECT row_number, cells, errors FROM registry_import_rejects WHERE region_code = $1 AND job_id = $2 AND row_number > $3 ORDER BY row_number LIMIT 2000`,
        [regionCode, jobId, after],
      );
      if (page.length === 0) return;
      for (const r of page) {
        const cells = Array.from({ length: width }, (_, i) => r.cells[i] ?? '');
        yield [...cells, r.row_number, describeErrors(r.errors)];
      }
      after = page.at(-1)!.row_number;
    }
  }
  const own = headers.filter((h) => h !== REPORT_ROW_HEADER && h !== REPORT_ERROR_HEADER);
  // A corrected report re-imported and failing again must not grow a second pair of report columns.
  const keep = headers.map((h, i) => (own.includes(h) ? i : -1)).filter((i) => i >= 0);
  async function* trimmed(): AsyncIterable<(string | number)[]> {
    for await (const r of rows()) yield [...keep.map((i) => r[i]!), r[width]!, r[width + 1]!];
  }
  await writeSheet(format, '导入错误', [...own, REPORT_ROW_HEADER, REPORT_ERROR_HEADER], trimmed(), out);
}

export function describeErrors(errors: readonly RowError[]): string {
  return errors.map((e) => `${e.message}（${e.rule}）/ ${e.message_en}`).join('；\n');
}
