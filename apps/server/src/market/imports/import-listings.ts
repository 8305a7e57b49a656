// Imports achievements and demands from CSV or Excel: every row is validated on its own, good rows are
// written in batches (one transaction and one audit row per batch), and every bad row is reported with
// its row number, field and rule, so the file can be corrected and imported again.
import type { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import type { AuditActor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/open-database.ts';
import { readSheet, type SheetFormat, type SheetRow } from '../../registry/import/read-sheet.ts';
import { writeSheet } from '../../registry/import/write-sheet.ts';
import type { ListingStatus } from '../schema.ts';
import { createColumnsPool, type ColumnsPool } from '../search/columns-pool.ts';
import { emptyCorpusDelta, type NumberedColumns } from '../search/search-columns.ts';
import { mapHeader, REPORT_ERROR_HEADER, REPORT_ROW_HEADER, type HeaderMap } from './listing-columns.ts';
import { validateListingRow, type RowError } from './validate-listing-row.ts';
import { finishBulkWrite, prepareBulkWrite, writeListings, type ListingToWrite } from './write-listings.ts';

export type ImportOptions = {
  regionCode: string;
  actor: AuditActor;
  /** Set for an organisation's own import: every row must belong to it. */
  onlyOrganisationId?: string;
  /** Owner for rows without a credit code (e.g. a university importing its own catalogue). */
  defaultCreditCode?: string;
  /** Bureau imports may publish at once; everyone else imports drafts. */
  status: Extract<ListingStatus, 'draft' | 'published'>;
  batchSize?: number;
  onProgress?: (rowsRead: number) => void;
};

export type RejectedRow = { row: number; cells: string[]; errors: RowError[] };
export type ImportSummary = { rowsRead: number; imported: number; failed: number; rejected: RejectedRow[]; header: string[] };

const MAX_KEPT_REJECTS = 100_000;
/** Batches read and sent to segmentation ahead of the write in progress (each holds its rows in memory). */
const WRITES_AHEAD = 2;

export async function importListings(db: Db, rows: AsyncIterable<SheetRow>, o: ImportOptions): Promise<ImportSummary> {
  const batchSize = o.batchSize ?? 1000;
  const owners = new Map<string, { id: string; districtCode: string | null } | null>();
  const seen = new Set<string>();
  const summary: ImportSummary = { rowsRead: 0, imported: 0, failed: 0, rejected: [], header: [] };
  const reject = (row: SheetRow, errors: RowError[]): void => {
    summary.failed += 1;
    if (summary.rejected.length < MAX_KEPT_REJECTS) summary.rejected.push({ row: row.rowNumber, cells: row.values, errors });
  };
  // The bulk path (as the benchmark's): statistics and champion lists of published rows are collected in
  // memory and applied once, after the last batch (or after a failure, for the batches already written), and
  // the GIN pending lists filled meanwhile are merged in one pass.
  const stats = emptyCorpusDelta({ collectChampions: true });
  let header: HeaderMap | undefined;
  let batch: { row: SheetRow; listing: ListingToWrite }[] = [];
  // From the second batch on, a worker thread segments each batch while earlier ones are written and the next
  // is read (a one-batch import never starts it). Writes stay in file order, one at a time.
  let pool: ColumnsPool | undefined;
  let batches = 0;
  let writing: Promise<void> = Promise.resolve();
  const queued: Promise<void>[] = [];

  const write = async (current: typeof batch, columns: NumberedColumns[] | undefined): Promise<void> => {
    await db.transaction(async (tx) => {
      await prepareBulkWrite(tx);
      const result = await writeListings(tx, o.regionCode, current.map((b) => b.listing), o.status, stats, columns);
      for (const index of result.notEditable) {
        reject(current[index]!.row, [{ field: 'id', code: 'listing_not_editable', message: '同编号条目已提交或发布，不能再导入覆盖', message_en: 'A listing with this id is already submitted or published and cannot be overwritten' }]);
      }
      summary.imported += result.written.length;
      await appendAudit(tx, o.actor, {
        regionCode: o.regionCode, action: 'market.listings_imported', entityType: 'market_listing', entityId: `import:${current[0]!.row.rowNumber}-${current.at(-1)!.row.rowNumber}`,
        after: { rows: current.length, written: result.written.length, status: o.status, ids: result.written.map((w) => w.id) },
      });
    });
  };

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    batches += 1;
    if (batches === 2) pool = createColumnsPool(1, stats.champions!.dictionary);
    const columns = pool?.columnsOf(current.map(({ listing: l }) => ({ title: l.title, keywords: l.keywords, summary: l.summary })));
    writing = writing.then(async () => write(current, await columns));
    // Handled here so a failed write waits, unreported, for a later flush or the end to throw it.
    writing.catch(() => undefined);
    queued.push(writing);
    // Reading goes on while up to WRITES_AHEAD batches wait for their turn, so the worker always has the next.
    while (queued.length > WRITES_AHEAD) await queued.shift();
  };
  try {
    for await (const row of rows) {
      if (!header) {
        header = mapHeader(row.values);
        summary.header = row.values;
        if (header.missing.length > 0) {
          reject(row, header.missing.map((c) => ({ field: c, code: 'missing_column', message: `缺少列 ${c}`, message_en: `Missing column ${c}` })));
          return summary;
        }
        continue;
      }
      summary.rowsRead += 1;
      o.onProgress?.(summary.rowsRead);
      const checked = validateListingRow(header, row.values, o.defaultCreditCode ?? null);
      if (!checked.ok) { reject(row, checked.errors); continue; }
      const l = checked.listing;
      const owner = await ownerOf(db, owners, o.regionCode, l.creditCode!);
      if (!owner) { reject(row, [{ field: 'credit_code', code: 'unknown_owner', message: `统一社会信用代码 ${l.creditCode} 的机构未在本地区登记`, message_en: `No organisation with credit code ${l.creditCode} is registered in this region` }]); continue; }
      if (o.onlyOrganisationId && owner.id !== o.onlyOrganisationId) { reject(row, [{ field: 'credit_code', code: 'not_your_organisation', message: '只能导入本机构的条目', message_en: 'You can only import listings of your own organisation' }]); continue; }
      if (l.externalId !== null) {
        const key = `${owner.id}|${l.externalId}`;
        if (seen.has(key)) { reject(row, [{ field: 'id', code: 'duplicate_id', message: `编号 ${l.externalId} 在文件中重复`, message_en: `id ${l.externalId} appears twice in the file` }]); continue; }
        seen.add(key);
      }
      batch.push({ row, listing: { ...l, ownerOrgId: owner.id, districtCode: owner.districtCode, createdBy: o.actor.userId } });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await writing;
    // Rows refused when their batch was written are reported after rows refused on reading: back in file order.
    summary.rejected.sort((a, b) => a.row - b.row);
    if (!header) reject({ rowNumber: 1, values: [] }, [{ field: 'file', code: 'empty_file', message: '文件为空', message_en: 'The file is empty' }]);
    return summary;
  } finally {
    await writing.catch(() => undefined);
    await pool?.close();
    await finishBulkWrite(db, o.regionCode, stats);
  }
}

async function ownerOf(db: Db, cache: Map<string, { id: string; districtCode: string | null } | null>, regionCode: string, uscc: string): Promise<{ id: string; districtCode: string | null } | null> {
  if (!cache.has(uscc)) {
    const res = await db.execute<{ id: string; district_code: string | null }>(sql`SELECT id, district_code FROM organisations WHERE region_code = ${regionCode} AND uscc = ${uscc}`);
    const row = res.rows[0];
    cache.set(uscc, row ? { id: row.id, districtCode: row.district_code } : null);
  }
  return cache.get(uscc)!;
}

export async function importListingsFile(db: Db, path: string, format: SheetFormat, o: ImportOptions): Promise<ImportSummary> {
  return importListings(db, readSheet(path, format).rows, o);
}

/** The rejected rows as they were sent, plus row number and errors: correct them and import the report again. */
export async function writeImportReport(summary: ImportSummary, format: SheetFormat, out: Writable): Promise<void> {
  const width = summary.header.length;
  async function* rows(): AsyncIterable<(string | number)[]> {
    for (const r of summary.rejected) {
      yield [...Array.from({ length: width }, (_, i) => r.cells[i] ?? ''), r.row, r.errors.map((e) => `${e.field}: ${e.message}（${e.code}）/ ${e.message_en}`).join('；\n')];
    }
  }
  await writeSheet(format, '导入错误', [...summary.header, REPORT_ROW_HEADER, REPORT_ERROR_HEADER], rows(), out);
}
