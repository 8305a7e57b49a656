// The downloadable import template: the headers (required ones marked *) and one example row.
import type { Writable } from 'node:stream';
import { COLUMNS, templateHeader } from './columns.ts';
import type { SheetFormat } from './read-sheet.ts';
import { writeSheet } from './write-sheet.ts';

export async function writeTemplate(format: SheetFormat, out: Writable): Promise<void> {
  async function* example(): AsyncIterable<string[]> {
    yield COLUMNS.map((c) => c.example);
  }
  await writeSheet(format, '企业名录', COLUMNS.map(templateHeader), example(), out);
}
