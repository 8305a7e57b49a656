// One entry for every sheet the registry imports: the enterprise sheet (its own, COPY-based pipeline) or one
// of the other kinds; each kind's template and export. Used by the HTTP routes, the CLI and the resume at start-up.
import type { Writable } from 'node:stream';
import type pg from 'pg';
import type { UserActor } from '../../platform/auth/actor.ts';
import type { Database } from '../../platform/database/open-database.ts';
import { exportEnterprises, type ExportFilter } from './export-enterprises.ts';
import { exportKind } from './kinds/export-kind.ts';
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

/** Exports a kind of sheet in its template's layout, so the file imports back unchanged. */
export function exportSheet(pool: pg.Pool, actor: UserActor, kind: ImportKind, filter: ExportFilter, format: SheetFormat, out: Writable): Promise<void> {
  return kind === 'enterprises' ? exportEnterprises(pool, actor, filter, format, out) : exportKind(pool, actor, kind, filter, format, out);
}

export function exportFileName(kind: ImportKind, format: SheetFormat): string {
  return `${kind === 'enterprises' ? '企业名录' : SHEET_KINDS[kind].title.zh}.${format}`;
}
