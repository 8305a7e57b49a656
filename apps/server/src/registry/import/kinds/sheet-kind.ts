// What a sheet kind other than the enterprise sheet supplies to the shared import pipeline: its columns
// (Chinese headers, template examples), a pure row validator and an upsert by its natural key. The reader,
// header check, batching, rejects, error report, job progress and resume are the pipeline's.
import type pg from 'pg';

export const SHEET_KIND_IDS = ['certificates', 'honours', 'platforms', 'talents'] as const;
export type SheetKindId = (typeof SHEET_KIND_IDS)[number];

export type KindColumn<K extends string = string> = { key: K; header: string; en: string; required?: boolean; example: string };

/** The shape of the enterprise import's RowError with the column as text, so the error report reads both. */
export type SheetRowError = { column: string | null; field: string; rule: string; message: string; message_en: string };

export type KindRow = { rowNumber: number; uscc: string };

export type KindContext = {
  /** ISO date of the day the job started: dates that cannot lie ahead are refused after it. */
  today: string;
  /** natural key → first row that gave it, across the whole file. */
  seen: Map<string, number>;
};

export type KindVerdict<R> = { ok: true; row: R; key: string } | { ok: false; errors: SheetRowError[] };

export type SheetKind<K extends string = string, R extends KindRow = KindRow> = {
  id: SheetKindId;
  /** Worksheet and file names, and what the page shows. */
  title: { zh: string; en: string };
  columns: readonly KindColumn<K>[];
  /** Certificates and honours belong to enterprises; platforms and talents to any organisation (a university's lab). */
  enterpriseOnly: boolean;
  /** The natural key in words, for the duplicate-row message. */
  keyWords: { zh: string; en: string };
  validate(rowNumber: number, cells: Partial<Record<K, string>>, ctx: KindContext): KindVerdict<R>;
  /** Inserts or updates by the natural key inside the caller's transaction; returns the rows actually changed. */
  upsert(client: pg.PoolClient, regionCode: string, rows: readonly (R & { organisationId: string })[]): Promise<number>;
};

export function templateHeaderOf(c: KindColumn): string {
  return c.required === true ? `${c.header}*` : c.header;
}
