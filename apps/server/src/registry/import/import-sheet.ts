// One entry for every sheet the registry imports: the enterprise sheet (its own, COPY-based pipeline) or one
// of the other kinds; and each kind's template. Used by the HTTP routes, the CLI and the resume at start-up.
import type { Writable } from 'node:stream';
import type { Database } from '../../platform/database/open-database.ts';
import { runKindImport } from './kinds/run-kind-import.ts';
import { templateHeaderOf, type SheetKindId } from './kinds/sheet-kind.ts';
import { SHEET_KINDS } from './kinds/sheet-kinds.ts';
import type { SheetFormat } from './read-sheet.ts';
import { runImport, type ImportOptions, type ImportSummary } from './run-import.ts';
import { writeTemplate } from './template.ts';
import { writeSheet } from './write-sheet.ts';

export const IMPORT_KINDS = ['enterprises', 'certificates', 'honours', 'platforms', 'talents'] as const;
export type ImportKind = 'enterprises' | SheetKindId;

export function importSheet(database: Database, kind: ImportKind, o: ImportOptions): Promise<ImportSummary> {
  return kind === 'enterprises' ? runImport(database, o) : runKindImport(database, SHEET_KINDS[kind], o);
}

export async function writeTemplateOf(kind: ImportKind, format: SheetFormat, out: Writable): Promise<void> {
  if (kind === 'enterprises') return writeTemplate(format, out);
  const k = SHEET_KINDS[kind];
  async function* example(): AsyncIterable<string[]> {
    yield k.columns.map((c) => c.example);
  }
  await writeSheet(format, k.title.zh, k.columns.map(templateHeaderOf), example(), out);
}

/** The template's file name, in Chinese like the sheets bureaus circulate. */
export function templateFileName(kind: ImportKind, format: SheetFormat): string {
  return `${kind === 'enterprises' ? '企业名录' : SHEET_KINDS[kind].title.zh}导入模板.${format}`;
}
